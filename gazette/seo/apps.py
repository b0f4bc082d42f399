from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SeoConfig(AppConfig):
    name = "gazette.seo"
    label = "seo"
    verbose_name = _("Search engines and sharing")
    default_auto_field = "django.db.models.BigAutoField"
