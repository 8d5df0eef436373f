"""Helpers shared by the browser tests: axe-core checks and logging in as a demo account."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

from demo.loader import DEMO_PASSWORD, demo_email

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def serious_violations(page) -> list[str]:
    """axe-core's serious and critical WCAG 2.1 AA violations on the page, readable."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def log_in_with_password(page, base_url: str, local_part: str) -> None:
    """Log in as a demo account by keyboard (no MFA step)."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_login", demo_email(local_part))
    page.fill("#id_password", DEMO_PASSWORD)
    page.keyboard.press("Enter")


def log_in_with_mfa(page, base_url: str, local_part: str) -> None:
    """Log in as a demo account that needs MFA (kernteam, beheer, leidinggevende, griffie):
    password, then the TOTP code, as an authenticator app would give it."""
    from demo.loader import DEMO_TOTP_SECRET
    from tests.conftest import totp_now

    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_login", demo_email(local_part))
    page.fill("#id_password", DEMO_PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.fill("input[name=code]", totp_now(DEMO_TOTP_SECRET))
    with page.expect_navigation():
        page.keyboard.press("Enter")
