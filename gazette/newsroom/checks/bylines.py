"""Bylines: present, naming a published author, and not repeated as a signature."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from gazette.newsroom.checks.base import BLOCKER, Check, Finding, where_block
from gazette.newsroom.checks.boilerplate import furniture_label
from gazette.newsroom.checks.text import normalise

_SIGN_PREFIX = re.compile(
    r"^(?:[-–—_~*•·]+\s*|by\s+|written by\s+|بقلم\s*[:：]?\s*|كتب(?:ت|ه)?\s*[:：]?\s*)"
)
_SIGN_TRAILER = re.compile(r"[\s.,;:،؛\-–—]+$")
TAIL_BLOCKS = 3  # a signature sits among the last few blocks of the article text


def _signature_name(text: str) -> str:
    folded = normalise(text)
    folded = _SIGN_PREFIX.sub("", folded)
    return _SIGN_TRAILER.sub("", folded)


class SignatureCheck(Check):
    id = "signature"
    severity = BLOCKER
    title = _("Signature repeating the byline")
    fix = _("Delete the name at the end of the body: the byline already credits the author.")

    def run(self, doc, context) -> Iterator[Finding]:
        names = {normalise(name) for name in doc.byline if name.strip()}
        if not names:
            return
        joined = {normalise(" and ".join(doc.byline)), normalise(" و".join(doc.byline))}
        text_blocks = [
            b
            for b in doc.blocks
            if b.kind in {"paragraph", "subheading"} and not furniture_label(b.text)
        ]
        for block in text_blocks[-TAIL_BLOCKS:]:
            signed = _signature_name(block.text)
            if signed in names or signed in joined or _starts_with_name(signed, names):
                yield self.finding(
                    where_block(block.index, block.kind),
                    _("The body ends with the author's name as a signature: “%(text)s”.")
                    % {"text": block.text[:80]},
                )


def _starts_with_name(signed: str, names: set[str]) -> bool:
    """Allow a short trailer after the name ("Layla Haddad, Beirut")."""
    for name in names:
        if signed.startswith(name) and len(signed.split()) <= len(name.split()) + 3:
            rest = signed[len(name) :]
            if not rest or rest[0] in ",،(|/-–—":
                return True
    return False


class BylineMissingCheck(Check):
    id = "byline-missing"
    severity = BLOCKER
    title = _("No byline")
    fix = _("Add the author (or authors) in the Byline panel; create the author first if needed.")

    def run(self, doc, context) -> Iterator[Finding]:
        if not [name for name in doc.byline if name.strip()]:
            yield self.finding(_("byline"), _("The article names no author."))


class BylineUnpublishedCheck(Check):
    id = "byline-unpublished"
    severity = BLOCKER
    title = _("Byline names no published author")
    fix = _(
        "Publish the author's profile (Snippets → Authors) or choose an author who has one, "
        "so readers can follow the byline to the author page."
    )

    def run(self, doc, context) -> Iterator[Finding]:
        names = [name for name in doc.byline if name.strip()]
        if not names:
            return
        if doc.byline_published is not None:
            published = any(doc.byline_published)
        elif context.use_database:
            published = any(normalise(name) in context.published_author_names for name in names)
        else:
            return
        if not published:
            yield self.finding(
                _("byline"),
                _("No published author is called %(names)s.") % {"names": ", ".join(names)},
            )
