"""Counting in the request path without touching the database: one buffer for every app.

View beacons (`gazette/discovery/buffer.py`) and ad impressions and clicks
(`gazette/ads/counters.py`) both hand their events to an `EventBuffer` and drain it
from a periodic task:
- Redis (REDIS_URL set, shared by every app server): a request only queues the event in
  memory; a thread in each process sends the queue in one pipeline every 20 ms (a
  process killed outright loses at most those 20 ms). Counts land in a Redis hash that a
  drain renames to a uniquely named batch before reading it (`RedisHashBatches`), so
  counting goes on during a drain and a batch left by a crashed drain is read next time.
- Spool files (no Redis, or while Redis is failing): each process appends lines to its
  own file for the current 10-second bucket. A file whose bucket is over is never
  written again, so a drain reads and deletes it without locks; files survive a restart.
  `seal()` hands this process's files over at once (a drain in the same process).
If Redis fails, the batch goes to the spool and Redis is left alone for a few seconds,
so an outage costs no events and no errors.
"""

from __future__ import annotations

import atexit
import logging
import os
import secrets
import threading
import time
import uuid
from collections import Counter, deque
from collections.abc import Callable, Iterator
from pathlib import Path

log = logging.getLogger(__name__)

BUCKET_SECONDS = 10
REDIS_RETRY_AFTER = 5.0  # seconds to leave a failing Redis alone before trying again
REDIS_FLUSH_SECONDS = 0.02
REDIS_FLUSH_EVENTS = 500
SEALED_PREFIX = f"{0:012d}-sealed-"  # a sealed file's bucket number, 0, is long over


