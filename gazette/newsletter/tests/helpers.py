"""Small builders for newsletter tests, on top of gazette.testing.factories."""

from __future__ import annotations

import re

from django.utils import timezone

from gazette.newsletter.models import Newsletter, Subscriber


def make_newsletter(
    name="Morning Opinion", slug="morning-opinion", language="en", sections=(), **fields
):
    newsletter = Newsletter.objects.create(name=name, slug=slug, language=language, **fields)
    if sections:
        newsletter.sections.set(sections)
    return newsletter


def make_subscribers(newsletter, count: int, prefix="reader", **fields) -> list[Subscriber]:
    now = timezone.now()
    subscribers = Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"{prefix}{i}@example.com",
                language=newsletter.language,
                confirmed_at=now,
                **fields,
            )
            for i in range(count)
        ]
    )
    through = Subscriber.newsletters.through
    through.objects.bulk_create(
        [through(subscriber_id=s.pk, newsletter_id=newsletter.pk) for s in subscribers]
    )
    return subscribers


def text_part(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def first_link(text: str, marker: str) -> str:
    match = re.search(rf"https?://\S*{marker}\S*", text)
    assert match, f"no link containing {marker!r} in:\n{text}"
    return match.group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)
