"""Write the sign-in log from Django's auth signals (handlers only record)."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed


def log_event(username: str, request, outcome: str, user=None) -> None:
    from gazette.security.lockout import client_ip
    from gazette.security.models import SignInEvent

    agent = request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""
    SignInEvent.objects.create(
        username=(username or "")[:150],
        user=user,
        ip=client_ip(request) or None,
        user_agent=agent,
        outcome=outcome,
    )


def _failed(sender, credentials, request=None, **kwargs):
    from django.contrib.auth import get_user_model

    from gazette.security import lockout

    username = credentials.get(get_user_model().USERNAME_FIELD) or credentials.get("username", "")
    if lockout.is_locked(username, request):
        return  # the backend has logged the refusal
    lockout.record_failure(username, request)
    log_event(username, request, "failure")


def _logged_in(sender, request, user, **kwargs):
    from gazette.security import lockout

    lockout.reset(user.get_username())
    log_event(user.get_username(), request, "success", user)


def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        log_event(user.get_username(), request, "signed_out", user)


def connect() -> None:
    user_login_failed.connect(_failed, dispatch_uid="gazette-audit-failed")
    user_logged_in.connect(_logged_in, dispatch_uid="gazette-audit-in")
    user_logged_out.connect(_logged_out, dispatch_uid="gazette-audit-out")
