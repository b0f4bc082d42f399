"""What a page tells search engines and social sites about itself.

`metadata_for(context)` looks at what a template was rendered with — a Wagtail `page`
(front page, section, article), an `author`, a `tag`, or a view that names itself in
`seo_view` (search) — and returns a `PageMetadata` the head include renders.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from gazette.news.queries import SHARE_RENDITION, SQUARE_RENDITION
from gazette.seo import jsonld
from gazette.seo.text import squash, truncate_words
from gazette.seo.urls_helpers import absolute, reverse_in, site_for, site_root, static_url

TITLE_MAX = 70  # the social/SEO title limit editors also see (ArticlePage.clean)
DESCRIPTION_MAX = 160
OG_LOCALES = {"en": "en_GB", "ar": "ar_AR"}


@dataclass
class ShareImage:
    url: str
    width: int
    height: int
    alt: str
    mime: str = "image/jpeg"


@dataclass
class FeedLink:
    title: str
    url: str
    mime: str


@dataclass
class PageMetadata:
    title: str  # the whole <title>
    social_title: str  # og:title / twitter:title, without the site name
    description: str
    canonical: str
    language: str
    og_type: str = "website"
    image: ShareImage | None = None
    card: str = "summary_large_image"
    alternates: list[tuple[str, str]] = field(default_factory=list)
    x_default: str = ""
    feeds: list[FeedLink] = field(default_factory=list)
    structured_data: dict | None = None
    robots: str = ""
    site_name: str = ""
    article: dict = field(default_factory=dict)
    twitter_site: str = ""
    twitter_creator: str = ""
    facebook_app_id: str = ""

    @property
    def og_locale(self) -> str:
        return OG_LOCALES.get(self.language, self.language)

    @property
    def og_locale_alternates(self) -> list[str]:
        return [
            OG_LOCALES.get(code, code) for code, _url in self.alternates if code != self.language
        ]

    @property
    def jsonld(self):
        return jsonld.to_script(self.structured_data) if self.structured_data else ""


# --- small helpers ---------------------------------------------------------------


def social_title(title: str) -> str:
    """The title for search results and shares: the editor's, else the headline cut on a word."""
    return truncate_words(title, TITLE_MAX)


def page_number(context) -> int:
    page_obj = context.get("page_obj")
    return getattr(page_obj, "number", 1) or 1


def with_page_number(title: str, number: int) -> str:
    return (
        title
        if number <= 1
        else _("%(title)s — page %(number)d") % {"title": title, "number": number}
    )


def canonical_with_page(url: str, number: int) -> str:
    return url if number <= 1 else f"{url}?page={number}"


def share_image(request, image, alt: str, spec: str = SHARE_RENDITION) -> ShareImage | None:
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return ShareImage(absolute(request, rendition.url), rendition.width, rendition.height, alt)


def default_share_image(request, site_name: str) -> ShareImage:
    return ShareImage(static_url(request, "img/social-default.png"), 1200, 630, site_name)


def iso(moment) -> str:
    """ISO 8601 to the second, as Open Graph readers expect."""
    return moment.isoformat(timespec="seconds") if moment else ""


def x_default_of(alternates: list[tuple[str, str]]) -> str:
    """The version for readers whose language we do not have: the default language's."""
    by_code = dict(alternates)
    return by_code.get(settings.LANGUAGE_CODE) or (alternates[0][1] if alternates else "")


def language_feeds(request, language: str, site_name: str) -> list[FeedLink]:
    return [
        FeedLink(
            f"{site_name} (RSS)",
            absolute(request, reverse_in(language, "feeds:site_rss")),
            "application/rss+xml",
        ),
        FeedLink(
            f"{site_name} (Atom)",
            absolute(request, reverse_in(language, "feeds:site_atom")),
            "application/atom+xml",
        ),
    ]


def scoped_feeds(request, language: str, name: str, scope: str, slug: str) -> list[FeedLink]:
    return [
        FeedLink(
            f"{name} (RSS)",
            absolute(request, reverse_in(language, f"feeds:{scope}_rss", slug=slug)),
            "application/rss+xml",
        ),
        FeedLink(
            f"{name} (Atom)",
            absolute(request, reverse_in(language, f"feeds:{scope}_atom", slug=slug)),
            "application/atom+xml",
        ),
    ]


