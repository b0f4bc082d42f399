"""Admin sign-in rate limit: after repeated failures an account (or address) is locked.

Counters live in the shared cache, so every web worker sees the same count. Limits:
GAZETTE_LOGIN_MAX_FAILURES per username and GAZETTE_LOGIN_MAX_FAILURES_PER_IP per
address within GAZETTE_LOGIN_LOCKOUT_SECONDS; the lock lasts as long as that window.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache


def client_ip(request) -> str:
    if request is None:
        return ""
    return request.META.get("REMOTE_ADDR", "")


def _user_key(username: str) -> str:
    return f"login-failures:user:{(username or '').strip().lower()}"


def _ip_key(ip: str) -> str:
    return f"login-failures:ip:{ip}"


def _bump(key: str) -> int:
    window = settings.GAZETTE_LOGIN_LOCKOUT_SECONDS
    if cache.add(key, 1, window):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, window)
        return 1


def record_failure(username: str, request) -> None:
    _bump(_user_key(username))
    if ip := client_ip(request):
        _bump(_ip_key(ip))


def is_locked(username: str, request) -> bool:
    if (cache.get(_user_key(username)) or 0) >= settings.GAZETTE_LOGIN_MAX_FAILURES:
        return True
    ip = client_ip(request)
    return bool(ip) and (cache.get(_ip_key(ip)) or 0) >= settings.GAZETTE_LOGIN_MAX_FAILURES_PER_IP


def reset(username: str) -> None:
    cache.delete(_user_key(username))


def lockout_minutes() -> int:
    return max(1, settings.GAZETTE_LOGIN_LOCKOUT_SECONDS // 60)
