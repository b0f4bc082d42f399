"""The newsroom's roles as Django groups with Wagtail permissions.

Contributors write drafts and submit them for review; authors too, and may publish their
own opinion pieces when the publisher allows it (Settings → Newsroom); editors review,
publish and schedule, and run the newsletters; the legal & standards desk reviews opinion and reports; translators
create and edit translations only; administrators run the site (superusers need no group).
`ensure_roles()` is idempotent: it brings the groups to exactly these permissions, and
sets up the review workflow on the front pages.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

CONTRIBUTORS = "Contributors"
AUTHORS = "Authors"
EDITORS = "Editors"
LEGAL = "Legal & standards"
TRANSLATORS = "Translators"
ADMINISTRATORS = "Administrators"
ROLES = (CONTRIBUTORS, AUTHORS, EDITORS, LEGAL, TRANSLATORS, ADMINISTRATORS)

_EDITOR_PAGES = [
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
]
PAGE_PERMISSIONS = {
    # "add" alone lets a writer create pages and edit the ones they own, never others'.
    CONTRIBUTORS: ["add_page"],
    AUTHORS: ["add_page"],
    EDITORS: _EDITOR_PAGES,
    LEGAL: _EDITOR_PAGES,
    # Narrowed to translations by gazette.newsroom.permissions and the edit hooks.
    TRANSLATORS: ["change_page"],
    ADMINISTRATORS: _EDITOR_PAGES,
}
_ALL_IMAGES = ["add_image", "change_image", "choose_image", "delete_image"]
IMAGE_PERMISSIONS = {
    CONTRIBUTORS: ["add_image", "choose_image"],
    AUTHORS: ["add_image", "choose_image"],
    EDITORS: _ALL_IMAGES,
    LEGAL: _ALL_IMAGES,
    TRANSLATORS: ["choose_image"],
    ADMINISTRATORS: _ALL_IMAGES,
}
_ALL_AUTHORS = ["add_author", "change_author", "delete_author", "publish_author", "view_author"]
# The newsletter desk: define lists, compose, test and send editions, manage readers
# (search, import, export, suppress). Writers get none of it.
_NEWSLETTER = [
    f"newsletter.{action}_{model}"
    for model in ("newsletter", "edition", "subscriber", "suppression")
    for action in ("add", "change", "delete", "view")
]
# Model permissions as "app_label.codename".
MODEL_PERMISSIONS = {
    CONTRIBUTORS: ["people.view_author"],
    AUTHORS: ["people.view_author"],
    EDITORS: [f"people.{c}" for c in _ALL_AUTHORS]
    + [
        "newsroom.override_integrity_blockers",
        "newsroom.view_integrityoverride",
        "newsroom.translate_article",
    ]
    + _NEWSLETTER,
    LEGAL: [f"people.{c}" for c in _ALL_AUTHORS]
    + ["newsroom.override_integrity_blockers", "newsroom.view_integrityoverride"],
    TRANSLATORS: ["people.view_author", "people.change_author", "newsroom.translate_article"],
    ADMINISTRATORS: [f"people.{c}" for c in _ALL_AUTHORS]
    + _NEWSLETTER
    + [
        "newsroom.override_integrity_blockers",
        "newsroom.view_integrityoverride",
        "newsroom.translate_article",
        "newsroom.change_newsroomsettings",
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.add_group",
        "auth.change_group",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "wagtailcore.change_site",
        "wagtailcore.add_locale",
        "wagtailcore.change_locale",
    ],
}


def _perm(label: str) -> Permission:
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_perms(labels: list[str]) -> list[Permission]:
    """Return the permissions that exist; some (publish_author) appear only once the
    model is registered with Wagtail's snippets, so a missing one is skipped, not fatal."""
    found = []
    for label in labels:
        app_label, codename = label.split(".")
        found += Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return found


def ensure_roles(home_pages: list[Page] | None = None) -> dict[str, Group]:
    """Create or reset the newsroom groups; grant page rights on each front page."""
    if home_pages is None:
        home_pages = list(Page.objects.filter(depth=2))
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    access_admin = _perm("wagtailadmin.access_admin")
    image_ct = ContentType.objects.get(app_label="wagtailimages", model="image")
    groups = {}
    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([access_admin, *_model_perms(MODEL_PERMISSIONS[name])])
        GroupPagePermission.objects.filter(group=group).delete()
        for home in home_pages:
            for code in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.create(
                    group=group, page=home, permission=_perm(f"wagtailcore.{code}")
                )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for code in IMAGE_PERMISSIONS[name]:
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(content_type=image_ct, codename=code),
            )
        groups[name] = group
    from gazette.newsroom.workflow import ensure_workflow

    ensure_workflow(home_pages, groups)
    return groups
