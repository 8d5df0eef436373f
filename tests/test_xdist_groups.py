"""The CI's grouping of tests over its two xdist workers (``tests/xdist_groups.py``)."""

from __future__ import annotations

from tests.xdist_groups import group_of


def test_browser_tests_share_one_group_and_the_shared_demo_another():
    assert group_of("tests/browser/test_quiz.py::test_pass") == "browser"
    assert group_of("tests/browser/test_scorm.py::test_resume[a]") == "browser"
    assert group_of("tests/demo/loaded/test_history.py::test_frozen") == "demo"
    assert group_of("tests/demo/loaded/test_teamwork.py::test_contacts") == "demo"


def test_any_other_file_is_a_group_of_its_own():
    assert group_of("tests/demo/test_demo.py::test_refuses") == "tests/demo/test_demo.py"
    assert group_of("tests/core/test_healthz.py::Test::test_get") == "tests/core/test_healthz.py"
