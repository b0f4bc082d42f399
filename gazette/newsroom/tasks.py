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
