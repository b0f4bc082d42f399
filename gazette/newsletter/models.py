"""Newsletters, subscribers, consent, suppression, editions and their deliveries."""

from __future__ import annotations

import secrets
from datetime import time

from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

LANGUAGE_CHOICES = settings.LANGUAGES


def new_link_key() -> str:
    return secrets.token_urlsafe(12)


class Cadence(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Layout(models.TextChoices):
    DIGEST = "digest", _("Digest: pictures and standfirsts")
    HEADLINES = "headlines", _("Headlines only")


class Newsletter(models.Model):
    """A list readers can join, defined by editors: what it gathers and when it goes out."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Short identifier used in the List-Id header and in imports."),
    )
    description = models.CharField(
        _("description"),
        max_length=250,
        blank=True,
        help_text=_("One sentence shown on the sign-up form."),
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    sections = models.ManyToManyField(
        "news.SectionPage",
        verbose_name=_("sections included"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty to include every section in this language."),
    )
    cadence = models.CharField(
        _("schedule"), max_length=10, choices=Cadence.choices, default=Cadence.DAILY
    )
    send_time = models.TimeField(_("send at"), default=time(7, 0))
    weekday = models.PositiveSmallIntegerField(
        _("weekly on"),
        choices=Weekday.choices,
        default=Weekday.FRIDAY,
        help_text=_(
            "Day of a weekly newsletter; for a daily one, the day its weekly round-up goes "
            "to readers who asked for one mail a week."
        ),
    )
    layout = models.CharField(
        _("template"), max_length=20, choices=Layout.choices, default=Layout.DIGEST
    )
    max_articles = models.PositiveSmallIntegerField(_("most articles per edition"), default=12)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive newsletters are neither offered nor sent.")
    )
    offered_by_default = models.BooleanField(
        _("pre-selected on sign-up"),
        default=False,
        help_text=_("Readers who sign up from the box on every page get this newsletter."),
    )
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_(
            "The publisher's postal address, printed at the foot of every mail. The law "
            "asks for it in many countries (CAN-SPAM in the United States)."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("layout"), FieldPanel("max_articles")]),
        FieldPanel("sections", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [
                FieldPanel("cadence"),
                FieldRowPanel([FieldPanel("send_time"), FieldPanel("weekday")]),
            ],
            heading=_("Schedule"),
        ),
        FieldRowPanel([FieldPanel("is_active"), FieldPanel("offered_by_default")]),
        FieldPanel("postal_address", widget=forms.Textarea(attrs={"rows": 3})),
    ]

    class Meta:
        verbose_name = _("newsletter")
        verbose_name_plural = _("newsletters")
        ordering = ["language", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_language_display()})"

    def schedule_display(self) -> str:
        """“Daily at 07:00” or “Weekly on Friday at 07:00”, for listings."""
        at = self.send_time.strftime("%H:%M")
        if self.cadence == Cadence.WEEKLY:
            return _("Weekly on %(day)s at %(time)s") % {
                "day": self.get_weekday_display(),
                "time": at,
            }
        return _("Daily at %(time)s") % {"time": at}

    schedule_display.short_description = _("schedule")


class Frequency(models.TextChoices):
    DAILY = "daily", _("Every edition (up to once a day)")
    WEEKLY = "weekly", _("A weekly round-up")


class SubscriberStatus(models.TextChoices):
    SUBSCRIBED = "subscribed", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")


class Subscriber(models.Model):
    """A reader who confirmed their address; only confirmed readers exist here."""

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.DAILY
    )
    newsletters = models.ManyToManyField(
        Newsletter, verbose_name=_("newsletters"), blank=True, related_name="subscribers"
    )
    status = models.CharField(
        _("status"),
        max_length=14,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.SUBSCRIBED,
        db_index=True,
    )
    source = models.CharField(_("consent source"), max_length=200, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True, db_index=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Part of every link we mail; changing it revokes all earlier links.
    link_key = models.CharField(max_length=24, default=new_link_key, editable=False)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-confirmed_at", "-pk"]

    def __str__(self) -> str:
        return self.email

    @property
    def is_subscribed(self) -> bool:
        return self.status == SubscriberStatus.SUBSCRIBED

    def newsletter_slugs(self) -> str:
        """Slugs of the subscriber's newsletters, as the CSV import reads them."""
        return ";".join(n.slug for n in self.newsletters.all())


class SuppressionReason(models.TextChoices):
    BOUNCE = "bounce", _("Hard bounce")
    COMPLAINT = "complaint", _("Spam complaint")
    REJECTED = "rejected", _("Rejected by the mail server")
    MANUAL = "manual", _("Suppressed by an editor")


class Suppression(models.Model):
    """An address we never mail again, whatever list it is on."""

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    reason = models.CharField(
        _("reason"), max_length=12, choices=SuppressionReason.choices, default="manual"
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("suppressed"), auto_now_add=True)

    panels = [FieldPanel("email"), FieldPanel("reason"), FieldPanel("note")]

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppressed addresses")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email


class ConsentText(models.Model):
    """The exact wording a reader was shown, stored once however many saw it."""

    sha256 = models.CharField(max_length=64, unique=True)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.text[:80]


class ConsentAction(models.TextChoices):
    REQUESTED = "requested", _("Asked to subscribe")
    CONFIRMED = "confirmed", _("Confirmed the address")
    CHANGED = "changed", _("Changed preferences")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    IMPORTED = "imported", _("Imported")


class ConsentRecord(models.Model):
    """Proof of consent: what happened, when, what was shown, from which (hashed) address."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="consent_records"
    )
    action = models.CharField(max_length=14, choices=ConsentAction.choices)
    at = models.DateTimeField(db_index=True)
    text = models.ForeignKey(ConsentText, null=True, blank=True, on_delete=models.PROTECT)
    source = models.CharField(max_length=200, blank=True)
    ip_hash = models.CharField(max_length=64, blank=True)
    details = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SCHEDULED = "scheduled", _("Scheduled")
    SENDING = "sending", _("Sending")
    SENT = "sent", _("Sent")
    CANCELLED = "cancelled", _("Cancelled")


class Edition(models.Model):
    """One issue of a newsletter: the articles it carries and who receives it."""

    newsletter = models.ForeignKey(
        Newsletter, verbose_name=_("newsletter"), on_delete=models.PROTECT, related_name="editions"
    )
    cadence = models.CharField(
        _("for readers who want"),
        max_length=10,
        choices=Cadence.choices,
        default=Cadence.DAILY,
        help_text=_("Daily editions go to readers who want every edition; weekly to the rest."),
    )
    subject = models.CharField(_("subject"), max_length=200)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=EditionStatus.choices,
        default=EditionStatus.DRAFT,
        db_index=True,
    )
    scheduled_for = models.DateTimeField(_("send at"), null=True, blank=True)
    # Automatic editions fill one slot per day, so a restarted scheduler never doubles one.
    slot = models.DateField(null=True, blank=True, editable=False)
    article_ids = models.JSONField(default=list, blank=True, editable=False)
    window_start = models.DateTimeField(null=True, blank=True, editable=False)
    window_end = models.DateTimeField(null=True, blank=True, editable=False)
    recipients_prepared = models.BooleanField(default=False, editable=False)
    # The last test copy an editor asked for, and what became of it.
    test_sent_to = models.EmailField(blank=True, editable=False)
    test_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    test_error = models.CharField(max_length=300, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "cadence", "slot"],
                name="newsletter_one_edition_per_slot",
                condition=models.Q(slot__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return self.subject


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    CLAIMED = "claimed", _("Being sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    BOUNCED = "bounced", _("Bounced")
    SKIPPED = "skipped", _("Skipped (suppressed or unsubscribed)")
    INTERRUPTED = "interrupted", _("Interrupted: may not have arrived")


class Delivery(models.Model):
    """One edition to one subscriber: the record that makes sending resumable."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(max_length=12, choices=DeliveryStatus.choices, default="pending")
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_by = models.CharField(max_length=32, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    provider_message_id = models.CharField(max_length=200, blank=True)
    last_error = models.CharField(max_length=300, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="newsletter_one_delivery_per_reader"
            )
        ]
        indexes = [models.Index(fields=["edition", "status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.edition_id}/{self.subscriber_id}: {self.status}"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for the worker")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Finished")
    FAILED = "failed", _("Stopped by an error")


class SubscriberImport(models.Model):
    """A subscriber CSV imported in the background, in chunks, resumable where it stopped.

    Every non-blank row ends up counted once: created, already subscribed, suppressed,
    left alone (they had unsubscribed) or a problem row kept with its line and reason.
    """

    filename = models.CharField(_("file"), max_length=255)
    # The file as uploaded, until the import finishes (then only the problem rows stay).
    content = models.TextField(blank=True, editable=False)
    columns = models.JSONField(default=list, editable=False)
    source = models.CharField(_("consent source"), max_length=200)
    newsletters = models.ManyToManyField(
        Newsletter, verbose_name=_("newsletters for rows that name none"), blank=True
    )
    ip_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    total_rows = models.PositiveIntegerField(_("rows"), null=True, blank=True)
    # Non-blank rows handled so far, in file order: where a resumed import carries on.
    rows_done = models.PositiveIntegerField(_("rows handled"), default=0)
    created = models.PositiveIntegerField(_("new subscribers"), default=0)
    updated = models.PositiveIntegerField(_("already subscribed"), default=0)
    suppressed = models.PositiveIntegerField(_("suppressed addresses"), default=0)
    opted_out = models.PositiveIntegerField(_("had unsubscribed"), default=0)
    problems = models.PositiveIntegerField(_("rows with problems"), default=0)
    error = models.CharField(_("error"), max_length=300, blank=True)
    # The worker holding the import, and when it last showed it was alive.
    lease = models.CharField(max_length=32, blank=True, editable=False)
    heartbeat_at = models.DateTimeField(null=True, blank=True, editable=False)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber import")
        verbose_name_plural = _("subscriber imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.created_at:%Y-%m-%d %H:%M})"

    @property
    def percent(self) -> int:
        if not self.total_rows:
            return 100 if self.status == ImportStatus.DONE else 0
        return min(100, self.rows_done * 100 // self.total_rows)

    @property
    def is_active(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)


class ImportProblem(models.Model):
    """A row an import could not take, why, and the row itself, to fix and import again."""

    subscriber_import = models.ForeignKey(
        SubscriberImport, on_delete=models.CASCADE, related_name="problem_rows"
    )
    line = models.PositiveIntegerField(_("line"))
    reason = models.CharField(_("problem"), max_length=300)
    values = models.JSONField(default=dict)

    class Meta:
        ordering = ["line", "pk"]

    def __str__(self) -> str:
        return f"{self.line}: {self.reason}"
