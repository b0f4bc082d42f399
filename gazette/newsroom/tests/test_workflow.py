"""The review workflow, end to end through the admin, with mail on a real SMTP server."""

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.models import TaskState

from gazette.news.models import ArticlePage
from gazette.newsroom.models import IntegrityOverride
from gazette.newsroom.tests.conftest import draft_article
from gazette.newsroom.tests.test_editor_and_guard import edit_post_data

pytestmark = pytest.mark.django_db


def committed():
    """Run what the request queued on commit (the review mails), as a real commit would."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def submit(client, user, page):
    client.force_login(user)
    with committed():
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            # The writer's form keeps the "notify me of comments" box ticked, as they left it.
            edit_post_data(page, **{"action-submit": "1", "comment_notifications": "on"}),
        )
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    return page


def act(client, user, page, action="approve", comment=""):
    client.force_login(user)
    state = page.current_workflow_task_state
    with committed():
        return client.post(
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk]),
            {"comment": comment},
        )


def current_task_name(page):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    return state.task.name if state else None


def test_opinion_goes_through_editing_and_standards_with_mail(
    client, smtp_inbox, contributor, editor, legal, magazine, writer, settings
):
    page = draft_article(magazine["sections"]["opinion"], contributor, [writer])
    submit(client, contributor, page)
    assert current_task_name(page) == "Editing"
    mail = smtp_inbox.wait_for(1)
    assert smtp_inbox.to(editor.email), mail
    first = smtp_inbox.to(editor.email)[0]
    assert page.title in first["Subject"]
    assert first["From"] == settings.DEFAULT_FROM_EMAIL  # our sender, not Wagtail's default
    assert f"http://testserver/admin/pages/{page.pk}/" in first.get_body(("plain",)).get_content()
    assert not smtp_inbox.to(legal.email)

    act(client, editor, page)
    assert current_task_name(page) == "Legal & standards check"
    smtp_inbox.wait_for(2)
    assert smtp_inbox.to(legal.email), "the standards desk is told it has an article to review"
    assert not ArticlePage.objects.get(pk=page.pk).live

    act(client, legal, page)
    live = ArticlePage.objects.get(pk=page.pk)
    assert live.live, "clean article: the integrity gate passes it and the workflow publishes"
    gate = TaskState.objects.filter(task__name="Integrity checks").get()
    assert gate.status == TaskState.STATUS_APPROVED
    smtp_inbox.wait_for(3)
    assert smtp_inbox.to(contributor.email), "the writer hears that the article was approved"
    assert client.get(live.url).status_code == 200


def test_news_skips_the_standards_check(
    client, smtp_inbox, contributor, editor, legal, magazine, writer
):
    page = draft_article(magazine["sections"]["news"], contributor, [writer])
    submit(client, contributor, page)
    act(client, editor, page)
    assert ArticlePage.objects.get(pk=page.pk).live
    standards = TaskState.objects.get(task__name="Legal & standards check")
    assert standards.status == TaskState.STATUS_SKIPPED
    assert not smtp_inbox.to(legal.email)


def test_blocker_holds_the_article_at_the_gate_until_an_override(
    client, smtp_inbox, contributor, editor, magazine, writer, django_capture_on_commit_callbacks
):
    page = draft_article(
        magazine["sections"]["news"],
        contributor,
        [writer],
        paragraphs=["The port opened.", "As an AI language model, I cannot verify this."],
    )
    submit(client, contributor, page)
    with django_capture_on_commit_callbacks(execute=True):  # the gate's mail is queued on commit
        act(client, editor, page)
    assert current_task_name(page) == "Integrity checks"
    assert not ArticlePage.objects.get(pk=page.pk).live
    smtp_inbox.wait_for(2)
    gate_mail = [
        m for m in smtp_inbox.to(editor.email) if "Integrity checks stopped" in m["Subject"]
    ]
    assert gate_mail and "ai-boilerplate" in gate_mail[0].get_content()

    # the contributor cannot act at the gate; an editor must give a reason
    client.force_login(contributor)
    assert page.current_workflow_task.specific.get_actions(page, contributor) == []
    act(client, editor, page, comment="")
    assert not ArticlePage.objects.get(pk=page.pk).live and not IntegrityOverride.objects.exists()

    reason = "Quoted deliberately: the story is about an AI-written press release."
    act(client, editor, page, comment=reason)
    assert ArticlePage.objects.get(pk=page.pk).live
    record = IntegrityOverride.objects.get()
    assert (record.user, record.reason, record.findings[0]["check_id"]) == (
        editor,
        reason,
        "ai-boilerplate",
    )


def test_field_comments_are_saved_and_notify(
    client, smtp_inbox, contributor, editor, magazine, writer
):
    from wagtail.models import PageSubscription

    page = draft_article(magazine["sections"]["news"], contributor, [writer])
    # As the page editor does for whoever creates a page: they follow its comments.
    PageSubscription.objects.create(page=page, user=contributor, comment_notifications=True)
    submit(client, contributor, page)
    before = len(smtp_inbox.wait_for(1))
    client.force_login(editor)
    data = edit_post_data(page)
    data.update(
        {
            "comments-TOTAL_FORMS": "1",
            "comments-0-contentpath": "title",
            "comments-0-text": "Is the headline too long?",
            "comments-0-id": "",
            "comments-0-DELETE": "",
            "comments-0-resolved": "",
            "comments-0-replies-TOTAL_FORMS": "0",
            "comments-0-replies-INITIAL_FORMS": "0",
            "comments-0-replies-MIN_NUM_FORMS": "0",
            "comments-0-replies-MAX_NUM_FORMS": "1000",
        }
    )
    with committed():
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    from wagtail.models import Comment

    comment = Comment.objects.get()
    assert (comment.contentpath, comment.text, comment.user) == (
        "title",
        "Is the headline too long?",
        editor,
    )
    smtp_inbox.wait_for(before + 1)
    [mail] = smtp_inbox.to(contributor.email)
    assert page.title in mail["Subject"]
    assert "Is the headline too long?" in mail.get_body(("plain",)).get_content()
