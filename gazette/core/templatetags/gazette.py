"""Template helpers for the magazine's pages."""

from __future__ import annotations

import math

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Page

from gazette.core.translations import live_translations

register = template.Library()

WORDS_PER_MINUTE = 220


@register.simple_tag(takes_context=True)
def language_links(context, page=None):
    """Links to this content in each other language: its translation, else that
    language's front page (pages), or the same address in that language (views)."""
    request = context["request"]
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page):
        for other in live_translations(page):
            translations[other.locale.language_code] = other.get_url(request)
    links = []
    for code, name in settings.LANGUAGES:
        if code == current:
            continue
        url = translations.get(code)
        exact = url is not None
        if url is None and isinstance(page, Page):
            frame = context.get("frame")
            url = frame.homes.get(code) if frame else None
            if url is None:
                url = f"/{code}/" if code != settings.LANGUAGE_CODE else "/"
        elif url is None:
            url = translate_url(request.get_full_path(), code)
            exact = True
        with translation.override(code):
            label = translation.gettext(name)
        links.append({"code": code, "name": label, "url": url, "exact": exact})
    return links


@register.filter
def reading_minutes(article) -> int:
    """Estimated minutes to read an article's body."""
    words = 0
    for block in getattr(article, "body", []) or []:
        if block.block_type in {"paragraph", "subheading"}:
            text = block.value.source if hasattr(block.value, "source") else str(block.value)
            words += len(strip_tags(text).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


@register.filter
def direction(language_code: str) -> str:
    return "rtl" if translation.get_language_info(language_code)["bidi"] else "ltr"


# Shapes an embed wrapper can take (height / width → CSS class in gazette.css).
ASPECTS = {
    "r21x9": 9 / 21,
    "r2x1": 1 / 2,
    "r16x9": 9 / 16,
    "r3x2": 2 / 3,
    "r4x3": 3 / 4,
    "r1x1": 1.0,
    "r4x5": 5 / 4,
    "r9x16": 16 / 9,
}


@register.filter
def aspect_class(ratio) -> str:
    """The nearest shape class for an embed's height/width ratio (no inline style needed)."""
    try:
        ratio = float(ratio)
    except (TypeError, ValueError):
        return "r16x9"
    return min(ASPECTS, key=lambda name: abs(ASPECTS[name] - ratio))
