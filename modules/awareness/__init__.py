"""Bewustwordingssessies: in-person awareness sessions, registration with a waitlist, email with
calendar invitations, check-in and attendance, and the yearly attendance requirement.

A sub-app of the learning domain (label ``awareness``; never ``sessions``, which Django owns).
"""