def seo_settings(site):
    """The site's SEO settings, from the fragment cache (a settings save purges it)."""
    from gazette.caching import fragments
    from gazette.seo.models import SeoSettings

    return fragments.get_or_make("seo-settings", (site.pk,), lambda: SeoSettings.for_site(site))


class Builder:
    """Shared state for building one page's metadata."""

    def __init__(self, context):
        self.context = context
        self.request = context["request"]
        self.language = translation.get_language() or settings.LANGUAGE_CODE
        site = site_for(self.request)
        self.site = site
        self.brand = (
            site.site_name if site and site.site_name else None
        ) or settings.WAGTAIL_SITE_NAME
        # Titles end with the magazine's name as this language's front page spells it.
        home = context.get("locale_home")
        self.site_name = getattr(home, "title", "") or self.brand
        self.root = site_root(self.request)
        self.settings = seo_settings(site) if site else None
        self.number = page_number(context)

    def organization(self) -> dict:
        return jsonld.organization(self.root, self.brand, static_url(self.request, "img/logo.png"))

    def crumbs(self, *trail: tuple[str, str]) -> dict:
        home = self.context.get("locale_home")
        home_url = absolute(self.request, home.url) if home else f"{self.root}/"
        return jsonld.breadcrumbs([(self.site_name, home_url), *trail])

    def make(self, title: str, description: str, canonical: str, **kwargs) -> PageMetadata:
        short = social_title(title)
        short = with_page_number(short, self.number)
        if not description:
            # Never leave a page without a description: say whose page it is.
            description = (
                _("News, opinion, reports and caricature from %(site)s.") % {"site": self.site_name}
                if title == self.site_name
                else _("%(title)s, from %(site)s.") % {"title": title, "site": self.site_name}
            )
        full_title = short if short == self.site_name else f"{short} — {self.site_name}"
        alternates = kwargs.pop("alternates", None) or [(self.language, canonical)]
        meta = PageMetadata(
            title=full_title,
            social_title=short,
            description=truncate_words(description, DESCRIPTION_MAX) if description else "",
            canonical=canonical_with_page(canonical, self.number),
            language=self.language,
            alternates=alternates,
            x_default=x_default_of(alternates),
            site_name=self.site_name,
            **kwargs,
        )
        if meta.image is None:
            meta.image = default_share_image(self.request, self.site_name)
        meta.feeds = language_feeds(self.request, self.language, self.site_name) + meta.feeds
        if self.settings is not None:
            meta.twitter_site = self.settings.x_handle
            meta.facebook_app_id = self.settings.facebook_app_id
        if self.number > 1:
            # Page 2+ of a listing keeps its own canonical but adds nothing new to alternates.
            meta.alternates = [(meta.language, meta.canonical)]
            meta.x_default = ""
        return meta


def page_alternates(request, page: Page) -> list[tuple[str, str]]:
    """(language, url) for this page and each live translation, in LANGUAGES order."""
    from gazette.core.translations import live_translations

    found = {page.locale.language_code: page.get_full_url(request)}
    for other in live_translations(page):
        found[other.locale.language_code] = other.get_full_url(request)
    return [(code, found[code]) for code, _name in settings.LANGUAGES if code in found]


# --- page types ------------------------------------------------------------------


def home_metadata(b: Builder, page) -> PageMetadata:
    url = page.get_full_url(b.request)
    description = page.search_description or getattr(page, "tagline", "") or ""
    title = page.seo_title or b.site_name
    search_url = absolute(b.request, reverse_in(b.language, "sitesearch:search"))
    data = jsonld.graph(
        b.organization(),
        jsonld.website(b.root, b.site_name, url, search_url, b.language),
        jsonld.collection_page(url, title, description, b.language),
    )
    meta = b.make(
        title,
        description,
        url,
        alternates=page_alternates(b.request, page),
        image=share_image(b.request, page.social_image, b.site_name),
        structured_data=data,
    )
    return meta


