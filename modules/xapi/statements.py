"""xAPI 1.0.3 statements: the vocabulary, the builders and a check of the rules we can verify.

What a statement holds, and why:

* **Actor**: an ``account`` agent whose ``homePage`` is the site's root and whose ``name`` is
  the person's pseudonym (:class:`modules.xapi.models.Pseudonym`, a random UUID). Never a
  name, an email address (``mbox``) or a database id: the LRS is read by analysts and
  auditors outside the municipality's HR systems.
* **Verbs**: ADL's (``completed``, ``passed``, ``failed``, ``attended``, ``voided``) and, for a
  certificate, ``earned`` from the Tin Can registry (ADL defines none for it).
* **Activity ids**: IRIs under the site's root built from keys that survive renames, moves and
  a copy of the database to another environment: a page's ``translation_key`` (a UUID Wagtail
  gives every page, kept when the title or slug changes), never a database id. The final quiz
  is named after its module (one quiz closes one module), so its id is the module's plus
  ``/final-quiz``; a module's certificate is the module's plus ``/certificate``. A certificate's
  verification code is never sent: its public page shows the holder's initials.
* **context.registration**: one UUID per person, module and round (derived, so every statement
  of a round, lesson by lesson up to the certificate, carries the same one without storing it).

:func:`statement_problems` checks a statement against the rules of the specification that can
be checked without an LRS (required properties, IRIs, UUIDs, timestamps, score ranges); the
builders run it, so an invalid statement is never written to the outbox.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

XAPI_VERSION = "1.0.3"
LANGUAGE = "nl-NL"
PLATFORM = "Weerbaar"

# Fixed forever: the round registrations are derived from it (changing it would split every
# round in the LRS into two).
REGISTRATION_NAMESPACE = uuid.UUID("0f3c5a56-6f8e-4c1b-9d0e-5be0a4c3e7d1")


@dataclass(frozen=True)
class Verb:
    id: str
    display_en: str
    display_nl: str

    def as_json(self) -> dict:
        return {"id": self.id, "display": {"en-US": self.display_en, LANGUAGE: self.display_nl}}


ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
COMPLETED = Verb(f"{ADL_VERBS}completed", "completed", "heeft afgerond")
PASSED = Verb(f"{ADL_VERBS}passed", "passed", "is geslaagd voor")
FAILED = Verb(f"{ADL_VERBS}failed", "failed", "is gezakt voor")
SCORED = Verb(f"{ADL_VERBS}scored", "scored", "scoorde")
ATTENDED = Verb(f"{ADL_VERBS}attended", "attended", "was aanwezig bij")
VOIDED = Verb(f"{ADL_VERBS}voided", "voided", "trok in")
EARNED = Verb("http://id.tincanapi.com/verb/earned", "earned", "behaalde")

ADL_ACTIVITIES = "http://adlnet.gov/expapi/activities/"
TYPE_MODULE = f"{ADL_ACTIVITIES}module"
TYPE_LESSON = f"{ADL_ACTIVITIES}lesson"
TYPE_ASSESSMENT = f"{ADL_ACTIVITIES}assessment"
TYPE_MEETING = f"{ADL_ACTIVITIES}meeting"
TYPE_CERTIFICATE = "http://id.tincanapi.com/activitytype/certificate"


@dataclass(frozen=True)
class Activity:
    id: str
    type: str
    name: str

    def as_json(self) -> dict:
        definition: dict[str, Any] = {"type": self.type}
        if self.name:
            definition["name"] = {LANGUAGE: self.name}
        return {"objectType": "Activity", "id": self.id, "definition": definition}


def activity_iri(*, root: str, kind: str, key: uuid.UUID | str) -> str:
    """``https://weerbaar.dordrecht.nl/xapi/module/<translation key>``: an identifier, not an
    address (nothing is served there)."""
    return f"{root.rstrip('/')}/xapi/{kind}/{key}"


def round_registration(*, actor_key: uuid.UUID, module_key: uuid.UUID | str, cycle: int) -> str:
    return str(uuid.uuid5(REGISTRATION_NAMESPACE, f"{actor_key}:{module_key}:{cycle}"))


def timestamp(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds and ``Z`` (the LRS keeps the precision it is given)."""
    if moment.tzinfo is None:
        raise ValueError("An xAPI timestamp needs a time zone.")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def duration(span: timedelta) -> str:
    """An ISO 8601 duration rounded to 0.01 s, as the specification asks (``PT754.35S``)."""
    seconds = max(Decimal(0), Decimal(span.total_seconds()).quantize(Decimal("0.01")))
    return f"PT{seconds.normalize():f}S"


