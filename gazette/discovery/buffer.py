"""Where view beacons wait for the roll-up: Redis when configured, else spool files.

The beacon request appends one event and returns; it never touches the main database.
- Redis: a Lua call de-duplicates the reader for the day (a set that expires after the
  day) and increments a pending counter hash. The request only queues the event in
  memory; a thread in each web process sends the queue to Redis in one pipeline every
  20 ms (a process killed outright loses at most those 20 ms of beacons). The roll-up
  renames the hash and reads it.
- Spool: each web process appends lines to a file named after the current 10-second
  bucket under var/discovery/spool/. A file whose bucket has passed is never written
  again, so the roll-up can read and delete it safely; files on disk survive a restart.
If Redis is configured but fails, events go to the spool (checked again after a pause),
so a Redis outage costs no views and no errors.
"""

from __future__ import annotations

import atexit
import logging
import os
import secrets
import threading
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

log = logging.getLogger(__name__)

BUCKET_SECONDS = 10
REDIS_PREFIX = "gazette:discovery:"
REDIS_RETRY_AFTER = 5.0  # seconds to leave a failing Redis alone before trying again
REDIS_FLUSH_SECONDS = 0.02
REDIS_FLUSH_EVENTS = 500

# KEYS: seen set, pending hash. ARGV: member "page:visitor", field "hour|page|lang", ttl.
RECORD_SCRIPT = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  return 1
end
return 0
"""


@dataclass(frozen=True)
class ViewEvent:
    hour: int  # hours since the epoch (UTC)
    article_id: int
    language: str
    visitor: str

    @property
    def day(self) -> int:
        return self.hour // 24


def current_hour(now: float | None = None) -> int:
    return int((now if now is not None else time.time()) // 3600)


def seconds_left_in_day(now: float | None = None) -> int:
    now = now if now is not None else time.time()
    return int(86400 - now % 86400)


def discovery_dir() -> Path:
    path = Path(getattr(settings, "GAZETTE_DISCOVERY_DIR", settings.VAR_DIR / "discovery"))
    path.mkdir(parents=True, exist_ok=True)
    return path


# --- Redis ------------------------------------------------------------------
class RedisBuffer:
    """Pending counts and per-day reader sets in Redis, sent in pipelined batches."""

    def __init__(self, url: str, on_failure):
        import redis

        self.client = redis.Redis.from_url(url, socket_timeout=0.25, socket_connect_timeout=0.25)
        self.script = self.client.register_script(RECORD_SCRIPT)
        self.pending_key = f"{REDIS_PREFIX}pending"
        self.processing_key = f"{REDIS_PREFIX}processing"
        self.on_failure = on_failure  # called with the events Redis did not take
        self._queue: deque[ViewEvent] = deque()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._flush_lock = threading.Lock()

    def add(self, event: ViewEvent) -> None:
        """Queue the event for the next pipeline (no network wait in the request)."""
        self._queue.append(event)
        if self._thread is None:
            self._start()
        if len(self._queue) >= REDIS_FLUSH_EVENTS:
            self._wake.set()

    def _start(self) -> None:
        with self._flush_lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="gazette-beacons", daemon=True
                )
                self._thread.start()
                atexit.register(self.flush)

    def _run(self) -> None:
        while True:
            self._wake.wait(REDIS_FLUSH_SECONDS)
            self._wake.clear()
            self.flush()

    def flush(self) -> int:
        """Send every queued event to Redis; on failure hand them to `on_failure`."""
        with self._flush_lock:
            batch = []
            while self._queue:
                batch.append(self._queue.popleft())
            if not batch:
                return 0
            ttl = seconds_left_in_day() + 3600
            try:
                pipe = self.client.pipeline(transaction=False)
                for event in batch:
                    self.script(
                        keys=[f"{REDIS_PREFIX}seen:{event.day}", self.pending_key],
                        args=[
                            f"{event.article_id}:{event.visitor}",
                            f"{event.hour}|{event.article_id}|{event.language}",
                            ttl,
                        ],
                        client=pipe,
                    )
                pipe.execute()
            except Exception as exc:
                self.on_failure(batch, exc)
            return len(batch)

    def salt(self, day: int) -> bytes:
        key = f"{REDIS_PREFIX}salt:{day}"
        self.client.set(key, secrets.token_hex(32), nx=True, ex=seconds_left_in_day() + 3600)
        return bytes.fromhex(self.client.get(key).decode())

    def take_pending(self) -> dict[tuple[int, int, str], int]:
        """Move the pending counts aside and return them (a crashed roll-up's first)."""
        if not self.client.exists(self.processing_key):
            try:
                self.client.rename(self.pending_key, self.processing_key)
            except Exception as exc:  # "no such key": nothing was counted
                if "no such key" not in str(exc).lower():
                    raise
                return {}
        counts = {}
        for field, value in self.client.hgetall(self.processing_key).items():
            hour, article_id, language = field.decode().split("|")
            counts[(int(hour), int(article_id), language)] = int(value)
        return counts

    def forget_pending(self) -> None:
        self.client.delete(self.processing_key)


# --- Spool files --------------------------------------------------------------
class SpoolBuffer:
    """Append-only event files on local disk, one per process per 10-second bucket."""

    def __init__(self, directory: Path):
        self.directory = directory / "spool"
        self.directory.mkdir(parents=True, exist_ok=True)
        self.salt_directory = directory / "salt"
        self.salt_directory.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._bucket = None
        self._fd = None
        self._salts: dict[int, bytes] = {}

    def add(self, event: ViewEvent) -> None:
        line = f"{event.hour}\t{event.article_id}\t{event.language}\t{event.visitor}\n".encode()
        bucket = int(time.time() // BUCKET_SECONDS)
        with self._lock:
            if bucket != self._bucket:
                if self._fd is not None:
                    os.close(self._fd)
                name = self.directory / f"{bucket:012d}-{os.getpid()}.spool"
                self._fd = os.open(name, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
                self._bucket = bucket
            os.write(self._fd, line)

    def seal(self) -> None:
        """Close this process's files now and mark them closed, so a roll-up takes them.

        Only this process writes files named with its pid, so once its open file is
        closed, every one of them is complete.
        """
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
            self._fd, self._bucket = None, None
            for path in self.directory.glob(f"*-{os.getpid()}.spool"):
                os.rename(path, path.with_name(f"{0:012d}-sealed-{path.name}"))

    def closed_files(self, now: float | None = None) -> list[Path]:
        """Spool files no process writes to any more (their bucket is over)."""
        limit = int((now if now is not None else time.time()) // BUCKET_SECONDS) - 1
        found = []
        for path in self.directory.glob("*.spool"):
            try:
                bucket = int(path.name.split("-", 1)[0])
            except ValueError:
                continue
            if bucket < limit:
                found.append(path)
        return sorted(found)

    def salt(self, day: int) -> bytes:
        """Today's random salt, shared by every process on this machine through a file."""
        if day in self._salts:
            return self._salts[day]
        path = self.salt_directory / f"{day}.salt"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            value = b""
            for _attempt in range(50):  # another process is writing it right now
                value = path.read_bytes()
                if len(value) == 32:
                    break
                time.sleep(0.01)
        else:
            value = secrets.token_bytes(32)
            os.write(fd, value)
            os.close(fd)
        self._salts = {day: value}
        forget_old_salts(self.salt_directory, day)
        return value


def forget_old_salts(directory: Path, today: int) -> None:
    """Delete the salts of past days: without them, old visitor keys mean nothing."""
    for path in directory.glob("*.salt"):
        try:
            if int(path.stem) < today:
                path.unlink(missing_ok=True)
        except ValueError:
            continue


# --- The buffer the beacon uses --------------------------------------------------
class ViewBuffer:
    """Redis first when configured, spool files otherwise or while Redis is failing."""

    def __init__(self):
        self.spool = SpoolBuffer(discovery_dir())
        url = getattr(settings, "REDIS_URL", "")
        self.redis = RedisBuffer(url, self._redis_batch_failed) if url else None
        self._redis_down_until = 0.0
        self._redis_salts: dict[int, bytes] = {}

    def _redis_usable(self) -> bool:
        return self.redis is not None and time.monotonic() >= self._redis_down_until

    def _redis_failed(self, exc: Exception) -> None:
        self._redis_down_until = time.monotonic() + REDIS_RETRY_AFTER
        log.warning("Redis unavailable for view beacons, using the spool: %s", exc)

    def _redis_batch_failed(self, batch: list[ViewEvent], exc: Exception) -> None:
        self._redis_failed(exc)
        for event in batch:
            self.spool.add(event)

    def flush(self) -> None:
        """Send this process's queued Redis events now (the roll-up and tests call it)."""
        if self.redis is not None:
            self.redis.flush()

    def seal(self) -> None:
        """Make everything this process has buffered readable by the next roll-up."""
        self.flush()
        self.spool.seal()

    def salt(self, day: int) -> bytes:
        if day in self._redis_salts:
            return self._redis_salts[day]
        if self._redis_usable():
            try:
                self._redis_salts = {day: self.redis.salt(day)}
                return self._redis_salts[day]
            except Exception as exc:
                self._redis_failed(exc)
        return self.spool.salt(day)

    def add(self, event: ViewEvent) -> None:
        if self._redis_usable():
            self.redis.add(event)
        else:
            self.spool.add(event)


_buffer: ViewBuffer | None = None
_buffer_lock = threading.Lock()


def view_buffer() -> ViewBuffer:
    """The process-wide buffer (created on first use, after settings are loaded)."""
    global _buffer
    if _buffer is None:
        with _buffer_lock:
            if _buffer is None:
                _buffer = ViewBuffer()
    return _buffer


def reset_view_buffer() -> None:
    """Forget the process-wide buffer (tests and benchmarks change settings)."""
    global _buffer
    _buffer = None