def section_metadata(b: Builder, page) -> PageMetadata:
    url = page.get_full_url(b.request)
    description = page.search_description or page.intro
    data = jsonld.graph(
        jsonld.collection_page(
            canonical_with_page(url, b.number), page.title, description, b.language
        ),
        b.crumbs((page.title, url)),
    )
    return b.make(
        page.seo_title or page.title,
        description,
        url,
        alternates=page_alternates(b.request, page),
        image=share_image(b.request, page.social_image, page.title),
        structured_data=data,
        feeds=scoped_feeds(
            b.request, b.language, f"{b.site_name}: {page.title}", "section", page.slug
        ),
    )


def body_text(page, limit: int = 400) -> str:
    parts = []
    for block in page.body:
        if block.block_type == "paragraph":
            parts.append(block.value.source)
            if sum(len(p) for p in parts) > limit * 2:
                break
    return squash(" ".join(parts))


def article_metadata(b: Builder, page) -> PageMetadata:
    from gazette.news.queries import bylines_of

    request = b.request
    url = page.get_full_url(request)
    bylines = b.context.get("bylines")
    if bylines is None:
        bylines = bylines_of(page)
    authors = [item.author for item in bylines]
    section = page.get_parent().specific
    description = page.search_description or page.standfirst or body_text(page)
    image = share_image(request, page.social_image or page.hero_image, page.hero_alt or page.title)
    tags = [tag.name for tag in page.tag_list()]
    alternates = page_alternates(request, page)

    people = [
        jsonld.person(
            author.name,
            absolute(request, author.url),
            jobTitle=author.role,
            image=share_image(request, author.photo, author.name, SQUARE_RENDITION).url
            if author.photo
            else "",
        )
        for author in authors
    ]
    images = []
    if image is not None:
        images.append(jsonld.image_object(image.url, image.width, image.height))
    elif page.hero_image is None:
        images.append(jsonld.image_object(static_url(request, "img/social-default.png"), 1200, 630))
    translator = source = None
    translations = []
    if page.translator_id:
        translator = jsonld.person(page.translator.name, absolute(request, page.translator.url))
        original = page.source_article
        if original is not None:
            source = {
                "@type": jsonld.ARTICLE_TYPES.get(original.specific.kind, "NewsArticle"),
                "@id": f"{original.get_full_url(request)}#article",
                "url": original.get_full_url(request),
                "inLanguage": original.locale.language_code,
            }
    else:
        translations = [
            {"@id": f"{other_url}#article", "url": other_url, "inLanguage": code}
            for code, other_url in alternates
            if code != page.locale.language_code
        ]
    article = jsonld.news_article(
        kind=page.kind,
        url=url,
        headline=page.title,
        description=squash(description),
        language=page.locale.language_code,
        published=page.first_published_at,
        modified=page.updated_at or page.last_published_at,
        authors=people,
        images=images,
        root=b.root,
        section=section.title,
        keywords=tags,
        translator=translator,
        source=source,
        translations=translations,
    )
    data = jsonld.graph(
        article,
        b.crumbs((section.title, section.get_full_url(request)), (page.title, url)),
        b.organization(),
    )
    meta = b.make(
        page.seo_title or page.title,
        description,
        url,
        og_type="article",
        alternates=alternates,
        image=image,
        structured_data=data,
        feeds=scoped_feeds(
            request, b.language, f"{b.site_name}: {section.title}", "section", section.slug
        ),
    )
    meta.article = {
        "published_time": iso(page.first_published_at),
        "modified_time": iso(page.updated_at or page.last_published_at),
        "section": section.title,
        "tags": tags,
        "authors": [absolute(request, author.url) for author in authors],
    }
    meta.twitter_creator = next((a.x_handle for a in authors if a.x_handle), "")
    return meta


