"""Gazette's settings: everything comes from the environment, with defaults that run
on one machine (SQLite under var/, a local cache, a database-backed task queue)."""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from gazette.env import email_settings, env_bool, env_int, env_list, env_str, redis_cache
from gazette.newsletter.conf import env_settings as newsletter_settings

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("GAZETTE_VAR_DIR", str(BASE_DIR / "var")))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    """Use SECRET_KEY, or a random key kept in var/ so sessions survive restarts."""
    if key := env_str("SECRET_KEY"):
        return key
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [SITE_URL])

INSTALLED_APPS = [
    "gazette.core",
    "gazette.home",
    "gazette.news",
    "gazette.people",
    "gazette.demo",
    "gazette.newsroom",
    "gazette.discovery",
    "gazette.newsletter",
    "gazette.seo",
    "gazette.search",
    "gazette.transfer",
    "gazette.ads",
    "gazette.caching",
    "gazette.security",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "gazette.caching.middleware.PageCacheMiddleware",
    "gazette.caching.loadshed.LoadShedMiddleware",
    "gazette.caching.outage.DatabaseOutageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "gazette.security.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "gazette.security.twofactor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "gazette.urls"
WSGI_APPLICATION = "gazette.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "gazette.core.context_processors.site_chrome",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'gazette.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the web server read while the task worker writes.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Optional read replica: anonymous page reads go there (gazette/caching/replica.py).
if DATABASE_REPLICA_URL := env_str("DATABASE_REPLICA_URL"):
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=60, conn_health_checks=True
    )
    DATABASE_ROUTERS = ["gazette.caching.replica.ReplicaRouter"]

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, "gazette")}
else:
    # One SQLite file shared by every process (web workers, task worker), so a purge or
    # a counter in one is seen by all; local memory would be per process.
    CACHES = {
        "default": {
            "BACKEND": "gazette.caching.sqlite.SQLiteCache",
            "LOCATION": str(VAR_DIR / "cache.sqlite3"),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }

# Wagtail writes every rendition it shows to the cache, on every request: with the shared
# SQLite cache that is a write (and a file lock) per picture per page view. Pages fetch the
# renditions they show in one query with the page (gazette/news/queries.py) instead.
CACHES["renditions"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# --- Page cache (gazette/caching) -------------------------------------------
# sqlite: the shared file under var/ (default); redis: with REDIS_URL; off: render always.
GAZETTE_PAGE_CACHE = env_str("GAZETTE_PAGE_CACHE", "redis" if REDIS_URL else "sqlite")
GAZETTE_PAGE_CACHE_PATH = Path(
    env_str("GAZETTE_PAGE_CACHE_PATH", str(VAR_DIR / "pagecache.sqlite3"))
)
GAZETTE_PAGE_CACHE_REDIS_URL = env_str("GAZETTE_PAGE_CACHE_REDIS_URL", REDIS_URL)
GAZETTE_PAGE_CACHE_REDIS_PREFIX = env_str("GAZETTE_PAGE_CACHE_REDIS_PREFIX", "gazette:pc")
GAZETTE_PAGE_CACHE_TTL = env_int("GAZETTE_PAGE_CACHE_TTL", 600)  # purge keeps it exact
GAZETTE_PAGE_CACHE_STALE_TTL = env_int("GAZETTE_PAGE_CACHE_STALE_TTL", 86400)  # outages
GAZETTE_STALE_WHILE_REVALIDATE = env_int("GAZETTE_STALE_WHILE_REVALIDATE", 60)
GAZETTE_PAGE_CACHE_MAX_ENTRIES = env_int("GAZETTE_PAGE_CACHE_MAX_ENTRIES", 20000)
GAZETTE_PAGE_CACHE_SKIP_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/static/",
    "/media/",
    "/documents/",
    "/healthz",
)
# Rails, navigation and footer are kept in the default cache and purged with the pages
# (gazette/caching/fragments.py); "off" renders them every time.
GAZETTE_FRAGMENT_CACHE = env_str("GAZETTE_FRAGMENT_CACHE", "on")
GAZETTE_FRAGMENT_CACHE_TTL = env_int("GAZETTE_FRAGMENT_CACHE_TTL", 3600)
GAZETTE_PRERENDER_DIR = env_str("GAZETTE_PRERENDER_DIR")  # nginx serves these files
GAZETTE_WARM_AFTER_PURGE = env_bool("GAZETTE_WARM_AFTER_PURGE", True)
GAZETTE_WARM_LIMIT = env_int("GAZETTE_WARM_LIMIT", 30)
# Overload: requests in flight per process, how many may wait, and for how long.
GAZETTE_MAX_IN_FLIGHT = env_int("GAZETTE_MAX_IN_FLIGHT", 8)
GAZETTE_MAX_QUEUED = env_int("GAZETTE_MAX_QUEUED", 64)
GAZETTE_QUEUE_TIMEOUT = float(env_str("GAZETTE_QUEUE_TIMEOUT", "10"))
GAZETTE_SHED_AFTER = float(env_str("GAZETTE_SHED_AFTER", "15"))
# Tasks whose worker died: requeued by the scheduler's reaper, at most this many runs.
GAZETTE_TASK_STALE_AFTER = env_int("GAZETTE_TASK_STALE_AFTER", 1800)
GAZETTE_TASK_MAX_ATTEMPTS = env_int("GAZETTE_TASK_MAX_ATTEMPTS", 3)

# CDN / front cache purge through Wagtail's frontend-cache backends.
WAGTAILFRONTENDCACHE = {}
if purge_url := env_str("FRONTEND_CACHE_PURGE_URL"):  # e.g. nginx: http://127.0.0.1:8080
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": purge_url,
    }
