"""Authors and contributors: publishable, translatable snippets with their own page."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PublishingPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index


class AuthorQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)


class Author(
    TranslatableMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A writer, columnist, artist or translator whose name appears in bylines."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=True,
        help_text=_("Used in the author page address: /authors/<slug>/. Keep it stable."),
    )
    role = models.CharField(
        _("role"), max_length=80, blank=True, help_text=_("For example: Columnist, Cartoonist.")
    )
    bio = models.TextField(_("short bio"), max_length=600, blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    x_handle = models.CharField(
        _("X (Twitter) handle"), max_length=40, blank=True, help_text=_("Without the @.")
    )
    facebook = models.URLField(_("Facebook page"), blank=True)
    instagram = models.URLField(_("Instagram profile"), blank=True)
    linkedin = models.URLField(_("LinkedIn profile"), blank=True)
    email = models.EmailField(_("public email"), blank=True)

    objects = AuthorQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("slug"), FieldPanel("role")], heading=_("Identity")
        ),
        FieldPanel("photo"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("x_handle"),
                FieldPanel("facebook"),
                FieldPanel("instagram"),
                FieldPanel("linkedin"),
                FieldPanel("email"),
            ],
            heading=_("Links"),
        ),
        PublishingPanel(),
    ]

    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("bio"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
        # Folded copies (Arabic spelling variants, English stems) for the site search.
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_name"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="author_unique_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name

    def folded_search_text(self) -> str:
        from gazette.search.indexing import author_search_text

        return author_search_text(self)

    def folded_search_name(self) -> str:
        from gazette.search.indexing import author_search_name

        return author_search_name(self)

    def get_absolute_url(self) -> str:
        with translation.override(self.locale.language_code):
            return reverse("people:author", kwargs={"slug": self.slug})

    @property
    def url(self) -> str:
        return self.get_absolute_url()

    def social_links(self) -> list[tuple[str, str]]:
        """Return (label, url) pairs for the links the author has filled in."""
        links = [
            ("Website", self.website),
            ("X", f"https://x.com/{self.x_handle}" if self.x_handle else ""),
            ("Facebook", self.facebook),
            ("Instagram", self.instagram),
            ("LinkedIn", self.linkedin),
            ("Email", f"mailto:{self.email}" if self.email else ""),
        ]
        return [(label, url) for label, url in links if url]

    def get_preview_template(self, request, mode_name):
        return "people/author_page.html"

    def get_preview_context(self, request, mode_name):
        from gazette.news.queries import article_cards

        context = super().get_preview_context(request, mode_name)
        context["author"] = self
        context["articles"] = article_cards(self.articles_queryset())[:12]
        return context

    def articles_queryset(self):
        from gazette.news.models import ArticlePage

        return ArticlePage.objects.live().public().filter(article_authors__author=self)
