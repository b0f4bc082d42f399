"""Scheduled publishing and expiry, run by Gazette's own scheduler and task worker."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from gazette.news.models import ArticlePage
from gazette.newsroom.tests.test_editor_and_guard import edit_post_data

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def run_scheduler_and_worker():
    """What `make run` does every minute: the scheduler enqueues, the worker runs."""
    call_command("gazette_scheduler", "--once")
    call_command("db_worker", "--batch", "--no-startup-delay", queue_name="default")


@pytest.fixture
def database_queue(settings):
    """The production queue: tasks wait in the database until the worker runs them."""
    settings.TASKS = DATABASE_QUEUE  # django-tasks re-reads TASKS when the setting changes
    settings.TASKS_BACKEND = "database"


def form_time(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def test_scheduled_article_goes_live_and_expires(client, editor, article, database_queue):
    client.force_login(editor)
    ArticlePage.objects.filter(pk=article.pk).update(live=False, has_unpublished_changes=True)
    article.refresh_from_db()
    soon = timezone.now() + timedelta(hours=2)
    later = timezone.now() + timedelta(days=3)
    data = edit_post_data(
        article,
        title="The berth opens at dawn",
        go_live_at=form_time(soon),
        expire_at=form_time(later),
        **{"action-publish": "1"},
    )
    client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    revision = (
        Revision.page_revisions.filter(object_id=str(article.pk))
        .exclude(approved_go_live_at=None)
        .get()
    )
    assert not ArticlePage.objects.get(pk=article.pk).live, "scheduled, not yet live"

    run_scheduler_and_worker()
    assert not ArticlePage.objects.get(pk=article.pk).live, "the time has not come yet"

    # The go-live time passes (moved back, both where Wagtail queues it and in the content).
    past = timezone.now() - timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])
    run_scheduler_and_worker()
    live = ArticlePage.objects.get(pk=article.pk)
    assert live.live and live.title == "The berth opens at dawn"
    assert client.get(live.url).status_code == 200

    # The expiry time passes.
    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - timedelta(minutes=1)
    )
    run_scheduler_and_worker()
    expired = ArticlePage.objects.get(pk=article.pk)
    assert not expired.live and expired.expired
    client.logout()
    assert client.get(live.url).status_code == 404
