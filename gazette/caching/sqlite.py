"""A cache shared by every process on one machine, kept in one SQLite file under var/.

Local memory is per process: with two web workers a purge in one would leave the other
serving the old page. SQLite in WAL mode gives every process the same cache, lets
readers run beside a writer, and needs no server. Redis replaces it when REDIS_URL is set.
"""

from __future__ import annotations

import pickle
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache

_local = threading.local()

SCHEMA = """
CREATE TABLE IF NOT EXISTS cache_entry (
    key TEXT PRIMARY KEY, value BLOB NOT NULL, expires REAL NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS page_entry (
    url_key TEXT PRIMARY KEY, url TEXT NOT NULL, stored REAL NOT NULL,
    fresh_until REAL NOT NULL, stale_until REAL NOT NULL, data BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS page_tag (
    tag TEXT NOT NULL, url_key TEXT NOT NULL, PRIMARY KEY (tag, url_key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS page_tag_by_url ON page_tag (url_key);
CREATE TABLE IF NOT EXISTS page_meta (name TEXT PRIMARY KEY, value REAL NOT NULL);
"""


def connect(path: str | Path) -> sqlite3.Connection:
    """Return this thread's connection to the cache file, creating the file and schema."""
    path = str(path)
    connections = getattr(_local, "connections", None)
    if connections is None:
        connections = _local.connections = {}
    conn = connections.get(path)
    if conn is None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.executescript(SCHEMA)
        connections[path] = conn
    return conn


@contextmanager
def immediate(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block as one write transaction (taken at once, so readers never upgrade)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


class SQLiteCache(BaseCache):
    """Django cache backend on one SQLite file: shared by processes, atomic `incr`."""

    def __init__(self, location: str, params: dict):
        super().__init__(params)
        self.path = location

    @property
    def conn(self) -> sqlite3.Connection:
        return connect(self.path)

    def _expiry(self, timeout) -> float:
        expires = self.get_backend_timeout(timeout)  # an absolute time, or None: never
        return float("inf") if expires is None else expires

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        blob = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        with immediate(self.conn) as conn:
            conn.execute(
                "DELETE FROM cache_entry WHERE key = ? AND expires <= ?", (key, time.time())
            )
            cursor = conn.execute(
                "INSERT OR IGNORE INTO cache_entry (key, value, expires) VALUES (?, ?, ?)",
                (key, blob, self._expiry(timeout)),
            )
        return cursor.rowcount == 1

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = self.conn.execute(
            "SELECT value FROM cache_entry WHERE key = ? AND expires > ?", (key, time.time())
        ).fetchone()
        return default if row is None else pickle.loads(row[0])

    def get_many(self, keys, version=None):
        # One statement for all keys (the fragment cache checks a dozen purge stamps).
        by_key = {self.make_and_validate_key(k, version=version): k for k in keys}
        if not by_key:
            return {}
        marks = ",".join("?" * len(by_key))
        rows = self.conn.execute(
            f"SELECT key, value FROM cache_entry WHERE key IN ({marks}) AND expires > ?",  # noqa: S608
            (*by_key, time.time()),
        ).fetchall()
        return {by_key[key]: pickle.loads(value) for key, value in rows}

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        expires = self._expiry(timeout)
        rows = [
            (
                self.make_and_validate_key(k, version=version),
                pickle.dumps(v, pickle.HIGHEST_PROTOCOL),
                expires,
            )
            for k, v in data.items()
        ]
        with immediate(self.conn) as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO cache_entry (key, value, expires) VALUES (?, ?, ?)", rows
            )
        self._maybe_cull()
        return []

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        if self._expiry(timeout) <= time.time():
            self.conn.execute("DELETE FROM cache_entry WHERE key = ?", (key,))
            return
        self.conn.execute(
            "INSERT OR REPLACE INTO cache_entry (key, value, expires) VALUES (?, ?, ?)",
            (key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL), self._expiry(timeout)),
        )
        self._maybe_cull()

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        cursor = self.conn.execute(
            "UPDATE cache_entry SET expires = ? WHERE key = ? AND expires > ?",
            (self._expiry(timeout), key, time.time()),
        )
        return cursor.rowcount == 1

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        return self.conn.execute("DELETE FROM cache_entry WHERE key = ?", (key,)).rowcount == 1

    def has_key(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        row = self.conn.execute(
            "SELECT 1 FROM cache_entry WHERE key = ? AND expires > ?", (key, time.time())
        ).fetchone()
        return row is not None

    def incr(self, key, delta=1, version=None):
        # One write transaction, so two processes counting at once never lose a step.
        key = self.make_and_validate_key(key, version=version)
        with immediate(self.conn) as conn:
            row = conn.execute(
                "SELECT value FROM cache_entry WHERE key = ? AND expires > ?", (key, time.time())
            ).fetchone()
            if row is None:
                raise ValueError(f"Key '{key}' not found")
            value = pickle.loads(row[0]) + delta
            conn.execute(
                "UPDATE cache_entry SET value = ? WHERE key = ?",
                (pickle.dumps(value, pickle.HIGHEST_PROTOCOL), key),
            )
        return value

    def clear(self):
        self.conn.execute("DELETE FROM cache_entry")

    def _maybe_cull(self) -> None:
        """Drop expired entries now and then, and the oldest beyond MAX_ENTRIES."""
        if int(time.time() * 1000) % 50:
            return
        conn = self.conn
        conn.execute("DELETE FROM cache_entry WHERE expires <= ?", (time.time(),))
        (count,) = conn.execute("SELECT COUNT(*) FROM cache_entry").fetchone()
        if count > self._max_entries:
            conn.execute(
                "DELETE FROM cache_entry WHERE key IN "
                "(SELECT key FROM cache_entry ORDER BY expires LIMIT ?)",
                (count - self._max_entries + self._max_entries // max(self._cull_frequency, 1),),
            )
