"""Changes of state in advertising: count an event, apply buffered counts, publish the index."""

from __future__ import annotations

import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from gazette.ads.counters import Batch, get_buffer

logger = logging.getLogger(__name__)

IMPRESSION, CLICK = "i", "c"


def counter_key(creative_id: int, slot_key: str, event: str, day=None) -> str:
    day = day or timezone.localdate()
    return f"{day.isoformat()}|{int(creative_id)}|{slot_key}|{event}"


def do_count_event(creative_id: int, slot_key: str, event: str) -> None:
    """Add one impression or click to the buffer (no database write)."""
    get_buffer().add(counter_key(creative_id, slot_key, event))


def _parse_key(key: str):
    from datetime import date

    day, creative_id, slot_key, event = key.split("|")
    return date.fromisoformat(day), int(creative_id), slot_key, event


def do_apply_batch(batch: Batch) -> int:
    """Add one drained batch to the daily counts, once; return how many events it held."""
    from gazette.ads.models import AppliedCounterBatch, Creative, CreativeDailyStat

    rows: dict[tuple, dict] = {}
    for key, amount in batch.counts.items():
        try:
            day, creative_id, slot_key, event = _parse_key(key)
        except ValueError:
            logger.warning("Skipping a malformed ad counter key: %r", key)
            continue
        row = rows.setdefault((day, creative_id, slot_key[:60]), {"i": 0, "c": 0})
        if event in row:
            row[event] += amount
    with transaction.atomic():
        try:
            AppliedCounterBatch.objects.create(name=batch.name)
        except IntegrityError:
            return 0  # applied before a crash stopped us deleting it
        existing = set(
            Creative.objects.filter(pk__in={k[1] for k in rows}).values_list("pk", flat=True)
        )
        for (day, creative_id, slot_key), row in rows.items():
            if creative_id not in existing:
                continue  # the creative was deleted meanwhile
            stat, created = CreativeDailyStat.objects.get_or_create(
                day=day,
                creative_id=creative_id,
                slot_key=slot_key,
                defaults={"impressions": row["i"], "clicks": row["c"]},
            )
            if not created:
                CreativeDailyStat.objects.filter(pk=stat.pk).update(
                    impressions=F("impressions") + row["i"], clicks=F("clicks") + row["c"]
                )
    return sum(r["i"] + r["c"] for r in rows.values())


def do_flush_counters() -> int:
    """Drain the buffer into the daily counts; return the number of events applied."""
    buffer = get_buffer()
    applied = 0
    for batch in buffer.drain():
        applied += do_apply_batch(batch)
        buffer.done(batch)
    return applied


def do_publish_index() -> dict:
    """Rebuild the ad index from the database and hand it to every app process."""
    from gazette.ads.index import build_index, store_index

    index = build_index()
    store_index(index)
    return index