# --- Spool files ------------------------------------------------------------------
class SpoolFiles:
    """Append-only lines in local files, one per process per time bucket."""

    def __init__(self, directory: Path, bucket_seconds: int = BUCKET_SECONDS):
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.bucket_seconds = bucket_seconds
        # pid and a random token: unique across restarts and machines sharing a database.
        self.owner = f"{os.getpid()}-{secrets.token_hex(4)}"
        self._lock = threading.Lock()
        self._bucket: int | None = None
        self._fd: int | None = None

    def append(self, line: bytes) -> None:
        bucket = int(time.time() // self.bucket_seconds)
        with self._lock:
            if bucket != self._bucket:
                if self._fd is not None:
                    os.close(self._fd)
                name = self.directory / f"{bucket:012d}-{self.owner}.spool"
                self._fd = os.open(name, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                self._bucket = bucket
            os.write(self._fd, line)

    def seal(self) -> None:
        """Close this buffer's files now and mark them over, so a drain takes them all."""
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
            self._fd, self._bucket = None, None
            for path in self.directory.glob(f"*-{self.owner}.spool"):
                if path.name.startswith(SEALED_PREFIX):
                    continue  # sealed before: a drain may be reading it right now
                # A fresh token per seal: the same bucket may be sealed again later, and
                # a batch's name must never repeat (ads skip a name applied before).
                sealed = f"{SEALED_PREFIX}{secrets.token_hex(6)}-{path.name}"
                os.rename(path, path.with_name(sealed))

    @staticmethod
    def bucket_of(path: Path) -> int | None:
        try:
            return int(path.name.split("-", 1)[0])
        except ValueError:
            return None

    def closed_files(self, now: float | None = None) -> list[Path]:
        """Files no process writes to any more (their bucket is over, or they were sealed).

        `now` lets a drain pretend time has moved on (tests, a restarted process's files).
        """
        limit = int((now if now is not None else time.time()) // self.bucket_seconds) - 1
        found = []
        for path in self.directory.glob("*.spool"):
            bucket = self.bucket_of(path)
            if bucket is not None and bucket < limit:
                found.append(path)
        return sorted(found)

    def all_files(self) -> list[Path]:
        return sorted(self.directory.glob("*.spool"))


def read_lines(path: Path) -> Iterator[list[str]]:
    """Tab-separated fields of each whole line (a line torn by a crash mid-write is skipped)."""
    with open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.endswith("\n"):
                yield line[:-1].split("\t")


# --- Redis --------------------------------------------------------------------------
class RedisQueue:
    """Events queued in memory and sent in one pipeline by a background thread."""

    def __init__(self, client, send: Callable, on_failure: Callable, name: str):
        self.client = client
        self.send = send  # send(pipeline, event): queue the commands for one event
        self.on_failure = on_failure  # on_failure(events, exc): Redis did not take them
        self.name = name
        self._queue: deque = deque()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._flush_lock = threading.Lock()

    def add(self, event) -> None:
        """Queue the event for the next pipeline (no network wait in the request)."""
        self._queue.append(event)
        if self._thread is None:
            self._start()
        if len(self._queue) >= REDIS_FLUSH_EVENTS:
            self._wake.set()

    def _start(self) -> None:
        with self._flush_lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self.name, daemon=True)
                self._thread.start()
                atexit.register(self.flush)

    def _run(self) -> None:
        while True:
            self._wake.wait(REDIS_FLUSH_SECONDS)
            self._wake.clear()
            self.flush()

    def flush(self) -> int:
        """Send every queued event; on failure hand them to `on_failure`."""
        with self._flush_lock:
            batch = []
            while self._queue:
                batch.append(self._queue.popleft())
            if not batch:
                return 0
            try:
                pipe = self.client.pipeline(transaction=False)
                for event in batch:
                    self.send(pipe, event)
                pipe.execute()
            except Exception as exc:
                self.on_failure(batch, exc)
            return len(batch)


class RedisHashBatches:
    """A Redis hash of counters drained in named batches (rename, read, delete)."""

    def __init__(self, client, live_key: str):
        self.client = client
        self.live_key = live_key
        self.batch_prefix = f"{live_key}:batch:"

    def _read(self, key: str) -> Counter:
        return Counter({k.decode(): int(v) for k, v in self.client.hgetall(key).items()})

    def drain(self) -> list[tuple[str, Counter]]:
        """(batch key, counts) of the live hash and of any batch a crashed drain left."""
        try:
            self.client.rename(self.live_key, f"{self.batch_prefix}{uuid.uuid4().hex}")
        except Exception as exc:  # "no such key": nothing was counted since the last drain
            if "no such key" not in str(exc).lower():
                raise
        keys = sorted(k.decode() for k in self.client.scan_iter(match=f"{self.batch_prefix}*"))
        return [(key, self._read(key)) for key in keys]

    def done(self, key: str) -> None:
        self.client.delete(key)

    def pending(self) -> Counter:
        total = self._read(self.live_key)
        for key in self.client.scan_iter(match=f"{self.batch_prefix}*"):
            total.update(self._read(key.decode()))
        return total


# --- The buffer an app uses -----------------------------------------------------------
class EventBuffer:
    """Redis first when configured, spool files otherwise or while Redis is failing.

    `to_line(event)` gives the spool line (tab-separated fields, ending in a newline);
    `send_to_redis(buffer, pipeline, event)` queues the Redis commands for one event.
    """

    def __init__(
        self,
        directory: Path,
        redis_url: str,
        *,
        to_line: Callable[[object], str],
        send_to_redis: Callable,
        name: str,
    ):
        self.name = name
        self.spool = SpoolFiles(Path(directory) / "spool")
        self.to_line = to_line
        self.client = None
        self.queue: RedisQueue | None = None
        if redis_url:
            import redis

            self.client = redis.Redis.from_url(
                redis_url, socket_timeout=0.25, socket_connect_timeout=0.25
            )
            self.queue = RedisQueue(
                self.client,
                lambda pipe, event: send_to_redis(self, pipe, event),
                self._batch_failed,
                name,
            )
        self._redis_down_until = 0.0

    def redis_usable(self) -> bool:
        return self.client is not None and time.monotonic() >= self._redis_down_until

    def redis_failed(self, exc: Exception) -> None:
        self._redis_down_until = time.monotonic() + REDIS_RETRY_AFTER
        log.warning("Redis unavailable for %s, using the spool: %s", self.name, exc)

    def _batch_failed(self, batch: list, exc: Exception) -> None:
        self.redis_failed(exc)
        for event in batch:
            self.spool.append(self.to_line(event).encode())

    def add(self, event) -> None:
        if self.queue is not None and self.redis_usable():
            self.queue.add(event)
        else:
            self.spool.append(self.to_line(event).encode())

    def flush(self) -> None:
        """Send this process's queued Redis events now (drains and tests call it)."""
        if self.queue is not None:
            self.queue.flush()

    def seal(self) -> None:
        """Make everything this process has buffered visible to the next drain."""
        self.flush()
        self.spool.seal()
