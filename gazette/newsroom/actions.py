"""State changes of the newsroom, one function each, in a transaction."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction

from gazette.newsroom.guard import revision_blockers
from gazette.newsroom.models import IntegrityOverride, TranslationLink


def can_override(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.has_perm("newsroom.override_integrity_blockers")
    )


@transaction.atomic
def record_override(revision, user, reason: str) -> IntegrityOverride:
    """Record that `user` lets `revision` go out despite its blockers, and why."""
    if not can_override(user):
        raise PermissionDenied("This account may not override integrity blockers.")
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("An override needs a reason; it is kept on record.")
    findings = [finding.as_dict() for finding in revision_blockers(revision)]
    return IntegrityOverride.objects.create(
        page_id=revision.object_id, revision=revision, user=user, reason=reason, findings=findings
    )


@transaction.atomic
def publish_with_override(revision, user, reason: str) -> IntegrityOverride:
    """Publish `revision` despite blocking findings, recording who did it and why."""
    page = revision.as_object()
    if not page.permissions_for_user(user).can_publish():
        raise PermissionDenied("This account may not publish this page.")
    override = record_override(revision, user, reason)
    PublishPageRevisionAction(revision, user=user, changed=True).execute(
        skip_permission_checks=True
    )
    return override


@transaction.atomic
def start_translation(page, locale, user, translator):
    """Create a draft of `page` in `locale`, linked to it and crediting `translator`."""
    from gazette.people.models import Author

    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    draft = page.copy_for_translation(locale, copy_parents=True, alias=False).specific
    draft.translator = translator
    draft.owner = user
    draft.live = False
    for byline in draft.article_authors.all():
        author: Author = byline.author
        if author.locale_id != locale.pk:
            byline.author = author.get_translation_or_none(locale) or author
            byline.save()
    draft.save()
    draft.save_revision(user=user, log_action=True)
    TranslationLink.objects.update_or_create(
        translation=draft,
        defaults={"source": page, "requested_by": user, "source_revision": page.live_revision},
    )
    return draft


def link_translation(source, target) -> None:
    """Remember that `target` was made from `source` (by any Translate button)."""
    from gazette.news.models import ArticlePage

    if isinstance(source, ArticlePage) and isinstance(target, ArticlePage):
        TranslationLink.objects.get_or_create(
            translation_id=target.pk,
            defaults={"source_id": source.pk, "source_revision": source.live_revision},
        )
