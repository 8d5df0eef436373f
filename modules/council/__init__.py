"""Weerbaar raadslid: the council members' private self-study.

The council's modules are ordinary learning modules (``modules``) for the raadsleden audience;
this app adds what is particular to the council: the private self-reflection ("Hoe weerbaar ben
ik?"), the griffie's recommendations, and participation figures for the griffie that are only
ever aggregates (see :mod:`modules.council.selectors`).
"""
