from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteSearchConfig(AppConfig):
    # Wagtail already owns the label "wagtailsearch"; ours is the readers' site search.
    name = "gazette.search"
    label = "sitesearch"
    verbose_name = _("Site search")
    default_auto_field = "django.db.models.BigAutoField"
