"""Wagtail's page editor, with its comment mails queued for the worker."""

from __future__ import annotations

from django.db import transaction
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.admin.views.pages import edit


class EditView(edit.EditView):
    """The page editor; saving with new, resolved or answered comments queues their mails."""

    def send_commenting_notifications(self, changes):
        from gazette.newsroom.notifications import serialise_comment_changes
        from gazette.newsroom.tasks import send_comment_mail

        payload = serialise_comment_changes(changes)
        if payload is None:
            return
        page_id, editor_id = self.page.pk, self.request.user.pk
        transaction.on_commit(lambda: send_comment_mail.enqueue(page_id, editor_id, payload))


# Decorated as Wagtail decorates its own admin views (wagtail/admin/urls/__init__.py).
page_edit_view = never_cache(display_custom_404(require_admin_access(EditView.as_view())))
