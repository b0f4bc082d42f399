import pytest

from gazette.newsletter.tests.smtp import start_server


def serve_smtp(settings, pipelining: bool = False):
    """Run a real SMTP server on a random local port and point Django's SMTP backend at it."""
    controller, handler = start_server(pipelining=pipelining)
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 10
    settings.SITE_URL = "http://testserver"
    settings.NEWSLETTER_RETRY_BASE_SECONDS = 0
    yield handler
    controller.stop()


@pytest.fixture
def smtp(settings):
    """A real SMTP server (aiosmtpd) that, like aiosmtpd by default, does not pipeline."""
    yield from serve_smtp(settings)


@pytest.fixture(autouse=True)
def reset_language():
    """Requests to /ar/ leave Arabic active in the thread; give the next test English."""
    from django.utils import translation

    yield
    translation.activate("en")
