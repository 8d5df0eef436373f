"""An erratum to the written text of onboarding's version 1: the computation always counted
only *published* modules whose assignment is meant for the person (its audience, or everybody),
but the denominator's text did not say so. The figures do not change (the code is the same), so
this corrects the text of the version in place rather than adding a version that would count
the same; a text edited since (not the one of 0002) is left alone."""

from django.db import migrations

KEY = "onboarding_binnen_30_dagen"
BEFORE = (
    "Medewerkers bij wie de 30 dagen na hun startdatum zijn afgelopen in de periode, "
    "en voor wie een onboardingmodule geldt: een module met een actieve toewijzing "
    "'alleen voor wie begon op of na' een datum, en hun startdatum ligt op of na die "
    "datum."
)
AFTER = (
    "Medewerkers bij wie de 30 dagen na hun startdatum zijn afgelopen in de periode, "
    "en voor wie een onboardingmodule geldt: een gepubliceerde module met een actieve "
    "toewijzing 'alleen voor wie begon op of na' een datum, hun startdatum ligt op of na "
    "die datum en de toewijzing is voor iedereen of voor een doelgroep (rol of afdeling) "
    "waar zij bij horen."
)


def correct(apps, schema_editor):
    IndicatorDefinition = apps.get_model("goals", "IndicatorDefinition")
    IndicatorDefinition.objects.filter(
        indicator__key=KEY, version=1, denominator=BEFORE
    ).update(denominator=AFTER)


def undo(apps, schema_editor):
    IndicatorDefinition = apps.get_model("goals", "IndicatorDefinition")
    IndicatorDefinition.objects.filter(indicator__key=KEY, version=1, denominator=AFTER).update(
        denominator=BEFORE
    )


class Migration(migrations.Migration):
    dependencies = [("goals", "0003_snapshot_figures_keep_who_they_counted")]

    operations = [migrations.RunPython(correct, undo)]
