"""Advertising: who buys (advertisers), where ads go (slots), what runs (campaigns and
their creatives), what happened (daily counts) and the site's ads.txt."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from gazette.ads.adstxt import validate_ads_txt
from gazette.ads.fields import ChoiceListField
from gazette.ads.sizes import AdSize, DeviceClass
from gazette.news.models import ArticleKind


class Placement(models.TextChoices):
    HEADER = "header", _("Header leaderboard")
    SIDEBAR = "sidebar", _("Sidebar")
    IN_ARTICLE = "in_article", _("In the article, after paragraph N")
    LIST = "list", _("Between list items, after item N")
    FOOTER = "footer", _("Footer")
    NEWSLETTER = "newsletter", _("Newsletter")


class Priority(models.IntegerChoices):
    SPONSORSHIP = 30, _("Sponsorship — runs before everything else")
    STANDARD = 20, _("Standard")
    REMNANT = 10, _("Remnant — only when no standard campaign is eligible")


HOUSE_PRIORITY = 0  # house ads only fill what nothing else fills


def language_choices():
    return [(code, name) for code, name in settings.LANGUAGES]


class Advertiser(models.Model):
    """A business that buys campaigns (or the publisher itself, for house ads)."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
        FieldPanel("website"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("advertiser")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Slot(models.Model):
    """A place on the site's pages (or in the newsletter) where an ad can appear."""

    name = models.CharField(_("name"), max_length=120)
    key = models.SlugField(
        _("key"),
        max_length=60,
        unique=True,
        blank=True,
        help_text=_(
            "A short stable name used in reports and ad addresses, e.g. article-sidebar. "
            "Left empty, it is made from the name."
        ),
    )
    placement = models.CharField(_("placement"), max_length=20, choices=Placement.choices)
    position = models.PositiveSmallIntegerField(
        _("after paragraph or item"),
        default=3,
        validators=[MinValueValidator(1)],
        help_text=_(
            "For in-article slots: the paragraph the ad follows. For list slots: the item."
        ),
    )
    sizes = ChoiceListField(
        _("allowed sizes"),
        choice_list=AdSize.choices,
        blank=False,
        help_text=_(
            "Creatives of these sizes may run here. On each device the slot reserves the "
            "largest size that fits, so the page never jumps when the ad arrives."
        ),
    )
    languages = ChoiceListField(
        _("languages"),
        choice_list=language_choices(),
        help_text=_("Show the slot only on pages in these languages. None ticked: all."),
    )
    sections = models.ManyToManyField(
        "news.SectionPage",
        verbose_name=_("sections"),
        blank=True,
        related_name="+",
        help_text=_(
            "Show the slot only in these sections (and their translations). None: everywhere."
        ),
    )
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("key")]),
        FieldRowPanel([FieldPanel("placement"), FieldPanel("position")]),
        FieldPanel("sizes"),
        FieldPanel("languages"),
        FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("ad slot")
        ordering = ["placement", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_placement_display()})"

    def clean(self):
        if not self.key and self.name:
            self.key = slugify(self.name)[:60]
        super().clean()


class CampaignQuerySet(models.QuerySet):
    def running(self, now=None):
        """Active campaigns whose end has not passed (caps are checked by the index)."""
        now = now or timezone.now()
        return self.filter(active=True).filter(Q(ends_at__isnull=True) | Q(ends_at__gt=now))

    def with_delivery(self):
        return self.annotate(
            delivered_impressions=Sum("creatives__daily_stats__impressions", default=0)
        )


class Campaign(models.Model):
    """A booking: an advertiser's creatives, when and where they run, and how much."""

    name = models.CharField(_("name"), max_length=160)
    advertiser = models.ForeignKey(
        Advertiser,
        verbose_name=_("advertiser"),
        on_delete=models.PROTECT,
        related_name="campaigns",
    )
    is_house = models.BooleanField(
        _("house campaign"),
        default=False,
        help_text=_("The publisher's own ads: they fill slots no paid campaign fills."),
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to pause the campaign at once.")
    )
    starts_at = models.DateTimeField(_("starts"), default=timezone.now)
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.STANDARD
    )
    weight = models.PositiveIntegerField(
        _("weight"),
        default=100,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Among eligible campaigns of the same priority, a campaign with weight 200 "
            "is shown twice as often as one with weight 100."
        ),
    )
    impression_cap = models.PositiveIntegerField(
        _("total impressions booked"),
        null=True,
        blank=True,
        help_text=_("The campaign stops once this many impressions were seen. Empty: no cap."),
    )
    slots = models.ManyToManyField(
        Slot,
        verbose_name=_("slots"),
        blank=True,
        related_name="campaigns",
        help_text=_("Run only in these slots. None ticked: every slot with a matching size."),
    )
    target_sections = models.ManyToManyField(
        "news.SectionPage",
        verbose_name=_("sections"),
        blank=True,
        related_name="+",
        help_text=_("Only on pages in these sections (and their translations). None: any."),
    )
    target_languages = ChoiceListField(_("languages"), choice_list=language_choices())
    target_devices = ChoiceListField(_("devices"), choice_list=DeviceClass.choices)
    target_kinds = ChoiceListField(_("kinds of article"), choice_list=ArticleKind.choices)

    objects = CampaignQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("advertiser")]),
        FieldRowPanel([FieldPanel("active"), FieldPanel("is_house")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("priority"), FieldPanel("weight"), FieldPanel("impression_cap")]),
        MultiFieldPanel(
            [
                FieldPanel("slots", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_sections", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_languages"),
                FieldPanel("target_devices"),
                FieldPanel("target_kinds"),
            ],
            heading=_("Targeting"),
        ),
    ]

    class Meta:
        verbose_name = _("campaign")
        ordering = ["-starts_at", "name"]

    def __str__(self) -> str:
        return f"{self.name} — {self.advertiser}"

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError(
                {"ends_at": _("The campaign must end after it starts. Move the end date later.")}
            )

    @property
    def effective_priority(self) -> int:
        return HOUSE_PRIORITY if self.is_house else self.priority

    def delivered(self) -> int:
        """Impressions counted so far (rolled up; the last minute may still be buffered)."""
        return (
            CreativeDailyStat.objects.filter(creative__campaign=self).aggregate(
                n=Sum("impressions", default=0)
            )["n"]
            or 0
        )


class CreativeKind(models.TextChoices):
    IMAGE = "image", _("Image")
    HTML = "html", _("HTML snippet (shown in a sandboxed frame)")


class Creative(models.Model):
    """One ad: an image or a sanitised HTML snippet, with the address it leads to."""

    campaign = models.ForeignKey(
        Campaign, verbose_name=_("campaign"), on_delete=models.CASCADE, related_name="creatives"
    )
    name = models.CharField(_("name"), max_length=160)
    kind = models.CharField(
        _("kind"), max_length=10, choices=CreativeKind.choices, default=CreativeKind.IMAGE
    )
    size = models.CharField(_("size"), max_length=10, choices=AdSize.choices)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Upload at twice the ad size for sharp screens; it is cropped to fit."),
    )
    alt_text = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the ad says, for readers who cannot see it."),
    )
    html = models.TextField(
        _("HTML"),
        blank=True,
        help_text=_(
            "Scripts, event handlers, forms and frames are removed; links all lead to the "
            "click address. It is shown in a sandboxed frame that cannot run scripts."
        ),
    )
    click_url = models.URLField(
        _("click address"),
        max_length=1000,
        help_text=_("Where a reader goes when they click the ad (https:// address)."),
    )
    weight = models.PositiveIntegerField(
        _("weight within the campaign"), default=100, validators=[MinValueValidator(1)]
    )
    active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("campaign")]),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("size")]),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("alt_text")], heading=_("Image creative")),
        FieldPanel("html"),
        FieldPanel("click_url"),
        FieldRowPanel([FieldPanel("weight"), FieldPanel("active")]),
    ]

    class Meta:
        verbose_name = _("creative")
        ordering = ["campaign", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.size})"

    def save(self, *args, **kwargs):
        from gazette.ads.sanitise import sanitise_creative_html

        # Sanitise on every save, not only in forms: imports and the shell go through here too.
        if self.html:
            self.html = sanitise_creative_html(self.html)
        super().save(*args, **kwargs)

    def clean(self):
        from gazette.ads.sanitise import sanitise_creative_html

        super().clean()
        errors = {}
        if self.click_url and not self.click_url.lower().startswith(("https://", "http://")):
            errors["click_url"] = _("Give a web address that starts with https://.")
        if self.kind == CreativeKind.IMAGE:
            if not self.image_id:
                errors["image"] = _("Choose the ad's image, or make this an HTML creative.")
            if not self.alt_text.strip():
                errors["alt_text"] = _("Say what the ad shows, for readers who cannot see it.")
        elif self.kind == CreativeKind.HTML:
            self.html = sanitise_creative_html(self.html)
            if not self.html.strip():
                errors["html"] = _(
                    "Nothing is left of this HTML once scripts and unsafe parts are removed. "
                    "Paste plain HTML (text, images, links) without scripts."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def width(self) -> int:
        return int(self.size.split("x")[0])

    @property
    def height(self) -> int:
        return int(self.size.split("x")[1])


class CreativeDailyStat(models.Model):
    """Impressions and clicks of one creative in one slot on one day (rolled up)."""

    day = models.DateField(_("day"))
    creative = models.ForeignKey(Creative, on_delete=models.CASCADE, related_name="daily_stats")
    slot_key = models.CharField(max_length=60, blank=True)  # survives a slot's deletion
    impressions = models.PositiveBigIntegerField(default=0)
    clicks = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("daily ad count")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "creative", "slot_key"], name="ads_daily_stat_unique"
            )
        ]
        indexes = [models.Index(fields=["creative", "day"])]

    def __str__(self) -> str:
        return f"{self.day} {self.creative_id}/{self.slot_key}: {self.impressions} / {self.clicks}"


class AppliedCounterBatch(models.Model):
    """A drained counter batch already added to the daily counts (so a retry adds nothing)."""

    name = models.CharField(max_length=200, unique=True)
    applied_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name


@register_setting(icon="doc-full")
class AdsTxtSettings(BaseSiteSetting):
    """The site's ads.txt and app-ads.txt (authorised sellers), served at the site root."""

    ads_txt = models.TextField(
        "ads.txt",
        blank=True,
        validators=[validate_ads_txt],
        help_text=_(
            "One seller per line: domain, publisher ID, DIRECT or RESELLER, optional "
            "certification ID. Lines starting with # are comments."
        ),
    )
    app_ads_txt = models.TextField(
        "app-ads.txt",
        blank=True,
        validators=[validate_ads_txt],
        help_text=_("The same format, for ads in the publisher's apps."),
    )

    panels = [FieldPanel("ads_txt"), FieldPanel("app_ads_txt")]

    class Meta:
        verbose_name = _("ads.txt")
