"""The trends emails are English msgids in code and come out in Dutch, with every line
translated and titles as typed (plain text: no HTML escaping)."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils import timezone

from accounts.roles import Role
from modules.trends.services import digest_send, review_reminders_send
from tests.factories import a_trend

pytestmark = pytest.mark.django_db

ENGLISH = ("Dear", "trend on Weerbaar", "review date", "core team", "municipality", "Report it")


def assert_dutch(message) -> None:
    for english in ENGLISH:
        assert english not in message.subject and english not in message.body, english


def test_the_review_reminder_is_in_dutch(make_user, django_capture_on_commit_callbacks):
    make_user(Role.MEDEWERKER, Role.KERNTEAM)
    trend = a_trend(title="Autohandel & contant geld", review_in_days=-3)
    with django_capture_on_commit_callbacks(execute=True):
        assert review_reminders_send(today=timezone.localdate()) == 1
    (message,) = mail.outbox
    assert message.subject == "Trends om te controleren: de controledatum is voorbij"
    body = message.body
    assert body.startswith("Beste collega van het kernteam,\n\nDe controledatum van deze trends")
    review_by = trend.review_by
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]  # fmt: skip
    when = f"{review_by.day} {months[review_by.month - 1]} {review_by.year}"
    assert f"- Autohandel & contant geld (controleren voor {when})" in body
    assert "Een aangepaste trend gaat pas live als een tweede kernteamlid hem goedkeurt." in body
    assert "Je krijgt deze herinnering één keer per trend en controledatum." in body
    assert body.rstrip().endswith("Weerbaar, gemeente Dordrecht")
    assert_dutch(message)


@pytest.mark.parametrize(
    ("count", "intro"),
    [(1, "Er is een nieuwe trend op Weerbaar:"), (2, "Er zijn nieuwe trends op Weerbaar:")],
)
def test_the_digest_is_in_dutch_with_its_plural(
    make_user, django_capture_on_commit_callbacks, count, intro
):
    make_user(Role.MEDEWERKER, first_name="Fatima")
    for number in range(count):
        a_trend(title=f"Trend {number} & co", published_days_ago=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert digest_send(today=timezone.localdate()) == 1
    (message,) = mail.outbox
    assert message.subject == "Nieuw op Weerbaar: trends en signalen"
    body = message.body
    assert body.startswith(f"Beste Fatima,\n\n{intro}\n")
    assert "- Trend 0 & co" in body
    assert "Zie je zoiets in je werk? Meld het. Op Weerbaar lees je hoe." in body
    assert "Zet hem uit bij “Mijn gegevens”:" in body and "/mijn-gegevens/" in body
    assert_dutch(message)


def test_the_digest_greets_a_colleague_without_a_first_name(
    make_user, django_capture_on_commit_callbacks
):
    make_user(Role.MEDEWERKER, first_name="")
    a_trend(published_days_ago=1)
    with django_capture_on_commit_callbacks(execute=True):
        digest_send(today=timezone.localdate())
    assert mail.outbox[0].body.startswith("Beste collega,")
