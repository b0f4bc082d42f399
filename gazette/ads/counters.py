"""Buffered counters: requests add to a buffer, a periodic task drains it into the database.

Two backends behind one small interface: Redis (REDIS_URL set; shared by every app
server) and an append-only file under var/ (one machine; survives restarts). A drain
renames the live buffer first, so counting goes on while the batch is applied, and
every batch has a name so applying it twice adds nothing.

The view-beacon buffer of gazette/discovery had not landed on main when this was
written; when it does, the two can share one implementation behind this interface.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@dataclass
class Batch:
    """Counts drained from the buffer, with a name unique to this drain."""

    name: str
    counts: Counter


class CounterBuffer:
    """Add to counters cheaply; hand them over in named batches."""

    def add(self, key: str, amount: int = 1) -> None:
        raise NotImplementedError

    def drain(self) -> Iterator[Batch]:
        """Yield pending batches (including ones a crashed drain left); call `done` after each."""
        raise NotImplementedError

    def done(self, batch: Batch) -> None:
        """Forget a batch once its counts are safely stored."""
        raise NotImplementedError

    def pending(self) -> Counter:
        """Counts not drained yet (for tests and the admin), without draining them."""
        raise NotImplementedError


class FileCounterBuffer(CounterBuffer):
    """Append "key amount" lines to a file; every process on the machine can write it."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.live = self.directory / "counts.log"

    def add(self, key: str, amount: int = 1) -> None:
        line = f"{key} {int(amount)}\n".encode()
        while True:
            fd = os.open(self.live, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o640)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                # A drain may have renamed the file while we waited for the lock:
                # then write to the new live file instead.
                try:
                    same = os.fstat(fd).st_ino == os.stat(self.live).st_ino
                except FileNotFoundError:
                    same = False
                if same:
                    os.write(fd, line)
                    return
            finally:
                os.close(fd)

    def _parse(self, path: Path) -> Counter:
        counts: Counter = Counter()
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                key, _, amount = line.strip().rpartition(" ")
                if key and amount.isdigit():
                    counts[key] += int(amount)
        return counts

    def drain(self) -> Iterator[Batch]:
        if self.live.exists():
            fd = os.open(self.live, os.O_RDONLY)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                if os.fstat(fd).st_ino == os.stat(self.live).st_ino:
                    os.rename(self.live, self.directory / f"batch-{uuid.uuid4().hex}.log")
            finally:
                os.close(fd)
        for path in sorted(self.directory.glob("batch-*.log")):
            yield Batch(name=f"file:{path.name}", counts=self._parse(path))

    def done(self, batch: Batch) -> None:
        (self.directory / batch.name.removeprefix("file:")).unlink(missing_ok=True)

    def pending(self) -> Counter:
        total: Counter = Counter()
        for path in [self.live, *self.directory.glob("batch-*.log")]:
            if path.exists():
                total.update(self._parse(path))
        return total


class RedisCounterBuffer(CounterBuffer):
    """A Redis hash of counters: HINCRBY per event, RENAME to drain."""

    def __init__(self, url: str, prefix: str = "gazette:ads:counts"):
        import redis

        self.redis = redis.Redis.from_url(url)
        self.live = prefix
        self.batch_prefix = f"{prefix}:batch:"

    def add(self, key: str, amount: int = 1) -> None:
        self.redis.hincrby(self.live, key, int(amount))

    def _read(self, name: str) -> Counter:
        return Counter({k.decode(): int(v) for k, v in self.redis.hgetall(name).items()})

    def drain(self) -> Iterator[Batch]:
        import redis

        # ResponseError: nothing was counted since the last drain.
        with contextlib.suppress(redis.ResponseError):
            self.redis.rename(self.live, f"{self.batch_prefix}{uuid.uuid4().hex}")
        for name in sorted(self.redis.scan_iter(match=f"{self.batch_prefix}*")):
            name = name.decode()
            yield Batch(name=f"redis:{name}", counts=self._read(name))

    def done(self, batch: Batch) -> None:
        self.redis.delete(batch.name.removeprefix("redis:"))

    def pending(self) -> Counter:
        total = self._read(self.live)
        for name in self.redis.scan_iter(match=f"{self.batch_prefix}*"):
            total.update(self._read(name.decode()))
        return total


_buffers: dict[tuple, CounterBuffer] = {}


def get_buffer() -> CounterBuffer:
    """The buffer for this configuration: Redis when REDIS_URL is set, else a local file."""
    url = getattr(settings, "REDIS_URL", "")
    directory = Path(settings.GAZETTE_ADS_DIR) / "counters"
    key = (url, str(directory))
    if key not in _buffers:
        _buffers[key] = RedisCounterBuffer(url) if url else FileCounterBuffer(directory)
    return _buffers[key]
