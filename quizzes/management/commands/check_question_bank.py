"""Check the question bank for cues, missing teaching sources and draw rules it cannot serve:

    python site/manage.py check_question_bank                 # every pool
    python site/manage.py check_question_bank --pool Onboarding
    python site/manage.py check_question_bank --strict        # warnings fail too
    python site/manage.py check_question_bank --format json

Exits with 1 when the check finds an error (or, with ``--strict``, a warning), 0 otherwise, so
CI or a release script can refuse a bank with cues. The rules are in :mod:`quizzes.bank_check`;
the admin shows the same report under Quizzes ("Controle vragenbank").
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from quizzes.bank_check import BankReport, bank_check
from quizzes.choices import QuestionKind
from quizzes.models import QuestionPool


class Command(BaseCommand):
    help = (
        "Check the question pools: longest-option and key-position cues, true/false balance, "
        "keys that are the only reporting option, questions without a teaching source, draw "
        "rules the pools cannot fill and item statistics. Exits 1 on an error."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pool", action="append", dest="pools", help="Check only this pool (repeatable)."
        )
        parser.add_argument("--strict", action="store_true", help="Warnings fail the check too.")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, pools: list[str] | None, strict: bool, format: str, **options):
        if pools:
            known = set(QuestionPool.objects.filter(name__in=pools).values_list("name", flat=True))
            unknown = [name for name in pools if name not in known]
            if unknown:
                raise CommandError(f"Unknown pool(s): {', '.join(unknown)}")
        report = bank_check(pool_names=pools)
        if format == "json":
            self.stdout.write(json.dumps(report_as_dict(report, strict=strict), indent=2))
        else:
            self._write_text(report, strict=strict)
        if report.failed(strict=strict):
            raise SystemExit(1)

    def _write_text(self, report: BankReport, *, strict: bool) -> None:
        kinds = QuestionKind.labels
        for pool in report.pools:
            self.stdout.write(self.style.MIGRATE_HEADING(_("Pool %(name)s") % {"name": pool.name}))
            self.stdout.write(f"  {_('Questions in use')}: {pool.in_use}")
            for label, total, per_kind in pool.theme_table:
                detail = ", ".join(
                    f"{kind_label} {n}" for kind_label, n in zip(kinds, per_kind, strict=True) if n
                )
                self.stdout.write(f"    {label}: {total} ({detail})")
            self.stdout.write(
                f"  {_('Key is the longest option')}: {pool.longest_key} "
                f"({_('single choice and scenario')}), {pool.longest_key_multiple} "
                f"({_('multiple response')})"
            )
            positions = ", ".join(f"{p}: {n}" for p, n in sorted(pool.key_positions.items()))
            self.stdout.write(f"  {_('Position of the key')}: {positions or '-'}")
            self.stdout.write(f"  {_('True-or-false keyed Waar')}: {pool.true_keyed}")
            self.stdout.write(f"  {_('Key is the only reporting option')}: {pool.only_report}")
            self.stdout.write(f"  {_('Without a teaching source')}: {pool.without_source}")
            for rule in pool.rules:
                self.stdout.write(
                    f"  {_('Draw rule')} '{rule.quiz}' ({rule.theme_label}): "
                    f"{rule.count} / {rule.available} — {rule.status_label}"
                )
        self.stdout.write("")
        if not report.findings:
            self.stdout.write(self.style.SUCCESS(_("No problems found.")))
            return
        for finding in report.findings:
            where = finding.pool
            if finding.question_id:
                where += f" · #{finding.question_id} {finding.question}"
            elif finding.quiz:
                where += f" · {finding.quiz}"
            style = self.style.ERROR if finding.is_error else self.style.WARNING
            label = _("error") if finding.is_error else _("warning")
            self.stdout.write(style(f"[{label}] {finding.code}: {where}"))
            self.stdout.write(f"    {finding.message}")
        self.stdout.write("")
        summary = _("%(errors)s error(s), %(warnings)s warning(s).") % {
            "errors": len(report.errors),
            "warnings": len(report.warnings),
        }
        failed = report.failed(strict=strict)
        self.stdout.write((self.style.ERROR if failed else self.style.WARNING)(summary))


def report_as_dict(report: BankReport, *, strict: bool) -> dict:
    return {
        "failed": report.failed(strict=strict),
        "errors": len(report.errors),
        "warnings": len(report.warnings),
        "pools": [
            {
                "name": pool.name,
                "in_use": pool.in_use,
                "per_theme_kind": {
                    theme: dict(per_kind) for theme, _label, _n, per_kind in pool.themes
                },
                "longest_key": [pool.longest_key.count, pool.longest_key.total],
                "longest_key_multiple": [
                    pool.longest_key_multiple.count,
                    pool.longest_key_multiple.total,
                ],
                "key_positions": {str(p): n for p, n in sorted(pool.key_positions.items())},
                "true_keyed": [pool.true_keyed.count, pool.true_keyed.total],
                "only_report": pool.only_report,
                "without_source": pool.without_source,
                "rules": [
                    {
                        "quiz": rule.quiz,
                        "theme": rule.theme,
                        "count": rule.count,
                        "available": rule.available,
                        "status": str(rule.status),
                    }
                    for rule in pool.rules
                ],
            }
            for pool in report.pools
        ],
        "findings": [
            {
                "code": f.code,
                "severity": str(f.severity),
                "pool": f.pool,
                "question_id": f.question_id,
                "question": f.question,
                "quiz": f.quiz,
                "message": f.message,
            }
            for f in report.findings
        ],
    }
