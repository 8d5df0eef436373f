"""The question-bank check: each rule fails a small cue-laden bank and passes once it is fixed,
and ``manage.py check_question_bank`` exits 1 on errors (warnings only with ``--strict``)."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Case, When

from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
from modules.learning.models import LessonPage
from quizzes.bank_check import Severity, bank_check, is_report_option
from quizzes.models import Option, Question, QuestionKind
from quizzes.selectors import attempt_items
from tests.factories import (
    DepartmentFactory,
    QuestionFactory,
    QuestionPoolFactory,
    QuizFactory,
    module_with_lessons,
)
from tests.quizzes.conftest import finish_lessons

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson():
    return LessonPage.objects.live().filter(pk__in=module_with_lessons(lessons=1).get_children())[0]


@pytest.fixture
def pool():
    return QuestionPoolFactory(name="Voorbeeldpool")


def codes(report, code: str | None = None) -> list[str]:
    found = [finding.code for finding in report.findings]
    return [c for c in found if c == code] if code else found


def single(pool, lesson, options, **kwargs):
    return QuestionFactory(
        kind=kwargs.pop("kind", QuestionKind.SINGLE),
        options=options,
        pools=[pool],
        source_page=lesson,
        **kwargs,
    )


# Options of equal length (so no longest-option cue) whose key moves around.
BALANCED = [
    [("Optie A", True), ("Optie B", False), ("Optie C", False)],
    [("Optie A", False), ("Optie B", True), ("Optie C", False)],
    [("Optie A", False), ("Optie B", False), ("Optie C", True)],
]


def balanced_bank(pool, lesson, n: int = 6) -> list[Question]:
    return [single(pool, lesson, BALANCED[i % 3]) for i in range(n)]


def test_a_balanced_bank_with_sources_is_clean(pool, lesson):
    balanced_bank(pool, lesson)
    report = bank_check()
    assert report.findings == []
    assert not report.failed(strict=True)
    (summary,) = report.pools
    assert summary.in_use == 6 and summary.without_source == 0
    assert dict(summary.key_positions) == {1: 2, 2: 2, 3: 2}


def test_no_source_fails_for_a_missing_or_unpublished_lesson(pool, lesson):
    question = single(pool, lesson, BALANCED[0])
    without = QuestionFactory(pools=[pool])
    assert codes(bank_check(), "no_source") == ["no_source"]
    (finding,) = bank_check().findings
    assert finding.question_id == without.pk and finding.severity == Severity.ERROR
    assert "les" in finding.message

    without.source_page = lesson
    without.save()
    assert codes(bank_check()) == []

    lesson.unpublish()
    report = bank_check()
    assert codes(report, "no_source") == ["no_source", "no_source"]
    assert "niet gepubliceerd" in report.findings[0].message
    assert {f.question_id for f in report.findings} == {question.pk, without.pk}


def test_a_question_not_in_use_is_not_checked(pool, lesson):
    QuestionFactory(pools=[pool], is_active=False)
    assert bank_check().findings == []


def test_longest_key_fails_when_the_key_is_often_the_longest_option(pool, lesson):
    cued = [("Schrijf op wat je zag, met de datum en de plek", True), ("Niets", False)]
    questions = [single(pool, lesson, BALANCED[i % 3]) for i in range(3)]
    questions += [single(pool, lesson, cued[::-1] if i else cued) for i in range(2)]
    # 2 of 5 longest: 40% is allowed.
    assert codes(bank_check(), "longest_key") == []
    Option.objects.filter(question=questions[0], is_correct=True).update(
        text="Een veel langer goed antwoord dan de rest"
    )
    report = bank_check()
    assert codes(report, "longest_key") == ["longest_key"]
    assert report.pools[0].longest_key.count == 3
    assert "3 van de 5" in report.findings[0].message


def test_longest_key_ignores_small_pools_and_ties(pool, lesson):
    for _ in range(4):
        single(pool, lesson, [("Het langste goede antwoord", True), ("Kort", False)])
    assert codes(bank_check(), "longest_key") == []  # fewer than 5 items
    single(pool, lesson, [("Even lang", True), ("Zo kort", False), ("Even kort", False)])
    report = bank_check()
    assert codes(report, "longest_key") == ["longest_key"]
    # 4 of 5: the fifth key ties for the longest, which is not a cue.
    assert (report.pools[0].longest_key.count, report.pools[0].longest_key.total) == (4, 5)


def test_longest_key_for_multiple_response(pool, lesson):
    long_right = [("Het lange goede antwoord", True), ("B", True), ("C", False), ("D", False)]
    long_wrong = [("A", True), ("B", True), ("Het lange foute antwoord", False), ("D", False)]
    for options in [long_right, long_right, long_wrong, long_wrong]:
        single(pool, lesson, options, kind=QuestionKind.MULTIPLE)
    assert codes(bank_check(), "longest_key") == []  # 2 of 4 = 50%
    single(pool, lesson, long_right, kind=QuestionKind.MULTIPLE)
    single(pool, lesson, long_right, kind=QuestionKind.MULTIPLE)
    report = bank_check()  # 4 of 6 = 67%
    assert codes(report, "longest_key") == ["longest_key"]
    assert "meerkeuze" in report.findings[0].message or "meer" in report.findings[0].message


def test_key_position_fails_when_most_keys_sit_in_one_place(pool, lesson):
    questions = [single(pool, lesson, BALANCED[0]) for _ in range(4)]
    questions += [single(pool, lesson, BALANCED[1]), single(pool, lesson, BALANCED[2])]
    report = bank_check()  # 4 of 6 in the first place
    assert codes(report, "key_position") == ["key_position"]
    assert report.pools[0].key_positions[1] == 4
    Option.objects.filter(question=questions[0]).delete()
    for order, (text, correct) in enumerate(BALANCED[2]):
        Option.objects.create(
            question=questions[0], text=text, is_correct=correct, sort_order=order
        )
    assert codes(bank_check(), "key_position") == []  # 3 of 6 is half, allowed


def test_key_position_leaves_out_questions_with_two_options(pool, lesson):
    for _ in range(6):
        single(pool, lesson, [("Ja dus", True), ("Nee dus", False)])
    assert codes(bank_check(), "key_position") == []


def test_true_false_balance(pool, lesson):
    true = [("Waar", True), ("Niet waar", False)]
    false = [("Waar", False), ("Niet waar", True)]
    questions = [single(pool, lesson, true, kind=QuestionKind.TRUE_FALSE) for _ in range(5)]
    questions.append(single(pool, lesson, false, kind=QuestionKind.TRUE_FALSE))
    report = bank_check()  # 5 of 6 keyed Waar: 83%
    assert codes(report, "true_false_balance") == ["true_false_balance"]
    assert report.pools[0].true_keyed.count == 5
    for question in questions[:2]:
        question.options.update(is_correct=Case(When(text="Waar", then=False), default=True))
    assert codes(bank_check(), "true_false_balance") == []  # 3 of 6


def test_only_report_key_fails_when_the_key_is_the_only_reporting_option(pool, lesson):
    question = single(
        pool,
        lesson,
        [
            ("Je meldt het bij de contactpersoon ondermijning", True),
            ("Je zoekt het zelf uit op internet", False),
            ("Je spreekt de ondernemer erop aan", False),
        ],
        kind=QuestionKind.SCENARIO,
    )
    report = bank_check()
    assert codes(report, "only_report_key") == ["only_report_key"]
    assert report.findings[0].question_id == question.pk
    assert report.pools[0].only_report == 1
    Option.objects.filter(question=question, sort_order=1).update(
        text="Je meldt het zelf bij de politie via 112"
    )
    assert codes(bank_check(), "only_report_key") == []


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("Je meldt het", True),
        ("Melden bij het Meldpunt", True),
        ("Het is al gemeld", True),
        ("Geef het aan je teamleider door", True),
        ("Je leidinggevende inlichten", True),
        ("Escaleren naar de directie", True),
        ("Je belt het kernteam", True),
        ("Je wacht op bewijs", False),
        ("Je spreekt de persoon aan", False),
    ],
)
def test_what_counts_as_a_reporting_option(text, reports):
    assert is_report_option(text) is reports


def test_unfillable_rule_is_an_error_and_small_pool_a_warning(pool, lesson):
    balanced_bank(pool, lesson, n=6)  # 6 on Melden
    QuizFactory(title="Voorbeeldtoets", max_attempts=1, draw=[(pool, "melden", 7)])
    report = bank_check()
    assert codes(report) == ["unfillable_rule"]
    assert "Voorbeeldtoets" in report.findings[0].message and report.failed()
    (rule,) = report.pools[0].rules
    assert (rule.count, rule.available, rule.status) == (7, 6, "unfillable")


def test_small_pool_warns_for_quizzes_with_retakes(pool, lesson):
    balanced_bank(pool, lesson, n=6)
    quiz = QuizFactory(title="Voorbeeldtoets", max_attempts=3, draw=[(pool, "", 4)])
    report = bank_check()
    assert codes(report) == ["small_pool"]
    assert report.findings[0].severity == Severity.WARNING
    assert not report.failed() and report.failed(strict=True)
    quiz.max_attempts = 1
    quiz.save()
    assert codes(bank_check()) == []  # no retakes: a small pool is fine
    quiz.max_attempts = None  # unlimited attempts
    quiz.save()
    assert codes(bank_check()) == ["small_pool"]


def take_quiz(user, module, choice: str) -> None:
    """Answer every question with the option whose text is ``choice``."""
    finish_lessons(user, module)
    attempt = final_quiz_start(user=user, module=module)
    data = {
        f"q{item.position}": [o["key"] for o in item.options if o["text"] == choice]
        for item in attempt_items(attempt=attempt)
    }
    assert not final_quiz_submit(user=user, attempt=attempt, data=data).errors


def test_item_all_or_none_warns_from_five_people_on(pool, lesson, make_user):
    question = single(pool, lesson, BALANCED[0])  # the key is "Optie A"
    balanced_bank(pool, lesson, n=5)
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    department = DepartmentFactory()
    for _ in range(4):
        take_quiz(make_user(department=department), module, "Optie A")
    assert codes(bank_check(), "item_all_or_none") == []  # four people: too few to judge
    take_quiz(make_user(department=department), module, "Optie A")
    report = bank_check()
    (finding,) = [f for f in report.findings if f.code == "item_all_or_none"]
    assert finding.question_id == question.pk and finding.severity == Severity.WARNING
    assert not report.failed() and report.failed(strict=True)
    take_quiz(make_user(department=department), module, "Optie B")
    assert codes(bank_check(), "item_all_or_none") == []


def test_item_all_or_none_looks_at_the_current_version_only(pool, lesson, make_user):
    question = single(pool, lesson, BALANCED[0])
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    for _ in range(5):
        take_quiz(make_user(), module, "Optie A")
    assert codes(bank_check()) == ["item_all_or_none"]
    Question.objects.filter(pk=question.pk).update(version=2)  # edited after those answers
    assert codes(bank_check()) == []


def test_item_all_or_none_warns_when_no_one_gets_it_right(pool, lesson, make_user):
    question = single(pool, lesson, BALANCED[0])
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    for _ in range(5):
        take_quiz(make_user(), module, "Optie C")
    (finding,) = bank_check().findings
    assert finding.code == "item_all_or_none" and "Niemand" in finding.message


def test_bank_check_runs_a_constant_number_of_queries(pool, lesson, django_assert_max_num_queries):
    balanced_bank(pool, lesson, n=3)
    QuizFactory(max_attempts=1, draw=[(pool, "", 1)])
    with django_assert_max_num_queries(10):
        bank_check()
    other = QuestionPoolFactory(name="Tweede voorbeeldpool")
    balanced_bank(other, lesson, n=12)
    QuizFactory(max_attempts=1, draw=[(other, "", 2), (other, "drugs", 1)])
    with django_assert_max_num_queries(10):
        bank_check()


def test_one_pool_can_be_checked_alone(pool, lesson):
    balanced_bank(pool, lesson)
    other = QuestionPoolFactory(name="Tweede voorbeeldpool")
    QuestionFactory(pools=[other])  # no source
    assert codes(bank_check(pool_names=[pool.name])) == []
    assert codes(bank_check(pool_names=[other.name])) == ["no_source"]


def run(*args) -> tuple[int, str]:
    out = io.StringIO()
    try:
        call_command("check_question_bank", *args, stdout=out)
    except SystemExit as exit_:
        return exit_.code, out.getvalue()
    return 0, out.getvalue()


def test_the_command_exits_1_on_a_cue_laden_bank_and_0_once_fixed(pool, lesson):
    questions = balanced_bank(pool, lesson)
    QuestionFactory(pools=[pool])  # no teaching source
    code, out = run()
    assert code == 1
    assert "Voorbeeldpool" in out and "no_source" in out and "1 fout(en)" in out
    Question.objects.exclude(pk__in=[q.pk for q in questions]).update(is_active=False)
    code, out = run()
    assert code == 0 and "Geen problemen gevonden" in out


def test_the_command_fails_on_warnings_only_when_strict(pool, lesson):
    balanced_bank(pool, lesson)
    QuizFactory(max_attempts=None, draw=[(pool, "", 6)])
    assert run()[0] == 0
    code, out = run("--strict")
    assert code == 1 and "small_pool" in out


def test_the_command_checks_one_pool_and_speaks_json(pool, lesson):
    balanced_bank(pool, lesson)
    other = QuestionPoolFactory(name="Tweede voorbeeldpool")
    QuestionFactory(pools=[other])
    assert run("--pool", pool.name)[0] == 0
    code, out = run("--pool", other.name, "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["failed"] is True and data["errors"] == 1
    assert [p["name"] for p in data["pools"]] == [other.name]
    assert data["findings"][0]["code"] == "no_source"
    with pytest.raises(CommandError):
        call_command("check_question_bank", "--pool", "Bestaat niet", stdout=io.StringIO())
