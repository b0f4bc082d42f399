from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscoveryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "gazette.discovery"
    verbose_name = _("Discovery")

    def ready(self):
        from gazette.discovery import signal_handlers

        signal_handlers.connect()
