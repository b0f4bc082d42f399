"""An article that repeats one already published, in words or in headline."""

from __future__ import annotations

from collections.abc import Iterator

from django.utils.translation import gettext_lazy as _

from gazette.newsroom.checks.base import WARNING, Check, Finding
from gazette.newsroom.checks.text import normalise, shingles

# Resemblance (Jaccard) of the two sets of five-word runs, or containment of the shorter
# text in the longer one (a piece copied whole into a longer article).
NEAR_DUPLICATE_RESEMBLANCE = 0.5
NEAR_DUPLICATE_CONTAINMENT = 0.8
MIN_SHINGLES = 20  # too short a body to compare meaningfully


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
        archive = context.archive
        for page_id, shared in archive.overlaps(mine).most_common():
            if shared < MIN_SHINGLES * NEAR_DUPLICATE_RESEMBLANCE:
                break  # most_common: the rest share even less
            item = archive.items[page_id]
            if len(item.shingles) < MIN_SHINGLES or not _is_other(doc, item):
                continue
            resemblance = shared / (len(mine) + len(item.shingles) - shared)
            containment = shared / min(len(mine), len(item.shingles))
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
        mine = normalise(doc.title).strip(" .!?؟")
        if not mine:
            return
        for item in context.archive:
            if _is_other(doc, item) and normalise(item.title).strip(" .!?؟") == mine:
                yield self.finding(
                    _("headline"),
                    _("A published article has the same headline (%(url)s).") % {"url": item.url},
                )
