"""Read Gazette's configuration from environment variables, with working defaults."""

from __future__ import annotations

import os
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip() or default


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in TRUE_WORDS


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}.") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


def email_settings(url: str, file_path: str) -> dict:
    """Turn EMAIL_URL (smtp://user:pass@host:port, smtp+tls://, smtp+ssl://,
    console://, file://, memory://) into Django EMAIL_* settings."""
    if not url:
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": file_path,
        }
    parsed = urlparse(url)
    scheme = parsed.scheme.lower()
    if scheme in {"smtp", "smtp+tls", "smtp+ssl", "submission"}:
        options = {k: v[-1] for k, v in parse_qs(parsed.query).items()}
        default_port = {"smtp+ssl": 465, "submission": 587}.get(scheme, 25)
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parsed.hostname or "127.0.0.1",
            "EMAIL_PORT": parsed.port or default_port,
            "EMAIL_HOST_USER": unquote(parsed.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
            "EMAIL_USE_TLS": scheme in {"smtp+tls", "submission"},
            "EMAIL_USE_SSL": scheme == "smtp+ssl",
            "EMAIL_TIMEOUT": int(options.get("timeout", 30)),
        }
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if scheme == "memory":
        return {"EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    if scheme == "file":
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": parsed.path or file_path,
        }
    raise ImproperlyConfigured(
        f"EMAIL_URL scheme {scheme!r} is not understood. Use smtp://host:port, "
        "smtp+tls://user:password@host:587, smtp+ssl://…, console://, file:///path or memory://."
    )


def redis_cache(url: str, prefix: str) -> dict:
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": {
            "CLIENT_CLASS": "django_redis.client.DefaultClient",
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            # A dead Redis must not take pages down: reads miss, writes are dropped.
            "IGNORE_EXCEPTIONS": True,
        },
    }
