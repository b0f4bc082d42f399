"""Which parts of the site are private (Wagtail view restrictions), read once, not per query.

Wagtail's `.public()` loads every view restriction each time it builds a query; a page
render builds several. The restricted paths are kept in the shared cache instead and
dropped whenever a restriction is added, changed or removed, or a page is moved.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Q, QuerySet

CACHE_KEY = "gazette:restricted-paths"


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of every page with a view restriction (its descendants are private too)."""
    paths = cache.get(CACHE_KEY)
    if paths is None:
        from wagtail.models import PageViewRestriction

        paths = tuple(
            sorted(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
        )
        cache.set(CACHE_KEY, paths, None)
    return paths


def public(qs: QuerySet) -> QuerySet:
    """`qs.public()` without a query for the restrictions."""
    paths = restricted_paths()
    if not paths:
        return qs
    private = Q()
    for path in paths:
        private |= Q(path__startswith=path)
    return qs.exclude(private)


def forget(*args, **kwargs) -> None:
    cache.delete(CACHE_KEY)


def connect() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import PageViewRestriction
    from wagtail.signals import post_page_move

    post_save.connect(forget, sender=PageViewRestriction, dispatch_uid="gazette-restrictions-save")
    post_delete.connect(forget, sender=PageViewRestriction, dispatch_uid="gazette-restrictions-del")
    post_page_move.connect(forget, dispatch_uid="gazette-restrictions-move")


class CachedRestrictionsMixin:
    """For page types: skip Wagtail's two restriction queries on a site with no private pages."""

    def get_view_restrictions(self):
        if not restricted_paths():
            from wagtail.models import PageViewRestriction

            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
