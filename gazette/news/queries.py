"""Listing queries for articles: one named place, each with a fixed number of queries.

Every listing goes through `article_cards`, which fetches bylines, photos, hero
renditions and section names up front, so templates never query per item.
"""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet, Window, prefetch_related_objects
from django.db.models.functions import RowNumber, Substr
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from gazette.core.restrictions import public
from gazette.news.models import ArticleAuthor, ArticleKind, ArticlePage, SectionPage

# Renditions the templates ask for; prefetched so `{% image %}` never queries.
CARD_RENDITIONS = ("fill-480x270|format-webp", "fill-960x540|format-webp")
LEAD_RENDITIONS = ("fill-800x450|format-webp", "fill-1200x675|format-webp")
CARTOON_RENDITIONS = ("max-800x800|format-webp", "max-1600x1600|format-webp")
# The front page's caricature of the day: uncropped, at most 40rem wide.
CARICATURE_OF_THE_DAY_RENDITIONS = ("max-800x800|format-webp", "max-1200x1200|format-webp")
AVATAR_RENDITIONS = ("fill-96x96|format-webp",)
FIGURE_RENDITIONS = ("max-720x720|format-webp", "max-1440x1440|format-webp")
# Link previews (Open Graph, JSON-LD): the page's picture, and its authors' portraits.
SHARE_RENDITION = "fill-1200x630|format-jpeg|jpegquality-82"
SQUARE_RENDITION = "fill-600x600|format-jpeg|jpegquality-82"
ARTICLE_HERO_RENDITIONS = (*LEAD_RENDITIONS, *CARTOON_RENDITIONS, SHARE_RENDITION)
BYLINE_PHOTO_RENDITIONS = (*AVATAR_RENDITIONS, SQUARE_RENDITION)
AUTHOR_PHOTO_RENDITIONS = ("fill-192x192|format-webp", SQUARE_RENDITION)  # the author page


def live_articles(locale: Locale | None = None) -> QuerySet[ArticlePage]:
    qs = public(ArticlePage.objects.live())
    if locale is not None:
        qs = qs.filter(locale=locale)
    return qs.order_by("-first_published_at", "-pk")


def section_articles(section: SectionPage) -> QuerySet[ArticlePage]:
    return live_articles().child_of(section)


def tag_articles(tag_slug: str, locale: Locale) -> QuerySet[ArticlePage]:
    return live_articles(locale).filter(tags__slug=tag_slug).distinct()


def author_articles(author) -> QuerySet[ArticlePage]:
    return live_articles().filter(article_authors__author=author).distinct()


def byline_queryset() -> QuerySet[ArticleAuthor]:
    """Bylines with their author, the author's locale (for the URL) and photo."""
    return ArticleAuthor.objects.select_related("author__locale", "author__photo").order_by(
        "sort_order", "pk"
    )


def bylines_of(article: ArticlePage) -> list[ArticleAuthor]:
    return list(byline_queryset().filter(page=article))


def attach_renditions(wanted: list[tuple]) -> None:
    """Fetch the renditions of several images in one query ([(image, specs), …]).

    Each image then answers `{% image %}`/`get_rendition` for those specs without a
    query; a spec that was never made is made on the spot, as Wagtail always does.
    """
    wanted = [(image, specs) for image, specs in wanted if image is not None]
    if not wanted:
        return
    Rendition = get_image_model().get_rendition_model()
    specs = {spec for _image, image_specs in wanted for spec in image_specs}
    found: dict[int, list] = {image.pk: [] for image, _specs in wanted}
    for rendition in Rendition.objects.filter(image_id__in=found, filter_spec__in=specs):
        found[rendition.image_id].append(rendition)
    for image, _specs in wanted:
        image.prefetched_renditions = list(found[image.pk])
        for rendition in image.prefetched_renditions:
            rendition.image = image


def article_page_data(article: ArticlePage) -> dict:
    """What the article page shows of its own in three queries: bylines, renditions, tags.

    The renditions are those of the hero, the social image, the byline photos and the
    body's pictures, however many there are.

    The page itself arrives from routing with its locale, section, hero, social image and
    translator (`core/routing.py`).
    """
    bylines = bylines_of(article)
    images = [
        (article.hero_image if article.hero_image_id else None, ARTICLE_HERO_RENDITIONS),
        (article.social_image if article.social_image_id else None, (SHARE_RENDITION,)),
        *((item.author.photo, BYLINE_PHOTO_RENDITIONS) for item in bylines),
        *((image, FIGURE_RENDITIONS) for image in body_images(article)),
    ]
    attach_renditions(images)
    article.tag_list()  # the tags, once for the template and the metadata
    return {"bylines": bylines}


