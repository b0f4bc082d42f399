"""Lift a sign-in lockout before it runs out; reset two-factor for lost phones."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gazette.security import audit, lockout, recovery
from gazette.security.models import TwoFactorDevice


class Command(BaseCommand):
    help = (
        "Unlock an admin account locked after failed sign-ins; with --reset-two-factor, "
        "also turn off two-factor authentication for someone who lost both phone and "
        "recovery codes (they set it up again after signing in)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--reset-two-factor",
            action="store_true",
            help="remove the account's authenticator and recovery codes",
        )

    def handle(self, *args, username, reset_two_factor, **options):
        lockout.reset(username)
        if reset_two_factor:
            user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username})
            user = user.first()
            if user is None:
                raise CommandError(f"There is no account named {username!r}.")
            TwoFactorDevice.objects.filter(user=user).delete()
            recovery.discard(user)
            audit.log_event(username, None, "2fa_reset", user)
            self.stdout.write(f"Two-factor authentication is off for {username}.")
        self.stdout.write(self.style.SUCCESS(f"{username} can sign in again."))
