"""The front page."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from gazette.core.models import SeoFieldsMixin
from gazette.core.restrictions import CachedRestrictionsMixin


class HomePage(CachedRestrictionsMixin, SeoFieldsMixin, Page):
    """The magazine's front page: lead story, sections, opinion, caricature, popular."""

    tagline = models.CharField(_("tagline"), max_length=160, blank=True)
    lead_story = models.ForeignKey(
        "news.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the latest article."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["news.SectionPage"]
    content_panels = Page.content_panels + [FieldPanel("tagline"), FieldPanel("lead_story")]
    promote_panels = SeoFieldsMixin.seo_panels

    class Meta:
        verbose_name = _("front page")

    def get_context(self, request, *args, **kwargs):
        from gazette.home.front import front_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(front_page_context(self))
        return context
