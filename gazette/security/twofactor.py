"""Two-factor sign-in for staff: set up an authenticator app, then a code after the password.

Staff turn it on from their account page (Account → Two-factor authentication). Once on,
every new admin session asks for a code before anything else; codes are single use.
Turning it on also issues ten recovery codes (shown once) for when the phone is lost, and
wrong codes count towards the same lockout as wrong passwords.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from gazette.security import audit, lockout, recovery, totp
from gazette.security.forms import CodeForm, SecondFactorForm
from gazette.security.models import TwoFactorDevice

SESSION_VERIFIED = "gazette_2fa_verified"
SESSION_PENDING_SECRET = "gazette_2fa_pending_secret"
SESSION_FRESH_CODES = "gazette_2fa_fresh_recovery_codes"


def device_of(user) -> TwoFactorDevice | None:
    return TwoFactorDevice.objects.filter(user=user).first()


def qr_svg(uri: str) -> str:
    import segno

    return segno.make(uri, error="m").svg_inline(scale=5, dark="#111", light="#fff")


def confirm_device(user, secret: str, code: str) -> TwoFactorDevice | None:
    """Turn two-factor on for `user` if `code` matches the new secret."""
    counter = totp.verify(secret, code)
    if counter is None:
        return None
    with transaction.atomic():
        device, _created = TwoFactorDevice.objects.update_or_create(
            user=user, defaults={"secret": secret, "last_counter": counter}
        )
    return device


def check_code(device: TwoFactorDevice, code: str) -> bool:
    """Accept a code once: the counter it matched must be newer than the last accepted."""
    with transaction.atomic():
        device = TwoFactorDevice.objects.select_for_update().get(pk=device.pk)
        counter = totp.verify(device.secret, code, last_counter=device.last_counter)
        if counter is None:
            return False
        device.last_counter = counter
        device.save(update_fields=["last_counter"])
    return True


def check_second_factor(device: TwoFactorDevice, code: str) -> str | None:
    """ "app" or "recovery" for an accepted code, None for a refused one."""
    if recovery.looks_like_recovery_code(code):
        return "recovery" if recovery.use(device.user, code) else None
    return "app" if check_code(device, code) else None


def show_new_recovery_codes(request) -> None:
    request.session[SESSION_FRESH_CODES] = recovery.issue(request.user)


def setup_view(request):
    """Show a QR code for a new secret; turn two-factor on when a code matches it."""
    device = device_of(request.user)
    secret = request.session.get(SESSION_PENDING_SECRET)
    if not secret:
        secret = request.session[SESSION_PENDING_SECRET] = totp.new_secret()
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if confirm_device(request.user, secret, form.cleaned_data["code"]):
            request.session.pop(SESSION_PENDING_SECRET, None)
            request.session[SESSION_VERIFIED] = True
            show_new_recovery_codes(request)
            messages.success(request, _("Two-factor authentication is on for your account."))
            return redirect("gazette_two_factor_recovery")
        form.add_error(
            "code",
            _(
                "That code does not match. Check the time on your phone and "
                "enter the code your app shows now."
            ),
        )
    uri = totp.provisioning_uri(secret, request.user.get_username(), settings.WAGTAIL_SITE_NAME)
    return render(
        request,
        "security/two_factor_setup.html",
        {"form": form, "secret": secret, "qr": qr_svg(uri), "device": device, "uri": uri},
    )


def disable_view(request):
    device = device_of(request.user)
    form = SecondFactorForm(request.POST or None)
    if device and request.method == "POST" and form.is_valid():
        if check_second_factor(device, form.cleaned_data["code"]):
            device.delete()
            recovery.discard(request.user)
            messages.success(request, _("Two-factor authentication is off for your account."))
            return redirect("wagtailadmin_account")
        form.add_error(
            "code", _("That code does not match; two-factor authentication is still on.")
        )
    return render(request, "security/two_factor_disable.html", {"form": form, "device": device})


def recovery_codes_view(request):
    """Show new recovery codes once; later, say how many are left and offer new ones."""
    device = device_of(request.user)
    if device is None:
        return redirect("gazette_two_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if check_code(device, form.cleaned_data["code"]):
            show_new_recovery_codes(request)
            return redirect("gazette_two_factor_recovery")
        form.add_error("code", _("That code does not match; your recovery codes are unchanged."))
    return render(
        request,
        "security/two_factor_recovery.html",
        {
            "form": form,
            "codes": request.session.pop(SESSION_FRESH_CODES, None),
            "remaining": recovery.remaining(request.user),
        },
    )


def verify_view(request):
    """Ask for the code after the password, before any other admin page."""
    device = device_of(request.user)
    next_url = request.GET.get("next") or request.POST.get("next") or reverse("wagtailadmin_home")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = reverse("wagtailadmin_home")
    if device is None or request.session.get(SESSION_VERIFIED):
        return redirect(next_url)
    username = request.user.get_username()
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and lockout.is_locked(username, request):
        return _sign_out_locked(request, username)
    if request.method == "POST" and form.is_valid():
        accepted = check_second_factor(device, form.cleaned_data["code"])
        if accepted:
            request.session.cycle_key()
            request.session[SESSION_VERIFIED] = True
            lockout.reset(username)
            if accepted == "recovery":
                audit.log_event(username, request, "2fa_recovery", request.user)
                _warn_recovery_code_used(request)
            else:
                audit.log_event(username, request, "2fa_ok", request.user)
            return redirect(next_url)
        audit.log_event(username, request, "2fa_failure", request.user)
        lockout.record_failure(username, request)
        if lockout.is_locked(username, request):
            return _sign_out_locked(request, username)
        form.add_error(
            "code",
            _(
                "That code is wrong or was already used. Enter the code your "
                "authenticator app shows now."
            ),
        )
    return render(request, "security/two_factor_verify.html", {"form": form, "next": next_url})


def _warn_recovery_code_used(request) -> None:
    left = recovery.remaining(request.user)
    messages.warning(
        request,
        _(
            "You signed in with a recovery code; %(left)d are left. If your phone is lost, "
            "set up two-factor authentication again on a new one."
        )
        % {"left": left},
    )


def _sign_out_locked(request, username: str):
    """Too many wrong codes: the password alone must not keep the session alive."""
    audit.log_event(username, request, "locked", request.user)
    logout(request)
    messages.error(
        request,
        _(
            "Too many wrong codes. Sign-in is paused for %(minutes)d minutes; try again "
            "then, or ask an administrator to unlock the account."
        )
        % {"minutes": lockout.lockout_minutes()},
    )
    return redirect("wagtailadmin_login")


class TwoFactorMiddleware:
    """Send signed-in staff with two-factor on to the code page until they pass it."""

    PROTECTED = ("/admin/", "/django-admin/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            request.path.startswith(self.PROTECTED)
            and user is not None
            and user.is_authenticated
            and not request.session.get(SESSION_VERIFIED)
            and request.path not in self._open_paths()
            and TwoFactorDevice.objects.filter(user=user).exists()
        ):
            from urllib.parse import urlencode

            verify = reverse("gazette_two_factor_verify")
            return redirect(f"{verify}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _open_paths() -> set[str]:
        return {reverse("gazette_two_factor_verify"), reverse("wagtailadmin_logout")}
