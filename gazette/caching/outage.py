"""When the database stops answering: serve stale copies, else a friendly 503."""

from __future__ import annotations

import logging

from django.db import DatabaseError
from django.http import HttpResponse
from django.template import loader

from gazette.caching.lookup import lookup
from gazette.caching.middleware import to_response

log = logging.getLogger("gazette.caching")
RETRY_AFTER_SECONDS = 30


def is_database_outage(exc: BaseException | None) -> bool:
    while exc is not None:
        if isinstance(exc, DatabaseError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


def unavailable(reason: str = "database", retry_after: int = RETRY_AFTER_SECONDS) -> HttpResponse:
    """The 503 page, in the site's design, rendered without touching the database."""
    html = loader.get_template("caching/503.html").render({"reason": reason})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def outage_response(request) -> HttpResponse:
    """A stale copy of the page when there is one, else the 503 page."""
    try:
        hit = lookup(request.META, allow_stale=True)
    except Exception:  # noqa: BLE001 - the cache may be down too
        hit = None
    if hit is not None:
        response = to_response(hit)
        response["X-Cache"] = "STALE"
        response["Warning"] = '110 - "Response is stale"'
        return response
    return unavailable()


class DatabaseOutageMiddleware:
    """Turn database errors raised by views into stale pages or a 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        log.error("Database unavailable while serving %s: %s", request.path, exception)
        return outage_response(request)
