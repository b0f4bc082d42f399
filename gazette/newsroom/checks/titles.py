"""Headlines, social titles and descriptions that are cut, or will be cut, mid-word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from gazette.news.models import SOCIAL_TITLE_MAX
from gazette.newsroom.checks.base import BLOCKER, WARNING, Check, Finding
from gazette.newsroom.checks.text import is_arabic_letter, is_word_char

DESCRIPTION_MAX = 160  # what search engines show of a meta description
MIN_CUT_CANDIDATE = 20  # shorter texts are too likely to be a prefix by chance
_TRAILING_ELLIPSIS = re.compile(r"\s*(?:…|\.\.\.+)\s*$")
ONE_LETTER_WORDS = {"a", "i", "o"}  # English words of one letter ("O" only as a vocative)


def _fold(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def cut_against(candidate: str, references: list[str]) -> bool:
    """Is `candidate` a piece of one of `references` that stops in the middle of a word?"""
    piece = _fold(_TRAILING_ELLIPSIS.sub("", candidate))
    if len(piece) < MIN_CUT_CANDIDATE or not is_word_char(piece[-1]):
        return False
    for reference in references:
        full = _fold(reference)
        if len(full) <= len(piece):
            continue
        start = full.find(piece)
        while start != -1:
            end = start + len(piece)
            if end < len(full) and is_word_char(full[end]):
                return True
            start = full.find(piece, start + 1)
    return False


def ends_in_fragment(text: str) -> bool:
    """Does the text end in a lone letter that cannot be a word on its own?"""
    stripped = _TRAILING_ELLIPSIS.sub("", text or "").rstrip()
    tokens = stripped.split()
    if len(tokens) < 3:
        return False
    last = tokens[-1]
    if len(last) != 1 or not last.isalpha():
        return False
    if is_arabic_letter(last):
        return True
    return last.casefold() not in ONE_LETTER_WORDS or last == "o"


class CutTextCheck(Check):
    id = "cut-title"
    severity = BLOCKER
    title = _("Title or description ends in a cut word")
    fix = _(
        "Write the text out in full, or shorten it at a word boundary so it reads as a "
        "complete phrase."
    )

    def run(self, doc, context) -> Iterator[Finding]:
        first_paragraph = doc.paragraphs[0].text if doc.paragraphs else ""
        fields = [
            (_("headline"), doc.title, [doc.standfirst, first_paragraph]),
            (_("social title"), doc.social_title, [doc.title, doc.standfirst, first_paragraph]),
            (_("description"), doc.description, [doc.standfirst, first_paragraph, doc.title]),
        ]
        for where, text, references in fields:
            if not text:
                continue
            if cut_against(text, [r for r in references if r]) or ends_in_fragment(text):
                yield self.finding(
                    where,
                    _("“%(text)s” stops in the middle of a word.") % {"text": text[-60:]},
                )


def cut_mid_word(text: str, limit: int) -> bool:
    """Would showing the first `limit` characters of `text` break a word in two?"""
    if len(text) <= limit:
        return False
    return is_word_char(text[limit - 1]) and is_word_char(text[limit])


class DisplayCutCheck(Check):
    id = "cut-on-display"
    severity = WARNING
    title = _("Title or description will be cut mid-word where it is shown")
    fix = format_lazy(
        _(
            "Give a social/SEO title of at most {title} characters and a description of at "
            "most {description} characters (on the SEO & social tab)."
        ),
        title=SOCIAL_TITLE_MAX,
        description=DESCRIPTION_MAX,
    )

    def run(self, doc, context) -> Iterator[Finding]:
        shown_title = doc.social_title or doc.title
        if cut_mid_word(shown_title, SOCIAL_TITLE_MAX):
            where = _("social title") if doc.social_title else _("headline, used as social title")
            yield self.finding(
                where,
                _("Search results and shares show %(max)d characters, which cuts it at “…%(cut)s”.")
                % {
                    "max": SOCIAL_TITLE_MAX,
                    "cut": shown_title[SOCIAL_TITLE_MAX - 20 : SOCIAL_TITLE_MAX],
                },
            )
        if cut_mid_word(doc.description, DESCRIPTION_MAX):
            yield self.finding(
                _("description"),
                _("Search results show %(max)d characters, which cuts it at “…%(cut)s”.")
                % {
                    "max": DESCRIPTION_MAX,
                    "cut": doc.description[DESCRIPTION_MAX - 20 : DESCRIPTION_MAX],
                },
            )
