"""Fields and panels every public page shares."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class SeoFieldsMixin(models.Model):
    """Search and sharing fields, kept apart from the story on their own tab."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("social image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared. Defaults to the hero image."),
    )

    seo_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel(
                    "seo_title",
                    heading=_("Social/SEO title"),
                    help_text=_(
                        "A shorter title for search results and shares (70 characters at most)."
                    ),
                ),
                FieldPanel("search_description", heading=_("Description")),
            ],
            heading=_("Search engines and sharing"),
        ),
        FieldPanel("social_image"),
    ]

    class Meta:
        abstract = True
