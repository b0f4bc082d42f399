"""The newsroom's own records: settings, review tasks, translation links, overrides."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import AbstractGroupApprovalTask, Task, TaskState

from gazette.env import env_bool
from gazette.news.models import ArticleKind


@register_setting(icon="group")
class NewsroomSettings(BaseGenericSetting):
    """Choices the publisher makes about who may do what."""

    authors_may_publish_opinion = models.BooleanField(
        _("authors may publish their own opinion pieces"),
        default=env_bool("GAZETTE_AUTHORS_MAY_PUBLISH_OPINION", False),
        help_text=_(
            "Members of the Authors group can then publish opinion articles they created "
            "themselves, without an editor's review."
        ),
    )

    panels = [FieldPanel("authors_may_publish_opinion")]

    class Meta:
        verbose_name = _("newsroom")


def _validate_kinds(value: str) -> None:
    known = set(ArticleKind.values)
    unknown = [kind for kind in split_kinds(value) if kind not in known]
    if unknown:
        raise ValidationError(
            _("Unknown kinds: %(unknown)s. Use a comma-separated list of: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(sorted(known))}
        )


def split_kinds(value: str) -> list[str]:
    return [part.strip().lower() for part in (value or "").split(",") if part.strip()]


class StandardsReviewTask(AbstractGroupApprovalTask):
    """Legal and standards review, only for the kinds of article that need it."""

    kinds = models.CharField(
        _("kinds of article reviewed"),
        max_length=200,
        default="opinion,report",
        validators=[_validate_kinds],
        help_text=_(
            "Comma-separated: news, opinion, report, analysis, caricature. Other articles "
            "skip this step."
        ),
    )

    admin_form_fields = AbstractGroupApprovalTask.admin_form_fields + ["kinds"]

    def applies_to(self, obj) -> bool:
        kind = getattr(obj.specific if hasattr(obj, "specific") else obj, "kind", None)
        return kind is None or kind in split_kinds(self.kinds)

    def start(self, workflow_state, user=None):
        if self.applies_to(workflow_state.content_object):
            return super().start(workflow_state, user=user)
        # Not this kind of article: record the step as skipped, without notifying anyone.
        return TaskState.objects.create(
            workflow_state=workflow_state,
            revision=workflow_state.content_object.get_latest_revision(),
            task=self,
            status=TaskState.STATUS_SKIPPED,
        )

    @classmethod
    def get_description(cls):
        return _("Legal and standards review by the chosen groups, for the chosen kinds of article")

    class Meta:
        verbose_name = _("legal and standards review")
        verbose_name_plural = _("legal and standards reviews")


class IntegrityGateTask(Task):
    """The last step before publishing: passes by itself when the integrity checks find
    no blocker; otherwise waits for someone allowed to override, with a reason."""

    def start(self, workflow_state, user=None):
        from gazette.newsroom.guard import revision_blockers

        revision = workflow_state.content_object.get_latest_revision()
        if not revision_blockers(revision):
            return TaskState.objects.create(
                workflow_state=workflow_state,
                revision=revision,
                task=self,
                status=TaskState.STATUS_APPROVED,
                comment=str(_("The integrity checks found no blocker.")),
            )
        return super().start(workflow_state, user=user)

    def user_can_override(self, user) -> bool:
        return user.is_superuser or user.has_perm("newsroom.override_integrity_blockers")

    def get_actions(self, obj, user):
        if self.user_can_override(user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Override and approve"), True),
            ]
        return []

    def get_form_for_action(self, action):
        from gazette.newsroom.forms import OverrideReasonForm, TaskStateCommentForm

        return OverrideReasonForm if action == "approve" else TaskStateCommentForm

    def on_action(self, task_state, user, action_name, **kwargs):
        from gazette.newsroom.actions import record_override

        if action_name == "approve":
            if not self.user_can_override(user):
                raise PermissionError("Only editors allowed to override integrity blockers can.")
            record_override(task_state.revision, user, kwargs.get("comment", ""))
        return super().on_action(task_state, user, action_name, **kwargs)

    def user_can_access_editor(self, obj, user):
        return self.user_can_override(user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self.user_can_override(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    @classmethod
    def get_description(cls):
        return _("Passes when the integrity checks find no blocker; otherwise needs an override")

    class Meta:
        verbose_name = _("integrity gate")
        verbose_name_plural = _("integrity gates")


class TranslationLink(models.Model):
    """Which article a translation was made from, by whom, and from which version."""

    source = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_links_out"
    )
    translation = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="translation_link"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("translation link")
        permissions = [("translate_article", _("Can start translations of articles"))]

    def __str__(self) -> str:
        return f"{self.source_id} → {self.translation_id}"


class IntegrityOverride(models.Model):
    """An editor published despite blocking integrity findings: who, when, why, over what."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="integrity_overrides"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.TextField(_("reason"))
    findings = models.JSONField(_("blocking findings"), default=list)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("integrity override")
        ordering = ["-created_at"]
        permissions = [
            ("override_integrity_blockers", _("Can publish despite integrity blockers")),
        ]

    def __str__(self) -> str:
        return f"{self.page_id} by {self.user_id} at {self.created_at:%Y-%m-%d %H:%M}"


class ArticleFingerprint(models.Model):
    """What the duplicate checks need of a published article, kept so they never re-read
    its body: its headline key and how many five-word shingles it has (the shingles are
    rows of `ArticleShingle`). Written by a task on publish, removed on unpublish."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    published_at = models.DateTimeField(null=True)
    language = models.CharField(max_length=20)
    translation_key = models.CharField(max_length=36)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=255)
    # 64-bit hash of the normalised headline: headline duplicates are one indexed lookup.
    headline_key = models.BigIntegerField(db_index=True, default=0)
    shingle_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("article fingerprint")

    def __str__(self) -> str:
        return f"{self.page_id} ({self.shingle_count} shingles)"


class ArticleShingle(models.Model):
    """One five-word shingle of a published article: an inverted index, so finding the
    articles that share an article's shingles is one indexed query, not a pass over the
    archive."""

    # (shingle, fingerprint) first: the lookup by shingle reads the primary key index alone.
    pk = models.CompositePrimaryKey("shingle", "fingerprint")
    shingle = models.BigIntegerField()
    fingerprint = models.ForeignKey(
        ArticleFingerprint, on_delete=models.CASCADE, related_name="shingle_rows"
    )

    class Meta:
        verbose_name = _("article shingle")

    def __str__(self) -> str:
        return f"{self.shingle} in {self.fingerprint_id}"
