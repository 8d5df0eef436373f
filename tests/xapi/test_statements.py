"""The shape of the statements: what xAPI 1.0.3 requires and what we can check without an LRS
(required properties, IRIs, UUIDs, timestamps, score ranges), on the builders' output and on
statements that break a rule."""

from __future__ import annotations

import copy
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from modules.xapi.statements import (
    COMPLETED,
    PASSED,
    TYPE_ASSESSMENT,
    TYPE_MODULE,
    Activity,
    InvalidStatement,
    build_statement,
    build_voiding_statement,
    duration,
    round_registration,
    score_result,
    statement_problems,
    timestamp,
)

ROOT = "https://weerbaar.example"
ACTOR = uuid.UUID("6a1f7a0e-4b1e-4d5a-9a51-3c2b0f6c9d11")
MODULE = Activity(f"{ROOT}/xapi/module/{uuid.uuid4()}", TYPE_MODULE, "Signalen herkennen")
QUIZ = Activity(f"{MODULE.id}/final-quiz", TYPE_ASSESSMENT, "Eindtoets")
MOMENT = datetime(2026, 3, 5, 13, 45, 12, 345678, tzinfo=UTC)


def quiz_statement(**overrides) -> dict:
    return build_statement(
        statement_id=uuid.uuid4(),
        root=ROOT,
        actor_key=ACTOR,
        verb=PASSED,
        activity=QUIZ,
        moment=MOMENT,
        result=score_result(percent=Decimal("87.50"), passed=True, span=timedelta(seconds=754.351)),
        parents=(MODULE,),
        registration=round_registration(actor_key=ACTOR, module_key="m", cycle=1),
        **overrides,
    )


def test_a_quiz_statement_has_what_xapi_requires_and_nothing_personal():
    statement = quiz_statement()
    assert statement_problems(statement) == []
    assert set(statement) == {"id", "actor", "verb", "object", "result", "context", "timestamp"}
    assert uuid.UUID(statement["id"]).version == 4
    assert statement["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": ROOT, "name": str(ACTOR)},
    }
    assert statement["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"
    assert statement["object"]["definition"] == {
        "type": "http://adlnet.gov/expapi/activities/assessment",
        "name": {"nl-NL": "Eindtoets"},
    }
    assert statement["result"] == {
        "score": {"scaled": 0.875, "raw": 87.5, "min": 0, "max": 100},
        "success": True,
        "completion": True,
        "duration": "PT754.35S",
    }
    assert statement["context"]["contextActivities"]["parent"][0]["id"] == MODULE.id
    assert statement["timestamp"] == "2026-03-05T13:45:12.345Z"


def test_the_round_registration_is_stable_and_differs_per_round():
    first = round_registration(actor_key=ACTOR, module_key="m", cycle=1)
    assert first == round_registration(actor_key=ACTOR, module_key="m", cycle=1)
    assert first != round_registration(actor_key=ACTOR, module_key="m", cycle=2)
    assert uuid.UUID(first).version == 5


def test_scores_at_the_edges_stay_in_range():
    for percent, scaled in (("0", 0.0), ("100", 1.0), ("33.33", 0.3333)):
        result = score_result(percent=Decimal(percent), passed=False)
        assert result["score"]["scaled"] == scaled
        assert -1 <= result["score"]["scaled"] <= 1


def test_timestamps_need_a_time_zone_and_are_written_in_utc():
    amsterdam = datetime(2026, 7, 1, 10, 0, tzinfo=UTC) + timedelta(0)
    assert timestamp(amsterdam) == "2026-07-01T10:00:00.000Z"
    with pytest.raises(ValueError, match="time zone"):
        timestamp(datetime(2026, 7, 1, 10, 0))
    assert duration(timedelta(hours=1, seconds=0.004)) == "PT3600S"


def test_a_voiding_statement_points_at_the_statement_it_takes_back():
    voided = uuid.uuid4()
    statement = build_voiding_statement(
        statement_id=uuid.uuid4(), root=ROOT, actor_key=ACTOR, voided_id=voided, moment=MOMENT
    )
    assert statement_problems(statement) == []
    assert statement["object"] == {"objectType": "StatementRef", "id": str(voided)}
    assert "context" not in statement


def broken(change) -> list[str]:
    statement = copy.deepcopy(quiz_statement())
    change(statement)
    return statement_problems(statement)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda s: s.pop("actor"), "actor is required"),
        (lambda s: s.pop("verb"), "verb is required"),
        (lambda s: s.pop("object"), "object is required"),
        (lambda s: s.update(id="12345"), "id must be a UUID"),
        (lambda s: s.update(colour="blue"), "unknown property"),
        (lambda s: s["actor"].update(mbox="mailto:a@b.nl"), "exactly one inverse functional"),
        (lambda s: s["actor"]["account"].update(homePage="weerbaar"), "homePage must be an IRL"),
        (lambda s: s["verb"].update(id="passed"), "verb.id must be an IRI"),
        (lambda s: s["verb"].update(display={"not a tag!": "x"}), "not a language tag"),
        (lambda s: s["object"].update(id="module 1"), "object.id must be an IRI"),
        (lambda s: s["result"]["score"].update(scaled=1.5), "from -1 to 1"),
        (lambda s: s["result"]["score"].update(scaled=True), "from -1 to 1"),
        (lambda s: s["result"]["score"].update(raw=120), "raw is above max"),
        (lambda s: s["result"]["score"].update(min=100), "min must be less than max"),
        (lambda s: s["result"].update(success="yes"), "result.success"),
        (lambda s: s["result"].update(duration="754 seconds"), "ISO 8601 duration"),
        (lambda s: s["context"].update(registration="round-1"), "registration must be a UUID"),
        (lambda s: s.update(timestamp="2026-03-05 13:45"), "timestamp"),
        (lambda s: s.update(timestamp="2026-03-05T13:45:12"), "timestamp"),
        (lambda s: s.update(timestamp="2026-03-05T13:45:12-00:00"), "timestamp"),
        (
            lambda s: s.update(verb={"id": "http://adlnet.gov/expapi/verbs/voided"}),
            "voiding statement's object must be a StatementRef",
        ),
        (
            lambda s: s.update(object={"objectType": "StatementRef", "id": "x"}),
            "StatementRef must be a UUID",
        ),
    ],
)
def test_statements_that_break_a_rule_are_caught(change, problem):
    problems = broken(change)
    assert any(problem in text for text in problems), problems


def test_the_builders_refuse_to_make_an_invalid_statement():
    with pytest.raises(InvalidStatement, match=r"object\.id must be an IRI"):
        build_statement(
            statement_id=uuid.uuid4(),
            root=ROOT,
            actor_key=ACTOR,
            verb=COMPLETED,
            activity=Activity("not an iri", TYPE_MODULE, "x"),
            moment=MOMENT,
        )
