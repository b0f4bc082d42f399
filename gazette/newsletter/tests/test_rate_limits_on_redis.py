"""The sign-up limits hold across processes when the cache is Redis."""

from __future__ import annotations

import uuid

import pytest

from gazette.env import redis_cache


@pytest.mark.redis
def test_limits_count_in_redis_shared_by_every_web_process(settings):
    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        redis.Redis.from_url(url).ping()
    except redis.ConnectionError:
        pytest.skip("Redis is not answering at 127.0.0.1:6379; start it to run this test.")
    settings.CACHES = {"default": redis_cache(url, f"test-nl-{uuid.uuid4().hex}")}
    from django.core.cache import caches

    from gazette.newsletter.ratelimit import hit

    address = f"{uuid.uuid4().hex}@example.com"
    assert [hit("address", address, 3, 60) for _ in range(5)] == [True, True, True, False, False]
    # Another web process sees the same counter.
    caches["default"].close()
    assert hit("address", address, 3, 60) is False
    assert hit("address", "someone-else@example.com", 3, 60) is True
