"""Remove allauth address rows that no longer match their account's address, or that hold an
address that is now another account's (why: ``accounts.email_addresses``). From now on every
write of ``User.email`` does this itself; this clears what earlier writes left behind."""

from django.db import migrations
from django.db.models import Exists, F, OuterRef, Q


def remove_stale_rows(apps, schema_editor):
    EmailAddress = apps.get_model("account", "EmailAddress")
    User = apps.get_model("accounts", "User")
    taken_by_another = User.objects.filter(email__iexact=OuterRef("email")).exclude(
        pk=OuterRef("user_id")
    )
    EmailAddress.objects.filter(
        ~Q(email__iexact=F("user__email")) | Q(Exists(taken_by_another))
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0011_adminjob_kind_yearly_overview"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(remove_stale_rows, migrations.RunPython.noop)]
