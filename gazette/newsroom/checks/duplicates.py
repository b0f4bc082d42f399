"""An article that repeats one already published, in words or in headline."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from gazette.newsroom.checks.base import WARNING, Check, Finding
from gazette.newsroom.checks.text import containment, jaccard, normalise, shingles

NEAR_DUPLICATE_SIMILARITY = 0.5  # share of five-word runs the two texts have in common
MIN_SHINGLES = 20  # too short a body to compare meaningfully


def _others(doc, context):
    for item in context.archive:
        if doc.page_id and item.page_id == doc.page_id:
            continue
        if doc.translation_key and item.translation_key == doc.translation_key:
            continue  # its own translation
        yield item


class NearDuplicateCheck(Check):
    id = "near-duplicate"
    severity = WARNING
    title = _("Near-duplicate of a published article")
    fix = _(
        "If this is an update, edit the published article instead; otherwise rewrite the "
        "repeated passages."
    )
    needs_archive = True

    def run(self, doc, context) -> Iterator[Finding]:
        mine = shingles(doc.body_text)
        if len(mine) < MIN_SHINGLES:
            return
        for item in _others(doc, context):
            if len(item.shingles) < MIN_SHINGLES:
                continue
            similarity = max(jaccard(mine, item.shingles), containment(mine, item.shingles))
            if similarity >= NEAR_DUPLICATE_SIMILARITY:
                yield self.finding(
                    _("body"),
                    _("%(share)d%% of the text repeats the published “%(title)s” (%(url)s).")
                    % {"share": round(100 * similarity), "title": item.title, "url": item.url},
                )


class DuplicateHeadlineCheck(Check):
    id = "duplicate-headline"
    severity = WARNING
    title = _("Headline already used")
    fix = _("Write a headline of its own so readers and search engines can tell them apart.")
    needs_archive = True

    def run(self, doc, context) -> Iterator[Finding]:
        mine = normalise(doc.title).strip(" .!?؟")
        if not mine:
            return
        for item in _others(doc, context):
            if normalise(item.title).strip(" .!?؟") == mine:
                yield self.finding(
                    _("headline"),
                    _("A published article has the same headline (%(url)s).") % {"url": item.url},
                )
