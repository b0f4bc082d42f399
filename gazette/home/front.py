"""What the front page shows, gathered in a fixed number of queries."""

from __future__ import annotations

from gazette.news.models import SectionPage
from gazette.news.queries import (
    LEAD_RENDITIONS,
    article_cards,
    caricature_of_the_day,
    latest_per_section,
    live_articles,
    opinion_rail,
)


def front_page_context(home) -> dict:
    locale = home.locale
    if home.lead_story_id and home.lead_story.live:
        lead_qs = live_articles().filter(pk=home.lead_story_id)
    else:
        lead_qs = live_articles(locale).exclude(kind="caricature")[:1]
    lead = next(iter(article_cards(lead_qs, renditions=LEAD_RENDITIONS)), None)

    sections = list(
        SectionPage.objects.live().public().child_of(home).filter(show_in_front_page=True)
    )
    latest = latest_per_section(home, per_section=5)
    section_blocks = []
    for section in sections:
        items = [a for a in latest.get(section.path, []) if not lead or a.pk != lead.pk][:4]
        # Opinion and caricature have their own rails on the front page.
        if items and section.default_kind not in ("caricature", "opinion"):
            section_blocks.append({"section": section, "articles": items})

    return {
        "lead": lead,
        "section_blocks": section_blocks,
        "opinion": [a for a in opinion_rail(locale) if not lead or a.pk != lead.pk][:5],
        "caricature": caricature_of_the_day(locale),
    }
