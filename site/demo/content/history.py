"""The demo's history for the goals (issue 19): who started, finished the onboarding, came to a
session or left in the months before the day the demo is loaded, the definition change of one
indicator, the kernteam's example targets and how many months are frozen.

``demo.history_steps`` builds it through the apps' services and then moves the timestamps back
(see there). Months are counted back from the month the demo is loaded in; every value is an
example, and every text says so ("voorbeeld").
"""

from __future__ import annotations

from pathlib import Path

# The months before the demo's month that are frozen as monthly snapshots (the charts show
# 12-24 months).
FROZEN_MONTHS = 18
# The onboarding module has been mandatory for new employees since this many months ago, so
# the first frozen month already has a year of starters behind it. demo.content.plan's
# onboarding assignment is counted from this.
ONBOARDING_SINCE_MONTHS = 21

# New employees who started in each of those 21 months (not in the demo's own month: the
# recent starters of the demo are the employees of demo.loader), in these departments: a few
# big ones, so that a department's figure can be shown (groups of five or more).
STARTERS_PER_MONTH = 3
STARTER_DEPARTMENTS: list[str] = [
    "Publiekszaken",
    "Vergunningen, Toezicht en Handhaving",
    "Sociaal Domein",
]
STARTER_LOCAL_PART = "instromer{number:03d}"

# How a starter's onboarding went, with its weight: the day the lessons were done and the
# quiz taken count from the start date.
ONBOARDING_OUTCOMES: list[tuple[str, int]] = [
    ("on_time", 66),  # passed the final quiz within the 30 days
    ("retake", 12),  # failed the quiz once, passed a retake a few days later, still in time
    ("late", 14),  # finished after the 30 days
    ("failed", 5),  # failed the quiz twice and has not finished
    ("not_started", 3),
]
ON_TIME_DAYS = (4, 27)
LATE_DAYS = (35, 90)
RETAKE_AFTER_DAYS = (1, 3)

# About one in eight starters left again, this many months after their start date (an end date
# in the past, the account switched off, as the HR import does).
LEAVER_SHARE = 0.12
LEAVER_AFTER_MONTHS = (3, 12)

# Large bewustwordingssessies across the year before the demo's own sessions
# (demo.content.sessions), months before the demo's month, each from a template of the pack
# "bijeenkomsten", and the share of the staff in service then who came.
HISTORY_SESSIONS: list[dict] = [
    {"template": "drugs-in-het-buitengebied", "months_ago": 20},
    {"template": "ondermijning-herkennen-aan-de-balie", "months_ago": 17},
    {"template": "drugs-in-het-buitengebied", "months_ago": 14},
    {"template": "ondermijning-herkennen-aan-de-balie", "months_ago": 11},
    {"template": "drugs-in-het-buitengebied", "months_ago": 9},
    {"template": "ondermijning-herkennen-aan-de-balie", "months_ago": 4},
]
HISTORY_SESSION_DAY = 10  # planned around the 10th of the month (a weekday)
HISTORY_SESSION_SHARE = 0.22

# The definition change: the onboarding indicator counts over the last 6 months from version
# 2 on (the same rules, another period), valid from the first of the month this many months
# ago.
DEFINITION_CHANGE_MONTHS_AGO = 8
ONBOARDING_V2_PARAMETERS: dict = {"months": 6}
# The texts of version 2 and the targets' rationale: demo.content's history.json.
TEXTS = Path(__file__).resolve().parent / "history.json"

# The kernteam's example targets, per indicator key: the target per calendar year, newest
# last; a year before the first listed takes the first value. Chosen so that some goals are
# met and some are missed.
TARGETS: dict[str, list[int]] = {
    "onboarding_binnen_30_dagen": [65, 90],
    "bewustwordingssessie_12_maanden": [40, 80],
    "kennis_per_thema": [65, 75],
    "kent_meldroute": [5, 15],
}
