"""The question-bank check: cues that let a test-wise learner pass without knowing the
answers, questions that no lesson teaches, and draw rules the pools cannot serve.

The kernteam runs it with ``manage.py check_question_bank`` or from the admin ("Controle
vragenbank", :mod:`quizzes.bank_views`); both show the same :class:`BankReport`. The rules are
the shared contract with the demo content (docs/assessment.md), per pool and over the
questions in use:

errors
    ``no_source`` (no teaching source, or one that is not live), ``longest_key`` (the key is
    too often the longest option), ``key_position`` (the key too often sits in one place),
    ``true_false_balance`` (too many or too few "Waar" keys), ``only_report_key`` (the key is
    the only option that reports), ``unfillable_rule`` (a draw rule asks for more questions
    than its pool and theme hold);
warnings
    ``small_pool`` (a quiz with retakes draws from a pool smaller than twice the rule, so a
    retake sees many of the same questions), ``item_all_or_none`` (from the item analysis:
    everyone, or no one, answers the question right).

:func:`bank_check` runs a fixed number of queries whatever the size of the bank: the pools,
the pool links, the questions with their sources, their options, the draw rules with their
quizzes, and the item analysis's own aggregates.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import models
from django.db.models import Count, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from quizzes.analysis import question_figures
from quizzes.choices import QuestionKind, Theme
from quizzes.models import DrawRule, Option, Question, QuestionPool

# Thresholds of the rules (docs/assessment.md). A rule only judges a pool once it holds
# enough questions of the kinds concerned: below that a share says nothing.
LONGEST_KEY_MAX_SHARE = 0.40
LONGEST_KEY_MIN_ITEMS = 5
LONGEST_MULTIPLE_MAX_SHARE = 0.60
LONGEST_MULTIPLE_MIN_ITEMS = 4
KEY_POSITION_MAX_SHARE = 0.50
KEY_POSITION_MIN_ITEMS = 6
KEY_POSITION_MIN_OPTIONS = 3
TRUE_SHARE_RANGE = (0.30, 0.70)
TRUE_FALSE_MIN_ITEMS = 6
SMALL_POOL_FACTOR = 2
TRUE_TEXT = "Waar"

# An option that tells the learner to report or pass the matter on.
REPORT_PATTERN = re.compile(
    r"\b(meld\w*|gemeld|doorgeven|door te geven|geef\b.{0,40}\bdoor|kernteam|leidinggevende"
    r"|contactpersoon|escal\w*)",
    re.IGNORECASE,
)

SINGLE_KEY_KINDS = (QuestionKind.SINGLE, QuestionKind.SCENARIO)
POSITION_KINDS = (QuestionKind.SINGLE, QuestionKind.SCENARIO, QuestionKind.MULTIPLE)


# What each rule code means, for the admin's table.
RULE_LABELS = {
    "no_source": gettext_lazy("No teaching source"),
    "longest_key": gettext_lazy("Right answer is the longest"),
    "key_position": gettext_lazy("Right answer in the same place"),
    "true_false_balance": gettext_lazy("Balance of true and false"),
    "only_report_key": gettext_lazy("Only the right answer reports"),
    "unfillable_rule": gettext_lazy("Draw rule can never be filled"),
    "small_pool": gettext_lazy("Pool too small for retakes"),
    "item_all_or_none": gettext_lazy("Everyone or no one right"),
}


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class RuleStatus(models.TextChoices):
    OK = "ok", gettext_lazy("ok")
    # Fillable, but a retake would see many of the same questions.
    SMALL = "small", gettext_lazy("too small for the attempts allowed")
    UNFILLABLE = "unfillable", gettext_lazy("can never be filled")


@dataclass(frozen=True)
class Finding:
    """One problem: a rule code, its severity, where (pool, question or quiz) and why."""

    code: str
    severity: Severity
    pool: str
    message: str
    question_id: int | None = None
    question: str = ""
    quiz_id: int | None = None
    quiz: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    @property
    def label(self) -> str:
        return str(RULE_LABELS.get(self.code, self.code))

    @property
    def severity_label(self) -> str:
        return _("error") if self.is_error else _("warning")


@dataclass(frozen=True)
class Share:
    """``count`` of ``total`` items (a share that is only judged from a minimum ``total``)."""

    count: int
    total: int

    @property
    def fraction(self) -> float:
        return self.count / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.fraction)

    def __str__(self) -> str:
        return f"{self.count}/{self.total}"


@dataclass(frozen=True)
class RuleFill:
    """A draw rule next to what its pool and theme hold."""

    quiz_id: int
    quiz: str
    max_attempts: int | None
    pool_id: int
    pool: str
    theme: str
    count: int
    available: int

    @property
    def theme_label(self) -> str:
        return str(dict(Theme.choices).get(self.theme, _("any theme")))

    @property
    def allows_retakes(self) -> bool:
        return self.max_attempts is None or self.max_attempts > 1

    @property
    def status(self) -> RuleStatus:
        if self.available < self.count:
            return RuleStatus.UNFILLABLE
        if self.allows_retakes and self.available < SMALL_POOL_FACTOR * self.count:
            return RuleStatus.SMALL
        return RuleStatus.OK

    @property
    def status_label(self) -> str:
        return str(self.status.label)


@dataclass
class PoolSummary:
    """The figures of one pool over its questions in use."""

    pool_id: int
    name: str
    in_use: int = 0
    # theme -> kind -> questions in use
    per_theme_kind: dict[str, Counter] = field(default_factory=dict)
    longest_key: Share = Share(0, 0)
    longest_key_multiple: Share = Share(0, 0)
    # 1-based stored position of the (first) correct option -> questions
    key_positions: Counter = field(default_factory=Counter)
    true_keyed: Share = Share(0, 0)
    only_report: int = 0
    without_source: int = 0
    rules: list[RuleFill] = field(default_factory=list)

    @property
    def themes(self) -> list[tuple[str, str, int, dict]]:
        """(theme, label, questions in use, per kind) in the order of :class:`Theme`."""
        labels = dict(Theme.choices)
        return [
            (theme, str(labels[theme]), sum(kinds.values()), dict(kinds))
            for theme in Theme.values
            if (kinds := self.per_theme_kind.get(theme))
        ]

    @property
    def theme_table(self) -> list[tuple[str, int, list[int]]]:
        """(theme label, questions in use, per kind in the order of :class:`QuestionKind`)."""
        return [
            (label, total, [per_kind.get(kind, 0) for kind in QuestionKind.values])
            for _theme, label, total, per_kind in self.themes
        ]

    @property
    def key_position_rows(self) -> list[tuple[int, int]]:
        return sorted(self.key_positions.items())

    @property
    def key_position_share(self) -> Share:
        total = sum(self.key_positions.values())
        return Share(max(self.key_positions.values(), default=0), total)


@dataclass
class BankReport:
    pools: list[PoolSummary]
    findings: list[Finding]

    @property
    def errors(self) -> list[Finding]:
        return [finding for finding in self.findings if finding.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [finding for finding in self.findings if not finding.is_error]

    def failed(self, *, strict: bool = False) -> bool:
        """Errors fail the check; under ``strict`` warnings do too."""
        return bool(self.errors or (strict and self.warnings))


# --- Pure rules over one question -------------------------------------------------------------


def _length(option: Option) -> int:
    return len(option.text.strip())


def strictly_longest(options: list[Option]) -> Option | None:
    """The option longer than every other, or ``None`` when the longest length is shared."""
    if not options:
        return None
    longest = max(_length(option) for option in options)
    candidates = [option for option in options if _length(option) == longest]
    return candidates[0] if len(candidates) == 1 else None


def key_position(options: list[Option]) -> int | None:
    """The 1-based stored position of the first correct option."""
    return next((number for number, o in enumerate(options, 1) if o.is_correct), None)


def is_report_option(text: str) -> bool:
    return bool(REPORT_PATTERN.search(text))


def key_is_only_report(options: list[Option]) -> bool:
    """The (single) key reports or passes the matter on, and no other option does: a
    test-wise learner picks it without knowing the case."""
    reporting = [option for option in options if is_report_option(option.text)]
    return len(reporting) == 1 and reporting[0].is_correct


def source_problem(question: Question) -> str:
    """Why the question has no usable teaching source ("" when it has one)."""
    if question.source_page is None:
        return _("No lesson teaches this question: choose the lesson that explains it.")
    if not question.source_page.live:
        return _("The lesson that teaches this question (%(page)s) is not published.") % {
            "page": question.source_page.title
        }
    return ""


# --- The check ------------------------------------------------------------------------------


def _load(pool_names: list[str] | None):
    pools = QuestionPool.objects.order_by("name")
    if pool_names is not None:
        pools = pools.filter(name__in=pool_names)
    pools = list(pools)
    pool_ids = [pool.pk for pool in pools]
    links = list(
        Question.pools.through.objects.filter(
            questionpool_id__in=pool_ids, question__is_active=True
        ).values_list("questionpool_id", "question_id")
    )
    questions = {
        question.pk: question
        for question in Question.objects.filter(pk__in={q for _p, q in links})
        .select_related("source_page")
        .prefetch_related(Prefetch("options", queryset=Option.objects.order_by("sort_order")))
    }
    rules = list(
        DrawRule.objects.filter(pool_id__in=pool_ids)
        .select_related("quiz", "pool")
        .order_by("quiz__title", "quiz_id", "sort_order", "pk")
    )
    return pools, links, questions, rules


def bank_check(*, pool_names: list[str] | None = None) -> BankReport:
    """Check the pools (all, or those named) and the draw rules that use them.

    Question-level findings (no source, only-report key, item statistics) are reported once
    per question, naming every checked pool it is in; pool-level findings once per pool.
    """
    pools, links, questions, rules = _load(pool_names)
    pool_names_by_id = {pool.pk: pool.name for pool in pools}
    in_pool: dict[int, list[Question]] = defaultdict(list)
    pools_of: dict[int, list[str]] = defaultdict(list)
    for pool_id, question_id in links:
        in_pool[pool_id].append(questions[question_id])
        pools_of[question_id].append(pool_names_by_id[pool_id])
    for pool_id in in_pool:
        in_pool[pool_id].sort(key=lambda q: (q.theme, q.pk))

    findings: list[Finding] = []
    findings.extend(_question_findings(questions, pools_of))
    summaries = []
    for pool in pools:
        summary, pool_findings = _pool_summary(pool, in_pool.get(pool.pk, []))
        summary.rules = [
            _rule_fill(rule, in_pool.get(pool.pk, [])) for rule in rules if rule.pool_id == pool.pk
        ]
        findings.extend(pool_findings)
        findings.extend(_rule_findings(pool, summary.rules))
        summaries.append(summary)
    findings.extend(_item_findings(questions, pools_of))
    return BankReport(pools=summaries, findings=findings)


def _finding_for(question: Question, pools_of, code: str, severity: Severity, message: str):
    return Finding(
        code=code,
        severity=severity,
        pool=", ".join(pools_of[question.pk]),
        message=message,
        question_id=question.pk,
        question=question.text,
    )


def _question_findings(questions: dict[int, Question], pools_of) -> list[Finding]:
    findings = []
    for question in sorted(questions.values(), key=lambda q: (q.theme, q.pk)):
        options = list(question.options.all())
        problem = source_problem(question)
        if problem:
            findings.append(_finding_for(question, pools_of, "no_source", Severity.ERROR, problem))
        if question.kind in SINGLE_KEY_KINDS and key_is_only_report(options):
            findings.append(
                _finding_for(
                    question,
                    pools_of,
                    "only_report_key",
                    Severity.ERROR,
                    _(
                        "The right answer is the only option that reports or passes the matter "
                        "on, so it can be guessed. Add a wrong option that reports to the "
                        "wrong place, or make reporting not the whole answer."
                    ),
                )
            )
    return findings


def _pool_summary(pool: QuestionPool, pool_questions: list[Question]):
    summary = PoolSummary(pool_id=pool.pk, name=pool.name, in_use=len(pool_questions))
    longest_single = Counter()
    longest_multiple = Counter()
    true_false = Counter()
    for question in pool_questions:
        options = list(question.options.all())
        summary.per_theme_kind.setdefault(question.theme, Counter())[question.kind] += 1
        if source_problem(question):
            summary.without_source += 1
        longest = strictly_longest(options)
        if question.kind in SINGLE_KEY_KINDS:
            longest_single["total"] += 1
            longest_single["key"] += bool(longest and longest.is_correct)
            summary.only_report += key_is_only_report(options)
        elif question.kind == QuestionKind.MULTIPLE:
            longest_multiple["total"] += 1
            longest_multiple["key"] += bool(longest and longest.is_correct)
        elif question.kind == QuestionKind.TRUE_FALSE:
            true_false["total"] += 1
            true_false["key"] += any(o.is_correct and o.text == TRUE_TEXT for o in options)
        if question.kind in POSITION_KINDS and len(options) >= KEY_POSITION_MIN_OPTIONS:
            position = key_position(options)
            if position is not None:
                summary.key_positions[position] += 1
    summary.longest_key = Share(longest_single["key"], longest_single["total"])
    summary.longest_key_multiple = Share(longest_multiple["key"], longest_multiple["total"])
    summary.true_keyed = Share(true_false["key"], true_false["total"])
    return summary, _share_findings(summary)


def _pool_finding(summary: PoolSummary, code: str, message: str) -> Finding:
    return Finding(code=code, severity=Severity.ERROR, pool=summary.name, message=message)


def _share_findings(summary: PoolSummary) -> list[Finding]:
    findings = []
    single = summary.longest_key
    if single.total >= LONGEST_KEY_MIN_ITEMS and single.fraction > LONGEST_KEY_MAX_SHARE:
        findings.append(
            _pool_finding(
                summary,
                "longest_key",
                _(
                    "In %(count)s of %(total)s single-choice and scenario questions the right "
                    "answer is the longest option (%(percent)s%%, at most %(max)s%% allowed). "
                    "Make wrong options as long and as precise as the right one."
                )
                % {
                    "count": single.count,
                    "total": single.total,
                    "percent": single.percent,
                    "max": round(100 * LONGEST_KEY_MAX_SHARE),
                },
            )
        )
    multiple = summary.longest_key_multiple
    if (
        multiple.total >= LONGEST_MULTIPLE_MIN_ITEMS
        and multiple.fraction > LONGEST_MULTIPLE_MAX_SHARE
    ):
        findings.append(
            _pool_finding(
                summary,
                "longest_key",
                _(
                    "In %(count)s of %(total)s multiple-response questions the longest option "
                    "is a right one (%(percent)s%%, at most %(max)s%% allowed)."
                )
                % {
                    "count": multiple.count,
                    "total": multiple.total,
                    "percent": multiple.percent,
                    "max": round(100 * LONGEST_MULTIPLE_MAX_SHARE),
                },
            )
        )
    positions = summary.key_position_share
    if positions.total >= KEY_POSITION_MIN_ITEMS and positions.fraction > KEY_POSITION_MAX_SHARE:
        place = summary.key_positions.most_common(1)[0][0]
        findings.append(
            _pool_finding(
                summary,
                "key_position",
                _(
                    "In %(count)s of %(total)s questions with three or more options the right "
                    "answer is option %(place)s (%(percent)s%%, at most %(max)s%% allowed). "
                    "Vary where the right answer is."
                )
                % {
                    "count": positions.count,
                    "total": positions.total,
                    "place": place,
                    "percent": positions.percent,
                    "max": round(100 * KEY_POSITION_MAX_SHARE),
                },
            )
        )
    true_keyed = summary.true_keyed
    low, high = TRUE_SHARE_RANGE
    if true_keyed.total >= TRUE_FALSE_MIN_ITEMS and not (low <= true_keyed.fraction <= high):
        findings.append(
            _pool_finding(
                summary,
                "true_false_balance",
                _(
                    "%(count)s of %(total)s true-or-false questions have 'Waar' as the right "
                    "answer (%(percent)s%%); keep this between %(low)s%% and %(high)s%%."
                )
                % {
                    "count": true_keyed.count,
                    "total": true_keyed.total,
                    "percent": true_keyed.percent,
                    "low": round(100 * low),
                    "high": round(100 * high),
                },
            )
        )
    return findings


def _rule_fill(rule: DrawRule, pool_questions: list[Question]) -> RuleFill:
    available = sum(1 for q in pool_questions if not rule.theme or q.theme == rule.theme)
    return RuleFill(
        quiz_id=rule.quiz_id,
        quiz=rule.quiz.title,
        max_attempts=rule.quiz.max_attempts,
        pool_id=rule.pool_id,
        pool=rule.pool.name,
        theme=rule.theme,
        count=rule.count,
        available=available,
    )


def _rule_findings(pool: QuestionPool, fills: list[RuleFill]) -> list[Finding]:
    findings = []
    for fill in fills:
        values = {
            "quiz": fill.quiz,
            "pool": pool.name,
            "theme": fill.theme_label,
            "count": fill.count,
            "available": fill.available,
        }
        if fill.status == RuleStatus.UNFILLABLE:
            code, severity = "unfillable_rule", Severity.ERROR
            message = _(
                "The quiz '%(quiz)s' draws %(count)s questions from the pool %(pool)s "
                "(%(theme)s), but it holds only %(available)s in use."
            )
        elif fill.status == RuleStatus.SMALL:
            code, severity = "small_pool", Severity.WARNING
            message = _(
                "The quiz '%(quiz)s' allows retakes and draws %(count)s questions from the "
                "pool %(pool)s (%(theme)s), which holds %(available)s in use: a retake sees "
                "many of the same questions. Aim for at least twice as many."
            )
        else:
            continue
        findings.append(
            Finding(
                code=code,
                severity=severity,
                pool=pool.name,
                message=message % values,
                quiz_id=fill.quiz_id,
                quiz=fill.quiz,
            )
        )
    return findings


def _item_findings(questions: dict[int, Question], pools_of) -> list[Finding]:
    """Questions in use whose current version everyone, or no one, answers right (staff
    figures, only where enough people answered that version; see
    :func:`quizzes.analysis.question_figures`)."""
    findings = []
    for figures in question_figures():
        question = questions.get(figures.question_id)
        if question is None or not figures.answers:
            continue
        # Figures are per version: only the version asked now says something about the
        # question as it stands (an edit may have fixed it).
        if getattr(figures, "version", question.version) != question.version:
            continue
        if figures.correct == figures.answers:
            message = _("Everyone answered this question right (%(answers)s answers).")
        elif figures.correct == 0:
            message = _("No one answered this question right (%(answers)s answers).")
        else:
            continue
        findings.append(
            _finding_for(
                question,
                pools_of,
                "item_all_or_none",
                Severity.WARNING,
                message % {"answers": figures.answers},
            )
        )
    return findings


# --- Pools next to the draw rules (the pool overview and the quiz editor's warning) ---------


def _in_use_counts(pool_ids) -> dict[tuple[int, str], int]:
    """Questions in use per (pool, theme), with (pool, "") the pool's total. One query."""
    rows = (
        Question.pools.through.objects.filter(
            questionpool_id__in=pool_ids, question__is_active=True
        )
        .values("questionpool_id", "question__theme")
        .annotate(n=Count("question_id"))
        .order_by()
    )
    counts: Counter = Counter()
    for row in rows:
        counts[(row["questionpool_id"], row["question__theme"])] += row["n"]
        counts[(row["questionpool_id"], "")] += row["n"]
    return counts


