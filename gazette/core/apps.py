from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "gazette.core"
    label = "core"

    def ready(self) -> None:
        from gazette.core import restrictions, sites

        restrictions.connect()
        sites.connect()
