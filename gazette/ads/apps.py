from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AdsConfig(AppConfig):
    name = "gazette.ads"
    label = "ads"
    verbose_name = _("Advertising")

    def ready(self):
        from gazette.ads import signal_handlers  # noqa: F401
