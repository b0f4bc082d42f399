import pytest

from gazette.newsletter.tests.smtp import start_server


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a random local port, with Django's SMTP backend pointed at it."""
    controller, handler = start_server()
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
