"""Decide whether a request may be answered from the page cache, and answer it.

Works on a WSGI environ (or Django's request.META, which is one), so the same code
serves hits in the WSGI front (no Django at all) and in the middleware.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass
from functools import cache
from urllib.parse import parse_qsl, urlencode

from django.conf import settings

from gazette.caching.store import CachedPage, get_store

NONCE_PLACEHOLDER = "gazette-csp-nonce-placeholder"
NONCE_PLACEHOLDER_BYTES = NONCE_PLACEHOLDER.encode()
TRACKING_PARAMS = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ref")
KEPT_PARAMS = {"page"}


@cache
def _cookie_markers() -> tuple[str, ...]:
    # The session cookie means someone may be signed in; "messages" that a notice waits.
    return (f"{settings.SESSION_COOKIE_NAME}=", "messages=")


def url_key(environ) -> str | None:
    """The cache key of an anonymous, cacheable GET/HEAD, or None when it must not be cached."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    if environ.get("HTTP_AUTHORIZATION"):
        return None
    cookies = environ.get("HTTP_COOKIE", "")
    if cookies and any(marker in cookies for marker in _cookie_markers()):
        return None  # signed in, or a message is waiting to be shown
    path = environ.get("PATH_INFO", "/")
    if path.startswith(settings.GAZETTE_PAGE_CACHE_SKIP_PREFIXES):
        return None
    query = environ.get("QUERY_STRING", "")
    if query:
        kept = []
        for name, value in parse_qsl(query, keep_blank_values=True):
            if name in KEPT_PARAMS:
                kept.append((name, value))
            elif not name.startswith(TRACKING_PARAMS):
                return None  # searches, previews, tokens: never from the cache
        query = urlencode(sorted(kept))
    host = (environ.get("HTTP_HOST") or environ.get("SERVER_NAME", "")).lower()
    return f"{host}{path}?{query}" if query else f"{host}{path}"


@dataclass
class Hit:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


def new_nonce() -> str:
    return secrets.token_urlsafe(16)


def answer(environ, page: CachedPage, nonce: str | None = None) -> Hit:
    """Replay a stored page: fresh CSP nonce, Age, and 304 when the reader has it."""
    age = str(max(0, int(time.time() - page.stored)))
    headers = list(page.headers)
    if page.has_nonce:
        nonce = nonce or new_nonce()
        headers = [(name, value.replace(NONCE_PLACEHOLDER, nonce)) for name, value in headers]
    headers += [("Age", age), ("X-Cache", "HIT")]
    if page.etag in environ.get("HTTP_IF_NONE_MATCH", ""):
        keep = {"cache-control", "etag", "vary", "surrogate-key", "cache-tag", "age", "x-cache"}
        return Hit(304, [h for h in headers if h[0].lower() in keep], b"")
    body = page.body
    if page.has_nonce:
        body = body.replace(NONCE_PLACEHOLDER_BYTES, nonce.encode())
    headers.append(("Content-Length", str(len(body))))
    if environ.get("REQUEST_METHOD") == "HEAD":
        body = b""
    return Hit(page.status, headers, body)


def lookup(environ, allow_stale: bool = False) -> Hit | None:
    """A stored answer for this request, or None."""
    key = url_key(environ)
    if key is None:
        return None
    page = get_store().get(key, allow_stale=allow_stale)
    return None if page is None else answer(environ, page)
