"""Index imported content in bulk, after the import, instead of once per save.

A page save normally queues a search-index and a reference-index update; an import of
thousands of posts saves each page twice. During an import those per-save updates are
suspended, and one task indexes everything the run created or changed, in batches.
"""

from __future__ import annotations

from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

BATCH = 500


def _search_handler():
    try:
        from modelsearch.signal_handlers import post_save_signal_handler
    except ImportError:  # older Wagtail: search lives in wagtail.search
        from wagtail.search.signal_handlers import post_save_signal_handler
    return post_save_signal_handler


def _indexed_models():
    from wagtail.search.index import get_indexed_models

    return [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]


@contextmanager
def deferred_indexing():
    """Suspend per-save search and reference indexing in this process."""
    handler = _search_handler()
    models = _indexed_models()
    for model in models:
        post_save.disconnect(handler, sender=model)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        for model in models:
            post_save.connect(handler, sender=model)


def index_objects(model, pks: list[int], prefetch: tuple[str, ...] = ()) -> int:
    """Add these objects to the search backends and the reference index, in batches.

    The objects come from the model's indexed queryset (related search fields fetched up
    front, as `update_index` does), plus `prefetch` for relations nested deeper.
    """
    from wagtail.search.backends import get_search_backends

    done = 0
    for start in range(0, len(pks), BATCH):
        chunk = pks[start : start + BATCH]
        objects = list(model.get_indexed_objects().filter(pk__in=chunk).prefetch_related(*prefetch))
        with transaction.atomic():  # one commit per batch, not one per object
            for backend in get_search_backends():
                backend.add_bulk(model, objects)
            for obj in objects:
                ReferenceIndex.create_or_update_for_object(obj)
        done += len(objects)
    return done
