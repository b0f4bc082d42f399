"""Shared fixtures: a small real magazine, published through Wagtail."""

import pytest

from gazette.testing.factories import make_article, make_author, make_image, make_magazine


@pytest.fixture(autouse=True)
def wagtail_basics(request):
    """Give every database test Wagtail's root page, locale and collection, even after a
    browser test (a transactional test) flushed them on the same worker."""
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    if "transactional_db" in names or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
    elif "db" in names or marker:
        request.getfixturevalue("db")
    else:
        return
    from gazette.testing.basics import ensure_wagtail_basics

    ensure_wagtail_basics()


@pytest.fixture(autouse=True)
def own_ads_folder(settings, tmp_path):
    """Each test starts with no ad index or counters left by the tests before it."""
    settings.GAZETTE_ADS_DIR = str(tmp_path / "ads")


@pytest.fixture(autouse=True)
def english_by_default():
    """Start and end every test in English: a request to an Arabic page activates Arabic
    for the whole thread, and the next test's messages would come out translated."""
    from django.utils import translation

    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache (site root paths, rendered pages)."""
    from django.core.cache import caches

    from gazette.caching.purge import purge_everything

    for cache in caches.all():
        cache.clear()
    purge_everything()  # the page cache and pre-rendered files
    yield


@pytest.fixture
def magazine(db):
    return make_magazine()


@pytest.fixture
def writer(magazine):
    return make_author("Layla Haddad", bio="Layla writes about water and cities.")


@pytest.fixture
def article(magazine, writer):
    return make_article(
        magazine["sections"]["opinion"],
        title="Why the Harbour Needs a Second Berth, What the Ministry Knows, and What It Will Cost the Importers Who Wait",
        authors=[writer],
        tags=["ports", "trade"],
        hero_image=make_image("Harbour"),
    )


@pytest.fixture
def queued_tasks(settings):
    """Queue background tasks in the database, as `make run` does, instead of running them inline."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.TASKS_BACKEND = "database"
