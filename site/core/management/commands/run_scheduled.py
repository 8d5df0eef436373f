"""Run another management command under the scheduled-command lock (core.scheduling):

    python site/manage.py run_scheduled clearsessions
    python site/manage.py run_scheduled publish_scheduled

For the scheduled commands that are not this project's (Django's ``clearsessions``, Wagtail's
``publish_scheduled``): with the same cron table on every node, one run does the work and the
others write that they skipped. A command of this project that already subclasses
``ScheduledCommand`` takes its own lock; it is simply started.
"""

from __future__ import annotations

import argparse

from django.core.management import call_command, get_commands, load_command_class
from django.core.management.base import BaseCommand, CommandError

from core.scheduling import DEFAULT_LOCK_TIMEOUT, ScheduledCommand, scheduled_lock, skipped_message


class Command(BaseCommand):
    help = "Run a management command only when no other node or process is running it."

    def add_arguments(self, parser):
        parser.add_argument("command_name", help="The command to run, e.g. clearsessions.")
        parser.add_argument(
            "--lock-timeout",
            type=int,
            default=DEFAULT_LOCK_TIMEOUT,
            help="Seconds after which a lock left by a killed run expires.",
        )
        parser.add_argument("command_args", nargs=argparse.REMAINDER)

    def handle(self, *args, command_name: str, lock_timeout: int, command_args, **options):
        commands = get_commands()
        if command_name not in commands:
            raise CommandError(f"Unknown command: {command_name}")
        command = load_command_class(commands[command_name], command_name)
        if isinstance(command, ScheduledCommand):
            call_command(command, *command_args, stdout=self.stdout, stderr=self.stderr)
            return
        with scheduled_lock(command_name, timeout=lock_timeout) as acquired:
            if not acquired:
                self.stdout.write(skipped_message(command_name))
                return
            call_command(command, *command_args, stdout=self.stdout, stderr=self.stderr)
