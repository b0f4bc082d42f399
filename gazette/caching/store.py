"""Where rendered pages are kept, indexed by surrogate key so a purge is exact.

Two stores with one interface: SQLite under var/ (the embedded default, shared by every
process on the machine) and Redis (when REDIS_URL is set, shared by every machine).
Entries stay past their freshness as stale copies, served only while the database is down.
"""

from __future__ import annotations

import logging
import pickle
import random
import time
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings

from gazette.caching import sqlite

log = logging.getLogger("gazette.caching")


@dataclass
class CachedPage:
    """A stored response: enough to replay it without Django."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    etag: str
    keys: list[str] = field(default_factory=list)
    stored: float = 0.0
    has_nonce: bool = False  # an inline script's CSP nonce, replaced on every hit


class PageStore:
    """The interface both stores implement."""

    def get(self, url_key: str, allow_stale: bool = False) -> CachedPage | None:
        raise NotImplementedError

    def put(self, url_key: str, page: CachedPage, started: float) -> bool:
        """Keep `page` unless a purge landed after `started` (its render may be old)."""
        raise NotImplementedError

    def purge(self, keys: set[str]) -> list[str]:
        """Drop every page tagged with one of `keys`; return their URLs."""
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def count(self) -> int:
        raise NotImplementedError


class NullStore(PageStore):
    def get(self, url_key, allow_stale=False):
        return None

    def put(self, url_key, page, started):
        return False

    def purge(self, keys):
        return []

    def clear(self):
        pass

    def count(self):
        return 0


def _ttls() -> tuple[int, int]:
    return settings.GAZETTE_PAGE_CACHE_TTL, settings.GAZETTE_PAGE_CACHE_STALE_TTL


class SQLitePageStore(PageStore):
    def __init__(self, path: str):
        self.path = path

    @property
    def conn(self):
        return sqlite.connect(self.path)

    def get(self, url_key, allow_stale=False):
        column = "stale_until" if allow_stale else "fresh_until"
        row = self.conn.execute(
            f"SELECT data FROM page_entry WHERE url_key = ? AND {column} > ?",  # noqa: S608
            (url_key, time.time()),
        ).fetchone()
        return None if row is None else pickle.loads(row[0])

    def put(self, url_key, page, started):
        fresh, stale = _ttls()
        now = time.time()
        page.stored = now
        blob = pickle.dumps(page, pickle.HIGHEST_PROTOCOL)
        with sqlite.immediate(self.conn) as conn:
            row = conn.execute("SELECT value FROM page_meta WHERE name = 'purged_at'").fetchone()
            if row and row[0] >= started:
                return False
            conn.execute(
                "INSERT OR REPLACE INTO page_entry VALUES (?, ?, ?, ?, ?, ?)",
                (url_key, page.url, now, now + fresh, now + fresh + stale, blob),
            )
            conn.execute("DELETE FROM page_tag WHERE url_key = ?", (url_key,))
            conn.executemany(
                "INSERT OR IGNORE INTO page_tag VALUES (?, ?)", [(k, url_key) for k in page.keys]
            )
        if random.random() < 0.02:
            self._cull()
        return True

    def purge(self, keys):
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        with sqlite.immediate(self.conn) as conn:
            rows = conn.execute(
                f"SELECT url_key, url FROM page_entry WHERE url_key IN "  # noqa: S608
                f"(SELECT url_key FROM page_tag WHERE tag IN ({marks}))",
                tuple(keys),
            ).fetchall()
            url_keys = [(r[0],) for r in rows]
            conn.executemany("DELETE FROM page_entry WHERE url_key = ?", url_keys)
            conn.executemany("DELETE FROM page_tag WHERE url_key = ?", url_keys)
            conn.execute("INSERT OR REPLACE INTO page_meta VALUES ('purged_at', ?)", (time.time(),))
        return sorted({r[1] for r in rows})

    def clear(self):
        with sqlite.immediate(self.conn) as conn:
            conn.execute("DELETE FROM page_entry")
            conn.execute("DELETE FROM page_tag")
            conn.execute("INSERT OR REPLACE INTO page_meta VALUES ('purged_at', ?)", (time.time(),))

    def count(self):
        return self.conn.execute("SELECT COUNT(*) FROM page_entry").fetchone()[0]

    def _cull(self) -> None:
        """Forget pages past their stale copy, and the oldest beyond the size limit."""
        limit = settings.GAZETTE_PAGE_CACHE_MAX_ENTRIES
        with sqlite.immediate(self.conn) as conn:
            conn.execute("DELETE FROM page_entry WHERE stale_until <= ?", (time.time(),))
            (count,) = conn.execute("SELECT COUNT(*) FROM page_entry").fetchone()
            if count > limit:
                conn.execute(
                    "DELETE FROM page_entry WHERE url_key IN "
                    "(SELECT url_key FROM page_entry ORDER BY stored LIMIT ?)",
                    (count - limit,),
                )
            conn.execute(
                "DELETE FROM page_tag WHERE url_key NOT IN (SELECT url_key FROM page_entry)"
            )


class RedisPageStore(PageStore):
    """Pages as Redis strings, each key a Redis set of the pages it tags.

    When Redis stops answering, the store steps aside for a few seconds (pages are
    rendered uncached) instead of making every request wait for a timeout.
    """

    PAUSE_SECONDS = 5.0

    def __init__(self, url: str, prefix: str = "gazette:pc"):
        import redis

        self.redis = redis.Redis.from_url(
            url, socket_connect_timeout=0.25, socket_timeout=0.5, health_check_interval=30
        )
        self.prefix = prefix
        self.down_until = 0.0

    def _k(self, kind: str, name: str) -> str:
        return f"{self.prefix}:{kind}:{name}"

    def _guard(self, fn, default):
        if time.monotonic() < self.down_until:
            return default
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - any Redis failure means "no cache now"
            import redis

            if not isinstance(exc, redis.RedisError | OSError):
                raise
            log.warning("Page cache unavailable (Redis: %s); serving uncached.", exc)
            self.down_until = time.monotonic() + self.PAUSE_SECONDS
            return default

    def get(self, url_key, allow_stale=False):
        def read():
            blob = self.redis.get(self._k("p", url_key))
            if blob is None:
                return None
            fresh_until, page = pickle.loads(blob)
            return page if allow_stale or fresh_until > time.time() else None

        return self._guard(read, None)

    def put(self, url_key, page, started):
        fresh, stale = _ttls()

        def write():
            purged_at = float(self.redis.get(self._k("m", "purged_at")) or 0)
            if purged_at >= started:
                return False
            page.stored = time.time()
            pipe = self.redis.pipeline()
            blob = pickle.dumps((page.stored + fresh, page), pickle.HIGHEST_PROTOCOL)
            pipe.set(self._k("p", url_key), blob, ex=fresh + stale)
            pipe.hset(self._k("m", "urls"), url_key, page.url)
            for key in page.keys:
                pipe.sadd(self._k("t", key), url_key)
                pipe.expire(self._k("t", key), fresh + stale)
            pipe.execute()
            return True

        return self._guard(write, False)

    def purge(self, keys):
        if not keys:
            return []

        def drop():
            tag_keys = [self._k("t", k) for k in keys]
            url_keys = [k.decode() for k in self.redis.sunion(tag_keys)]
            urls = []
            if url_keys:
                urls = [u.decode() for u in self.redis.hmget(self._k("m", "urls"), url_keys) if u]
            pipe = self.redis.pipeline()
            pipe.set(self._k("m", "purged_at"), time.time())
            for url_key in url_keys:
                pipe.delete(self._k("p", url_key))
            if url_keys:
                pipe.hdel(self._k("m", "urls"), *url_keys)
            pipe.delete(*tag_keys)
            pipe.execute()
            return sorted(set(urls))

        return self._guard(drop, [])

    def clear(self):
        def wipe():
            for name in self.redis.scan_iter(f"{self.prefix}:*", count=500):
                self.redis.delete(name)
            self.redis.set(self._k("m", "purged_at"), time.time())

        self._guard(wipe, None)

    def count(self):
        return self._guard(lambda: self.redis.hlen(self._k("m", "urls")), 0)


@cache
def get_store() -> PageStore:
    """The configured page store (GAZETTE_PAGE_CACHE: sqlite, redis or off)."""
    kind = settings.GAZETTE_PAGE_CACHE
    if kind == "off":
        return NullStore()
    if kind == "redis":
        return RedisPageStore(
            settings.GAZETTE_PAGE_CACHE_REDIS_URL, settings.GAZETTE_PAGE_CACHE_REDIS_PREFIX
        )
    return SQLitePageStore(str(settings.GAZETTE_PAGE_CACHE_PATH))
