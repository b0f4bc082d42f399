"""Wagtail's revisions (compare, restore) and locking, as they work for articles."""

import pytest
from django.urls import reverse

from gazette.news.models import ArticlePage
from gazette.newsroom.tests.conftest import make_user
from gazette.newsroom.tests.test_editor_and_guard import edit_post_data

pytestmark = pytest.mark.django_db


def save(client, page, **changes):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), edit_post_data(page, **changes)
    )
    assert response.status_code == 302
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision()


def test_compare_two_revisions_shows_the_change(client, editor, article):
    client.force_login(editor)
    first = article.get_latest_revision()
    second = save(
        client, article, title="The harbour berth, revised", standfirst="A new standfirst."
    )
    url = reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, first.pk, second.pk])
    text = client.get(url).content.decode()
    assert "The harbour berth, revised" in text and "A new standfirst." in text
    assert article.title[:40] in text


def test_restore_an_earlier_revision(client, editor, article):
    client.force_login(editor)
    original = article.get_latest_revision()
    save(client, article, title="A headline the editor regrets", **{"action-publish": "1"})
    assert ArticlePage.objects.get(pk=article.pk).title == "A headline the editor regrets"

    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=[article.pk, original.pk])
    form = client.get(revert_url).content.decode()
    assert article.title in form  # the editor opens the old version, ready to publish
    old = original.as_object()
    client.post(revert_url, edit_post_data(old, **{"action-publish": "1"}))
    restored = ArticlePage.objects.get(pk=article.pk)
    assert restored.title == article.title
    # nothing is lost: the regretted version stays in the history
    titles = [r.as_object().title for r in restored.revisions.order_by("created_at", "pk")]
    assert titles == [article.title, "A headline the editor regrets", article.title]


def test_lock_keeps_other_editors_out(client, editor, article, roles):
    from gazette.newsroom.roles import EDITORS

    other = make_user("second-editor", roles[EDITORS])
    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:lock", args=[article.pk]))
    article.refresh_from_db()
    assert article.locked and article.locked_by == editor

    client.force_login(other)
    assert article.get_lock().for_user(other)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        edit_post_data(article, title="Edited while locked", **{"action-publish": "1"}),
    )
    assert ArticlePage.objects.get(pk=article.pk).title == article.title

    client.force_login(editor)
    client.post(reverse("wagtailadmin_pages:unlock", args=[article.pk]))
    assert not ArticlePage.objects.get(pk=article.pk).locked
