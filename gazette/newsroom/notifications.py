"""The review mails (workflow steps, field comments), sent by the worker.

Wagtail sends them inside the editor's request (`wagtail.admin.signal_handlers` connects
its notifiers to the workflow signals; the page editor mails comment subscribers as it
saves), so one slow mail server stalls the desk. Here the signals and the editor only
queue a task; the task rebuilds what Wagtail's notifiers need and lets them write and send
the same mails, to the same people, from the worker.
"""

from __future__ import annotations

from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.admin import signal_handlers as wagtail_mail
from wagtail.admin.mail import WorkflowStateRejectionEmailNotifier
from wagtail.models import (
    AbstractGroupApprovalTask,
    Comment,
    CommentReply,
    Page,
    TaskState,
    WorkflowState,
)
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

# Wagtail's own connections (signal, sender, dispatch_uid), in wagtail/admin/signal_handlers.py.
WAGTAIL_CONNECTIONS = {
    "task_submitted": (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
    ),
    "workflow_submitted": (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
    ),
    "workflow_rejected": (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
    ),
    "workflow_approved": (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
    ),
}


def _queue(event: str, object_id: int, user, task_state_id: int | None = None) -> None:
    from gazette.newsroom.tasks import send_review_mail

    user_id = getattr(user, "pk", None)
    # After commit: a worker must find the workflow state the request just saved.
    transaction.on_commit(
        lambda: send_review_mail.enqueue(event, object_id, user_id, task_state_id)
    )


def queue_task_submitted(sender, instance, user=None, **kwargs):
    if isinstance(instance.task.specific, AbstractGroupApprovalTask):
        _queue("task_submitted", instance.pk, user)


def queue_workflow_submitted(sender, instance, user=None, **kwargs):
    _queue("workflow_submitted", instance.pk, user)


def queue_workflow_rejected(sender, instance, user=None, **kwargs):
    # The rejected step, pinned now: by the time the worker runs, the writer may have
    # resubmitted and the workflow moved on.
    _queue("workflow_rejected", instance.pk, user, instance.current_task_state_id)


def queue_workflow_approved(sender, instance, user=None, **kwargs):
    _queue("workflow_approved", instance.pk, user)


QUEUERS = {
    "task_submitted": queue_task_submitted,
    "workflow_submitted": queue_workflow_submitted,
    "workflow_rejected": queue_workflow_rejected,
    "workflow_approved": queue_workflow_approved,
}


def take_over_workflow_mail() -> None:
    """Put the queueing handlers in the place of Wagtail's mail senders.

    They take Wagtail's dispatch_uid: if wagtail.admin has connected already, its handler
    is disconnected first; if not, its later connect() is ignored, as Django ignores a
    second receiver with the same dispatch_uid and sender.
    """
    for event, (signal, sender, uid) in WAGTAIL_CONNECTIONS.items():
        signal.disconnect(sender=sender, dispatch_uid=uid)
        signal.connect(QUEUERS[event], sender=sender, dispatch_uid=uid)


class RejectionNotifier(WorkflowStateRejectionEmailNotifier):
    """Wagtail's rejection mail, about the step that was rejected (not the current one)."""

    def get_context(self, workflow_state, task_state=None, **kwargs):
        context = super(WorkflowStateRejectionEmailNotifier, self).get_context(
            workflow_state, **kwargs
        )
        task_state = (task_state or workflow_state.current_task_state).specific
        context.update(
            task=task_state.task, task_state=task_state, comment=task_state.get_comment()
        )
        return context


NOTIFIERS = {
    "task_submitted": wagtail_mail.task_submission_email_notifier,
    "workflow_submitted": wagtail_mail.workflow_submission_email_notifier,
    "workflow_rejected": RejectionNotifier(),
    "workflow_approved": wagtail_mail.workflow_approval_email_notifier,
}


def send_review_notification(
    event: str, object_id: int, user_id: int | None, task_state_id: int | None = None
) -> bool:
    """Send the mails of one workflow event; False if its object is gone or a mail failed."""
    model = TaskState if event == "task_submitted" else WorkflowState
    instance = model.objects.filter(pk=object_id).first()
    if instance is None:
        return False
    kwargs = {"user": get_user_model().objects.filter(pk=user_id).first() if user_id else None}
    if event == "task_submitted":
        instance = instance.specific
    if task_state_id:
        kwargs["task_state"] = TaskState.objects.filter(pk=task_state_id).first()
    return NOTIFIERS[event](instance=instance, **kwargs)


# --- Field comments -----------------------------------------------------------------


def serialise_comment_changes(changes: dict) -> dict | None:
    """What the comment mails need of the editor's changes, as JSON; None if nothing to say."""
    payload = {
        "new_comments": [comment.pk for comment in changes["new_comments"]],
        "resolved_comments": [comment.pk for comment in changes["resolved_comments"]],
        # Deleted comments are gone from the database: keep their words.
        "deleted_comments": [comment.text for comment in changes["deleted_comments"]],
        "new_replies": [
            [comment.pk, [reply.pk for reply in replies]]
            for comment, replies in changes["new_replies"]
        ],
    }
    return payload if any(payload.values()) else None


def _comment_changes(payload: dict) -> dict:
    comments = Comment.objects.in_bulk(
        [
            *payload["new_comments"],
            *payload["resolved_comments"],
            *(comment_id for comment_id, _ in payload["new_replies"]),
        ]
    )
    replies = CommentReply.objects.in_bulk(
        [reply_id for _, reply_ids in payload["new_replies"] for reply_id in reply_ids]
    )
    return {
        "new_comments": [comments[pk] for pk in payload["new_comments"] if pk in comments],
        "resolved_comments": [
            comments[pk] for pk in payload["resolved_comments"] if pk in comments
        ],
        "deleted_comments": [Comment(text=text) for text in payload["deleted_comments"]],
        "new_replies": [
            (comments[comment_id], [replies[pk] for pk in reply_ids if pk in replies])
            for comment_id, reply_ids in payload["new_replies"]
            if comment_id in comments
        ],
    }


def send_comment_notifications(page_id: int, editor_id: int, payload: dict) -> bool:
    """Mail the page's and the threads' subscribers about one save's comment changes."""
    from wagtail.admin.views.pages.edit import EditView

    page = Page.objects.filter(pk=page_id).first()
    editor = get_user_model().objects.filter(pk=editor_id).first()
    if page is None or editor is None:
        return False
    # Wagtail's own recipient rules and templates; they read only the page and the editor.
    view = SimpleNamespace(page=page.specific, request=SimpleNamespace(user=editor))
    return bool(EditView.send_commenting_notifications(view, _comment_changes(payload)))
