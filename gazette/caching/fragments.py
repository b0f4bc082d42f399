"""Fragment cache: the parts many pages share (rails, navigation, footer), made once.

A fragment is kept in the shared cache (the SQLite file, or Redis) with the surrogate keys
of the content it was made from, noted the same way the page cache notes them. A purge
stamps each purged key with the time; a fragment made before a stamp on one of its keys
is stale. So the purge that drops a page from the page cache also drops every fragment
showing that content, in every process, at once.

A fragment served from the cache adds its keys to the page being rendered, so a cached
page that contains it is purged with that content too.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from gazette.caching import recording

log = logging.getLogger("gazette.caching")

T = TypeVar("T")
ENTRY_PREFIX = "gazette:fragment:"
STAMP_PREFIX = "gazette:purged:"


def _ttl() -> int:
    return settings.GAZETTE_FRAGMENT_CACHE_TTL


def enabled() -> bool:
    return settings.GAZETTE_FRAGMENT_CACHE != "off"


def entry_key(name: str, vary: Iterable) -> str:
    """The cache key of fragment `name` for these values, in the active language."""
    parts = [translation.get_language() or "", *(str(v) for v in vary)]
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=12).hexdigest()
    return f"{ENTRY_PREFIX}{name}:{digest}"


def _stamps(keys: Iterable[str]) -> dict[str, float]:
    return cache.get_many([STAMP_PREFIX + key for key in {*keys, recording.ALL_KEY}])


def unchanged_since(keys: Iterable[str], moment: float) -> bool:
    """True when none of `keys` has been purged at or after `moment`."""
    return all(stamp < moment for stamp in _stamps(keys).values())


def get_or_make(name: str, vary: Iterable, make: Callable[[], T]) -> T:
    """The fragment `name` for `vary`: from the cache when still exact, else made now.

    `make` runs with its own key recording, so the fragment knows what it shows; those
    keys are passed on to the page around it either way.
    """
    return fetch(name, vary, make)[0]


def fetch(name: str, vary: Iterable, make: Callable[[], T]) -> tuple[T, frozenset[str]]:
    """Like `get_or_make`, also returning the surrogate keys of the fragment."""
    if not enabled():
        token = recording.start()
        try:
            value = make()
        finally:
            keys = recording.stop(token)
        recording.add(*keys)
        return value, frozenset(keys)
    key = entry_key(name, vary)
    try:
        entry = cache.get(key)
        if entry is not None:
            value, keys, made_at = entry
            if unchanged_since(keys, made_at):
                recording.add(*keys)
                return value, frozenset(keys)
    except Exception:  # noqa: BLE001 - a broken cache must never take a page down
        log.warning("Fragment cache unreadable; making %s afresh.", name, exc_info=True)
    started = time.time()
    token = recording.start()
    try:
        value = make()
    finally:
        keys = recording.stop(token)
    recording.add(*keys)
    try:
        # A purge that landed while it was being made may have changed what it shows.
        if unchanged_since(keys, started):
            cache.set(key, (value, sorted(keys), started), _ttl())
    except Exception:  # noqa: BLE001
        log.warning("Fragment cache unwritable; %s not kept.", name, exc_info=True)
    return value, frozenset(keys)


def purge(keys: Iterable[str]) -> None:
    """Mark every fragment made from `keys` as stale (in every process)."""
    keys = set(keys)
    if not keys:
        return
    now = time.time()
    try:
        # Stamps outlive the fragments they judge (and are culled after them).
        cache.set_many({STAMP_PREFIX + key: now for key in keys}, _ttl() + 60)
    except Exception:  # noqa: BLE001
        log.warning("Fragment cache unreachable; purge of %s not recorded.", keys, exc_info=True)
