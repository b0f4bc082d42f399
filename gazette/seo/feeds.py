"""RSS 2.0 and Atom feeds for the whole magazine, a section, an author and a tag.

Each feed lists the newest articles in the reader's language (English unprefixed,
Arabic under /ar/), as many as the publisher's `SeoSettings.feed_length`, with the
whole article or just its standfirst as `SeoSettings.feed_content` says, and the hero
image as an enclosure (RSS) / enclosure link (Atom) and `media:content`.
"""

from __future__ import annotations

import nh3
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import feedgenerator, translation
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale

from gazette.news.models import ArticlePage, SectionPage
from gazette.news.queries import author_articles, live_articles, section_articles, tag_articles
from gazette.people.models import Author
from gazette.seo.models import FeedContent, SeoSettings
from gazette.seo.urls_helpers import absolute, site_for, site_root

ENCLOSURE_RENDITION = "fill-1200x630|format-jpeg|jpegquality-82"
MEDIA_NS = "http://search.yahoo.com/mrss/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"

# Tags and attributes a feed reader may show from an article body.
FEED_TAGS = {
    "a",
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "b",
    "em",
    "i",
    "ul",
    "ol",
    "li",
    "blockquote",
    "figure",
    "figcaption",
    "img",
    "picture",
    "source",
    "sup",
    "sub",
    "span",
    "cite",
    "div",
}
FEED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "srcset", "sizes", "alt", "width", "height"},
    "source": {"srcset", "type", "sizes"},
    "*": {"lang", "dir", "id"},
}


class GazetteRss(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with `content:encoded` for the full text and `media:content` for the image."""

    def rss_attributes(self):
        attrs = super().rss_attributes()
        attrs["xmlns:content"] = CONTENT_NS
        attrs["xmlns:media"] = MEDIA_NS
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content:encoded", item["content_html"])
        add_media(handler, item)


class GazetteAtom(feedgenerator.Atom1Feed):
    """Atom 1.0 with `<content type="html">` for the full text and `media:content`."""

    def root_attributes(self):
        attrs = super().root_attributes()
        attrs["xmlns:media"] = MEDIA_NS
        return attrs

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_html"):
            handler.addQuickElement("content", item["content_html"], {"type": "html"})
        add_media(handler, item)


def add_media(handler, item) -> None:
    media = item.get("media")
    if not media:
        return
    handler.startElement(
        "media:content",
        {
            "url": media["url"],
            "medium": "image",
            "type": "image/jpeg",
            "width": str(media["width"]),
            "height": str(media["height"]),
        },
    )
    if media.get("alt"):
        handler.addQuickElement("media:description", media["alt"], {"type": "plain"})
    handler.endElement("media:content")


def absolutise_html(html: str, root: str) -> str:
    """Sanitise body HTML for feed readers and make its links and images absolute."""

    def make_absolute(element, attribute, value):
        if attribute in {"href", "src"} and value.startswith("/") and not value.startswith("//"):
            return root + value
        if attribute == "srcset":
            parts = []
            for candidate in value.split(","):
                bits = candidate.strip().split(" ", 1)
                if bits[0].startswith("/") and not bits[0].startswith("//"):
                    bits[0] = root + bits[0]
                parts.append(" ".join(bits))
            return ", ".join(parts)
        return value

    return nh3.clean(
        html,
        tags=FEED_TAGS,
        attributes=FEED_ATTRIBUTES,
        attribute_filter=make_absolute,
        link_rel="noopener",
        url_schemes={"http", "https", "mailto"},
    )


class ArticleFeed(Feed):
    """The newest articles of one scope; subclasses say which scope and how it is named."""

    feed_type = GazetteRss
    scope_name = ""

    def __call__(self, request, *args, **kwargs):
        self.request = request
        site = site_for(request)
        self.settings = SeoSettings.for_site(site) if site else SeoSettings()
        self.site_name = site.site_name if site and site.site_name else "Gazette"
        self.root = site_root(request)
        self.locale = Locale.get_active()
        return super().__call__(request, *args, **kwargs)

    # --- the scope ---------------------------------------------------------------
    def articles(self, obj):
        return live_articles(self.locale)

    def scope_title(self, obj) -> str:
        return self.site_name

    def scope_link(self, obj) -> str:
        return absolute(
            self.request,
            "/" if self.locale.language_code == "en" else f"/{self.locale.language_code}/",
        )

    # --- feed-level hooks ----------------------------------------------------------
    def title(self, obj):
        return self.scope_title(obj)

    def link(self, obj):
        return self.scope_link(obj)

    def description(self, obj):
        return _("The latest from %(scope)s.") % {"scope": self.scope_title(obj)}

    subtitle = description

    def feed_url(self, obj):
        return absolute(self.request, self.request.path)

    def author_name(self, obj):
        return self.site_name

    def feed_copyright(self, obj):
        return self.site_name

    def items(self, obj):
        images = get_image_model().objects.prefetch_renditions(ENCLOSURE_RENDITION)
        from django.db.models import Prefetch

        from gazette.news.queries import byline_queryset

        qs = (
            self.articles(obj)
            .select_related("locale", "translator")
            .prefetch_related(
                Prefetch("hero_image", queryset=images),
                Prefetch("article_authors", queryset=byline_queryset()),
                "tags",
            )
        )
        if self.settings.feed_content != FeedContent.FULL:
            qs = qs.defer_streamfields()
        return list(qs[: self.settings.feed_length])

    # --- item hooks ---------------------------------------------------------------
    def item_title(self, item: ArticlePage):
        return item.title

    def item_link(self, item: ArticlePage):
        return item.get_full_url(self.request)

    def item_guid(self, item: ArticlePage):
        return item.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_description(self, item: ArticlePage):
        return item.standfirst or item.search_description or item.title

    def item_pubdate(self, item: ArticlePage):
        return item.first_published_at

    def item_updateddate(self, item: ArticlePage):
        return item.updated_at or item.last_published_at or item.first_published_at

    def item_author_name(self, item: ArticlePage):
        names = [byline.author.name for byline in item.article_authors.all()]
        return ", ".join(names) or self.site_name

    def item_author_link(self, item: ArticlePage):
        first = next(iter(item.article_authors.all()), None)
        return absolute(self.request, first.author.url) if first else None

    def item_categories(self, item: ArticlePage):
        return [tag.name for tag in item.tags.all()]

    def item_enclosures(self, item: ArticlePage):
        media = self.media_of(item)
        if not media:
            return []
        return [feedgenerator.Enclosure(media["url"], str(media["length"]), "image/jpeg")]

    def item_extra_kwargs(self, item: ArticlePage):
        extra = {"media": self.media_of(item)}
        if self.settings.feed_content == FeedContent.FULL:
            extra["content_html"] = self.full_html(item)
        return extra

    def media_of(self, item: ArticlePage) -> dict | None:
        if not item.hero_image_id:
            return None
        cached = getattr(item, "_feed_media", None)
        if cached is None:
            rendition = item.hero_image.get_rendition(ENCLOSURE_RENDITION)
            try:
                length = rendition.file.size
            except OSError:
                length = 0
            cached = item._feed_media = {
                "url": absolute(self.request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "length": length,
                "alt": item.hero_alt,
            }
        return cached

    def full_html(self, item: ArticlePage) -> str:
        with translation.override(item.locale.language_code):
            body = "".join(str(block) for block in item.body)
        intro = (
            f"<p><strong>{nh3.clean_text(item.standfirst)}</strong></p>" if item.standfirst else ""
        )
        return absolutise_html(intro + body, self.root)


class SiteFeed(ArticleFeed):
    pass


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(
            SectionPage.objects.live().public(), slug=slug, locale=Locale.get_active()
        )

    def articles(self, section):
        return section_articles(section)

    def scope_title(self, section):
        return f"{self.site_name}: {section.title}"

    def scope_link(self, section):
        return section.get_full_url(self.request)


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug: str):
        active = Locale.get_active()
        candidates = Author.objects.published().filter(slug=slug).select_related("locale")
        author = next(iter(sorted(candidates, key=lambda a: a.locale_id != active.pk)), None)
        if author is None:
            raise Http404(_("No author is published at this address."))
        return author

    def articles(self, author):
        return author_articles(author).filter(locale=self.locale)

    def scope_title(self, author):
        return f"{self.site_name}: {author.name}"

    def scope_link(self, author):
        return absolute(self.request, author.url)


class TagFeed(ArticleFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(Tag, slug=slug)

    def articles(self, tag):
        return tag_articles(tag.slug, self.locale)

    def scope_title(self, tag):
        return f"{self.site_name}: {tag.name}"

    def scope_link(self, tag):
        from gazette.seo.urls_helpers import reverse_in

        return absolute(
            self.request, reverse_in(self.locale.language_code, "news:tag", slug=tag.slug)
        )


def atom(feed_class: type[ArticleFeed]) -> type[ArticleFeed]:
    """The Atom twin of an RSS feed class."""
    return type(f"{feed_class.__name__}Atom", (feed_class,), {"feed_type": GazetteAtom})
