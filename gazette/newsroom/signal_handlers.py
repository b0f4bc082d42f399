"""Signal handlers: they only dispatch to actions or tasks."""

from __future__ import annotations

from django.db import transaction
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    task_submitted,
)


def on_copy_for_translation(sender, source_obj, target_obj, **kwargs):
    from gazette.newsroom.actions import link_translation

    link_translation(source_obj, target_obj)


def on_task_submitted(sender, instance, **kwargs):
    from gazette.newsroom.models import IntegrityGateTask
    from gazette.newsroom.tasks import notify_integrity_gate

    if isinstance(instance.task.specific, IntegrityGateTask):
        task_state_id = instance.pk
        transaction.on_commit(lambda: notify_integrity_gate.enqueue(task_state_id))


def on_page_published(sender, instance, **kwargs):
    from gazette.news.models import ArticlePage
    from gazette.newsroom.tasks import fingerprint_article

    if isinstance(instance, ArticlePage):
        page_id = instance.pk
        transaction.on_commit(lambda: fingerprint_article.enqueue(page_id))


def on_page_unpublished(sender, instance, **kwargs):
    from gazette.newsroom.fingerprints import forget_page

    forget_page(instance.pk)


def register_signal_handlers() -> None:
    from gazette.newsroom.notifications import take_over_workflow_mail

    take_over_workflow_mail()
    page_published.connect(on_page_published, dispatch_uid="newsroom_fingerprint")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="newsroom_forget_fingerprint")
    copy_for_translation_done.connect(
        on_copy_for_translation, dispatch_uid="newsroom_link_translation"
    )
    task_submitted.connect(on_task_submitted, dispatch_uid="newsroom_integrity_gate_mail")
