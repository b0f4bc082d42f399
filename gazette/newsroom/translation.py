"""Which article is a translation of which, and which translations have gone stale."""

from __future__ import annotations


def source_of(page):
    """Return the published original of a translated article, or None."""
    from gazette.news.models import ArticlePage
    from gazette.newsroom.models import TranslationLink

    link = TranslationLink.objects.filter(translation_id=page.pk).first()
    if link is not None:
        return ArticlePage.objects.live().filter(pk=link.source_id).select_related("locale").first()
    if not page.translator_id:
        return None
    return (
        ArticlePage.objects.live()
        .filter(translation_key=page.translation_key, translator__isnull=True)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .first()
    )


def is_translation(page) -> bool:
    """Is this article a translation (credited translator, or made through Translate)?"""
    from gazette.newsroom.models import TranslationLink

    if getattr(page, "translator_id", None):
        return True
    return bool(page.pk) and TranslationLink.objects.filter(translation_id=page.pk).exists()
