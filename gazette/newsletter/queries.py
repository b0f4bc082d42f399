"""Queries the newsletter reads from: digest articles, recipients, counts, growth."""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncDate
from wagtail.models import Locale

from gazette.news.models import ArticlePage
from gazette.news.queries import article_cards, live_articles
from gazette.newsletter.models import (
    Cadence,
    DeliveryStatus,
    Edition,
    Frequency,
    Newsletter,
    Subscriber,
    SubscriberStatus,
    Suppression,
)


def digest_articles(
    newsletter: Newsletter, since: datetime | None, until: datetime
) -> QuerySet[ArticlePage]:
    """Live articles in the newsletter's language and sections published in the window."""
    locale = Locale.objects.filter(language_code=newsletter.language).first()
    if locale is None:
        return ArticlePage.objects.none()
    qs = live_articles(locale).filter(first_published_at__lte=until)
    if since is not None:
        qs = qs.filter(first_published_at__gt=since)
    sections = list(newsletter.sections.all())
    if sections:
        condition = Q()
        for section in sections:
            condition |= Q(path__startswith=section.path, depth=section.depth + 1)
        qs = qs.filter(condition)
    return qs[: newsletter.max_articles]


def edition_articles(edition: Edition) -> list[ArticlePage]:
    """The articles an edition carries, in the order it stored, ready for cards."""
    ids = list(edition.article_ids)
    found = {a.pk: a for a in article_cards(ArticlePage.objects.filter(pk__in=ids))}
    return [found[pk] for pk in ids if pk in found]


def last_edition(newsletter: Newsletter, cadence: str) -> Edition | None:
    return (
        Edition.objects.filter(newsletter=newsletter, cadence=cadence, window_end__isnull=False)
        .exclude(status="cancelled")
        .order_by("-window_end")
        .first()
    )


def recipient_ids(edition: Edition) -> QuerySet:
    """Ids of confirmed, unsuppressed subscribers of the edition's newsletter and cadence."""
    newsletter = edition.newsletter
    qs = Subscriber.objects.filter(status=SubscriberStatus.SUBSCRIBED, newsletters=newsletter)
    if newsletter.cadence == Cadence.DAILY:
        wanted = Frequency.DAILY if edition.cadence == Cadence.DAILY else Frequency.WEEKLY
        qs = qs.filter(frequency=wanted)
    suppressed = Suppression.objects.values("email")
    return qs.exclude(email__in=suppressed).order_by("pk").values_list("pk", flat=True)


COUNTED = ("sent", "failed", "bounced", "pending", "claimed", "interrupted", "skipped")


def edition_counts(edition_ids: list[int]) -> dict[int, dict[str, int]]:
    """Delivery counts per edition (sent, failed, bounced, waiting, unsubscribed), one query."""
    from gazette.newsletter.models import Delivery

    aggregates = {status: Count("pk", filter=Q(status=status)) for status in COUNTED}
    aggregates["unsubscribed"] = Count("pk", filter=Q(unsubscribed_at__isnull=False))
    rows = (
        Delivery.objects.filter(edition_id__in=edition_ids)
        .values("edition_id")
        .annotate(**aggregates)
    )
    result = {pk: dict.fromkeys([*COUNTED, "unsubscribed"], 0) for pk in edition_ids}
    for row in rows:
        result[row.pop("edition_id")] = row
    return result


def edition_count(edition: Edition) -> dict[str, int]:
    return edition_counts([edition.pk])[edition.pk]


def pending_count(edition: Edition) -> int:
    return edition.deliveries.filter(
        status__in=[DeliveryStatus.PENDING, DeliveryStatus.CLAIMED]
    ).count()


def daily_growth(start: date) -> list[tuple[date, int, int]]:
    """(day, confirmations, unsubscriptions) for each day since `start` that had any."""
    joined = dict(
        Subscriber.objects.filter(confirmed_at__date__gte=start)
        .annotate(day=TruncDate("confirmed_at"))
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    left = dict(
        Subscriber.objects.filter(unsubscribed_at__date__gte=start)
        .annotate(day=TruncDate("unsubscribed_at"))
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    days = sorted(set(joined) | set(left))
    return [(day, joined.get(day, 0), left.get(day, 0)) for day in days]


def subscribed_before(day: date) -> int:
    return (
        Subscriber.objects.filter(confirmed_at__date__lt=day).count()
        - Subscriber.objects.filter(unsubscribed_at__date__lt=day).count()
    )
