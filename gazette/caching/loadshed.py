"""Overload protection: bound the work in flight and turn the excess away early.

Each process runs at most GAZETTE_MAX_IN_FLIGHT requests at once; up to
GAZETTE_MAX_QUEUED more wait (for GAZETTE_QUEUE_TIMEOUT seconds at most). Anything
beyond gets a small 503 with Retry-After at once, so a spike costs the excess readers
a retry instead of costing the machine its memory. Behind nginx, a request that
already waited longer than GAZETTE_SHED_AFTER in front of the app (X-Request-Start)
is shed too: its reader has likely given up.
"""

from __future__ import annotations

import threading
import time

from django.conf import settings

from gazette.caching.outage import unavailable

SHED_RETRY_AFTER = 5


class LoadShedMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.slots = threading.BoundedSemaphore(settings.GAZETTE_MAX_IN_FLIGHT)
        self.lock = threading.Lock()
        self.waiting = 0

    def _waited_too_long(self, request) -> bool:
        start = request.META.get("HTTP_X_REQUEST_START", "")
        if not start.startswith("t="):
            return False
        try:
            queued = time.time() - float(start[2:])
        except ValueError:
            return False
        return queued > settings.GAZETTE_SHED_AFTER

    def __call__(self, request):
        if self._waited_too_long(request):
            return unavailable("busy", SHED_RETRY_AFTER)
        if not self.slots.acquire(blocking=False):
            with self.lock:
                if self.waiting >= settings.GAZETTE_MAX_QUEUED:
                    return unavailable("busy", SHED_RETRY_AFTER)
                self.waiting += 1
            try:
                got = self.slots.acquire(timeout=settings.GAZETTE_QUEUE_TIMEOUT)
            finally:
                with self.lock:
                    self.waiting -= 1
            if not got:
                return unavailable("busy", SHED_RETRY_AFTER)
        try:
            return self.get_response(request)
        finally:
            self.slots.release()
