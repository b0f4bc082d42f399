"""The ad index: everything rotation needs, built by a task and read without the database.

`build_index()` queries the database once (on change and periodically, in the task
worker) and stores a plain dict. Requests read it with `load_index()`: from Redis when
REDIS_URL is set (shared by all app servers), else from a JSON file under var/ that
every process on the machine re-reads only when it changes.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.utils import timezone

from gazette.ads import sizes

CACHE_KEY = "gazette:ads:index"
RENDITIONS = {1: "fill-{w}x{h}|format-webp", 2: "fill-{w2}x{h2}|format-webp"}


def _section_ids(sections) -> list[int]:
    """Ids of the given sections and every translation of them."""
    from gazette.news.models import SectionPage

    keys = {s.translation_key for s in sections}
    if not keys:
        return []
    return sorted(SectionPage.objects.filter(translation_key__in=keys).values_list("pk", flat=True))


def _image_payload(creative) -> dict:
    w, h = creative.width, creative.height
    renditions = {
        density: creative.image.get_rendition(spec.format(w=w, h=h, w2=w * 2, h2=h * 2))
        for density, spec in RENDITIONS.items()
    }
    return {
        "src": renditions[1].url,
        "srcset": f"{renditions[1].url} 1x, {renditions[2].url} 2x",
        "alt": creative.alt_text,
    }


def build_index(now: datetime | None = None) -> dict:
    """Collect active slots and every creative that may run now or later."""
    from gazette.ads.models import Campaign, Creative, CreativeKind, Slot

    now = now or timezone.now()
    slots = {}
    for slot in Slot.objects.filter(active=True).prefetch_related("sections"):
        slots[slot.key] = {
            "id": slot.pk,
            "key": slot.key,
            "name": slot.name,
            "placement": slot.placement,
            "position": slot.position,
            "sizes": list(slot.sizes),
            "languages": list(slot.languages),
            "sections": _section_ids(slot.sections.all()),
            "boxes": {d: sizes.box_for(slot.sizes, d) for d in sizes.DeviceClass.values},
        }
    campaigns = (
        Campaign.objects.running(now)
        .with_delivery()
        .select_related("advertiser")
        .prefetch_related(
            "slots",
            "target_sections",
            Prefetch(
                "creatives",
                queryset=Creative.objects.filter(active=True).select_related("image"),
            ),
        )
    )
    creatives = []
    capped = []
    for campaign in campaigns:
        if campaign.impression_cap and campaign.delivered_impressions >= campaign.impression_cap:
            capped.append(campaign.pk)
            continue
        slot_ids = sorted(s.pk for s in campaign.slots.all())
        section_ids = _section_ids(campaign.target_sections.all())
        usable = [
            c
            for c in campaign.creatives.all()
            if c.kind == CreativeKind.HTML or c.image is not None
        ]
        for creative in usable:
            entry = {
                "id": creative.pk,
                "campaign": campaign.pk,
                "advertiser": campaign.advertiser.name,
                "house": campaign.is_house,
                "priority": campaign.effective_priority,
                # Drawn in two steps: a campaign by its weight, then one of its
                # creatives that fits the reader's device by the creative's weight.
                "weight": campaign.weight,
                "creative_weight": creative.weight,
                "size": creative.size,
                "w": creative.width,
                "h": creative.height,
                "starts": campaign.starts_at.isoformat(),
                "ends": campaign.ends_at.isoformat() if campaign.ends_at else None,
                "slots": slot_ids,
                "sections": section_ids,
                "languages": list(campaign.target_languages),
                "devices": list(campaign.target_devices),
                "kinds": list(campaign.target_kinds),
                "kind": creative.kind,
                "click_url": creative.click_url,
            }
            if creative.kind == CreativeKind.IMAGE:
                entry["img"] = _image_payload(creative)
            else:
                entry["html"] = creative.html
            creatives.append(entry)
    return {
        "built_at": now.isoformat(),
        "slots": slots,
        "creatives": creatives,
        "capped_campaigns": capped,
    }


# --- storage ----------------------------------------------------------------

_memo: dict = {"mtime": None, "path": None, "index": None}


def index_path() -> Path:
    return Path(settings.GAZETTE_ADS_DIR) / "index.json"


def _shared_cache() -> bool:
    return bool(getattr(settings, "REDIS_URL", ""))


def store_index(index: dict) -> None:
    """Publish a freshly built index to every app process."""
    path = index_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".json")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, path)  # atomic: readers see the old or the new index, never half
    if _shared_cache():
        cache.set(CACHE_KEY, index, timeout=None)


def load_index() -> dict | None:
    """The current index, or None when none was built yet. Never touches the database."""
    if _shared_cache():
        index = cache.get(CACHE_KEY)
        if index is not None:
            return index
    path = index_path()
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        return None
    if _memo["path"] != path or _memo["mtime"] != mtime:
        with open(path, encoding="utf-8") as handle:
            _memo.update(index=json.load(handle), mtime=mtime, path=path)
    return _memo["index"]


def creative_by_id(index: dict | None, creative_id: int) -> dict | None:
    """The indexed creative with this id (index lookups are memoised per index)."""
    if not index:
        return None
    lookup = index.get("_by_id")
    if lookup is None:
        lookup = {c["id"]: c for c in index["creatives"]}
        index["_by_id"] = lookup
    return lookup.get(creative_id)
