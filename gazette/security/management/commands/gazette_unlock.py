"""Lift a sign-in lockout before it runs out."""

from django.core.management.base import BaseCommand

from gazette.security import lockout


class Command(BaseCommand):
    help = "Unlock an admin account locked after failed sign-ins."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        lockout.reset(username)
        self.stdout.write(self.style.SUCCESS(f"{username} can sign in again."))
