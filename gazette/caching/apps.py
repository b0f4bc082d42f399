from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CachingConfig(AppConfig):
    name = "gazette.caching"
    label = "caching"
    verbose_name = _("Caching and resilience")

    def ready(self) -> None:
        from gazette.caching import recording, signals

        recording.connect()
        signals.connect()
