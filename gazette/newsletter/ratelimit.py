"""Fixed-window counters in the cache: per-IP and per-address sign-up limits."""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def _key(scope: str, subject: str, window: int) -> str:
    digest = hashlib.sha256(subject.encode()).hexdigest()[:32]
    return f"newsletter:rl:{scope}:{window}:{digest}"


def hit(scope: str, subject: str, limit: int, window: int) -> bool:
    """Count one attempt; return False once `limit` attempts were made in `window` seconds."""
    if limit <= 0:
        return True
    key = _key(scope, subject, window)
    # add() only sets a missing key, so the window starts at the first attempt.
    if cache.add(key, 1, timeout=window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=window)
        return True
    return count <= limit
