"""Publishing and unpublishing an article only enqueue discovery work."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from gazette.news.models import ArticlePage

_held: ContextVar[bool] = ContextVar("discovery_refresh_held", default=False)


@contextmanager
def refreshes_held():
    """Publish many articles without a refresh each; the caller relates them all after."""
    token = _held.set(True)
    try:
        yield
    finally:
        _held.reset(token)


def enqueue_refresh(sender, instance, **kwargs) -> None:
    from gazette.discovery.tasks import refresh_related

    if _held.get():
        return
    pk = instance.pk
    transaction.on_commit(lambda: refresh_related.enqueue(pk))


def enqueue_forget(sender, instance, **kwargs) -> None:
    from gazette.discovery.tasks import forget_article

    pk = instance.pk
    transaction.on_commit(lambda: forget_article.enqueue(pk))


def connect() -> None:
    page_published.connect(enqueue_refresh, sender=ArticlePage, dispatch_uid="discovery-publish")
    page_unpublished.connect(enqueue_forget, sender=ArticlePage, dispatch_uid="discovery-unpub")
    post_delete.connect(enqueue_forget, sender=ArticlePage, dispatch_uid="discovery-delete")
