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
# Each test process gets its own shared-cache files (xdist workers must not share them).
_CACHE_DIR = tempfile.mkdtemp(prefix="gazette-test-cache-")
if CACHES["default"]["BACKEND"] == "gazette.caching.sqlite.SQLiteCache":  # noqa: F405
    CACHES["default"]["LOCATION"] = f"{_CACHE_DIR}/cache.sqlite3"  # noqa: F405
GAZETTE_PAGE_CACHE_PATH = f"{_CACHE_DIR}/pagecache.sqlite3"
GAZETTE_PAGE_CACHE_REDIS_PREFIX = f"gazette-test-{os.getpid()}:pc"
GAZETTE_WARM_AFTER_PURGE = False  # warming re-renders pages; its own test turns it on
