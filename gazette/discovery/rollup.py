"""Turn buffered beacons into per-article hourly and daily counts.

Runs in the task worker (scheduled every minute). Spool events are de-duplicated here
against a small SQLite file of today's (article, visitor) keys — never the main
database — and yesterday's keys are deleted. Redis events were de-duplicated when
they arrived. Delivery is at-least-once: a roll-up that dies after writing counts but
before clearing its batch may count that batch twice; none is ever lost.
"""

from __future__ import annotations

import fcntl
import logging
import sqlite3
import time
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.core.cache import cache
from django.db import transaction

from gazette.core.buffering import read_lines
from gazette.discovery.buffer import discovery_dir, forget_old_salts, view_buffer
from gazette.discovery.models import DailyViews, HourlyViews
from gazette.news.models import ArticlePage

log = logging.getLogger(__name__)

HOURLY_KEEP = timedelta(hours=48)
POPULAR_GENERATION_KEY = "discovery:popular:generation"


@dataclass
class RollupReport:
    events: int = 0
    duplicates: int = 0
    unknown: int = 0
    counted: int = 0
    rows_written: int = 0
    seconds: float = 0.0


@contextmanager
def rollup_lock(directory: Path):
    """Only one roll-up at a time on this machine (the scheduler may overlap a slow one)."""
    with open(directory / "rollup.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class SeenStore:
    """Today's (article, visitor) keys in a separate SQLite file, for spool de-duplication."""

    def __init__(self, path: Path):
        self.db = sqlite3.connect(path, isolation_level="DEFERRED")
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS seen (day INTEGER, article INTEGER, visitor TEXT,"
            " PRIMARY KEY (day, article, visitor)) WITHOUT ROWID"
        )

    def first_time(self, day: int, article_id: int, visitor: str) -> bool:
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO seen VALUES (?, ?, ?)", (day, article_id, visitor)
        )
        return cursor.rowcount == 1

    def forget_before(self, day: int) -> None:
        self.db.execute("DELETE FROM seen WHERE day < ?", (day,))

    def commit(self) -> None:
        self.db.commit()

    def close(self) -> None:
        self.db.close()


def read_spool(paths: list[Path], seen: SeenStore, report: RollupReport) -> Counter:
    counts: Counter = Counter()
    for path in paths:
        for parts in read_lines(path):
            if len(parts) != 4 or not parts[0].isdigit() or not parts[1].isdigit():
                continue  # not a view event
            hour, article_id, language, visitor = int(parts[0]), int(parts[1]), *parts[2:]
            report.events += 1
            if seen.first_time(hour // 24, article_id, visitor):
                counts[(hour, article_id, language)] += 1
            else:
                report.duplicates += 1
    return counts


def read_redis_batches(batches, report: RollupReport) -> Counter:
    """Counts from drained Redis batches (de-duplicated in Redis as they arrived)."""
    counts: Counter = Counter()
    for _key, batch in batches:
        for field, n in batch.items():
            hour, article_id, language = field.split("|")
            counts[(int(hour), int(article_id), language)] += n
            report.events += n
    return counts


def valid_articles(counts: Counter) -> dict[int, str]:
    """Article id → language for the ids named in beacons that are real articles."""
    ids = sorted({article_id for _hour, article_id, _lang in counts})
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        found.update(
            ArticlePage.objects.filter(pk__in=ids[start : start + 500]).values_list(
                "pk", "locale__language_code"
            )
        )
    return found


@transaction.atomic
def write_counts(counts: Counter, report: RollupReport) -> None:
    """Add the counts to the hourly and daily rows (read, add, write: one writer at a time)."""
    articles = valid_articles(counts)
    hourly: Counter = Counter()
    daily: Counter = Counter()
    for (hour, article_id, language), n in counts.items():
        if articles.get(article_id) != language:
            report.unknown += n  # no such article, or the beacon named the wrong language
            continue
        when = datetime.fromtimestamp(hour * 3600, tz=UTC)
        hourly[(article_id, when)] += n
        daily[(article_id, when.date())] += n
        report.counted += n
    report.rows_written += add_to_rows(HourlyViews, "hour", hourly)
    report.rows_written += add_to_rows(DailyViews, "day", daily)
    HourlyViews.objects.filter(hour__lt=datetime.now(tz=UTC) - HOURLY_KEEP).delete()


def add_to_rows(model, period_field: str, counts: Counter) -> int:
    if not counts:
        return 0
    periods = {period for _article, period in counts}
    article_ids = {article for article, _period in counts}
    existing = {
        (row.article_id, getattr(row, period_field)): row
        for row in model.objects.filter(
            **{f"{period_field}__in": periods}, article_id__in=article_ids
        )
    }
    to_update, to_create = [], []
    for (article_id, period), n in counts.items():
        row = existing.get((article_id, period))
        if row is not None:
            row.views += n
            to_update.append(row)
        else:
            to_create.append(model(article_id=article_id, views=n, **{period_field: period}))
    model.objects.bulk_update(to_update, ["views"], batch_size=500)
    model.objects.bulk_create(to_create, batch_size=500)
    return len(to_update) + len(to_create)


def refresh_popular() -> None:
    """Make every cached Popular Posts list stale (shared caches; local ones expire in 60 s)."""
    try:
        cache.incr(POPULAR_GENERATION_KEY)
    except ValueError:
        cache.set(POPULAR_GENERATION_KEY, 1, None)


def rollup_views(now: float | None = None) -> RollupReport:
    """Roll every closed spool file and the Redis pending counts into the database.

    `now` lets tests close the current spool bucket by pretending time has moved on.
    """
    started = time.perf_counter()
    report = RollupReport()
    directory = discovery_dir()
    buffer = view_buffer()
    buffer.flush()
    with rollup_lock(directory):
        today = int(time.time() // 86400)
        seen = SeenStore(directory / "seen.sqlite3")
        try:
            paths = buffer.spool.closed_files(now)
            counts = read_spool(paths, seen, report)
            seen.forget_before(today)  # after reading, so late events of yesterday still match
            batches: list = []
            if buffer.redis_counts is not None:
                try:
                    batches = buffer.redis_counts.drain()
                except Exception as exc:  # Redis down: its counts wait there for next time
                    log.warning("Could not read pending views from Redis: %s", exc)
            counts.update(read_redis_batches(batches, report))
            write_counts(counts, report)
            seen.commit()
        finally:
            seen.close()
        for path in paths:
            path.unlink(missing_ok=True)
        for key, _batch in batches:
            buffer.redis_counts.done(key)
        forget_old_salts(directory / "salt", today)
    if report.counted:
        refresh_popular()
    report.seconds = time.perf_counter() - started
    return report
