"""An article that repeats one already published, in words or in headline."""

from __future__ import annotations

import math
from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from gazette.newsroom.checks.base import WARNING, Check, Finding
from gazette.newsroom.checks.text import shingles

# Resemblance (Jaccard) of the two sets of five-word runs, or containment of the shorter
# text in the longer one (a piece copied whole into a longer article).
NEAR_DUPLICATE_RESEMBLANCE = 0.5
NEAR_DUPLICATE_CONTAINMENT = 0.8
MIN_SHINGLES = 20  # too short a body to compare meaningfully
# The fewest shared shingles that can reach either bound, both texts being at least
# MIN_SHINGLES long: resemblance s / (a + b - s) >= R needs s >= 2R·MIN / (1 + R) (14);
# containment needs s >= C·MIN (16). The index is asked only for articles sharing that many.
MIN_SHARED = math.ceil(
    min(
        2 * NEAR_DUPLICATE_RESEMBLANCE * MIN_SHINGLES / (1 + NEAR_DUPLICATE_RESEMBLANCE),
        NEAR_DUPLICATE_CONTAINMENT * MIN_SHINGLES,
    )
)


def _is_other(doc, item) -> bool:
    if doc.page_id and item.page_id == doc.page_id:
        return False
    # Its own translation is not a duplicate.
    return not (doc.translation_key and item.translation_key == doc.translation_key)


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
        for item, shared in context.archive.similar(mine, MIN_SHARED):
            if item.shingle_count < MIN_SHINGLES or not _is_other(doc, item):
                continue
            resemblance = shared / (len(mine) + item.shingle_count - shared)
            containment = shared / min(len(mine), item.shingle_count)
            if (
                resemblance < NEAR_DUPLICATE_RESEMBLANCE
                and containment < NEAR_DUPLICATE_CONTAINMENT
            ):
                continue
            yield self.finding(
                _("body"),
                _("%(share)d%% of this text also appears in the published “%(title)s” (%(url)s).")
                % {"share": round(100 * shared / len(mine)), "title": item.title, "url": item.url},
            )


class DuplicateHeadlineCheck(Check):
    id = "duplicate-headline"
    severity = WARNING
    title = _("Headline already used")
    fix = _("Write a headline of its own so readers and search engines can tell them apart.")
    needs_archive = True

    def run(self, doc, context) -> Iterator[Finding]:
        for item in context.archive.same_headline(doc.title):
            if _is_other(doc, item):
                yield self.finding(
                    _("headline"),
                    _("A published article has the same headline (%(url)s).") % {"url": item.url},
                )
