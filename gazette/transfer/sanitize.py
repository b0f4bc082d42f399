"""Clean imported text: nothing executable gets into Gazette from another site."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import nh3
from django.conf import settings

# What a Gazette paragraph may hold (the editor's features: bold, italic, link, lists,
# superscript, subscript), in Wagtail's stored rich-text form.
RICH_TEXT_TAGS = {"p", "b", "i", "a", "ul", "ol", "li", "sup", "sub", "br"}
RICH_TEXT_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}

DEFAULT_EMBED_HOSTS = (
    "youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "vimeo.com",
    "player.vimeo.com",
    "soundcloud.com",
    "open.spotify.com",
    "twitter.com",
    "x.com",
    "instagram.com",
    "facebook.com",
    "dailymotion.com",
    "ted.com",
    "flickr.com",
    "slideshare.net",
)


def clean_rich_text(markup: str) -> str:
    """Return `markup` reduced to the rich-text tags a Gazette paragraph allows."""
    markup = re.sub(r"<\s*(/?)\s*strong\b[^>]*>", r"<\1b>", markup, flags=re.I)
    markup = re.sub(r"<\s*(/?)\s*em\b[^>]*>", r"<\1i>", markup, flags=re.I)
    cleaned = nh3.clean(
        markup,
        tags=RICH_TEXT_TAGS,
        attributes=RICH_TEXT_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
    return cleaned.strip()


def clean_text(value: str) -> str:
    """Return plain text: tags and scripts removed, entities decoded, spaces collapsed."""
    if not value:
        return ""
    text = nh3.clean(value, tags=set(), strip_comments=True)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


def embed_hosts() -> tuple[str, ...]:
    return tuple(getattr(settings, "GAZETTE_IMPORT_EMBED_HOSTS", DEFAULT_EMBED_HOSTS))


def allowed_embed_url(url: str) -> str:
    """Return the canonical URL of an allow-listed embed, or "" for anything else.

    Iframe players (youtube.com/embed/ID, player.vimeo.com/video/ID) become the page
    URL Wagtail's oEmbed finders understand.
    """
    url = html.unescape((url or "").strip())
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    if not any(host == allowed or host.endswith("." + allowed) for allowed in embed_hosts()):
        return ""
    if "youtube" in host and parts.path.startswith("/embed/"):
        video = parts.path.split("/")[2]
        return f"https://www.youtube.com/watch?v={video}" if video else ""
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.split('/')[2]}"
    if "youtube" in host and parts.path == "/watch" and not parse_qs(parts.query).get("v"):
        return ""
    return url
