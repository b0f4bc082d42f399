"""Redis down, overload, read replicas, pre-rendered files: each as a reader would notice."""

from __future__ import annotations

import threading
import time

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from gazette.caching import store
from gazette.caching.loadshed import LoadShedMiddleware

DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1


@pytest.fixture
def dead_redis(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": DEAD_REDIS,
            "OPTIONS": {
                "CLIENT_CLASS": "django_redis.client.DefaultClient",
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    settings.GAZETTE_PAGE_CACHE = "redis"
    settings.GAZETTE_PAGE_CACHE_REDIS_URL = DEAD_REDIS
    store.get_store.cache_clear()
    yield
    store.get_store.cache_clear()


def test_with_redis_down_pages_are_served_uncached_without_errors(
    client, article, writer, dead_redis, edit_and_publish
):
    started = time.monotonic()
    for url in ("/", article.url, writer.url, article.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Cache"] == "MISS"  # rendered, the store stepping aside
    edit_and_publish(article, title="Edited while Redis was down")
    assert "Edited while Redis was down" in client.get(article.url).content.decode()
    # The store pauses after the first failure instead of timing out on every request.
    assert time.monotonic() - started < 10


def test_with_the_task_queue_down_publishing_works_and_tasks_run_in_process(
    magazine, writer, settings, monkeypatch, django_capture_on_commit_callbacks
):
    """RQ on a dead Redis: enqueue fails, so tasks (renditions too) run here instead."""
    from gazette.testing.factories import make_article, make_image

    queues = {"default": {"URL": DEAD_REDIS, "DEFAULT_TIMEOUT": 60}}
    settings.RQ_QUEUES = queues
    import django_rq.settings

    monkeypatch.setattr(django_rq.settings, "QUEUES", queues)
    settings.TASKS = {
        "default": {
            "BACKEND": "gazette.caching.taskbackends.RQBackendWithFallback",
            "QUEUES": ["default"],
        }
    }
    hero = make_image("Quay")
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(magazine["sections"]["news"], authors=[writer], hero_image=hero)
    assert article.live
    assert hero.renditions.filter(filter_spec="fill-480x270|format-webp").exists()


def _blocking_view(gate: threading.Event):
    def view(request):
        gate.wait(10)
        return HttpResponse("done")

    return view


def test_overload_sheds_excess_requests_with_503_and_retry_after(settings):
    settings.GAZETTE_MAX_IN_FLIGHT = 2
    settings.GAZETTE_MAX_QUEUED = 1
    settings.GAZETTE_QUEUE_TIMEOUT = 5
    gate = threading.Event()
    middleware = LoadShedMiddleware(_blocking_view(gate))
    results = []

    def call():
        results.append(middleware(RequestFactory().get("/opinion/")))

    threads = [threading.Thread(target=call) for _ in range(6)]
    for thread in threads:
        thread.start()
        time.sleep(0.05)
    time.sleep(0.3)
    shed = [r for r in results if r.status_code == 503]
    assert len(shed) == 3  # two running, one waiting, three turned away at once
    assert all(r["Retry-After"] == "5" for r in shed)
    assert "So many readers at once" in shed[0].content.decode()
    gate.set()
    for thread in threads:
        thread.join(5)
    assert sorted(r.status_code for r in results) == [200, 200, 200, 503, 503, 503]


def test_requests_that_waited_too_long_in_front_of_the_app_are_shed(settings):
    settings.GAZETTE_SHED_AFTER = 2
    middleware = LoadShedMiddleware(lambda request: HttpResponse("fresh"))
    old = RequestFactory().get("/", HTTP_X_REQUEST_START=f"t={time.time() - 5:.3f}")
    new = RequestFactory().get("/", HTTP_X_REQUEST_START=f"t={time.time():.3f}")
    assert middleware(old).status_code == 503
    assert middleware(new).status_code == 200


def test_reader_page_reads_go_to_the_replica_and_writes_to_the_primary(settings):
    from gazette.caching.replica import ReplicaRouter, replica_reads
    from gazette.news.models import ArticlePage

    settings.DATABASES = {**settings.DATABASES, "replica": settings.DATABASES["default"]}
    router = ReplicaRouter()
    assert router.db_for_read(ArticlePage) is None  # admin, tasks: the primary
    with replica_reads():
        assert router.db_for_read(ArticlePage) == "replica"
    assert router.db_for_write(ArticlePage) == "default"
    assert router.allow_migrate("replica", "news") is False


def test_busiest_pages_are_prerendered_and_removed_by_the_same_purge(
    client, magazine, article, settings, tmp_path, edit_and_publish
):
    settings.GAZETTE_PRERENDER_DIR = str(tmp_path)
    section = magazine["sections"]["opinion"]
    client.get("/")
    client.get(section.url)
    client.get(article.url)
    front_file = tmp_path / "testserver" / "index.html"
    section_file = tmp_path / "testserver" / "opinion" / "index.html"
    assert front_file.exists() and section_file.exists()
    assert article.title in section_file.read_text()
    assert not (tmp_path / "testserver" / "opinion" / article.slug).exists()  # articles: cache

    unrelated = magazine["sections"]["news"]
    client.get(unrelated.url)
    news_file = tmp_path / "testserver" / "news" / "index.html"
    edit_and_publish(article, title="Renamed harbour story")
    assert not front_file.exists() and not section_file.exists()
    assert news_file.exists()  # untouched: it does not show the article
    client.get(section.url)
    assert "Renamed harbour story" in section_file.read_text()


@pytest.mark.redis
def test_redis_page_store_purges_exactly_by_key(redis_url, settings):
    import redis

    settings.GAZETTE_PAGE_CACHE_TTL = 60
    settings.GAZETTE_PAGE_CACHE_STALE_TTL = 60
    prefix = f"gazette-test-store-{time.time_ns()}"
    pages = store.RedisPageStore(redis_url, prefix)

    def page(url, keys):
        return store.CachedPage(url=url, status=200, headers=[], body=b"x", etag='"1"', keys=keys)

    try:
        assert pages.put("a", page("http://t/a/", ["page-1", "list-section-9"]), time.time())
        assert pages.put("b", page("http://t/b/", ["page-2"]), time.time())
        assert pages.get("a") is not None and pages.count() == 2
        assert pages.purge({"list-section-9"}) == ["http://t/a/"]
        assert pages.get("a") is None and pages.get("b") is not None
        # A render that began before a purge is not stored (it may show the old content).
        began = time.time() - 1
        pages.purge({"page-3"})
        assert not pages.put("c", page("http://t/c/", ["page-4"]), began)
    finally:
        client = redis.Redis.from_url(redis_url)
        for name in client.scan_iter(f"{prefix}:*"):
            client.delete(name)


@pytest.mark.redis
def test_pages_cached_in_redis_when_redis_is_configured(client, article, redis_url, settings):
    settings.GAZETTE_PAGE_CACHE = "redis"
    settings.GAZETTE_PAGE_CACHE_REDIS_URL = redis_url
    store.get_store.cache_clear()
    try:
        store.get_store().clear()
        assert client.get(article.url)["X-Cache"] == "MISS"
        assert client.get(article.url)["X-Cache"] == "HIT"
        article.unpublish()
        assert client.get(article.url).status_code == 404
    finally:
        store.get_store().clear()
        store.get_store.cache_clear()
