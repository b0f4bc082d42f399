"""What the front page shows, gathered in a fixed number of queries."""

from __future__ import annotations

from gazette.core.restrictions import public
from gazette.news.models import SectionPage
from gazette.news.queries import (
    CARD_RENDITIONS,
    CARICATURE_OF_THE_DAY_RENDITIONS,
    LEAD_RENDITIONS,
    caricature_of_the_day,
    latest_per_section,
    live_articles,
    opinion_rail,
    prepare_cards,
    with_card_data,
)


def front_page_context(home) -> dict:
    locale = home.locale
    if home.lead_story_id and home.lead_story.live:
        lead_qs = live_articles().filter(pk=home.lead_story_id)
    else:
        lead_qs = live_articles(locale).exclude(kind="caricature")[:1]
    lead = next(iter(with_card_data(lead_qs)), None)

    sections = list(
        public(SectionPage.objects.live().child_of(home)).filter(show_in_front_page=True)
    )
    latest = latest_per_section(home, per_section=5)
    section_blocks = []
    for section in sections:
        items = [a for a in latest.get(section.path, []) if not lead or a.pk != lead.pk][:4]
        # Opinion and caricature have their own rails on the front page.
        if items and section.default_kind not in ("caricature", "opinion"):
            section_blocks.append({"section": section, "articles": items})
    opinion = [a for a in opinion_rail(locale) if not lead or a.pk != lead.pk][:5]
    caricature = next(iter(caricature_of_the_day(locale)), None)

    # Bylines, renditions and sections of every teaser on the page, in three queries.
    prepare_cards(
        ([lead] if lead else [], LEAD_RENDITIONS),
        ([a for block in section_blocks for a in block["articles"]], CARD_RENDITIONS),
        (opinion, CARD_RENDITIONS),
        ([caricature] if caricature else [], CARICATURE_OF_THE_DAY_RENDITIONS),
    )
    return {
        "lead": lead,
        "section_blocks": section_blocks,
        "opinion": opinion,
        "caricature": caricature,
    }
