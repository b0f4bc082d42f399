"""The admin sign-in form, saying plainly when an account is locked out."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from gazette.security import lockout


class LoginForm(WagtailLoginForm):
    def clean(self):
        username = self.data.get("username", "")
        if username and lockout.is_locked(username, self.request):
            from gazette.security import audit

            audit.log_event(username, self.request, "locked")
            raise ValidationError(
                _(
                    "Too many failed sign-in attempts. Sign-in is paused for %(minutes)d "
                    "minutes; try again then, or ask an administrator to unlock the account."
                ),
                code="locked",
                params={"minutes": lockout.lockout_minutes()},
            )
        return super().clean()


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


class SecondFactorForm(CodeForm):
    """The code asked for at sign-in: from the app, or one of the printed recovery codes."""

    code = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        help_text=_("Lost your phone? Enter one of your recovery codes instead."),
        max_length=24,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )
