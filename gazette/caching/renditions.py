"""The image renditions the templates use, made ahead of time instead of on a reader's visit."""

from __future__ import annotations

from gazette.news.queries import (
    ARTICLE_HERO_RENDITIONS,
    AUTHOR_PHOTO_RENDITIONS,
    BYLINE_PHOTO_RENDITIONS,
    CARD_RENDITIONS,
    CARICATURE_OF_THE_DAY_RENDITIONS,
    FIGURE_RENDITIONS,
)

# Keep in step with the templates (article_card, home_page, article_page, figure,
# author_page) and the link previews (seo/metadata.py).
HERO_RENDITIONS = tuple(
    dict.fromkeys((*CARD_RENDITIONS, *ARTICLE_HERO_RENDITIONS, *CARICATURE_OF_THE_DAY_RENDITIONS))
)
PORTRAIT_RENDITIONS = tuple(dict.fromkeys((*BYLINE_PHOTO_RENDITIONS, *AUTHOR_PHOTO_RENDITIONS)))
ALL_ROLES = {"hero": HERO_RENDITIONS, "figure": FIGURE_RENDITIONS, "portrait": PORTRAIT_RENDITIONS}


def specs_for(image) -> tuple[str, ...]:
    """Every spec this image is shown at, by the roles it has (hero, figure, portrait)."""
    from gazette.news.models import ArticlePage
    from gazette.people.models import Author

    specs: list[str] = []
    if ArticlePage.objects.filter(hero_image=image).exists():
        specs += HERO_RENDITIONS
    if Author.objects.filter(photo=image).exists():
        specs += PORTRAIT_RENDITIONS
    if not specs:
        specs += FIGURE_RENDITIONS  # body pictures, and images not placed yet
    return tuple(dict.fromkeys(specs))


def images_of_article(article) -> dict[int, tuple[str, ...]]:
    """Image id → specs, for the hero, body figures and byline photos of an article."""
    wanted: dict[int, list[str]] = {}
    if article.hero_image_id:
        wanted.setdefault(article.hero_image_id, []).extend(HERO_RENDITIONS)
    for block in article.body or []:
        image = getattr(block.value, "get", lambda _k: None)("image")
        if image is not None and getattr(image, "pk", None):
            wanted.setdefault(image.pk, []).extend(FIGURE_RENDITIONS)
    for byline in article.article_authors.select_related("author"):
        if byline.author.photo_id:
            wanted.setdefault(byline.author.photo_id, []).extend(PORTRAIT_RENDITIONS)
    return {pk: tuple(dict.fromkeys(specs)) for pk, specs in wanted.items()}


def generate(image, specs) -> int:
    """Make the missing renditions of `image`; return how many were made."""
    existing = set(image.renditions.values_list("filter_spec", flat=True))
    missing = [spec for spec in specs if spec not in existing]
    if missing:
        image.get_renditions(*missing)
    return len(missing)
