"""The portal composes the learner's own pages from every app, and imports none of them.

Each app contributes its part through a Wagtail hook (``wagtail.hooks.register(NAME, fn,
order=...)``, from its own ``wagtail_hooks.py``; the feature apps keep theirs in
``portal_parts.py``). The names and types are in :mod:`core.registry`:

- ``core.registry.MY_DATA_SECTIONS`` (``"weerbaar_my_data_sections"``): the app's
  :class:`~core.registry.DataSection` list of the "Mijn gegevens" export (:mod:`portal.mydata`).
- ``core.registry.SELF_STUDY_DELETE`` (``"weerbaar_self_study_delete"``): deletes a council
  member's self-study rows of the app, returns counts by kind (:mod:`portal.mydata`).
- ``core.registry.SEARCHABLE_PAGES`` (``"weerbaar_searchable_pages"``): the page ids the user may
  find, as a :class:`~core.registry.Searchable` (:mod:`portal.search`).
- ``core.registry.DASHBOARD`` (``"weerbaar_dashboard"``): adds to the
  :class:`~core.registry.Dashboard` of "Mijn leeromgeving" (:mod:`portal.dashboard`).
- ``core.registry.HEADER_LINKS`` (``"weerbaar_header_links"``): index pages linked from the
  header, as :class:`~core.registry.IndexLink` (:mod:`portal.context_processors`).

Hook order today: learning 10, council 20, awareness 30, trends 40, reminders 50 (the export
lists its keys in that order; the council's dashboard part adjusts the learning tasks).
"""
