"""The newsroom's roles as Django groups with Wagtail permissions.

Contributors write and submit; editors publish; administrators are superusers.
`ensure_roles()` is idempotent: it brings the groups to exactly these permissions.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

CONTRIBUTORS = "Contributors"
EDITORS = "Editors"

PAGE_PERMISSIONS = {
    CONTRIBUTORS: ["add_page", "change_page"],
    EDITORS: [
        "add_page",
        "change_page",
        "publish_page",
        "bulk_delete_page",
        "lock_page",
        "unlock_page",
    ],
}
IMAGE_PERMISSIONS = {
    CONTRIBUTORS: ["add_image", "choose_image"],
    EDITORS: ["add_image", "change_image", "choose_image", "delete_image"],
}
AUTHOR_PERMISSIONS = {
    CONTRIBUTORS: ["view_author"],
    EDITORS: ["add_author", "change_author", "delete_author", "publish_author", "view_author"],
}


def _perm(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles(home_pages: list[Page] | None = None) -> dict[str, Group]:
    """Create or reset the newsroom groups; grant page rights on each front page."""
    if home_pages is None:
        home_pages = list(Page.objects.filter(depth=2))
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    access_admin = _perm("wagtailadmin", "access_admin")
    image_ct = ContentType.objects.get(app_label="wagtailimages", model="image")
    groups = {}
    for name in (CONTRIBUTORS, EDITORS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [access_admin] + [_perm("people", code) for code in AUTHOR_PERMISSIONS[name]]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        for home in home_pages:
            for code in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.create(
                    group=group, page=home, permission=_perm("wagtailcore", code)
                )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for code in IMAGE_PERMISSIONS[name]:
            GroupCollectionPermission.objects.create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(content_type=image_ct, codename=code),
            )
        groups[name] = group
    return groups
