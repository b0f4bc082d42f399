"""The whole journey against a real SMTP server: sign up, confirm, receive, unsubscribe."""

from __future__ import annotations

from django.utils import timezone

from gazette.newsletter import actions
from gazette.newsletter.models import ConsentRecord, Delivery, Subscriber
from gazette.newsletter.queries import edition_count
from gazette.newsletter.tests.helpers import (
    first_link,
    html_part,
    make_newsletter,
    path_of,
    text_part,
)
from gazette.testing.factories import make_article


def test_sign_up_confirm_receive_digest_and_unsubscribe_in_one_click(
    client, magazine, writer, smtp, django_capture_on_commit_callbacks
):
    opinion = magazine["sections"]["opinion"]
    newsletter = make_newsletter(sections=[opinion])
    old = make_article(opinion, title="An opinion from last week", authors=[writer], days_ago=3)
    fresh = make_article(opinion, title="The harbour needs a second berth", authors=[writer])
    news = make_article(magazine["sections"]["news"], title="Ferry times change", authors=[writer])
    arabic = make_article(
        magazine["sections_ar"]["opinion"], title="رأي في الميناء", authors=[writer]
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/newsletter/subscribe/",
            {"email": "  Reader+News@Example.COM ", "newsletters": [newsletter.pk]},
        )
    assert response.status_code == 200
    assert "confirmation link" in response.content.decode()
    assert Subscriber.objects.count() == 0, "nobody is stored before confirming"
    [confirmation] = smtp.to("reader+news@example.com")
    link = first_link(text_part(confirmation), "/newsletter/confirm/")

    page = client.get(path_of(link))
    assert page.status_code == 200
    assert "Yes, subscribe me" in page.content.decode()
    assert Subscriber.objects.count() == 0, (
        "opening the link (as a mail scanner does) subscribes nobody"
    )

    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(path_of(link))
    assert done.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader+news@example.com"
    assert subscriber.is_subscribed
    assert list(subscriber.newsletters.all()) == [newsletter]
    records = list(ConsentRecord.objects.filter(subscriber=subscriber).select_related("text"))
    assert [r.action for r in records] == ["requested", "confirmed"]
    assert all(len(r.ip_hash) == 64 and "127.0.0.1" not in r.ip_hash for r in records)
    assert "Morning Opinion" in records[0].text.text

    edition = actions.compose_edition(newsletter)
    assert edition.article_ids == [fresh.pk]
    with django_capture_on_commit_callbacks(execute=True):
        actions.start_sending(edition)
    [digest] = smtp.to("reader+news@example.com")[1:]
    assert digest["Subject"] == edition.subject
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert digest["List-Id"] == "Morning Opinion <morning-opinion.testserver>"
    unsubscribe_url = str(digest["List-Unsubscribe"]).strip().strip("<>")
    html, text = html_part(digest), text_part(digest)
    for part in (html, text):
        assert fresh.title in part
        for excluded in (old, news, arabic):
            assert excluded.title not in part
        assert unsubscribe_url in part, "the per-recipient link is in the body too"
    assert 'dir="ltr"' in html and "color-scheme" in html
    edition.refresh_from_db()
    assert edition.status == "sent"

    response = client.post(
        path_of(unsubscribe_url),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert not subscriber.is_subscribed
    assert Delivery.objects.get().unsubscribed_at <= timezone.now()
    assert edition_count(edition)["unsubscribed"] == 1
    assert edition_count(edition)["sent"] == 1
