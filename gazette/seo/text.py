"""Shortening text for titles and descriptions without cutting a word in half."""

from __future__ import annotations

import re

from django.utils.html import strip_tags

ELLIPSIS = "…"
_SPACE = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace (and drop tags) so text reads as one line."""
    return _SPACE.sub(" ", strip_tags(text or "")).strip()


def truncate_words(text: str, limit: int) -> str:
    """Shorten `text` to at most `limit` characters, ending on a whole word plus an ellipsis."""
    text = squash(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) + 1]
    # Back up to the last space, so the final word is whole; a single giant word is cut hard.
    space = cut.rfind(" ")
    if space > 0:
        cut = cut[:space]
    else:
        cut = cut[: limit - len(ELLIPSIS)]
    return cut.rstrip(" ,;:.—–-،؛") + ELLIPSIS
