"""Accept one view beacon: check it, de-identify the reader, hand it to the buffer.

Shared by the Django view and the WSGI fast path; reads only the WSGI environ and body,
never the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from django.conf import settings

from gazette.discovery.buffer import ViewEvent, current_hour, view_buffer
from gazette.discovery.visitors import client_address, is_bot, is_prefetch, visitor_key

MAX_BODY = 256
MAX_ARTICLE_ID = 2**53  # what a browser's data attribute can carry exactly


@cache
def language_codes() -> frozenset[str]:
    return frozenset(code for code, _name in settings.LANGUAGES)


def parse_body(body: bytes) -> tuple[int, str] | None:
    """The (article id, language) a beacon names, or None when it is malformed."""
    if not body or len(body) > MAX_BODY:
        return None
    try:
        fields = dict(pair.split("=", 1) for pair in body.decode("ascii").split("&"))
    except (UnicodeDecodeError, ValueError):
        return None
    page, language = fields.get("p", ""), fields.get("l", "")
    if not page.isdigit() or not 0 < int(page) < MAX_ARTICLE_ID:
        return None
    if language not in language_codes():
        return None
    return int(page), language


def accept_beacon(meta: Mapping[str, str], body: bytes, now: float | None = None) -> bool:
    """Buffer the view if it is a person's first look today; True when it was buffered.

    `now` (a Unix time) is for the demo magazine, which replays a month of readers.
    """
    user_agent = meta.get("HTTP_USER_AGENT", "")
    if is_bot(user_agent) or is_prefetch(meta):
        return False
    parsed = parse_body(body)
    if parsed is None:
        return False
    article_id, language = parsed
    buffer = view_buffer()
    hour = current_hour(now)
    address = client_address(meta, getattr(settings, "GAZETTE_BEACON_TRUST_FORWARDED", False))
    visitor = visitor_key(address, user_agent, buffer.salt(hour // 24))
    buffer.add(ViewEvent(hour=hour, article_id=article_id, language=language, visitor=visitor))
    return True