def _fill(rule: DrawRule, counts) -> RuleFill:
    return RuleFill(
        quiz_id=rule.quiz_id,
        quiz=rule.quiz.title,
        max_attempts=rule.quiz.max_attempts,
        pool_id=rule.pool_id,
        pool=rule.pool.name,
        theme=rule.theme,
        count=rule.count,
        available=counts[(rule.pool_id, rule.theme)],
    )


def quiz_rule_fills(*, quiz) -> list[RuleFill]:
    """The quiz's draw rules next to what their pools hold. Two queries."""
    rules = list(quiz.draw_rules.select_related("quiz", "pool").order_by("sort_order", "pk"))
    counts = _in_use_counts({rule.pool_id for rule in rules})
    return [_fill(rule, counts) for rule in rules]


STATUS_ORDER = (RuleStatus.OK, RuleStatus.SMALL, RuleStatus.UNFILLABLE)


@dataclass(frozen=True)
class PoolThemeRow:
    """One line of the pool overview: a pool and theme ("" for the rules that take any
    theme), its questions in use and the rules of the quizzes that draw from it."""

    pool_id: int
    pool: str
    theme_code: str
    in_use: int
    rules: tuple[RuleFill, ...]

    @property
    def theme(self) -> str:
        return str(dict(Theme.choices).get(self.theme_code, _("any theme")))

    @property
    def asked(self) -> str:
        return "; ".join(f"{rule.quiz}: {rule.count}" for rule in self.rules)

    @property
    def asked_total(self) -> int:
        return max((rule.count for rule in self.rules), default=0)

    @property
    def status(self) -> RuleStatus | None:
        if not self.rules:
            return None
        return max((rule.status for rule in self.rules), key=STATUS_ORDER.index)

    # A rule of the pool takes any theme, so this theme is drawn from even without its own.
    drawn_by_any_theme: bool = False

    @property
    def status_label(self) -> str:
        if self.status:
            return str(self.status.label)
        if self.drawn_by_any_theme:
            return _("drawn through the rule for any theme")
        return _("no quiz draws from it")


