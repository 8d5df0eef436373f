"""The learning domain: modules, lessons, progress, assignments and "Mijn leeromgeving".

- ``models``: the page tree (index, module, lesson), enrolments (one per person, module and
  cycle), lesson completions, the progress event log and assignments;
- ``blocks``: the lesson blocks editors write with;
- ``rules``: pure date rules (due dates, expiry, the status a learner sees);
- ``services`` (writes) and ``selectors`` (reads); ``views`` for what is not a page.
"""
