"""The publisher's choices for feeds and sharing, one set per site."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class FeedContent(models.TextChoices):
    FULL = "full", _("Full article")
    SUMMARY = "summary", _("Summary only")


@register_setting(icon="globe")
class SeoSettings(BaseSiteSetting):
    """How the magazine presents itself to feed readers, search engines and social sites."""

    feed_content = models.CharField(
        _("feed content"),
        max_length=10,
        choices=FeedContent.choices,
        default=FeedContent.FULL,
        help_text=_("Whether feed readers get whole articles or just the standfirst and a link."),
    )
    feed_length = models.PositiveSmallIntegerField(
        _("articles per feed"),
        default=30,
        validators=[MinValueValidator(5), MaxValueValidator(100)],
        help_text=_("How many of the newest articles each feed lists (5 to 100)."),
    )
    x_handle = models.CharField(
        _("X (Twitter) account"),
        max_length=15,
        blank=True,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9_]{1,15}$",
                _("Use the account name without the @: letters, digits and underscores."),
            )
        ],
        help_text=_("Without the @. Shown as the site on shared cards."),
    )
    facebook_app_id = models.CharField(_("Facebook app ID"), max_length=32, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("feed_content"), FieldPanel("feed_length")], _("Feeds")),
        MultiFieldPanel([FieldPanel("x_handle"), FieldPanel("facebook_app_id")], _("Sharing")),
    ]

    class Meta:
        verbose_name = _("search and sharing")