def pool_overview() -> list[PoolThemeRow]:
    """Per pool and theme: questions in use, what each quiz's draw rules ask for, and whether
    that works (ok / too small for the attempts allowed / can never be filled). Three queries
    whatever the number of pools, questions and quizzes."""
    pools = list(QuestionPool.objects.order_by("name"))
    counts = _in_use_counts([pool.pk for pool in pools])
    rules = list(
        DrawRule.objects.select_related("quiz", "pool").order_by(
            "quiz__title", "quiz_id", "sort_order"
        )
    )
    rows = []
    for pool in pools:
        fills = [_fill(rule, counts) for rule in rules if rule.pool_id == pool.pk]
        themes = [
            theme
            for theme in Theme.values
            if counts[(pool.pk, theme)] or any(fill.theme == theme for fill in fills)
        ]
        any_theme = any(not fill.theme for fill in fills)
        if any_theme or not themes:
            themes.append("")
        for theme in themes:
            rows.append(
                PoolThemeRow(
                    pool_id=pool.pk,
                    pool=pool.name,
                    theme_code=theme,
                    in_use=counts[(pool.pk, theme)],
                    rules=tuple(fill for fill in fills if fill.theme == theme),
                    drawn_by_any_theme=any_theme and bool(theme),
                )
            )
    return rows
