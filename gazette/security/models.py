"""Sign-in audit log and two-factor devices."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SignInEvent(models.Model):
    """One attempt to sign in to the admin: who, from where, and what happened."""

    class Outcome(models.TextChoices):
        SUCCESS = "success", _("Signed in")
        FAILURE = "failure", _("Wrong password")
        LOCKED = "locked", _("Refused: locked out")
        TWO_FACTOR_OK = "2fa_ok", _("Two-factor code accepted")
        TWO_FACTOR_FAILURE = "2fa_failure", _("Wrong two-factor code")
        RECOVERY_CODE_USED = "2fa_recovery", _("Recovery code used")
        TWO_FACTOR_RESET = "2fa_reset", _("Two-factor authentication reset")
        SIGNED_OUT = "signed_out", _("Signed out")

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    username = models.CharField(_("username"), max_length=150, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("sign-in event")
        verbose_name_plural = _("sign-in log")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.outcome}"


class TwoFactorDevice(models.Model):
    """A staff member's authenticator app (TOTP secret), once they have confirmed it."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor_device"
    )
    secret = models.CharField(max_length=64)
    last_counter = models.BigIntegerField(default=-1)  # no code is accepted twice
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("two-factor device")

    def __str__(self) -> str:
        return f"Authenticator for {self.user}"


class RecoveryCode(models.Model):
    """A single-use code that stands in for the phone when it is lost (stored hashed)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="two_factor_recovery_codes"
    )
    digest = models.CharField(max_length=100)  # salt$sha256
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("two-factor recovery code")

    def __str__(self) -> str:
        return f"Recovery code for {self.user}{' (used)' if self.used_at else ''}"
