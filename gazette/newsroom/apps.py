from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "gazette.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self):
        from gazette.newsroom.signal_handlers import register_signal_handlers
        from gazette.transfer.registry import exclude_from_archive

        register_signal_handlers()
        # Derived from the published articles; the checks rebuild them after a restore.
        exclude_from_archive("newsroom.articlefingerprint", "newsroom.articleshingle")
