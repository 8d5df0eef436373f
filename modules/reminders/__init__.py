"""Reminders and escalation for mandatory learning: the learner before the due date and when
late, then the manager, then beheer/HR; every message logged and sent once per step."""