def actor(*, root: str, actor_key: uuid.UUID) -> dict:
    return {
        "objectType": "Agent",
        "account": {"homePage": root.rstrip("/"), "name": str(actor_key)},
    }


def reported_by_content(*, root: str, result: dict[str, Any]) -> dict[str, Any]:
    """``result`` marked as the content's own report (a SCORM package's score, sent by the
    learner's browser and judged by the server against the pass mark; docs/scorm.md), so an
    analyst can tell it from a quiz the server scored itself."""
    extensions = {**result.get("extensions", {}), f"{root}/xapi/extension/reported-by": "scorm"}
    return {**result, "extensions": extensions}


def score_result(
    *, percent: Decimal, passed: bool, span: timedelta | None = None
) -> dict[str, Any]:
    """An attempt's result: the score as a fraction (``scaled``) and as the percentage the
    site shows (``raw`` between 0 and 100), whether it passed, and how long it took."""
    percent = Decimal(percent)
    result: dict[str, Any] = {
        "score": {
            "scaled": float((percent / 100).quantize(Decimal("0.0001"))),
            "raw": float(percent),
            "min": 0,
            "max": 100,
        },
        "success": bool(passed),
        "completion": True,
    }
    if span is not None:
        result["duration"] = duration(span)
    return result


def build_statement(
    *,
    statement_id: uuid.UUID,
    root: str,
    actor_key: uuid.UUID,
    verb: Verb,
    activity: Activity,
    moment: datetime,
    result: dict | None = None,
    parents: tuple[Activity, ...] = (),
    registration: str | None = None,
) -> dict:
    """One statement about an activity; raises :class:`InvalidStatement` when it breaks a rule
    (a bug: our own data made it)."""
    context: dict[str, Any] = {"platform": PLATFORM, "language": LANGUAGE}
    if registration is not None:
        context["registration"] = registration
    if parents:
        context["contextActivities"] = {"parent": [parent.as_json() for parent in parents]}
    statement: dict[str, Any] = {
        "id": str(statement_id),
        "actor": actor(root=root, actor_key=actor_key),
        "verb": verb.as_json(),
        "object": activity.as_json(),
        "context": context,
        "timestamp": timestamp(moment),
    }
    if result is not None:
        statement["result"] = result
    return checked(statement)


def build_voiding_statement(
    *, statement_id: uuid.UUID, root: str, actor_key: uuid.UUID, voided_id: uuid.UUID, moment
) -> dict:
    """Takes back a statement already sent (an LRS never deletes one): the same actor, verb
    ``voided``, object a StatementRef to it. No context platform: only for activities."""
    return checked(
        {
            "id": str(statement_id),
            "actor": actor(root=root, actor_key=actor_key),
            "verb": VOIDED.as_json(),
            "object": {"objectType": "StatementRef", "id": str(voided_id)},
            "timestamp": timestamp(moment),
        }
    )


# ---------------------------------------------------------------------------------------------
# The rules of xAPI 1.0.3 that can be checked on a statement alone
# ---------------------------------------------------------------------------------------------


class InvalidStatement(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def checked(statement: dict) -> dict:
    problems = statement_problems(statement)
    if problems:
        raise InvalidStatement(problems)
    return statement


STATEMENT_KEYS = {
    "id",
    "actor",
    "verb",
    "object",
    "result",
    "context",
    "timestamp",
    "stored",
    "authority",
    "version",
    "attachments",
}
IFI_KEYS = ("mbox", "mbox_sha1sum", "openid", "account")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
_TIMESTAMP = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"
)  # RFC 3339, the profile of ISO 8601 LRSs accept
_DURATION = re.compile(
    r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$"
)


