"""Template helpers for the Popular Posts rail and the view beacon."""

from __future__ import annotations

from django import template
from django.forms.utils import flatatt
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from gazette.discovery.queries import popular_rail
from gazette.news.models import ArticlePage, SectionPage

register = template.Library()

DEFAULT_PERIODS = ("24h", "7d", "30d")
FULL_RAIL = 3  # open on the shortest period with this many articles, else the fullest


@register.simple_tag(takes_context=True)
def popular_posts(context, section=None):
    """Popular Posts lists in the reader's language, with the period to show first."""
    if section is None and isinstance(context.get("page"), SectionPage):
        section = context["page"]
    lists = popular_rail(translation.get_language(), section.pk if section else None)
    if not any(item.articles for item in lists):
        return None
    filled = {item.period: len(item.articles) for item in lists}
    default = next(
        (p for p in DEFAULT_PERIODS if filled.get(p, 0) >= FULL_RAIL),
        max(DEFAULT_PERIODS, key=lambda p: (filled.get(p, 0), -DEFAULT_PERIODS.index(p))),
    )
    return {"lists": lists, "default": default, "section": section}


@register.simple_tag(takes_context=True)
def discovery_script(context):
    """The deferred script: sends an article's view beacon and runs the rail's tabs."""
    page = context.get("page")
    attrs = {"data-endpoint": reverse("discovery:beacon")}
    previewing = getattr(context.get("request"), "is_preview", False)  # editors, not readers
    if isinstance(page, ArticlePage) and page.live and not previewing:
        attrs["data-page"] = page.pk
        attrs["data-lang"] = translation.get_language()
    return format_html(
        '<script src="{}" defer data-gazette-discovery{}></script>',
        static("js/discovery.js"),
        flatatt(attrs),
    )
