"""The learning domain: modules, lessons, progress, assignments and "Mijn leeromgeving".

Issue #2 adds only the learner's dashboard; modules, lessons and assignments arrive in #3.
"""
