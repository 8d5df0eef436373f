"""How CI (``.ci/run``: ``pytest -n 2 --dist loadgroup``) splits the suite over two workers.

A *group* is the unit a worker gets whole, decided from a test's path alone:

- ``tests/browser/``: one group, so one Chromium and one demo snapshot per run;
- ``tests/demo/loaded/``: one group, so the shared demo is loaded once;
- any other file: a group of its own, so its module-scoped fixtures are built once.

pytest-xdist's own ``loadgroup`` reads ``xdist_group`` marks and tags each test's node id
with its group; pytest 9 computes node ids afresh, so that tag is lost and every test became a
group of its own: both workers loaded the demo and ran browser tests, and CI took twice as long.
Here the scheduler (xdist's ``pytest_xdist_make_scheduler`` hook, see ``tests/conftest.py``)
groups by the rule above.
"""

from __future__ import annotations

from xdist.scheduler import LoadScopeScheduling

# Groups that several files share, by the folder their files are in.
SHARED_GROUPS = {
    "tests/browser/": "browser",
    "tests/demo/loaded/": "demo",
}


def group_of(nodeid: str) -> str:
    """The group of a test (its node id as pytest reports it, relative to the rootdir)."""
    path = nodeid.split("::", 1)[0]
    for folder, group in SHARED_GROUPS.items():
        if path.startswith(folder):
            return group
    return path


class PathGroupScheduling(LoadScopeScheduling):
    """xdist's scope scheduling with :func:`group_of` as the scope. xdist hands out the groups
    with the most tests first (its default ``--loadscope-reorder``): the two shared groups,
    also the longest, start at once instead of ending the run as its long tail."""

    def _split_scope(self, nodeid: str) -> str:
        return group_of(nodeid)
