"""Marks that come in pairs, and subheadings that say something once."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from gazette.newsroom.checks.base import WARNING, Check, Finding, where_block
from gazette.newsroom.checks.text import normalise

OPENERS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»", "‹": "›"}
CLOSERS = {close: open_ for open_, close in OPENERS.items()}
QUOTE_LIKE = {'"', "“", "«", "„"}


def unbalanced_mark(text: str) -> str | None:
    """Return the first mark left open or closed without an opener, or None when balanced.

    A straight double quote closes whichever quotation is open, because pasted text often
    opens with a curly quote and closes with a straight one.
    """
    stack: list[str] = []
    for char in text:
        if char == '"':
            if stack and stack[-1] in QUOTE_LIKE:
                stack.pop()
            else:
                stack.append(char)
        elif char in OPENERS:
            stack.append(char)
        elif char in CLOSERS:
            expected = CLOSERS[char]
            if stack and (stack[-1] == expected or (char == "”" and stack[-1] in QUOTE_LIKE)):
                stack.pop()
            elif char == "”" and not stack:
                return char
            else:
                return char
    return stack[0] if stack else None


class UnbalancedMarksCheck(Check):
    id = "unbalanced-marks"
    severity = WARNING
    title = _("Unbalanced quotation marks or brackets")
    fix = _("Close the quotation or bracket where it ends, or remove the stray mark.")

    def run(self, doc, context) -> Iterator[Finding]:
        fields = [(_("headline"), doc.title), (_("standfirst"), doc.standfirst)]
        fields += [
            (where_block(b.index, b.kind), b.text)
            for b in doc.blocks
            if b.kind in {"paragraph", "subheading", "quote"}
        ]
        for where, text in fields:
            if text and (mark := unbalanced_mark(text)):
                yield self.finding(
                    where, _("The mark %(mark)s has no partner here.") % {"mark": mark}
                )


class SubheadingCheck(Check):
    id = "subheadings"
    severity = WARNING
    title = _("Empty or repeated subheading")
    fix = _("Give each subheading its own words, or delete the empty one.")

    def run(self, doc, context) -> Iterator[Finding]:
        seen: dict[str, int] = {}
        for block in doc.blocks:
            if block.kind != "subheading":
                continue
            where = where_block(block.index, block.kind)
            key = normalise(block.text).strip(" .:!?؟")
            if not key:
                yield self.finding(where, _("This subheading is empty."))
            elif key in seen:
                yield self.finding(
                    where,
                    _("“%(text)s” repeats the subheading at block %(first)d.")
                    % {"text": block.text, "first": seen[key]},
                )
            else:
                seen[key] = block.index
