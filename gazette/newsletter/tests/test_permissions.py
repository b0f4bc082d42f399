"""The newsroom's roles and the newsletter desk: editors run it, writers cannot reach it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gazette.newsletter.models import Edition, Newsletter, Subscriber, SubscriberImport
from gazette.newsletter.tests.helpers import make_newsletter, make_subscribers
from gazette.newsroom.roles import CONTRIBUTORS, EDITORS, ensure_roles
from gazette.newsroom.tests.conftest import make_user


@pytest.fixture
def roles(magazine):
    return ensure_roles([magazine["home"], magazine["home_ar"]])


NEWSLETTER_FORM = {
    "name": "Weekly Opinion",
    "slug": "weekly-opinion",
    "language": "en",
    "cadence": "weekly",
    "send_time": "08:30",
    "weekday": "4",
    "layout": "digest",
    "max_articles": "10",
    "is_active": "on",
}


def desk_urls(edition) -> list[str]:
    return [
        reverse("wagtailsnippets_newsletter_newsletter:list"),
        reverse("wagtailsnippets_newsletter_newsletter:add"),
        reverse("newsletter_editions:index"),
        reverse("newsletter_editions:add"),
        reverse("newsletter_admin:edition", args=[edition.pk]),
        reverse("newsletter_admin:edition_preview", args=[edition.pk]),
        reverse("newsletter_subscribers:index"),
        reverse("newsletter_subscribers:add"),
        reverse("newsletter_admin:import"),
        reverse("newsletter_admin:growth"),
        reverse("newsletter_suppressions:index"),
    ]


def test_editors_run_the_newsletter_from_the_admin(
    client, roles, smtp, django_capture_on_commit_callbacks
):
    from gazette.newsletter import actions

    editor = make_user("desk-editor", roles[EDITORS])
    client.force_login(editor)
    newsletter = make_newsletter()
    readers = make_subscribers(newsletter, 3)
    edition = actions.compose_edition(newsletter)

    assert "Newsletter" in client.get(reverse("wagtailadmin_home")).content.decode()
    for url in desk_urls(edition):
        assert client.get(url).status_code == 200, url

    response = client.post(reverse("wagtailsnippets_newsletter_newsletter:add"), NEWSLETTER_FORM)
    assert response.status_code == 302 and Newsletter.objects.filter(slug="weekly-opinion")
    response = client.post(
        reverse("newsletter_editions:add"),
        {"newsletter": newsletter.pk, "cadence": "daily", "subject": "Tuesday's opinion"},
    )
    assert response.status_code == 302
    mine = Edition.objects.get(subject="Tuesday's opinion")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("newsletter_admin:edition_action", args=[mine.pk, "test"]))
        client.post(reverse("newsletter_admin:edition_action", args=[mine.pk, "send"]))
    assert smtp.to(editor.email), "the test copy reached the editor"
    assert all(smtp.to(r.email) for r in readers)
    response = client.post(
        reverse("newsletter_subscribers:edit", args=[readers[0].pk]),
        {
            "email": readers[0].email,
            "language": "en",
            "frequency": "weekly",
            "newsletters": [newsletter.pk],
            "status": "subscribed",
            "source": "phone call",
        },
    )
    assert response.status_code == 302
    assert Subscriber.objects.get(pk=readers[0].pk).frequency == "weekly"
    response = client.post(
        reverse("newsletter_suppressions:add"), {"email": "gone@example.com", "reason": "manual"}
    )
    assert response.status_code == 302


def test_contributors_cannot_reach_the_newsletter_desk(client, roles):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gazette.newsletter import actions

    contributor = make_user("stringer", roles[CONTRIBUTORS])
    client.force_login(contributor)
    newsletter = make_newsletter()
    make_subscribers(newsletter, 2)
    edition = actions.compose_edition(newsletter)

    assert "Newsletter" not in client.get(reverse("wagtailadmin_home")).content.decode()
    for url in desk_urls(edition):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "reader0@example.com" not in response.content.decode()
    client.post(reverse("wagtailsnippets_newsletter_newsletter:add"), NEWSLETTER_FORM)
    client.post(reverse("newsletter_admin:edition_action", args=[edition.pk, "send"]))
    client.post(
        reverse("newsletter_admin:import"),
        {
            "file": SimpleUploadedFile("r.csv", b"email\nsomeone@example.com\n"),
            "source": "x",
            "confirm": "on",
        },
    )
    assert not Newsletter.objects.filter(slug="weekly-opinion").exists()
    edition.refresh_from_db()
    assert edition.status == "draft"
    assert not SubscriberImport.objects.exists()
