"""Which slot a page shows, which creatives may fill it, and the weighted draw.

Pure functions over the ad index (no database). The reader's browser runs the same
draw in static/js/ads.js; `choose` here is the reference the tests hold it to, and
what server-side placements (the newsletter) use.
"""

from __future__ import annotations

import random
from datetime import datetime

from gazette.ads.sizes import fits


def slot_for(
    index: dict | None, placement: str, language: str, section_id: int | None
) -> dict | None:
    """The slot to render for `placement` on a page: the most specific one that applies."""
    if not index:
        return None
    candidates = [
        slot
        for slot in index["slots"].values()
        if slot["placement"] == placement
        and (not slot["languages"] or language in slot["languages"])
        and (not slot["sections"] or section_id in slot["sections"])
    ]
    if not candidates:
        return None
    candidates.sort(key=lambda s: (not s["sections"], not s["languages"], s["name"], s["id"]))
    return candidates[0]


def _within_dates(creative: dict, now: datetime) -> bool:
    starts = datetime.fromisoformat(creative["starts"])
    ends = datetime.fromisoformat(creative["ends"]) if creative["ends"] else None
    return starts <= now and (ends is None or now < ends)


def eligible(
    index: dict,
    slot: dict,
    *,
    language: str,
    section_id: int | None,
    kind: str,
    now: datetime,
) -> list[dict]:
    """Creatives that may run in `slot` on this page now (any device)."""
    found = []
    for c in index["creatives"]:
        if c["slots"] and slot["id"] not in c["slots"]:
            continue
        if c["size"] not in slot["sizes"]:
            continue
        if c["languages"] and language not in c["languages"]:
            continue
        if c["sections"] and section_id not in c["sections"]:
            continue
        if c["kinds"] and kind not in c["kinds"]:
            continue
        if not _within_dates(c, now):
            continue
        found.append(c)
    return found


def for_device(creatives: list[dict], slot: dict, device: str) -> list[dict]:
    """Those of `creatives` targeted at `device` that fit the box the slot reserves there."""
    box = slot["boxes"].get(device)
    if not box:
        return []
    return [
        c
        for c in creatives
        if (not c["devices"] or device in c["devices"]) and fits(c["size"], box)
    ]


def _weighted(items: list, weight, rng: random.Random):
    total = sum(weight(item) for item in items)
    point = rng.random() * total
    for item in items:
        point -= weight(item)
        if point < 0:
            return item
    return items[-1]


def choose(creatives: list[dict], rng: random.Random | None = None) -> dict | None:
    """Draw one creative: the highest priority present wins; then a campaign by its
    weight; then one of that campaign's creatives by the creative's weight."""
    if not creatives:
        return None
    rng = rng or random.Random()
    top = max(c["priority"] for c in creatives)
    campaigns: dict[int, list[dict]] = {}
    for c in creatives:
        if c["priority"] == top:
            campaigns.setdefault(c.get("campaign", c["id"]), []).append(c)
    groups = list(campaigns.values())
    group = _weighted(groups, lambda g: g[0]["weight"], rng)
    return _weighted(group, lambda c: c.get("creative_weight", 1), rng)