if cloudflare_token := env_str("CLOUDFLARE_BEARER_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": cloudflare_token,
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []  # translations are purged by their own URLs

# --- Background work --------------------------------------------------------
# The django-tasks API (the one Wagtail uses). Database-backed worker by default,
# RQ on Redis when REDIS_URL is set; TASKS_BACKEND=immediate runs tasks inline.
TASKS_BACKEND = env_str("TASKS_BACKEND", "rq" if REDIS_URL else "database")
if TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
elif TASKS_BACKEND == "rq":
    INSTALLED_APPS.append("django_rq")
    TASKS = {
        "default": {
            "BACKEND": "gazette.caching.taskbackends.RQBackendWithFallback",
            "QUEUES": ["default"],
        }
    }
    RQ_QUEUES = {
        "default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 600}
    }
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Languages --------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "gazette" / "locale"]
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# With no front server (the embedded profile) the app serves media itself.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if env_bool("STATIC_MANIFEST", not DEBUG)
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000

# --- Mail -------------------------------------------------------------------
globals().update(email_settings(env_str("EMAIL_URL"), str(VAR_DIR / "mail")))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Gazette <newsroom@gazette.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("GAZETTE_SITE_NAME", "Gazette")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
WAGTAILIMAGES_IMAGE_MODEL = "wagtailimages.Image"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no third-party requests from the admin (CSP, privacy)
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Security ---------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 60 * 60 * 12)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview opts itself back in to same-origin frames
if SITE_URL.startswith("https://"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Content-Security-Policy (gazette/security/csp.py); "{nonce}" becomes this response's nonce.
GAZETTE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "{nonce}"],
    "style-src": ["'self'", "{nonce}"],
    "img-src": ["'self'", "data:", *env_list("CSP_IMG_SOURCES", [])],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", *env_list("CSP_MEDIA_SOURCES", [])],
    # 'self' for HTML ads, which run in sandboxed frames served from /ads/frame/.
    "frame-src": [
        "'self'",
        *env_list(
            "CSP_FRAME_SOURCES",
            [
                "https://www.youtube-nocookie.com",
                "https://www.youtube.com",
                "https://player.vimeo.com",
            ],
        ),
    ],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# The Wagtail admin: scripts only from this site, or Wagtail's own widget starters, which
