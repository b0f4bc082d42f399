"""Settings for the test suite: the real settings with fast, isolated defaults.

DATABASE_URL and REDIS_URL still come from the environment, so CI runs the same
suite against PostgreSQL and Redis.
"""

import os
import tempfile

from gazette.settings import *  # noqa: F403
from gazette.settings import STORAGES

DEBUG = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
TASKS_BACKEND = "immediate"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="gazette-test-media-")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Parallel test workers (pytest-xdist) each get their own Redis database, so one
# worker clearing its cache never empties another's.
if REDIS_URL:  # noqa: F405
    import os
    from urllib.parse import urlparse, urlunparse

    from gazette.env import redis_cache

    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or "0"
    _parsed = urlparse(REDIS_URL)  # noqa: F405
    # GAZETTE_TEST_REDIS_BASE moves the range when several checkouts test at once.
    _base = int(os.environ.get("GAZETTE_TEST_REDIS_BASE", "10"))
    REDIS_URL = urlunparse(_parsed._replace(path=f"/{_base + int(_worker) % 6}"))
    CACHES = {"default": redis_cache(REDIS_URL, "gazette-test")}
GAZETTE_ADS_DIR = tempfile.mkdtemp(prefix="gazette-test-ads-")
GAZETTE_DISCOVERY_DIR = tempfile.mkdtemp(prefix="gazette-test-discovery-")
# Each test process gets its own shared-cache files (xdist workers must not share them).
_CACHE_DIR = tempfile.mkdtemp(prefix="gazette-test-cache-")
if CACHES["default"]["BACKEND"] == "gazette.caching.sqlite.SQLiteCache":  # noqa: F405
    CACHES["default"]["LOCATION"] = f"{_CACHE_DIR}/cache.sqlite3"  # noqa: F405
GAZETTE_PAGE_CACHE_PATH = f"{_CACHE_DIR}/pagecache.sqlite3"
GAZETTE_PAGE_CACHE_REDIS_PREFIX = f"gazette-test-{os.getpid()}:pc"
GAZETTE_WARM_AFTER_PURGE = False  # warming re-renders pages; its own test turns it on
