"""Snippets with the reader's search terms marked: escape the text first, then mark."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from gazette.search.normalise import WORD_IN_TEXT, normalise_word

ELLIPSIS = "…"


def _matches(word: str, terms: list[str]) -> bool:
    folded = normalise_word(word)
    return any(folded == term or (len(term) >= 3 and folded.startswith(term)) for term in terms)


def highlight(text: str, terms: list[str]) -> SafeString:
    """The whole `text`, escaped, with every word that matches a term in `<mark>`."""
    return snippet(text, terms, width=None)


def snippet(text: str, terms: list[str], width: int | None = 240) -> SafeString:
    """About `width` characters of `text` around the first match, escaped, matches marked."""
    text = text or ""
    spans = [m.span() for m in WORD_IN_TEXT.finditer(text) if terms and _matches(m.group(), terms)]
    start, end = 0, len(text)
    if width is not None and len(text) > width:
        first = spans[0][0] if spans else 0
        start = max(0, first - width // 3)
        if start:
            # Begin on a word boundary.
            space = text.rfind(" ", 0, start)
            start = space + 1 if space >= 0 else start
        end = min(len(text), start + width)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    out = [ELLIPSIS] if start > 0 else []
    cursor = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    if end < len(text):
        out.append(ELLIPSIS)
    return mark_safe("".join(out))  # noqa: S308 - every piece of text was escaped above
