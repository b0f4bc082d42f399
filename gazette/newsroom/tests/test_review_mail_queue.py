"""Review mails never hold up the desk: the editor's request queues them, the worker sends
them (production's database queue, a real SMTP server)."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import PageSubscription

from gazette.newsroom.tests.conftest import draft_article
from gazette.newsroom.tests.test_editor_and_guard import edit_post_data
from gazette.newsroom.tests.test_workflow import act, committed, submit

# Transactional: the worker closes the database connection between tasks, as in production.
pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.TASKS_BACKEND = "database"


def queued_mail() -> list[str]:
    """The mail tasks waiting for the worker (the magazine's own tasks aside)."""
    from django_tasks_db.models import DBTaskResult

    paths = DBTaskResult.objects.ready().values_list("task_path", flat=True)
    return sorted(path for path in paths if path.endswith("_mail"))


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", queue_name="default")


def field_comment(page, text):
    data = edit_post_data(page)
    data.update(
        {
            "comments-TOTAL_FORMS": "1",
            "comments-0-contentpath": "title",
            "comments-0-text": text,
            "comments-0-id": "",
            "comments-0-DELETE": "",
            "comments-0-resolved": "",
            "comments-0-replies-TOTAL_FORMS": "0",
            "comments-0-replies-INITIAL_FORMS": "0",
            "comments-0-replies-MIN_NUM_FORMS": "0",
            "comments-0-replies-MAX_NUM_FORMS": "1000",
        }
    )
    return data


def test_requests_queue_the_review_mails_and_the_worker_sends_them(
    client, smtp_inbox, database_queue, contributor, editor, magazine, writer
):
    page = draft_article(magazine["sections"]["news"], contributor, [writer])
    PageSubscription.objects.create(page=page, user=contributor, comment_notifications=True)

    submit(client, contributor, page)
    assert smtp_inbox.wait_for(1, timeout=0.5) == [], "the submit request sent no mail"
    # "submitted" to the administrators, "a step awaits you" to the step's reviewers
    assert queued_mail() == ["gazette.newsroom.tasks.send_review_mail"] * 2
    run_worker()
    smtp_inbox.wait_for(1)
    [to_editor] = smtp_inbox.to(editor.email)
    assert page.title in to_editor["Subject"]
    assert queued_mail() == []

    # The editor comments on the headline, then sends the piece back with a note.
    client.force_login(editor)
    with committed():
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            field_comment(page, "The headline promises more than the piece gives."),
        )
    assert response.status_code == 302
    act(client, editor, page, action="reject", comment="Cut the second paragraph, please.")
    assert len(smtp_inbox.wait_for(2, timeout=0.5)) == 1, (
        "neither the comment nor the rejection was mailed inside the request"
    )
    assert queued_mail() == [
        "gazette.newsroom.tasks.send_comment_mail",
        "gazette.newsroom.tasks.send_review_mail",
    ]

    run_worker()
    smtp_inbox.wait_for(3)
    texts = {
        mail["Subject"]: mail.get_body(("plain",)).get_content()
        for mail in smtp_inbox.to(contributor.email)
    }
    assert len(texts) == 2, texts
    comment_mail = next(body for body in texts.values() if "headline promises" in body)
    assert f"/admin/pages/{page.pk}/edit/" in comment_mail
    rejection = next(body for subject, body in texts.items() if "rejected" in subject)
    assert "Cut the second paragraph, please." in rejection
    assert "Editing" in rejection, "the mail names the step that sent it back"


def test_a_queued_mail_for_a_deleted_page_is_dropped_quietly(
    client, smtp_inbox, database_queue, contributor, editor, magazine, writer
):
    page = draft_article(magazine["sections"]["news"], contributor, [writer])
    submit(client, contributor, page)
    page.delete()
    run_worker()
    from django_tasks_db.models import DBTaskResult

    mail_tasks = DBTaskResult.objects.filter(task_path__endswith="_mail")
    assert mail_tasks.count() == 2 and not mail_tasks.failed().exists()
    assert smtp_inbox.wait_for(1, timeout=0.5) == []
