"""Who counts as a reader, and the anonymous daily key that de-duplicates one.

No cookie and nothing personal is stored: a reader is `blake2b(address | user agent)`
keyed with a random salt that exists for one UTC day only, so yesterday's keys cannot
be linked to today's, nor turned back into an address.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping

BOT_AGENTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrap|archiver|headless|phantom|lighthouse|pagespeed|"
    r"pingdom|uptime|monitor|curl/|wget/|python-|python/|httpx|aiohttp|okhttp|java/|go-http|"
    r"libwww|axios|node-fetch|undici|facebookexternalhit|facebookcatalog|embedly|whatsapp|"
    r"telegram|discord|slack|skype|vkshare|bingpreview|yandex|baidu|duckduck|semrush|ahrefs|"
    r"mj12|petal|bytespider|gptbot|chatgpt|claude|ccbot|perplexity|applebot|feedfetcher|"
    r"preview|validator|check_http|nagios|statuscake|datadog",
    re.IGNORECASE,
)
# Headers browsers send when they fetch a page speculatively, before anyone looks at it.
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_bot(user_agent: str) -> bool:
    """Is this user agent a crawler, a link previewer or a script, not a person?"""
    if not user_agent or len(user_agent) < 20 or "mozilla" not in user_agent.lower():
        return True  # every mainstream browser still says "Mozilla/5.0"
    return BOT_AGENTS.search(user_agent) is not None


def is_prefetch(meta: Mapping[str, str]) -> bool:
    """Was this request made speculatively (prefetch, prerender, preview)?"""
    for header in PREFETCH_HEADERS:
        value = meta.get(header, "").lower()
        if "prefetch" in value or "prerender" in value or "preview" in value:
            return True
    return False


def client_address(meta: Mapping[str, str], trust_forwarded: bool) -> str:
    """The reader's address: the first X-Forwarded-For hop behind a trusted proxy."""
    if trust_forwarded:
        forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return meta.get("REMOTE_ADDR", "")


def visitor_key(address: str, user_agent: str, salt: bytes) -> str:
    """An anonymous key for (address, user agent), valid for the salt's day only."""
    digest = hashlib.blake2b(f"{address}|{user_agent}".encode(), key=salt, digest_size=12)
    return digest.hexdigest()