def is_iri(value: Any) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def is_uuid(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return False
    return str(parsed) == value.lower() and parsed.variant == uuid.RFC_4122


def _language_map(value: Any, where: str) -> list[str]:
    if not isinstance(value, dict) or not value:
        return [f"{where} must be a language map"]
    return [
        f"{where}: {tag!r} is not a language tag"
        for tag, text in value.items()
        if not _LANGUAGE_TAG.match(tag) or not isinstance(text, str)
    ]


def _agent_problems(agent: Any, where: str) -> list[str]:
    if not isinstance(agent, dict):
        return [f"{where} must be an object"]
    problems = []
    if agent.get("objectType", "Agent") != "Agent":
        problems.append(f"{where}.objectType must be Agent")
    ifis = [key for key in IFI_KEYS if key in agent]
    if len(ifis) != 1:
        problems.append(f"{where} needs exactly one inverse functional identifier")
    account = agent.get("account")
    if account is not None:
        if not is_iri(account.get("homePage")):
            problems.append(f"{where}.account.homePage must be an IRL")
        if not isinstance(account.get("name"), str) or not account.get("name"):
            problems.append(f"{where}.account.name is required")
    return problems


def _activity_problems(activity: Any, where: str) -> list[str]:
    if not isinstance(activity, dict):
        return [f"{where} must be an object"]
    problems = []
    if activity.get("objectType", "Activity") != "Activity":
        problems.append(f"{where}.objectType must be Activity")
    if not is_iri(activity.get("id")):
        problems.append(f"{where}.id must be an IRI")
    definition = activity.get("definition", {})
    if "type" in definition and not is_iri(definition["type"]):
        problems.append(f"{where}.definition.type must be an IRI")
    for key in ("name", "description"):
        if key in definition:
            problems += _language_map(definition[key], f"{where}.definition.{key}")
    return problems


def _result_problems(result: Any) -> list[str]:
    if not isinstance(result, dict):
        return ["result must be an object"]
    problems = []
    score = result.get("score")
    if score is not None:
        scaled = score.get("scaled")
        if scaled is not None and not (
            isinstance(scaled, int | float) and not isinstance(scaled, bool) and -1 <= scaled <= 1
        ):
            problems.append("result.score.scaled must be a number from -1 to 1")
        low, high, raw = score.get("min"), score.get("max"), score.get("raw")
        if low is not None and high is not None and not low < high:
            problems.append("result.score.min must be less than max")
        if raw is not None:
            if low is not None and raw < low:
                problems.append("result.score.raw is below min")
            if high is not None and raw > high:
                problems.append("result.score.raw is above max")
    for key in ("success", "completion"):
        if key in result and not isinstance(result[key], bool):
            problems.append(f"result.{key} must be true or false")
    if "duration" in result and not _DURATION.match(str(result["duration"])):
        problems.append("result.duration must be an ISO 8601 duration")
    extensions = result.get("extensions", {})
    if not isinstance(extensions, dict) or not all(is_iri(key) for key in extensions):
        problems.append("result.extensions must be an object keyed by IRIs")
    return problems


def statement_problems(statement: dict) -> list[str]:
    """Every rule of xAPI 1.0.3 this statement breaks (empty when none we can check)."""
    problems = [f"unknown property {key!r}" for key in statement if key not in STATEMENT_KEYS]
    for key in ("actor", "verb", "object"):
        if key not in statement:
            problems.append(f"{key} is required")
    if "id" in statement and not is_uuid(statement["id"]):
        problems.append("id must be a UUID")
    if "actor" in statement:
        problems += _agent_problems(statement["actor"], "actor")
    verb = statement.get("verb")
    if verb is not None:
        if not is_iri(verb.get("id")):
            problems.append("verb.id must be an IRI")
        if "display" in verb:
            problems += _language_map(verb["display"], "verb.display")
    obj = statement.get("object")
    object_type = obj.get("objectType", "Activity") if isinstance(obj, dict) else None
    if obj is not None:
        if object_type == "StatementRef":
            if not is_uuid(obj.get("id")):
                problems.append("object.id of a StatementRef must be a UUID")
        else:
            problems += _activity_problems(obj, "object")
    if verb is not None and verb.get("id") == VOIDED.id and object_type != "StatementRef":
        problems.append("a voiding statement's object must be a StatementRef")
    if "result" in statement:
        problems += _result_problems(statement["result"])
    context = statement.get("context")
    if context is not None:
        if "registration" in context and not is_uuid(context["registration"]):
            problems.append("context.registration must be a UUID")
        if "language" in context and not _LANGUAGE_TAG.match(context["language"]):
            problems.append("context.language must be a language tag")
        if object_type != "Activity" and ("platform" in context or "revision" in context):
            problems.append("context.platform and revision are only for activities")
        for kind, activities in context.get("contextActivities", {}).items():
            if kind not in ("parent", "grouping", "category", "other"):
                problems.append(f"contextActivities.{kind} is not a context type")
                continue
            for position, activity in enumerate(activities):
                where = f"context.contextActivities.{kind}[{position}]"
                problems += _activity_problems(activity, where)
    if "timestamp" in statement:
        stamp = statement["timestamp"]
        if not isinstance(stamp, str) or not _TIMESTAMP.match(stamp) or stamp.endswith("-00:00"):
            problems.append("timestamp must be ISO 8601 with a time zone")
    return problems
