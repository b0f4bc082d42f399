"""Background work of the newsroom."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task
from wagtail.admin.mail import send_mail
from wagtail.admin.utils import get_admin_base_url


def override_reviewers():
    """Active users who may let an article out despite blockers, with a mail address."""
    User = get_user_model()
    allowed = (
        Q(is_superuser=True)
        | Q(groups__permissions__codename="override_integrity_blockers")
        | Q(user_permissions__codename="override_integrity_blockers")
    )
    return User.objects.filter(allowed, is_active=True).exclude(email="").distinct()


@task()
def notify_integrity_gate(task_state_id: int) -> int:
    """Mail the editors who may override: an article waits at the integrity gate."""
    from wagtail.models import TaskState
    from wagtail.users.models import UserProfile

    from gazette.newsroom.guard import revision_blockers

    state = (
        TaskState.objects.select_related("revision", "workflow_state")
        .filter(pk=task_state_id)
        .first()
    )
    if state is None or state.status != TaskState.STATUS_IN_PROGRESS:
        return 0
    page = state.revision.as_object()
    blockers = revision_blockers(state.revision)
    base = get_admin_base_url()
    sent = 0
    for user in override_reviewers():
        with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
            context = {
                "page": page,
                "blockers": blockers,
                "user": user,
                "edit_url": base + reverse("wagtailadmin_pages:edit", args=[page.pk]),
            }
            subject = render_to_string("newsroom/mail/integrity_gate_subject.txt", context).strip()
            body = render_to_string("newsroom/mail/integrity_gate.txt", context)
        send_mail(subject, body, [user.email])
        sent += 1
    return sent


# While set, a fingerprint backfill is queued or running: requests do not queue another.
BACKFILL_QUEUED_KEY = "newsroom:fingerprint-backfill-queued"


def queue_missing_fingerprints() -> bool:
    """Queue one backfill of missing fingerprints, unless one is already on its way."""
    from django.core.cache import cache

    if not cache.add(BACKFILL_QUEUED_KEY, True, timeout=15 * 60):
        return False
    fingerprint_missing_articles.enqueue()
    return True


@task()
def fingerprint_missing_articles() -> int:
    """Fingerprint every published article that has none (or an out-of-date one)."""
    from django.core.cache import cache

    from gazette.newsroom.fingerprints import articles_missing_fingerprints, fingerprint_articles

    try:
        return fingerprint_articles(articles_missing_fingerprints())
    finally:
        cache.delete(BACKFILL_QUEUED_KEY)


@task()
def fingerprint_article(page_id: int) -> bool:
    """Store the shingles of a just-published article for the duplicate checks."""
    from gazette.news.models import ArticlePage
    from gazette.newsroom.fingerprints import fingerprint_page

    page = ArticlePage.objects.live().filter(pk=page_id).select_related("locale").first()
    if page is None:
        return False
    fingerprint_page(page)
    return True


@task()
def send_review_mail(
    event: str, object_id: int, user_id: int | None, task_state_id: int | None = None
) -> bool:
    """Send the mails of one workflow event (submitted, step submitted, approved, rejected)."""
    from gazette.newsroom.notifications import send_review_notification

    return send_review_notification(event, object_id, user_id, task_state_id)


@task()
def send_comment_mail(page_id: int, editor_id: int, changes: dict) -> bool:
    """Mail the subscribers of a page's comments about what an editor changed in them."""
    from gazette.newsroom.notifications import send_comment_notifications

    return send_comment_notifications(page_id, editor_id, changes)
