"""Finding the page a reader asked for in one or two queries instead of five or more.

Wagtail walks the tree from the site's root one level at a time, loading each page and
then its specific type. A magazine's public addresses have a fixed shape (front page →
section → article), and the frame already knows this language's front page, so a
section is one query and an article two (its section, then itself with what its page
shows). Every other address is left to Wagtail's own routing, which also gives the 404s.
"""

from __future__ import annotations

from django.http import Http404
from wagtail import views as wagtail_views
from wagtail.models import Page

from gazette.core.frame import frame_for
from gazette.core.sites import site_for


def _section(home, slug: str):
    from gazette.news.models import SectionPage

    steplen = Page.steplen
    return (
        SectionPage.objects.filter(
            path__startswith=home.path, depth=len(home.path) // steplen + 1, slug=slug
        )
        .select_related("locale")
        .first()
    )


def _article(section, slug: str):
    from gazette.news.queries import article_route_queryset

    return (
        article_route_queryset()
        .filter(path__startswith=section.path, depth=section.depth + 1, slug=slug)
        .first()
    )


def find_page(request, path: str):
    """The page at `path` under this language's front page, or None to ask Wagtail."""
    components = [part for part in path.split("/") if part]
    if len(components) > 2 or site_for(request) is None:
        return None
    home = frame_for(request).home
    if home is None:
        return None
    if not components:
        from gazette.home.models import HomePage

        return HomePage.objects.filter(pk=home.pk).select_related("locale").first()
    section = _section(home, components[0])
    if section is None or len(components) == 1:
        return section
    article = _article(section, components[1])
    if article is not None:
        article._cached_parent_obj = section
    return article


def serve(request, path):
    """Wagtail's `serve`, with the route found the short way when the address allows."""
    if not hasattr(request, "_wagtail_route_for_request"):
        page = find_page(request, path)
        if page is not None:
            try:
                request._wagtail_route_for_request = page.route(request, [])
            except Http404:
                request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
