"""Which Wagtail site answers a request, without a query per request.

Every site (a handful of rows) is kept in the shared cache and matched in Python the way
`wagtail.models.sites.get_site_for_hostname` matches them; the entry is dropped when a
site or a site's root page changes.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http.request import split_domain_port

CACHE_KEY = "gazette:sites"
EXACT, HOSTNAME_DEFAULT, DEFAULT, HOSTNAME = range(4)


def all_sites() -> list:
    sites = cache.get(CACHE_KEY)
    if sites is None:
        from wagtail.models import Site

        sites = list(Site.objects.select_related("root_page").order_by("pk"))
        cache.set(CACHE_KEY, sites, None)
    return sites


def match(sites: list, hostname: str, port: int):
    """The site for `hostname:port`, by Wagtail's rules (None when there is none)."""

    def rank(site) -> int:
        if site.hostname == hostname:
            if site.port == port:
                return EXACT
            return HOSTNAME_DEFAULT if site.is_default_site else HOSTNAME
        return DEFAULT

    candidates = sorted((s for s in sites if s.hostname == hostname or s.is_default_site), key=rank)
    if not candidates:
        return None
    if len(candidates) == 1 or rank(candidates[0]) in (EXACT, HOSTNAME_DEFAULT):
        return candidates[0]
    if rank(candidates[0]) == DEFAULT:
        # The default site with another hostname: a single hostname match wins over it.
        return candidates[len(candidates) == 2]
    return None  # several sites on this hostname, none on this port, no default


def site_for(request):
    """`Site.find_for_request`, from the cache; remembered on the request as Wagtail does."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = match(all_sites(), hostname, request.get_port())
    return request._wagtail_site


def forget(*args, **kwargs) -> None:
    cache.delete(CACHE_KEY)


def _page_changed(sender, instance, **kwargs) -> None:
    if instance.depth <= 2:  # a root page: sites carry it
        forget()


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Site
    from wagtail.signals import page_published, page_unpublished

    post_save.connect(forget, sender=Site, dispatch_uid="gazette-sites-save")
    post_delete.connect(forget, sender=Site, dispatch_uid="gazette-sites-delete")
    page_published.connect(_page_changed, dispatch_uid="gazette-sites-root-published")
    page_unpublished.connect(_page_changed, dispatch_uid="gazette-sites-root-unpublished")
