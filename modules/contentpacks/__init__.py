"""Content packs: learning content as a folder (or zip) of JSON files and media.

A pack carries modules with their lessons, team kit and final quiz, question pools, trends,
session templates and reflection pages from one Weerbaar to another, and the demo's content
from the repository into the site. The format is described in ``docs/content-packs.md``;
:mod:`modules.contentpacks.format` holds its constants, :mod:`modules.contentpacks.importer`
reads, checks and applies a pack through the feature apps' services, and
:mod:`modules.contentpacks.exporter` writes one. ``PackItem`` remembers which object an item
became, so importing a pack again updates that object instead of making a second one.

This app sits one layer above the feature apps (it writes through their services) and beside
reporting.
"""
