"""Trends en signalen: short, current pages the kernteam publishes after a second pair of eyes.

Publishing goes only through the four-eyes workflow (:mod:`modules.trends.workflow`); new trends
reach people as "Nieuw" in Mijn leeromgeving and in a weekly digest
(:mod:`modules.trends.services`).
"""
