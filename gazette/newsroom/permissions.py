"""What each role may do to an article, beyond Wagtail's page permissions.

Wagtail grants page rights per subtree; two newsroom rules depend on the article itself:
authors may publish their own opinion pieces when the publisher allows it, and
translators may edit translations only.
"""

from __future__ import annotations

from wagtail.models import PagePermissionTester

from gazette.newsroom.roles import ADMINISTRATORS, AUTHORS, EDITORS, LEGAL, TRANSLATORS

# Roles whose page rights cover every article; a translator who also holds one is not
# held to translations.
EDITING_ROLES = frozenset({EDITORS, LEGAL, ADMINISTRATORS})


def group_names(user) -> frozenset[str]:
    """Return the user's group names, cached on the user for the request."""
    cached = getattr(user, "_newsroom_groups", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True)) if user.pk else frozenset()
        user._newsroom_groups = cached
    return cached


def is_translator_only(user) -> bool:
    """Is the user a translator and nothing more (no editing or writing role)?"""
    return (
        user.is_active and not user.is_superuser and group_names(user) == frozenset({TRANSLATORS})
    )


def translation_restricted(user) -> bool:
    """Is the user's right to change pages only a translator's (translations, own drafts)?"""
    groups = group_names(user)
    return (
        user.is_active
        and not user.is_superuser
        and TRANSLATORS in groups
        and not (groups & EDITING_ROLES)
    )


def may_edit_as_translator(user, page, add_permission: bool) -> bool:
    """Translations, and (for a translator who also writes) the user's own pages."""
    from gazette.newsroom.translation import is_translation

    if is_translation(page):
        return True
    return add_permission and page.owner_id == user.pk


def author_may_publish(user, page) -> bool:
    """May this author publish this page: their own opinion piece, if the publisher allows?"""
    from gazette.news.models import ArticleKind
    from gazette.newsroom.models import NewsroomSettings

    if not (user.is_active and AUTHORS in group_names(user)):
        return False
    if getattr(page, "kind", None) != ArticleKind.OPINION or page.owner_id != user.pk:
        return False
    return NewsroomSettings.load().authors_may_publish_opinion


class ArticlePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, with the authors' and translators' rules for articles."""

    def can_edit(self):
        if translation_restricted(self.user):
            return super().can_edit() and may_edit_as_translator(
                self.user, self.page, "add" in self.permissions
            )
        return super().can_edit()

    def can_publish(self):
        return super().can_publish() or (
            not self.page_is_root and author_may_publish(self.user, self.page)
        )

    def can_unpublish(self):
        if super().can_unpublish():
            return True
        return bool(
            self.page.live and not self.page_locked() and author_may_publish(self.user, self.page)
        )
