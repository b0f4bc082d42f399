"""Task backends that survive their queue going away.

With Redis down, enqueueing on RQ raises, and that would turn an editor's "Publish" (which
enqueues search-index and reference-index work) into an error page. These backends run
the task in the calling process instead, and say so in the log.
"""

from __future__ import annotations

import logging

from django_tasks.backends.immediate import ImmediateBackend
from django_tasks_rq import RQBackend

log = logging.getLogger("gazette.caching")


class EnqueueFallbackMixin:
    def enqueue(self, task, args, kwargs):
        try:
            return super().enqueue(task, args, kwargs)
        except Exception as exc:  # noqa: BLE001 - the queue's own errors vary by backend
            import redis

            if not isinstance(exc, redis.RedisError | OSError):
                raise
            log.warning("Task queue unreachable (%s); running %s in process.", exc, task.name)
            inline = ImmediateBackend(self.alias, {"QUEUES": list(self.queues)})
            return inline.enqueue(task, args, kwargs)


class RQBackendWithFallback(EnqueueFallbackMixin, RQBackend):
    """RQ on Redis; tasks run in process while Redis does not answer."""
