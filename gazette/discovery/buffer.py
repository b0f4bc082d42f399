"""Where view beacons wait for the roll-up: Redis when configured, else spool files.

The beacon request appends one event and returns; it never touches the main database.
The buffering itself (queued Redis pipelines, per-process spool files, the fallback to
the spool while Redis fails) is the shared `gazette.core.buffering.EventBuffer`; this
module adds what is particular to views:
- Redis: a Lua call de-duplicates the reader for the day (a set that expires after the
  day) and increments the pending hash `gazette:discovery:pending`, which the roll-up
  drains in named batches.
- Spool: one line per event (hour, article, language, visitor); the roll-up
  de-duplicates them.
- The daily salt of the anonymous reader key: in Redis, or a file under
  var/discovery/salt/ shared by the processes of one machine.
"""

from __future__ import annotations

import os
import secrets
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from gazette.core.buffering import EventBuffer, RedisHashBatches

REDIS_PREFIX = "gazette:discovery:"

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


def spool_line(event: ViewEvent) -> str:
    return f"{event.hour}\t{event.article_id}\t{event.language}\t{event.visitor}\n"


class SaltFiles:
    """Today's random salt, shared by every process on this machine through a file."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self._salts: dict[int, bytes] = {}

    def salt(self, day: int) -> bytes:
        if day in self._salts:
            return self._salts[day]
        path = self.directory / f"{day}.salt"
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
        forget_old_salts(self.directory, day)
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
class ViewBuffer(EventBuffer):
    """The shared event buffer, with Redis-side de-duplication and the daily salt."""

    def __init__(self):
        directory = discovery_dir()
        super().__init__(
            directory,
            getattr(settings, "REDIS_URL", ""),
            to_line=spool_line,
            send_to_redis=ViewBuffer._send,
            name="view beacons",
        )
        self.salt_files = SaltFiles(directory / "salt")
        self._redis_salts: dict[int, bytes] = {}
        self.redis_counts: RedisHashBatches | None = None
        if self.client is not None:
            self.script = self.client.register_script(RECORD_SCRIPT)
            self.redis_counts = RedisHashBatches(self.client, f"{REDIS_PREFIX}pending")

    def _send(self, pipe, event: ViewEvent) -> None:
        self.script(
            keys=[f"{REDIS_PREFIX}seen:{event.day}", self.redis_counts.live_key],
            args=[
                f"{event.article_id}:{event.visitor}",
                f"{event.hour}|{event.article_id}|{event.language}",
                seconds_left_in_day() + 3600,
            ],
            client=pipe,
        )

    def salt(self, day: int) -> bytes:
        if day in self._redis_salts:
            return self._redis_salts[day]
        if self.redis_usable():
            try:
                key = f"{REDIS_PREFIX}salt:{day}"
                ttl = seconds_left_in_day() + 3600
                self.client.set(key, secrets.token_hex(32), nx=True, ex=ttl)
                self._redis_salts = {day: bytes.fromhex(self.client.get(key).decode())}
                return self._redis_salts[day]
            except Exception as exc:
                self.redis_failed(exc)
        return self.salt_files.salt(day)


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