# get the nonce after their shape is checked (gazette/security/admin_scripts.py). What it
# still allows, and why: inline styles (the page editor's JavaScript inserts four <style>
# elements as it starts, seen in Chromium with style-src 'self'; axe-core in the
# accessibility checker does too); images and frames from any https: origin (oEmbed
# thumbnails and embed previews of whatever site an editor embeds).
GAZETTE_CSP_ADMIN = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "{nonce}"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https:"],
    "frame-src": ["'self'", "https:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
if SITE_URL.startswith("https://"):
    GAZETTE_CSP["upgrade-insecure-requests"] = []

# Admin sign-in: lockout after repeated failures, an audit log, optional two-factor codes.
AUTHENTICATION_BACKENDS = ["gazette.security.backends.LockoutModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "gazette.security.forms.LoginForm"
GAZETTE_LOGIN_MAX_FAILURES = env_int("GAZETTE_LOGIN_MAX_FAILURES", 5)
GAZETTE_LOGIN_MAX_FAILURES_PER_IP = env_int("GAZETTE_LOGIN_MAX_FAILURES_PER_IP", 20)
GAZETTE_LOGIN_LOCKOUT_SECONDS = env_int("GAZETTE_LOGIN_LOCKOUT_SECONDS", 15 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env_bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per task is noise at magazine volume; failures still show.
        "django_tasks": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")},
        "django_tasks_db": {"level": env_str("TASKS_LOG_LEVEL", "WARNING")},
    },
}

# --- Gazette ----------------------------------------------------------------
GAZETTE_PAGE_SIZE = env_int("GAZETTE_PAGE_SIZE", 12)
# Periodic jobs, (dotted task path, seconds): each app below adds its own with `+=`.
GAZETTE_SCHEDULE: list[tuple[str, int]] = []

# --- Import, export, backups (gazette.transfer) ------------------------------
GAZETTE_BACKUP_DIR = env_str("GAZETTE_BACKUP_DIR", str(VAR_DIR / "backups"))
GAZETTE_BACKUP_KEEP = env_int("GAZETTE_BACKUP_KEEP", 7)
GAZETTE_BACKUP_EVERY = env_int("GAZETTE_BACKUP_EVERY", 24 * 60 * 60)  # seconds; 0 turns off
GAZETTE_IMPORT_DIR = env_str("GAZETTE_IMPORT_DIR", str(VAR_DIR / "imports"))
GAZETTE_SCHEDULE += (
    [("gazette.transfer.tasks.scheduled_backup", GAZETTE_BACKUP_EVERY)]
    if GAZETTE_BACKUP_EVERY
    else []
)
# Advertising: the ad index file and the local counter buffer live here (no REDIS_URL).
GAZETTE_ADS_DIR = env_str("GAZETTE_ADS_DIR", str(VAR_DIR / "ads"))
GAZETTE_SCHEDULE += [
    ("gazette.ads.tasks.flush_ad_counters", 60),
    ("gazette.ads.tasks.rebuild_ad_index", 300),
]


# --- Discovery (Popular Posts, You May Also Like) -----------------------------
# Behind a proxy that sets X-Forwarded-For, let the beacon use it to tell readers apart.
GAZETTE_BEACON_TRUST_FORWARDED = env_bool("GAZETTE_BEACON_TRUST_FORWARDED", False)
# Spool files, daily salts and the roll-up's de-duplication file (not the main database).
GAZETTE_DISCOVERY_DIR = Path(env_str("GAZETTE_DISCOVERY_DIR", str(VAR_DIR / "discovery")))
GAZETTE_SCHEDULE += [
    ("gazette.discovery.tasks.rollup_views", env_int("GAZETTE_ROLLUP_SECONDS", 30)),
]

# --- Newsletter (every setting and its default: gazette/newsletter/conf.py) ---
globals().update(newsletter_settings())
GAZETTE_SCHEDULE += [
    ("gazette.newsletter.tasks.run_newsletter_schedule", 60),
]
GAZETTE_SCHEDULE += [
    ("gazette.caching.tasks.requeue_abandoned_tasks", 60),
]
