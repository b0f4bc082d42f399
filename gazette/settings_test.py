"""Settings for the test suite: the real settings with fast, isolated defaults.

DATABASE_URL and REDIS_URL still come from the environment, so CI runs the same
suite against PostgreSQL and Redis.
"""

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
GAZETTE_DISCOVERY_DIR = tempfile.mkdtemp(prefix="gazette-test-discovery-")
