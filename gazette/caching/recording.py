"""Surrogate keys: which content a response was made from.

While a cacheable request renders, every page, author and image loaded from the
database is noted (through `post_init`), so the stored page is tagged with exactly the
content it shows. Listing views add a listing key ("everything in this section"), so a
newly published article also reaches the listings it now belongs to.
"""

from __future__ import annotations

from contextvars import ContextVar

from django.db.models.signals import post_init

_keys: ContextVar[set[str] | None] = ContextVar("gazette_surrogate_keys", default=None)


def page_key(pk) -> str:
    return f"page-{pk}"


def author_key(pk) -> str:
    return f"author-{pk}"


def image_key(pk) -> str:
    return f"image-{pk}"


def section_list_key(pk) -> str:
    return f"list-section-{pk}"


def front_list_key(locale_id) -> str:
    return f"list-front-{locale_id}"


def author_list_key(slug: str) -> str:
    return f"list-author-{slug}"


def tag_list_key(slug: str) -> str:
    return f"list-tag-{slug}"


FEEDS_KEY = "list-feeds"
ALL_KEY = "all"


def start() -> object:
    """Begin noting keys for the current request; returns a token for `stop`."""
    return _keys.set(set())


def stop(token) -> set[str]:
    keys = _keys.get() or set()
    _keys.reset(token)
    return keys


def add(*keys: str) -> None:
    current = _keys.get()
    if current is not None:
        current.update(keys)


def _noting(key_of):
    def receiver(sender, instance, **kwargs):
        current = _keys.get()
        if current is not None and instance.pk is not None:
            current.add(key_of(instance.pk))

    return receiver


_page_loaded = _noting(page_key)
_author_loaded = _noting(author_key)
_image_loaded = _noting(image_key)


def connect() -> None:
    """Listen for loaded content (called once from the app's ready())."""
    from wagtail.images import get_image_model
    from wagtail.models import Page, get_page_models

    from gazette.people.models import Author

    for model in {Page, *get_page_models()}:
        post_init.connect(_page_loaded, sender=model, weak=False)
    post_init.connect(_author_loaded, sender=Author, weak=False)
    post_init.connect(_image_loaded, sender=get_image_model(), weak=False)
