"""Everything learners see and learn from, in layers (see docs/architecture.md).

- ``blocks`` and ``pages``: shared page pieces (the lesson blocks, the section overview, and
  :class:`modules.pages.AudienceRestrictedPage`, the only serve gate);
- ``learning``: modules, lessons, progress, assignments, certificates and the final-quiz gate
  (app label ``modules``);
- ``awareness``, ``council``, ``trends``: feature apps; they import ``learning``, never each
  other;
- ``reporting``: what managers, HR and the kernteam see (built on the feature apps);
- ``reminders``: reminder emails and retention, built on ``reporting``.

This package itself is plain: it is no Django app.
"""
