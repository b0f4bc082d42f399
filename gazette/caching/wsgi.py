"""The WSGI front: answer cache hits before Django is entered at all.

A hit costs one lookup in the shared store and a string replace (the CSP nonce), so a
shared article is served at close to the speed of a static file. Misses, and everything
that is not an anonymous GET, go to Django unchanged.
"""

from __future__ import annotations

from http import HTTPStatus

from gazette.caching.lookup import lookup


def _status_line(code: int) -> str:
    return f"{code} {HTTPStatus(code).phrase}"


class CachedPagesFront:
    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        try:
            hit = lookup(environ)
        except Exception:  # noqa: BLE001 - a broken cache must never take a page down
            hit = None
        if hit is None:
            return self.application(environ, start_response)
        start_response(_status_line(hit.status), hit.headers)
        return [hit.body]
