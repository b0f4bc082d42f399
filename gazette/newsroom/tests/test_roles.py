"""The three demo roles can do what their job needs, and no more."""

import pytest
from django.contrib.auth import get_user_model

from gazette.newsroom.roles import CONTRIBUTORS, EDITORS, ensure_roles


def user_in(group_name, username):
    user = get_user_model().objects.create_user(username, password="pw")
    if group_name:
        from django.contrib.auth.models import Group

        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def roles(magazine):
    return ensure_roles([magazine["home"], magazine["home_ar"]])


def test_contributor_writes_but_cannot_publish(roles, article):
    contributor = user_in(CONTRIBUTORS, "carmen")
    perms = article.permissions_for_user(contributor)
    assert perms.can_edit()
    assert not perms.can_publish()
    assert article.get_parent().permissions_for_user(contributor).can_add_subpage()


def test_editor_publishes_and_unpublishes(roles, article):
    editor = user_in(EDITORS, "elias")
    perms = article.permissions_for_user(editor)
    assert perms.can_edit() and perms.can_publish() and perms.can_unpublish()
    assert perms.can_lock()


def test_roles_reach_the_arabic_edition_too(roles, magazine):
    contributor = user_in(CONTRIBUTORS, "carmen")
    assert magazine["sections_ar"]["opinion"].permissions_for_user(contributor).can_add_subpage()


def test_nobody_else_gets_in(roles, article):
    stranger = user_in(None, "stranger")
    assert not article.permissions_for_user(stranger).can_edit()
    assert not stranger.has_perm("wagtailadmin.access_admin")


def test_contributor_cannot_publish_through_the_admin(client, roles, article):
    contributor = user_in(CONTRIBUTORS, "carmen")
    client.force_login(contributor)
    edit_url = f"/admin/pages/{article.pk}/edit/"
    page = client.get(edit_url)
    assert page.status_code == 200
    assert b'name="action-publish"' not in page.content
    assert b'name="action-submit"' in page.content or b"Submit for moderation" in page.content


def test_editor_publishes_through_the_admin(client, roles, article):
    editor = user_in(EDITORS, "elias")
    client.force_login(editor)
    page = client.get(f"/admin/pages/{article.pk}/edit/")
    assert page.status_code == 200 and b'name="action-publish"' in page.content


def test_administrator_manages_everything(roles, article):
    admin = get_user_model().objects.create_superuser("ada", "ada@example.com", "pw")
    assert article.permissions_for_user(admin).can_delete()
    assert article.permissions_for_user(admin).can_publish()
    assert article.get_parent().permissions_for_user(admin).can_add_subpage()
    assert admin.has_perm("people.publish_author")


def test_ensure_roles_is_idempotent(roles, magazine):
    again = ensure_roles([magazine["home"], magazine["home_ar"]])
    assert {g.name for g in again.values()} == {CONTRIBUTORS, EDITORS}
    assert again[EDITORS].page_permissions.count() == roles[EDITORS].page_permissions.count()
