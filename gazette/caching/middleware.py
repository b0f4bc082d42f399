"""The page cache inside Django: serve hits, store anonymous pages, set CDN headers."""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from gazette.caching import recording
from gazette.caching.lookup import NONCE_PLACEHOLDER, lookup, url_key
from gazette.caching.replica import replica_reads
from gazette.caching.store import CachedPage, get_store

CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml")
FEED_WORDS = ("feed", "rss", "atom", "sitemap")
SKIPPED_HEADERS = {"set-cookie", "content-length", "date", "x-cache"}


def to_response(hit) -> HttpResponse:
    response = HttpResponse(hit.body, status=hit.status)
    for name, value in hit.headers:
        if name.lower() != "content-length":
            response[name] = value
    return response


def listing_keys(request) -> set[str]:
    """Listing keys for the non-page views the cache knows (authors, tags, feeds)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return set()
    name = match.view_name or ""
    slug = match.kwargs.get("slug", "")
    if name == "people:author":
        return {recording.author_list_key(slug)}
    if name == "news:tag":
        return {recording.tag_list_key(slug)}
    if any(word in name for word in FEED_WORDS):
        return {recording.FEEDS_KEY}
    return set()


def is_cacheable_view(request, keys: set[str]) -> bool:
    if getattr(request, "gazette_page", None) is not None:
        return True
    return bool(keys)


def _vary_is_plain(response) -> bool:
    vary = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    return vary <= {"cookie", "accept-encoding", "accept-language"}


def should_store(request, response) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if response.cookies:
        return False  # Set-Cookie: a response made for one reader
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and len(messages):
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("private", "no-store", "no-cache")):
        return False
    if not response.get("Content-Type", "").startswith(CACHEABLE_TYPES):
        return False
    return _vary_is_plain(response)


def public_headers(response, keys: set[str]) -> None:
    """Cache-Control for shared caches, and surrogate keys a CDN can purge by."""
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        s_maxage=settings.GAZETTE_PAGE_CACHE_TTL,
        stale_while_revalidate=settings.GAZETTE_STALE_WHILE_REVALIDATE,
        stale_if_error=settings.GAZETTE_PAGE_CACHE_STALE_TTL,
    )
    ordered = sorted(keys)
    response["Surrogate-Key"] = " ".join(ordered)
    response["Cache-Tag"] = ",".join(ordered)
    # The page is the same for every anonymous reader; language is in the path.
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    vary = [v for v in vary if v.lower() not in {"cookie", "accept-language"}]
    if vary:
        response["Vary"] = ", ".join(vary)
    elif response.has_header("Vary"):
        del response["Vary"]


def private_headers(response) -> None:
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)


class PageCacheMiddleware:
    """Outermost middleware: answers hits, then tags and stores what it rendered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.GAZETTE_PAGE_CACHE == "off":
            return self.get_response(request)
        key = url_key(request.META)
        if key is None:
            response = self.get_response(request)
            if request.method in ("GET", "HEAD"):
                private_headers(response)
            return response
        hit = lookup(request.META)
        if hit is not None:
            return to_response(hit)
        started = time.time()
        token = recording.start()
        try:
            with replica_reads():
                response = self.get_response(request)
        finally:
            keys = recording.stop(token)
        extra = listing_keys(request)
        if not is_cacheable_view(request, extra) or not should_store(request, response):
            private_headers(response)
            return response
        keys |= extra | {recording.ALL_KEY}
        public_headers(response, keys)
        self._store(request, response, key, keys, started)
        return response

    def _store(self, request, response, key, keys, started) -> None:
        nonce = getattr(request, "csp_nonce", "")
        body = response.content
        headers = [
            (name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS
        ]
        has_nonce = bool(nonce) and nonce.encode() in body
        if has_nonce:
            body = body.replace(nonce.encode(), NONCE_PLACEHOLDER.encode())
            headers = [(n, v.replace(nonce, NONCE_PLACEHOLDER)) for n, v in headers]
            # A shared copy would repeat one nonce to every reader: only this cache,
            # which puts a new nonce into each answer, may keep the page.
            headers.append(("X-Accel-Expires", "0"))
            response["X-Accel-Expires"] = "0"
        etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
        headers.append(("ETag", etag))
        response["ETag"] = etag
        page = CachedPage(
            url=request.build_absolute_uri(),
            status=response.status_code,
            headers=headers,
            body=body,
            etag=etag,
            keys=sorted(keys),
            has_nonce=has_nonce,
        )
        get_store().put(key, page, started)
        response["X-Cache"] = "MISS"
        if not has_nonce:
            from gazette.caching.prerender import maybe_write

            maybe_write(request, page)
