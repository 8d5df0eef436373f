#!/usr/bin/env python
"""Django's command-line utility for Weerbaar.

``site/`` is a plain folder (the standard library owns the name ``site``), so this script puts
both ``site/`` (project package and site-wide apps) and the repository root (``modules``,
``quizzes``) on ``sys.path`` before Django starts.
"""

import os
import sys
from pathlib import Path


def main() -> None:
    site_dir = Path(__file__).resolve().parent
    for path in (str(site_dir.parent), str(site_dir)):
        if path not in sys.path:
            sys.path.insert(0, path)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
