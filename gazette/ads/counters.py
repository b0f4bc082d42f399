"""Buffered ad counters: requests add to a buffer, a periodic task drains it into the database.

The buffering is the shared `gazette.core.buffering.EventBuffer` (the view beacons use
it too): a Redis hash of counters when REDIS_URL is set (shared by every app server),
else per-process spool files under var/ads/counters/ (one machine; they survive a
restart), and the spool while Redis is failing. A drain hands over named batches — a
renamed Redis hash, or a spool file whose bucket is over — so counting goes on while a
batch is applied, and every batch has a name so applying it twice adds nothing.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from gazette.core.buffering import EventBuffer, RedisHashBatches, read_lines

log = logging.getLogger(__name__)

REDIS_KEY = "gazette:ads:counts"


@dataclass
class Batch:
    """Counts drained from the buffer, with a name unique to this drain."""

    name: str
    counts: Counter


def _spool_line(event: tuple[str, int]) -> str:
    key, amount = event
    return f"{key}\t{amount}\n"


def _send(buffer: EventBuffer, pipe, event: tuple[str, int]) -> None:
    key, amount = event
    pipe.hincrby(buffer.redis_key, key, amount)


def _read_spool(path: Path) -> Counter:
    counts: Counter = Counter()
    for fields in read_lines(path):
        if len(fields) == 2 and fields[0] and fields[1].isdigit():
            counts[fields[0]] += int(fields[1])
    return counts


class CounterBuffer(EventBuffer):
    """Add to counters cheaply; hand them over in named batches."""

    def __init__(self, directory: Path, redis_url: str = "", redis_key: str = REDIS_KEY):
        self.redis_key = redis_key
        super().__init__(
            directory, redis_url, to_line=_spool_line, send_to_redis=_send, name="ad counters"
        )
        self.hashes = RedisHashBatches(self.client, redis_key) if self.client else None

    def add(self, key: str, amount: int = 1) -> None:
        if "\t" in key or "\n" in key:
            raise ValueError(f"A counter key cannot hold tabs or newlines: {key!r}")
        super().add((key, int(amount)))

    def drain(self, now: float | None = None) -> Iterator[Batch]:
        """Yield pending batches (including ones a crashed drain left); call `done` after each.

        This process's own spool files are handed over at once; other processes' files
        once their 10-second bucket is over (`now` lets a caller pretend it is).
        """
        self.seal()
        for path in self.spool.closed_files(now):
            yield Batch(name=f"spool:{path.name}", counts=_read_spool(path))
        if self.hashes is not None:
            try:
                batches = self.hashes.drain()
            except Exception as exc:  # Redis down: its counts wait there for next time
                log.warning("Could not read ad counters from Redis: %s", exc)
                return
            for key, counts in batches:
                yield Batch(name=f"redis:{key}", counts=counts)

    def done(self, batch: Batch) -> None:
        """Forget a batch once its counts are safely stored."""
        kind, _, name = batch.name.partition(":")
        if kind == "spool":
            (self.spool.directory / name).unlink(missing_ok=True)
        elif kind == "redis" and self.hashes is not None:
            self.hashes.done(name)

    def pending(self) -> Counter:
        """Counts not drained yet (for tests and the admin), without draining them."""
        self.flush()
        total: Counter = Counter()
        for path in self.spool.all_files():
            total.update(_read_spool(path))
        if self.hashes is not None:
            total.update(self.hashes.pending())
        return total


_buffers: dict[tuple, CounterBuffer] = {}


def get_buffer() -> CounterBuffer:
    """The buffer for this configuration: Redis when REDIS_URL is set, else local files."""
    url = getattr(settings, "REDIS_URL", "")
    directory = Path(settings.GAZETTE_ADS_DIR) / "counters"
    key = (url, str(directory))
    if key not in _buffers:
        _buffers[key] = CounterBuffer(directory, url)
    return _buffers[key]
