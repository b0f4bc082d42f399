"""Sections and articles: the pages a magazine is made of."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    MultipleChooserPanel,
    ObjectList,
    TabbedInterface,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gazette.core.models import SeoFieldsMixin
from gazette.core.restrictions import CachedRestrictionsMixin
from gazette.news.blocks import ArticleBodyBlock
from gazette.news.forms import ArticlePageForm
from gazette.newsroom.panels import IntegrityPanel

SOCIAL_TITLE_MAX = 70


class ArticleKind(models.TextChoices):
    NEWS = "news", _("News")
    OPINION = "opinion", _("Opinion")
    REPORT = "report", _("Report")
    ANALYSIS = "analysis", _("Analysis")
    CARICATURE = "caricature", _("Caricature")


def paginate(request, items, per_page: int | None = None):
    """Return the requested page of `items`; a page that does not exist is a 404."""
    paginator = Paginator(items, per_page or settings.GAZETTE_PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage) as exc:
        raise Http404(_("There is no such page of results.")) from exc


class SectionPage(CachedRestrictionsMixin, SeoFieldsMixin, Page):
    """A section of the magazine (Opinion, Report, News, Caricature…) listing its articles."""

    intro = models.TextField(_("introduction"), blank=True, max_length=400)
    default_kind = models.CharField(
        _("default kind of article"),
        max_length=20,
        choices=ArticleKind.choices,
        default=ArticleKind.NEWS,
        help_text=_("New articles in this section start as this kind."),
    )
    show_in_front_page = models.BooleanField(
        _("show on the front page"), default=True, help_text=_("List its latest articles.")
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.ArticlePage"]
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("default_kind"), FieldPanel("show_in_front_page")]),
    ]
    promote_panels = SeoFieldsMixin.seo_panels
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("section")

    def get_context(self, request, *args, **kwargs):
        from gazette.news.queries import article_cards, section_articles

        context = super().get_context(request, *args, **kwargs)
        page_obj = paginate(request, section_articles(self))
        context["page_obj"] = page_obj
        context["articles"] = article_cards(page_obj.object_list)
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(CachedRestrictionsMixin, SeoFieldsMixin, Page):
    """One story: news, opinion, report, analysis or caricature."""

    standfirst = models.TextField(
        _("standfirst"),
        max_length=400,
        blank=True,
        help_text=_("One or two sentences under the headline that say what the piece is about."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=ArticleKind.choices, default=ArticleKind.NEWS
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a caricature this is the cartoon itself."),
    )
    hero_alt = models.CharField(
        _("hero image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    hero_caption = models.CharField(_("hero image caption"), max_length=300, blank=True)
    hero_credit = models.CharField(_("hero image credit"), max_length=120, blank=True)
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("body"))
    translator = models.ForeignKey(
        "people.Author",
        verbose_name=_("translator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translations",
    )
    updated_at = models.DateTimeField(
        _("updated"),
        null=True,
        blank=True,
        help_text=_("Set when the story changed in substance after it was first published."),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))

    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []
    base_form_class = ArticlePageForm

    content_panels = [
        IntegrityPanel(),
        # TitleFieldPanel: the slug (on the SEO tab) follows the headline as it is typed.
        TitleFieldPanel("title", heading=_("Headline")),
        MultipleChooserPanel(
            "article_authors",
            chooser_field_name="author",
            heading=_("Byline"),
            label=_("Author"),
            min_num=1,
        ),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("updated_at")]),
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldPanel("hero_alt"),
                FieldRowPanel([FieldPanel("hero_caption"), FieldPanel("hero_credit")]),
            ],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        FieldPanel("translator"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Story")),
            ObjectList(SeoFieldsMixin.seo_panels, heading=_("SEO & social")),
            ObjectList(Page.settings_panels, heading=_("Publishing"), classname="settings"),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("standfirst", boost=2),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("first_published_at"),
        index.RelatedFields("tags", [index.SearchField("name", boost=2)]),
        index.RelatedFields(
            "article_authors", [index.RelatedFields("author", [index.SearchField("name")])]
        ),
        # Folded copies (Arabic spelling variants, English stems) for the site search.
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_title"),
    ]

    class Meta:
        verbose_name = _("article")

    def clean(self):
        super().clean()
        errors = {}
        if self.seo_title and len(self.seo_title) > SOCIAL_TITLE_MAX:
            errors["seo_title"] = _(
                "The social/SEO title is %(count)d characters; keep it to %(max)d so it is "
                "not cut off in search results and shares. The full headline stays on the page."
            ) % {"count": len(self.seo_title), "max": SOCIAL_TITLE_MAX}
        if self.hero_image_id and not self.hero_alt.strip():
            errors["hero_alt"] = _(
                "Describe the hero image for readers who cannot see it (alt text)."
            )
        if errors:
            raise ValidationError(errors)

    def folded_search_text(self) -> str:
        from gazette.search.indexing import article_search_text

        return article_search_text(self)

    def folded_search_title(self) -> str:
        from gazette.search.indexing import article_search_title

        return article_search_title(self)

    def permissions_for_user(self, user):
        # The newsroom's roles add rules of their own (authors, translators).
        from gazette.newsroom.permissions import ArticlePermissionTester

        return ArticlePermissionTester(user, self)

    @property
    def section(self):
        return self.get_parent().specific

    @property
    def byline(self) -> list:
        return [item.author for item in self.article_authors.all() if item.author_id]

    @property
    def is_caricature(self) -> bool:
        return self.kind == ArticleKind.CARICATURE

    def translation_links(self):
        """Live versions of this article in the other languages."""
        from gazette.core.translations import live_translations

        return live_translations(self)

    @property
    def source_article(self):
        """The live original this article was translated from, when it is a translation."""
        if not self.translator_id:
            return None
        return next((t for t in self.translation_links() if t.translator_id is None), None)

    def tag_list(self) -> list:
        """The article's tags, loaded once however many parts of the page show them."""
        if not hasattr(self, "_gazette_tags"):
            self._gazette_tags = list(self.tags.all())
        return self._gazette_tags

    def get_context(self, request, *args, **kwargs):
        from gazette.discovery.queries import stored_related_ids
        from gazette.news.queries import also_like, article_page_data

        context = super().get_context(request, *args, **kwargs)
        context.update(article_page_data(self))
        # "You May Also Like" is a fragment keyed by the stored list: the cards are only
        # fetched when that list (or an article on it) changed since it was last made.
        context["related_ids"] = stored_related_ids(self)
        context["also_like"] = SimpleLazyObject(
            lambda: also_like(self, related_ids=context["related_ids"])
        )
        return context


class ArticleAuthor(Orderable):
    """One name in an article's byline, in the order it is shown."""

    page = ParentalKey(ArticlePage, related_name="article_authors", on_delete=models.CASCADE)
    author = models.ForeignKey(
        "people.Author", verbose_name=_("author"), on_delete=models.CASCADE, related_name="bylines"
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("byline author")
