"""Absolute addresses for metadata, feeds and sitemaps, all from the Wagtail site's root."""

from __future__ import annotations

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site


def site_for(request) -> Site | None:
    from gazette.core import sites

    site = sites.site_for(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return site


def site_root(request) -> str:
    """The scheme and host readers reach the site at, without a trailing slash."""
    site = site_for(request)
    return site.root_url if site is not None else settings.SITE_URL


def absolute(request, url: str) -> str:
    """Make a site-relative URL (as Wagtail and `static` return) absolute."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return site_root(request) + ("" if url.startswith("/") else "/") + url


def static_url(request, path: str) -> str:
    return absolute(request, static(path))


def reverse_in(language: str, viewname: str, **kwargs) -> str:
    """The path of a view in the given language (English unprefixed, Arabic under /ar/)."""
    with translation.override(language):
        return reverse(viewname, kwargs=kwargs or None)
