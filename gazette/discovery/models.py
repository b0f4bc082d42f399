"""Discovery data: view counts rolled up from beacons, and related-article lists.

Counting: the beacon request only touches a buffer (see `buffer.py`); `rollup.py` turns
the buffer into `DailyViews` and `HourlyViews` rows. Relatedness: `IndexedArticle`,
`Posting` and `TermStat` form an incremental inverted index (see `index.py`);
`ArticleDiscovery` keeps each article's stored related list and the editors' choices.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultipleChooserPanel
from wagtail.models import Orderable


class ArticleDiscovery(ClusterableModel):
    """Per-article discovery settings (editors) and the stored related list (the task)."""

    article = models.OneToOneField(
        "news.ArticlePage",
        verbose_name=_("article"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="discovery",
    )
    exclude_from_popular = models.BooleanField(
        _("leave out of Popular Posts"),
        default=False,
        help_text=_("Views are still counted, but the article never appears in Popular Posts."),
    )
    computed_ids = models.JSONField(
        _("computed related articles"), default=list, blank=True, editable=False
    )
    related_ids = models.JSONField(
        _("related articles shown"), default=list, blank=True, editable=False
    )
    computed_at = models.DateTimeField(_("computed"), null=True, blank=True, editable=False)

    panels = [
        FieldPanel("exclude_from_popular"),
        MultipleChooserPanel(
            "pins",
            chooser_field_name="target",
            heading=_("Pinned related articles"),
            label=_("Pinned article"),
            help_text=_("Shown first in “You May Also Like”, in this order."),
        ),
        MultipleChooserPanel(
            "exclusions",
            chooser_field_name="target",
            heading=_("Never show as related"),
            label=_("Excluded article"),
        ),
    ]

    class Meta:
        verbose_name = _("article discovery settings")
        verbose_name_plural = _("article discovery settings")

    def __str__(self) -> str:
        return str(self.article)


class RelatedPin(Orderable):
    """An article an editor placed at the top of another article's related list."""

    discovery = ParentalKey(ArticleDiscovery, related_name="pins", on_delete=models.CASCADE)
    target = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("pinned related article")


class RelatedExclusion(Orderable):
    """An article an editor never wants recommended next to another one."""

    discovery = ParentalKey(ArticleDiscovery, related_name="exclusions", on_delete=models.CASCADE)
    target = models.ForeignKey(
        "news.ArticlePage", verbose_name=_("article"), on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("excluded related article")


class DailyViews(models.Model):
    """Distinct readers of one article on one day (UTC), after bots and repeats are removed."""

    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(db_index=True)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "day"], name="discovery_daily_unique")
        ]
        verbose_name = _("daily views")
        verbose_name_plural = _("daily views")

    def __str__(self) -> str:
        return f"{self.article_id} on {self.day}: {self.views}"


class HourlyViews(models.Model):
    """Views per article per hour, kept two days so "last 24 hours" is exact."""

    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    hour = models.DateTimeField(db_index=True)
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="discovery_hourly_unique")
        ]

    def __str__(self) -> str:
        return f"{self.article_id} at {self.hour:%Y-%m-%d %H}h: {self.views}"


class IndexedArticle(models.Model):
    """One live article as the relatedness index sees it (plain ids: the index is derived)."""

    article_id = models.PositiveBigIntegerField(primary_key=True)
    language = models.CharField(max_length=12, db_index=True)
    translation_key = models.UUIDField(db_index=True)
    section_id = models.PositiveBigIntegerField(null=True)
    published_at = models.DateTimeField(null=True)
    author_ids = models.JSONField(default=list)
    tag_ids = models.JSONField(default=list)
    terms = models.JSONField(default=dict, help_text="Every term with its weighted count.")
    vector = models.JSONField(default=dict, help_text="Strongest terms and their weights.")
    indexed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"indexed article {self.article_id} ({self.language})"


class Posting(models.Model):
    """Term → article with the term's weight in that article (top terms only)."""

    term = models.CharField(max_length=80)
    article_id = models.PositiveBigIntegerField(db_index=True)
    weight = models.FloatField()

    class Meta:
        indexes = [
            models.Index(fields=["term", "article_id", "weight"], name="discovery_posting_lookup")
        ]

    def __str__(self) -> str:
        return f"{self.term} → {self.article_id}"


class TermStat(models.Model):
    """How many indexed articles contain a term (for inverse document frequency)."""

    term = models.CharField(max_length=80, primary_key=True)
    df = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.term}: {self.df}"


class RelatedRebuild(models.Model):
    """Checkpoint of `gazette_related --rebuild`, so an interrupted rebuild resumes."""

    phase = models.CharField(max_length=20, default="index")
    last_pk = models.BigIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"rebuild {self.phase} {self.done}/{self.total}"
