"""Background work for advertising."""

from __future__ import annotations

from django.db.models import F, Sum
from django_tasks import task

from gazette.ads import actions


@task()
def rebuild_ad_index() -> int:
    """Rebuild the cached list of slots and eligible creatives; return how many creatives."""
    return len(actions.do_publish_index()["creatives"])


@task()
def flush_ad_counters() -> int:
    """Move buffered impressions and clicks into the daily counts; stop capped campaigns."""
    from gazette.ads.index import load_index
    from gazette.ads.models import Campaign

    applied = actions.do_flush_counters()
    if applied:
        index = load_index() or {"creatives": []}
        running = {c["campaign"] for c in index["creatives"]}
        reached = (
            Campaign.objects.filter(pk__in=running, impression_cap__isnull=False)
            .annotate(seen=Sum("creatives__daily_stats__impressions", default=0))
            .filter(seen__gte=F("impression_cap"))
            .exists()
        )
        if reached:
            actions.do_publish_index()
    return applied
