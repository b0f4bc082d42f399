"""Configuration from environment variables: the URL forms operators type."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from gazette.env import email_settings, env_int


def test_unset_email_url_writes_mail_to_files():
    settings = email_settings("", "/srv/var/mail")
    assert settings["EMAIL_BACKEND"].endswith("filebased.EmailBackend")
    assert settings["EMAIL_FILE_PATH"] == "/srv/var/mail"


def test_smtp_url_with_credentials_and_tls():
    settings = email_settings("smtp+tls://news%40mag.example:p%2Fss@mail.example:587", "")
    assert settings["EMAIL_HOST"] == "mail.example"
    assert settings["EMAIL_PORT"] == 587
    assert settings["EMAIL_HOST_USER"] == "news@mag.example"
    assert settings["EMAIL_HOST_PASSWORD"] == "p/ss"
    assert settings["EMAIL_USE_TLS"] and not settings["EMAIL_USE_SSL"]


def test_plain_smtp_url_like_a_local_relay():
    settings = email_settings("smtp://127.0.0.1:2525", "")
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"]) == ("127.0.0.1", 2525)
    assert not settings["EMAIL_USE_TLS"]


def test_unknown_email_scheme_says_what_to_write_instead():
    with pytest.raises(ImproperlyConfigured, match="smtp://host:port"):
        email_settings("pigeon://loft", "")


def test_bad_number_names_the_variable(monkeypatch):
    monkeypatch.setenv("WEB_WORKERS", "two")
    with pytest.raises(ImproperlyConfigured, match="WEB_WORKERS must be a whole number"):
        env_int("WEB_WORKERS", 2)
