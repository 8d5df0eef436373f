"""wagtail-lms' side of the peer benchmark, run by ``benchmarks/peer_wagtail_lms.py`` with the
peer venv's Python. It writes a minimal Django/Wagtail project into a temporary folder (settings
as wagtail-lms' README asks: ``wagtail_lms`` in INSTALLED_APPS, its URLs under ``lms/``; SQLite,
DEBUG off; a plain ``base.html`` for its templates to extend), creates a throw-away test
database, a course of six rich-text H5P lesson pages at the same tree depth as Weerbaar's module
and lessons, and an enrolled learner who finished half of them. Then it answers the driver (see
``protocol.py``). Nothing of wagtail-lms is copied: it is imported from the peer venv."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from importlib.metadata import version
from pathlib import Path

from protocol import lesson_html, protocol_stdout, serve

OUT = protocol_stdout()

SETTINGS = """
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "peer-benchmark-only-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost"]
INSTALLED_APPS = [
    "wagtail_lms",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
ROOT_URLCONF = "peerproject.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
WAGTAIL_SITE_NAME = "Peer"
WAGTAILADMIN_BASE_URL = "http://testserver"
"""

URLS = """
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("lms/", include("wagtail_lms.urls")),
    path("", include(wagtail_urls)),
]
"""

# A plain page around the package's templates (they extend "base.html"): a header, a menu of
# fixed links and a footer, about what a small site has; no queries of its own.
BASE_HTML = """{% load static %}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{{ page.title }}{% endblock %}</title>
<link rel="stylesheet" href="{% static 'wagtail_lms/css/course.css' %}">
</head>
<body>
<header><a href="/">Peer</a>
<nav><a href="/">Home</a> <a href="/admin/">Admin</a></nav>
{% if user.is_authenticated %}<span>{{ user.get_username }}</span>{% endif %}
</header>
<main>{% block content %}{% endblock %}</main>
<footer><p>Built with Django, Wagtail and wagtail-lms.</p></footer>
</body>
</html>
"""


def write_project(folder: Path) -> None:
    (folder / "peerproject").mkdir()
    (folder / "peerproject" / "__init__.py").write_text("")
    (folder / "peerproject" / "settings.py").write_text(SETTINGS)
    (folder / "peerproject" / "urls.py").write_text(URLS)
    (folder / "templates").mkdir()
    (folder / "templates" / "base.html").write_text(BASE_HTML)


def build():
    """The course, its lessons and the learner; returns the client and the two URLs."""
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.models import Page
    from wagtail.rich_text import RichText
    from wagtail_lms.models import (
        CourseEnrollment,
        CoursePage,
        H5PLessonCompletion,
        H5PLessonPage,
    )

    # Same depth as Weerbaar (root 1, home 2, module index 3, module 4, lesson 5): Wagtail's
    # routing costs a query per level.
    home = Page.objects.get(depth=2)
    index = home.add_child(instance=Page(title="Courses", slug="courses"))
    course = index.add_child(
        instance=CoursePage(
            title="Signalen herkennen",
            slug="signalen-herkennen",
            description="<p>Waar deze cursus over gaat.</p>",
        )
    )
    lessons = [
        course.add_child(
            instance=H5PLessonPage(
                title=f"Les {number}",
                slug=f"les-{number}",
                intro="<p>Wat je ziet en wat je doet.</p>",
                body=[("paragraph", RichText(lesson_html(number)))],
            )
        )
        for number in range(1, 7)
    ]
    user = get_user_model().objects.create_user(username="learner", password="x" * 14)
    CourseEnrollment.objects.create(user=user, course=course)
    for lesson in lessons[:3]:
        H5PLessonCompletion.objects.create(user=user, lesson=lesson)
    client = Client()
    client.force_login(user)
    urls = {"lesson": lessons[3].url, "module": course.url}
    info = {
        "site": "wagtail-lms",
        "python": sys.version.split()[0],
        "django": version("Django"),
        "wagtail": version("wagtail"),
        "wagtail_lms": version("wagtail-lms"),
        "database": "sqlite",
        "cache": "LocMemCache",
        "depth": {"lesson": lessons[3].depth, "module": course.depth},
        "urls": urls,
    }
    return client, urls, info


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="peer-wagtail-lms-"))
    try:
        write_project(folder)
        sys.path.insert(0, str(folder))
        os.environ["DJANGO_SETTINGS_MODULE"] = "peerproject.settings"

        import django

        django.setup()
        from django.conf import settings
        from django.db import connection
        from django.test.utils import setup_test_environment

        setup_test_environment()
        settings.DEBUG = False
        old_name = connection.creation.create_test_db(verbosity=0)
        try:
            client, urls, info = build()
            serve(OUT, client, urls, info)
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