def body_images(article: ArticlePage) -> list:
    """The pictures in an article's body (the images came in one query with the body)."""
    return [
        block.value["image"]
        for block in article.body
        if block.block_type == "image" and block.value.get("image") is not None
    ]


def article_route_queryset() -> QuerySet[ArticlePage]:
    """Articles with what their own page shows from related rows, in the routing query."""
    return ArticlePage.objects.select_related("locale", "hero_image", "social_image", "translator")


def with_card_data(qs: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    """A listing with the rows a teaser shows that can come in the same query."""
    return qs.select_related("locale", "hero_image").defer_streamfields()


def attach_sections(articles: list[ArticlePage]) -> list[ArticlePage]:
    """Set `card_section` on each article from one query over the sections."""
    if not articles:
        return articles
    steplen = ArticlePage.steplen
    parent_paths = {a.path[: len(a.path) - steplen] for a in articles}
    sections = {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
    for article in articles:
        article.card_section = sections.get(article.path[: len(article.path) - steplen])
    return articles


def prepare_cards(*groups: tuple[list[ArticlePage], tuple[str, ...]], images=()) -> None:
    """Make evaluated listings teaser-ready, all at once: ([articles], hero specs), …

    Three queries however many lists and articles: bylines (with authors and photos),
    the renditions of every hero and photo (and of `images`, [(image, specs)], the page's
    own pictures), and the sections.
    """
    articles = [article for listing, _specs in groups for article in listing]
    if not articles:
        attach_renditions(list(images))
        return
    heroless = [a for a in articles if a.hero_image_id and not ArticlePage.hero_image.is_cached(a)]
    if heroless:  # a list that did not come through `with_card_data`
        prefetch_related_objects(heroless, "hero_image")
    prefetch_related_objects(articles, Prefetch("article_authors", queryset=byline_queryset()))
    wanted = [
        (article.hero_image, specs)
        for listing, specs in groups
        for article in listing
        if article.hero_image_id
    ]
    wanted += [
        (item.author.photo, AVATAR_RENDITIONS)
        for article in articles
        for item in article.article_authors.all()
        if item.author.photo_id
    ]
    attach_renditions([*wanted, *images])
    attach_sections(articles)


def article_cards(qs, renditions=CARD_RENDITIONS, images=()) -> list[ArticlePage]:
    """Evaluate a listing into teaser-ready articles (see `prepare_cards` for `images`)."""
    if isinstance(qs, QuerySet):
        qs = with_card_data(qs)
    articles = list(qs)
    prepare_cards((articles, renditions), images=images)
    return articles


def latest_per_section(home: Page, per_section: int = 4) -> dict[str, list[ArticlePage]]:
    """The newest `per_section` articles of each section under `home`, in one query.

    Keyed by section path; not yet teaser-ready (`prepare_cards` them with the rest).
    """
    steplen = ArticlePage.steplen
    section_path_len = (home.depth + 1) * steplen
    ranked = (
        live_articles()
        .descendant_of(home)
        .annotate(
            section_path=Substr("path", 1, section_path_len),
            rank=Window(
                RowNumber(),
                partition_by=[Substr("path", 1, section_path_len)],
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            ),
        )
        .filter(rank__lte=per_section)
    )
    grouped: dict[str, list[ArticlePage]] = {}
    for article in with_card_data(ranked):
        grouped.setdefault(article.section_path, []).append(article)
    return grouped


def also_like(article: ArticlePage, limit: int = 4, **known) -> list[ArticlePage]:
    """The articles for "You May Also Like", as the discovery app stored them."""
    from gazette.discovery.queries import related_articles

    return related_articles(article, limit, **known)


def opinion_rail(locale: Locale, limit: int = 6) -> QuerySet[ArticlePage]:
    return with_card_data(live_articles(locale).filter(kind=ArticleKind.OPINION)[:limit])


def caricature_of_the_day(locale: Locale) -> QuerySet[ArticlePage]:
    return with_card_data(live_articles(locale).filter(kind=ArticleKind.CARICATURE)[:1])
