"""Signal handlers: they only work out what changed and hand it to `purge` / tasks."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from gazette.caching import purge, recording
from gazette.caching.tasking import enqueue_or_run


def _page_changed(sender, instance, **kwargs):
    from gazette.news.models import ArticlePage

    keys, urls = purge.keys_for_page(instance)
    purge.purge(keys, urls)
    if isinstance(instance.specific_deferred, ArticlePage):
        from gazette.caching.tasks import generate_article_renditions

        transaction.on_commit(lambda: enqueue_or_run(generate_article_renditions, instance.pk))


def _page_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    keys, urls = purge.keys_for_page(instance)
    keys |= {
        recording.section_list_key(parent_page_before.pk),
        recording.section_list_key(parent_page_after.pk),
    }
    purge.purge(keys, urls)


def _page_deleted(sender, instance, **kwargs):
    if instance.live:
        keys, urls = purge.keys_for_page(instance)
        purge.purge(keys, urls)


def _snippet_changed(sender, instance, **kwargs):
    from wagtail.models import Page

    from gazette.people.models import Author

    if isinstance(instance, Page):
        return  # pages have their own signals above
    if isinstance(instance, Author):
        purge.purge(purge.keys_for_author(instance))
    else:
        # Content the cache does not know the shape of (ads, menus, settings): be safe.
        purge.purge({recording.ALL_KEY})


def _image_saved(sender, instance, created, **kwargs):
    from gazette.caching.tasks import generate_renditions

    if not created:
        purge.purge({recording.image_key(instance.pk)})
    transaction.on_commit(lambda: enqueue_or_run(generate_renditions, instance.pk))


def _settings_saved(sender, instance, created=False, **kwargs):
    # Wagtail creates a settings row with its defaults the first time a page reads it,
    # in the middle of a render: that changes nothing readers see, so it purges nothing.
    if created:
        return
    purge.purge({recording.ALL_KEY})


def _restriction_changed(sender, instance, **kwargs):
    # Pages and rails that listed a page now private (or public) must all change.
    purge.purge({recording.ALL_KEY})


def connect() -> None:
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, get_page_models

    page_published.connect(_page_changed, dispatch_uid="gazette-cache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="gazette-cache-unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="gazette-cache-moved")
    for model in {Page, *get_page_models()}:
        pre_delete.connect(_page_deleted, sender=model, dispatch_uid=f"gazette-cache-del-{model}")
    published.connect(_snippet_changed, dispatch_uid="gazette-cache-snippet-published")
    unpublished.connect(_snippet_changed, dispatch_uid="gazette-cache-snippet-unpublished")
    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="gazette-cache-image")
    restriction = {"sender": PageViewRestriction, "weak": False}
    post_save.connect(_restriction_changed, dispatch_uid="gazette-cache-pvr-save", **restriction)
    post_delete.connect(_restriction_changed, dispatch_uid="gazette-cache-pvr-del", **restriction)
    from django.apps import apps

    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting | BaseGenericSetting):
            post_save.connect(_settings_saved, sender=model, dispatch_uid=f"gazette-cache-{model}")
