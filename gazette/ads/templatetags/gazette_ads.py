"""`{% ad_slot placement %}`: the placeholder a slot leaves in the page.

The placeholder is the same for every reader of a page (so full-page caching keeps
working): it reserves the slot's box on each device and carries the address of the
slot's creative list; static/js/ads.js fills it in the browser.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import translation

from gazette.ads.eligibility import slot_for
from gazette.ads.index import load_index

register = template.Library()


def _page_facts(context) -> tuple[int | None, str]:
    """The section id and article kind of the page being rendered, without queries."""
    from gazette.news.models import ArticlePage, SectionPage

    page = context.get("page")
    section = context.get("section")
    if isinstance(page, SectionPage):
        return page.pk, ""
    if isinstance(page, ArticlePage):
        if section is None:
            section = page.get_parent()
        return getattr(section, "pk", None), page.kind
    return None, ""


def _paragraph_number(page, block_number: int) -> int | None:
    """Which paragraph the block at `block_number` (1-based) is, or None if not a paragraph."""
    body = list(getattr(page, "body", []) or [])
    if not 0 < block_number <= len(body) or body[block_number - 1].block_type != "paragraph":
        return None
    return sum(1 for b in body[:block_number] if b.block_type == "paragraph")


@register.inclusion_tag("ads/slot.html", takes_context=True)
def ad_slot(context, placement: str, block_number=None, item_number=None) -> dict:
    """Render the placeholder of the slot that applies here, or nothing."""
    language = translation.get_language() or "en"
    section_id, kind = _page_facts(context)
    slot = slot_for(load_index(), placement, language, section_id)
    if slot is None:
        return {"slot": None}
    if placement == "in_article":
        if (
            block_number is None
            or _paragraph_number(context.get("page"), block_number) != (slot["position"])
        ):
            return {"slot": None}
    elif placement == "list" and item_number != slot["position"]:
        return {"slot": None}
    query = {"lang": language}
    if section_id:
        query["section"] = section_id
    if kind:
        query["kind"] = kind
    return {
        "slot": slot,
        "placement": placement,
        "src": reverse("ads:slot", args=[slot["key"]]) + "?" + urlencode(query),
        # The header slot is at the top of the page: fetch its ad at once.
        "eager": placement == "header",
    }


@register.inclusion_tag("ads/newsletter_ad.html", takes_context=True)
def newsletter_ad(context, language: str | None = None) -> dict:
    """An ad for a newsletter copy (absolute links, no script), or nothing."""
    from gazette.ads.newsletter import newsletter_ad as draw

    return {"ad": draw(language or translation.get_language() or "en")}
