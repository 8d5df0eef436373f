"""Response headers over HTTP: a strict Content-Security-Policy on learner and admin pages, and
``Cache-Control: no-store`` on every page a logged-in person sees (finding 8 of issue 12)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from wagtail.models import Site

from accounts.roles import Role
from modules.learning.final_quiz import final_quiz_start
from modules.learning.models import Certificate
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from quizzes.models import Attempt
from tests.factories import (
    QuestionFactory,
    QuizFactory,
    a_session,
    a_trend,
    module_with_lessons,
    reflection_page,
)
from tests.factories.quizzes import pass_final_quiz

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as ``{directive: [sources]}``."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_strict(directives: dict[str, list[str]]) -> None:
    """Nothing that would let injected markup run script or load from elsewhere."""
    assert directives["default-src"] == ["'self'"]
    script = directives["script-src"]
    assert "'self'" in script
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert all(s == "'self'" or s.startswith("'nonce-") for s in script), script
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["img-src"] == ["'self'", "data:"]
    assert directives["font-src"] == ["'self'"]
    for name, sources in directives.items():
        assert not any("*" in s for s in sources), f"wildcard in {name}: {sources}"
        assert not any(s in ("http:", "https:") for s in sources), f"any host in {name}"
        assert not any("gravatar" in s for s in sources)


def test_learner_pages_carry_a_strict_policy(client, medewerker):
    module = module_with_lessons(lessons=1)
    client.force_login(medewerker)
    for url in (reverse("my_learning"), module.url, module_lessons(module=module)[0].url):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        assert_strict(directives)
        assert directives["frame-ancestors"] == ["'none'"]
        assert directives["form-action"] == ["'self'"]
        # The learner site needs no inline styles at all.
        assert directives["style-src"] == ["'self'"] and "style-src-attr" not in directives


def test_anonymous_pages_carry_the_policy_too(client):
    for url in (reverse("account_login"), "/"):
        response = client.get(url, follow=True)
        assert_strict(policy(response))


def test_admin_pages_carry_a_strict_policy(mfa_client_for, kernteam_user):
    client = mfa_client_for(kernteam_user)
    for url in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = policy(response)
        assert_strict(directives)
        assert directives["frame-ancestors"] == ["'none'"]
        # Wagtail's own style attributes and its libraries' <style> elements; CSS only.
        assert directives["style-src"] == ["'self'", "'unsafe-inline'"]


def test_the_preview_may_be_framed_by_the_admin_only(mfa_client_for, kernteam_user):
    """Wagtail's preview panel shows the page in a same-origin iframe."""
    lesson = module_lessons(module=module_with_lessons(lessons=1))[0]
    client = mfa_client_for(kernteam_user)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[lesson.pk])
    response = client.get(url)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert policy(response)["frame-ancestors"] == ["'self'"]


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)([^>]*)>", re.I)


@pytest.mark.parametrize("which", ["home", "session"])
def test_wagtails_inline_scripts_carry_the_nonce_of_the_header(
    which, mfa_client_for, kernteam_user
):
    """InlinePanel (home page) and the date/time pickers (session) still use inline script;
    each gets the request's nonce, and the nonce is in the header."""
    page = Site.objects.get(is_default_site=True).root_page if which == "home" else a_session()
    client = mfa_client_for(kernteam_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    nonces = [s[len("'nonce-") : -1] for s in policy(response)["script-src"] if "nonce" in s]
    assert len(nonces) == 1
    inline = INLINE_SCRIPT.findall(response.content.decode())
    assert inline, "expected Wagtail's inline scripts on this editor"
    for attributes in inline:
        assert f'nonce="{nonces[0]}"' in attributes, attributes


# ---------------------------------------------------------------------------------------------
# Cache-Control: no-store on personal pages
# ---------------------------------------------------------------------------------------------


def learner_urls(user) -> dict[str, str]:
    """Every page a learner visits, with the learner's own data on it."""
    quiz = QuizFactory(questions=[QuestionFactory(), QuestionFactory()], pass_mark=50)
    module = module_with_lessons(lessons=1, final_quiz=quiz)
    attempt = pass_final_quiz(user, module)
    open_module = module_with_lessons(
        lessons=1, final_quiz=QuizFactory(questions=[QuestionFactory()])
    )
    lesson_complete(user=user, lesson=module_lessons(module=open_module)[0])
    open_attempt = final_quiz_start(user=user, module=open_module)
    certificate = Certificate.objects.get(enrolment__user=user, enrolment__module=module)
    session = a_session()
    trend = a_trend()
    return {
        "my learning": reverse("my_learning"),
        "module": module.url,
        "lesson": module_lessons(module=module)[0].url,
        "quiz": reverse("attempt", args=[open_attempt.public_id]),
        "result": reverse("attempt_result", args=[attempt.public_id]),
        "certificate": reverse("certificate_pdf", args=[certificate.code]),
        "my data": reverse("my_data"),
        "my data download": reverse("my_data_download"),
        "sessions": session.get_parent().url,
        "session": session.url,
        "search": reverse("search") + "?q=module",
        "trends": trend.get_parent().url,
        "trend": trend.url,
    }


def test_every_personal_page_says_no_store(client, medewerker):
    urls = learner_urls(medewerker)
    assert Attempt.objects.filter(user=medewerker).count() == 2
    client.force_login(medewerker)
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        cache_control = response.get("Cache-Control", "")
        assert "no-store" in cache_control, (name, url, cache_control)
        assert "private" in cache_control or "no-cache" in cache_control, (name, cache_control)
        assert "public" not in cache_control, (name, cache_control)


def test_admin_pages_say_no_store(mfa_client_for, kernteam_user):
    client = mfa_client_for(kernteam_user)
    response = client.get(reverse("wagtailadmin_home"))
    assert "no-store" in response["Cache-Control"]


def test_public_anonymous_pages_stay_cacheable(client, medewerker):
    """The certificate check and the home page show nothing personal to an anonymous visitor."""
    module = module_with_lessons(lessons=1)
    lesson_complete(user=medewerker, lesson=module_lessons(module=module)[0])
    code = Certificate.objects.get(enrolment__user=medewerker).code
    for url in ("/", reverse("certificate_verify", args=[code])):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" not in response.get("Cache-Control", ""), url


def test_a_view_with_its_own_stricter_header_keeps_it(client, medewerker):
    """``never_cache`` (the health check) says more than ``private, no-store``: it stays."""
    client.force_login(medewerker)
    response = client.get(reverse("healthz"))
    assert "no-store" in response["Cache-Control"]
    assert "must-revalidate" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


def test_the_reflection_and_the_checkin_code_say_no_store(client, make_user, mfa_client_for):
    """Both had their own header before the middleware; they must keep no-store without it."""
    council_member = make_user(Role.RAADSLID)
    page = reflection_page()
    client.force_login(council_member)
    response = client.get(page.url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    client.logout()
    session = a_session()
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    response = client.get(reverse("awareness_checkin_code", args=[session.pk]))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
