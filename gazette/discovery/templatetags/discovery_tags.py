"""Template helpers for the Popular Posts rail and the view beacon."""

from __future__ import annotations

from django import template
from django.forms.utils import flatatt
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html

from gazette.caching import recording
from gazette.discovery.queries import popular_rail, popular_rankings
from gazette.news.models import ArticlePage, SectionPage

register = template.Library()

DEFAULT_PERIODS = ("24h", "7d", "30d")
FULL_RAIL = 3  # open on the shortest period with this many articles, else the fullest


def _rail_section(context, section=None):
    if section is None and isinstance(context.get("page"), SectionPage):
        section = context["page"]
    return section


def _rail_scope(context, section=None) -> tuple[str, int | None]:
    section = _rail_section(context, section)
    return translation.get_language(), section.pk if section else None


@register.simple_tag(takes_context=True)
def popular_key(context, section=None) -> str:
    """What the rail shows, as a fragment key: its scope and the ranked ids of each period.

    The rankings are read from the cache (refreshed by the roll-up); the cards are only
    fetched when this changes or an article on it is edited.
    """
    language, section_id = _rail_scope(context, section)
    rankings = popular_rankings(language, section_id)
    context.render_context["gazette_popular_rankings"] = rankings
    return f"{section_id}:{sorted(rankings.items())}"


@register.simple_tag(takes_context=True)
def popular_posts(context, section=None):
    """Popular Posts lists in the reader's language, with the period to show first."""
    section = _rail_section(context, section)
    language, section_id = _rail_scope(context, section)
    rankings = context.render_context.get("gazette_popular_rankings")
    lists = popular_rail(language, section_id, rankings=rankings)
    if section is not None:
        recording.add(recording.page_key(section.pk))  # its title heads the rail
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
