"""Fixtures for the caching tests: Redis/PostgreSQL availability, a publishing helper."""

from __future__ import annotations

import os
import socket

import pytest


def answers(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=0.3):
            return True
    except OSError:
        return False


@pytest.fixture
def redis_url():
    # The last database of this checkout's range (GAZETTE_TEST_REDIS_BASE .. +5), so two
    # checkouts testing at once never share a task queue.
    base = int(os.environ.get("GAZETTE_TEST_REDIS_BASE", "10"))
    url = os.environ.get("REDIS_URL") or f"redis://127.0.0.1:6379/{base + 5}"
    if not answers("127.0.0.1", 6379):
        pytest.skip("Redis does not answer on 127.0.0.1:6379 (start it to run the Redis tests)")
    return url


@pytest.fixture
def edit_and_publish():
    """Change fields of a live page through a new revision, as the admin does."""

    def run(page, **fields):
        page = page.specific.__class__.objects.get(pk=page.pk)
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
        return page

    return run
