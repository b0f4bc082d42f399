"""The signed preferences link: change, unsubscribe, export, delete; and the unsubscribe page."""

from __future__ import annotations

import json

from gazette.newsletter import actions
from gazette.newsletter.models import ConsentRecord, Subscriber
from gazette.newsletter.rendering import manage_url, unsubscribe_url
from gazette.newsletter.tests.helpers import make_newsletter, path_of


def confirmed_reader(db_newsletters):
    payload = {
        "e": "reader@example.com",
        "l": "en",
        "n": [n.pk for n in db_newsletters],
        "f": "daily",
        "s": "signup:page",
        "c": None,
        "t": "2026-01-01T10:00:00+00:00",
        "i": "x" * 64,
    }
    return actions.confirm_subscription(payload, "y" * 64)


def test_preferences_change_newsletters_language_and_frequency(client, db):
    daily = make_newsletter(name="Daily", slug="daily")
    arabic = make_newsletter(name="Weekly Arabic", slug="weekly-ar", language="ar")
    reader = confirmed_reader([daily])
    url = path_of(manage_url(reader.pk, reader.link_key, "en"))

    page = client.get(url)
    assert page.status_code == 200
    assert "reader@example.com" in page.content.decode()
    assert page["Referrer-Policy"] == "same-origin"

    response = client.post(
        url, {"newsletters": [arabic.pk], "language": "ar", "frequency": "weekly"}
    )
    assert "Your preferences are saved" in response.content.decode()
    reader.refresh_from_db()
    assert (reader.language, reader.frequency) == ("ar", "weekly")
    assert list(reader.newsletters.all()) == [arabic]

    client.post(url, {"language": "ar", "frequency": "weekly"})
    reader.refresh_from_db()
    assert not reader.is_subscribed, "unticking everything unsubscribes"
    assert ConsentRecord.objects.filter(subscriber=reader, action="unsubscribed").exists()


def test_export_and_delete(client, db):
    daily = make_newsletter(name="Daily", slug="daily")
    reader = confirmed_reader([daily])
    url = path_of(manage_url(reader.pk, reader.link_key, "en"))

    export = client.get(url + "export.json")
    data = json.loads(export.content)
    assert data["email"] == "reader@example.com"
    assert [n["slug"] for n in data["newsletters"]] == ["daily"]
    assert [r["action"] for r in data["consent_records"]] == ["requested", "confirmed"]

    assert client.get(url + "delete/").status_code == 200
    assert Subscriber.objects.filter(pk=reader.pk).exists(), "a GET deletes nothing"
    client.post(url + "delete/")
    assert not Subscriber.objects.filter(email="reader@example.com").exists()
    assert not ConsentRecord.objects.exists()
    assert client.get(url).status_code == 404, "old links stop working"


def test_the_unsubscribe_page_asks_before_it_acts(client, db):
    daily = make_newsletter(name="Daily", slug="daily")
    weekly = make_newsletter(name="Weekly", slug="weekly")
    reader = confirmed_reader([daily, weekly])
    url = path_of(unsubscribe_url(reader.pk, reader.link_key, daily.pk, 0, "en"))

    page = client.get(url)
    assert "Unsubscribe" in page.content.decode()
    reader.refresh_from_db()
    assert reader.newsletters.count() == 2

    done = client.post(url)
    assert "will not send “Daily”" in done.content.decode()
    assert list(reader.newsletters.all()) == [weekly]
    assert reader.is_subscribed


def test_tampered_links_are_refused(client, db):
    daily = make_newsletter(name="Daily", slug="daily")
    reader = confirmed_reader([daily])
    url = path_of(unsubscribe_url(reader.pk, reader.link_key, daily.pk, 0, "en"))
    forged = url.replace(f"/{reader.pk}.", f"/{reader.pk + 1}.")
    assert (
        client.post(
            forged,
            data="List-Unsubscribe=One-Click",
            content_type="application/x-www-form-urlencoded",
        ).status_code
        == 404
    )
    reader.refresh_from_db()
    assert reader.newsletters.count() == 1
