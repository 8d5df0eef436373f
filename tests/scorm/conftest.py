from __future__ import annotations

import pytest
from wagtail.rich_text import RichText

from modules.learning.models import LessonPage
from modules.scorm.models import ScormPackage
from modules.scorm.package_files import inspect_package
from modules.scorm.services import package_create
from tests.factories.modules import LessonPageFactory, module_with_lessons
from tests.scorm.packages import scorm_zip, upload

CONTENT_HOST = "scorm.testserver"
CONTENT_ORIGIN = f"http://{CONTENT_HOST}"


@pytest.fixture
def content_origin(settings):
    """The content origin switched on for the test client (another host of the same server)."""
    settings.SCORM_CONTENT_ORIGIN = CONTENT_ORIGIN
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, CONTENT_HOST]
    return CONTENT_ORIGIN


def make_package(version: str = "1.2", **kwargs) -> ScormPackage:
    data = scorm_zip(version, **kwargs)
    file = upload(data)
    inspected = inspect_package(file, size=file.size)
    file.seek(0)
    return package_create(upload=file, inspected=inspected, title="", uploaded_by=None)


def scorm_lesson(package: ScormPackage, *, module=None) -> LessonPage:
    """A live module with one ordinary lesson and, after it, a lesson playing ``package``."""
    module = module or module_with_lessons(lessons=1)
    return LessonPageFactory(
        parent=module,
        title="E-learning van het RIEC",
        body=[("text", RichText("<p>Speel het pakket.</p>")), ("scorm", {"package": package})],
    )


@pytest.fixture
def package_12(db):
    return make_package("1.2")


@pytest.fixture
def package_2004(db):
    return make_package("2004", launch="content/index.html")
