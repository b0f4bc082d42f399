"""Read-replica routing: anonymous page reads go to DATABASE_REPLICA_URL when it is set.

Only reads made while serving an anonymous GET go to the replica; the admin, forms,
tasks and anything inside a write see the primary, so nobody reads their own write late.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import connections

_reading_for_readers: ContextVar[bool] = ContextVar("gazette_replica_reads", default=False)


@contextmanager
def replica_reads():
    token = _reading_for_readers.set(True)
    try:
        yield
    finally:
        _reading_for_readers.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if "replica" not in settings.DATABASES or not _reading_for_readers.get():
            return None
        if connections["default"].in_atomic_block:
            return None
        return "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica holds the same rows as the primary

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"