def author_metadata(b: Builder, author) -> PageMetadata:
    request = b.request
    url = absolute(request, author.url)
    alternates = {author.locale.language_code: url}
    for other in author.get_translations().filter(live=True).select_related("locale"):
        alternates[other.locale.language_code] = absolute(request, other.url)
    if author.locale.language_code != b.language:
        # The page was shown in the reader's language with an author written in another.
        alternates = {
            b.language: absolute(request, reverse_in(b.language, "people:author", slug=author.slug))
        }
        url = alternates[b.language]
    ordered = [(code, alternates[code]) for code, _name in settings.LANGUAGES if code in alternates]
    image = share_image(request, author.photo, author.name, SQUARE_RENDITION)
    same_as = [link for _label, link in author.social_links() if link.startswith("http")]
    person = jsonld.person(
        author.name,
        url,
        jobTitle=author.role,
        description=author.bio,
        image=image.url if image else "",
        sameAs=same_as,
    )
    person["@id"] = f"{url}#person"
    description = author.bio or _("Articles by %(name)s in %(site)s.") % {
        "name": author.name,
        "site": b.site_name,
    }
    data = jsonld.graph(
        jsonld.profile_page(canonical_with_page(url, b.number), b.language, person),
        b.crumbs((author.name, url)),
    )
    meta = b.make(
        author.name,
        description,
        url,
        og_type="profile",
        alternates=ordered,
        image=image,
        card="summary" if image else "summary_large_image",
        structured_data=data,
        feeds=scoped_feeds(
            request, b.language, f"{b.site_name}: {author.name}", "author", author.slug
        ),
    )
    meta.twitter_creator = author.x_handle
    return meta


def tag_metadata(b: Builder, tag) -> PageMetadata:
    request = b.request
    alternates = [
        (code, absolute(request, reverse_in(code, "news:tag", slug=tag.slug)))
        for code, _name in settings.LANGUAGES
    ]
    url = dict(alternates)[b.language]
    title = _("Articles tagged “%(name)s”") % {"name": tag.name}
    description = _("Everything %(site)s has published about %(name)s.") % {
        "site": b.site_name,
        "name": tag.name,
    }
    data = jsonld.graph(
        jsonld.collection_page(canonical_with_page(url, b.number), title, description, b.language),
        b.crumbs((tag.name, url)),
    )
    return b.make(
        title,
        description,
        url,
        alternates=alternates,
        structured_data=data,
        feeds=scoped_feeds(request, b.language, f"{b.site_name}: {tag.name}", "tag", tag.slug),
    )


def search_metadata(b: Builder) -> PageMetadata:
    request = b.request
    alternates = [
        (code, absolute(request, reverse_in(code, "sitesearch:search")))
        for code, _name in settings.LANGUAGES
    ]
    url = dict(alternates)[b.language]
    query = b.context.get("query") or ""
    title = (
        _("Search")
        if not query
        else _("Search results for “%(query)s”") % {"query": truncate_words(query, 40)}
    )
    description = _("Search everything %(site)s has published, in English and Arabic.") % {
        "site": b.site_name
    }
    data = jsonld.graph(
        jsonld.search_results_page(url, title, b.language), b.crumbs((_("Search"), url))
    )
    meta = b.make(title, description, url, alternates=alternates, structured_data=data)
    if query or b.context.get("filtered"):
        # Result lists are endless variations of the same articles: keep them out of indexes.
        meta.robots = "noindex, follow"
    return meta


def fallback_metadata(b: Builder) -> PageMetadata:
    title = b.context.get("seo_title") or b.site_name
    url = absolute(b.request, b.request.path)
    meta = b.make(title, "", url)
    meta.robots = "noindex, follow"
    return meta


def metadata_for(context) -> PageMetadata | None:
    """Build the metadata for whatever the template is showing."""
    from gazette.home.models import HomePage
    from gazette.news.models import ArticlePage, SectionPage

    if context.get("request") is None:
        return None
    b = Builder(context)
    page = context.get("page")
    if isinstance(page, Page):
        page = page.specific_deferred if type(page) is Page else page
        if isinstance(page, ArticlePage):
            return article_metadata(b, page)
        if isinstance(page, SectionPage):
            return section_metadata(b, page)
        if isinstance(page, HomePage):
            return home_metadata(b, page)
        url = page.get_full_url(b.request)
        return b.make(
            page.seo_title or page.title,
            page.search_description,
            url,
            alternates=page_alternates(b.request, page),
        )
    if context.get("author") is not None:
        return author_metadata(b, context["author"])
    if context.get("tag") is not None:
        return tag_metadata(b, context["tag"])
    if context.get("seo_view") == "search":
        return search_metadata(b)
    return fallback_metadata(b)
