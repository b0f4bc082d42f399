"""What each newsroom role may and may not do to articles."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission

from gazette.newsroom.models import NewsroomSettings
from gazette.newsroom.roles import ADMINISTRATORS, ROLES
from gazette.newsroom.tests.conftest import make_user
from gazette.testing.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def opinion(magazine):
    return magazine["sections"]["opinion"]


def perms(user, page):
    return page.permissions_for_user(user)


def test_contributor_drafts_and_submits_but_never_publishes(contributor, opinion, writer, article):
    assert perms(contributor, opinion).can_add_subpage()
    own = make_article(opinion, authors=[writer], owner=contributor)
    assert perms(contributor, own).can_edit()
    assert perms(contributor, own).can_submit_for_moderation()
    assert not perms(contributor, own).can_publish()
    assert not perms(contributor, own).can_unpublish()
    # someone else's article is out of reach
    assert not perms(contributor, article).can_edit()
    assert not contributor.has_perm("newsroom.override_integrity_blockers")


def test_author_publishes_own_opinion_only_when_the_publisher_allows(
    author_user, opinion, magazine, writer, article
):
    own_opinion = make_article(opinion, authors=[writer], owner=author_user)
    own_news = make_article(magazine["sections"]["news"], authors=[writer], owner=author_user)
    settings = NewsroomSettings.load()
    assert settings.authors_may_publish_opinion is False
    assert not perms(author_user, own_opinion).can_publish()

    settings.authors_may_publish_opinion = True
    settings.save()
    assert perms(author_user, own_opinion).can_publish()
    assert perms(author_user, own_opinion).can_unpublish()
    assert not perms(author_user, own_news).can_publish()  # not an opinion piece
    assert not perms(author_user, article).can_publish()  # not theirs
    assert not perms(author_user, article).can_edit()


def test_author_publish_button_follows_the_setting(client, author_user, opinion, writer):
    own = make_article(opinion, authors=[writer], owner=author_user)
    client.force_login(author_user)
    url = reverse("wagtailadmin_pages:edit", args=[own.pk])
    assert 'name="action-publish"' not in client.get(url).content.decode()
    NewsroomSettings.objects.update_or_create(defaults={"authors_may_publish_opinion": True})
    assert 'name="action-publish"' in client.get(url).content.decode()


def test_editor_reviews_publishes_schedules_and_locks(editor, article):
    tester = perms(editor, article)
    assert tester.can_edit() and tester.can_publish() and tester.can_unpublish()
    assert tester.can_lock() and tester.can_unlock()
    assert editor.has_perm("newsroom.override_integrity_blockers")
    assert editor.has_perm("newsroom.translate_article")


def test_legal_desk_reviews_and_publishes(legal, article):
    assert perms(legal, article).can_publish()
    assert legal.has_perm("newsroom.override_integrity_blockers")


def test_translator_edits_translations_only(client, translator_user, magazine, writer, article):
    from gazette.newsroom.actions import start_translation
    from gazette.testing.factories import make_author

    editor_user = make_user("boss", superuser=True)
    sami = make_author("سامي", locale=magazine["ar"], slug="sami", role="Translator", photo=False)
    draft = start_translation(article, magazine["ar"], editor_user, sami)

    assert not perms(translator_user, article).can_edit()
    assert perms(translator_user, draft).can_edit()
    assert not perms(translator_user, draft).can_publish()
    assert not perms(translator_user, magazine["sections"]["opinion"]).can_add_subpage()

    client.force_login(translator_user)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code == 200
    # originals, sections and the front page are refused, by the permission tester or the hook
    for page in (article, magazine["sections"]["opinion"], magazine["home"]):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 302 and response.url == "/admin/", page
    create = reverse(
        "wagtailadmin_pages:add", args=["news", "articlepage", magazine["sections"]["opinion"].pk]
    )
    assert client.get(create).status_code == 302


def test_administrators_manage_people_and_workflows(roles, magazine, article):
    admin = make_user("chief", roles[ADMINISTRATORS])
    for perm in (
        "auth.change_user",
        "auth.add_group",
        "wagtailcore.change_workflow",
        "newsroom.change_newsroomsettings",
    ):
        assert admin.has_perm(perm), perm
    assert perms(admin, article).can_publish()


def test_gazette_roles_command_is_idempotent(magazine, capsys):
    call_command("gazette_roles")
    first = {
        g.name: (g.permissions.count(), g.page_permissions.count()) for g in Group.objects.all()
    }
    call_command("gazette_roles")
    second = {
        g.name: (g.permissions.count(), g.page_permissions.count()) for g in Group.objects.all()
    }
    assert first == second and set(ROLES) <= set(second)
    assert GroupPagePermission.objects.filter(page=magazine["home_ar"]).exists()
    assert "Roles and the review workflow are in place." in capsys.readouterr().out


# --- Kept from the foundation's role tests ------------------------------------------
def test_roles_reach_the_arabic_edition_too(contributor, translator_user, magazine):
    assert perms(contributor, magazine["sections_ar"]["opinion"]).can_add_subpage()
    assert perms(contributor, magazine["sections"]["opinion"]).can_add_subpage()


def test_nobody_else_gets_in(roles, article):
    stranger = make_user("stranger")
    assert not perms(stranger, article).can_edit()
    assert not stranger.has_perm("wagtailadmin.access_admin")


def test_contributor_submits_but_cannot_publish_through_the_admin(
    client, contributor, opinion, writer
):
    own = make_article(opinion, authors=[writer], owner=contributor)
    client.force_login(contributor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[own.pk]))
    assert page.status_code == 200
    assert b'name="action-publish"' not in page.content
    assert b'name="action-submit"' in page.content


def test_editor_publishes_through_the_admin(client, editor, article):
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert page.status_code == 200 and b'name="action-publish"' in page.content


def test_superuser_administrator_manages_everything(roles, article):
    admin = make_user("ada", superuser=True)
    assert perms(admin, article).can_delete()
    assert perms(admin, article).can_publish()
    assert perms(admin, article.get_parent()).can_add_subpage()
    assert admin.has_perm("people.publish_author")


def test_ensure_roles_is_idempotent(roles, magazine):
    from gazette.newsroom.roles import EDITORS, ensure_roles

    again = ensure_roles([magazine["home"], magazine["home_ar"]])
    assert set(again) == set(ROLES)
    assert again[EDITORS].page_permissions.count() == roles[EDITORS].page_permissions.count()


def test_translator_who_also_writes_keeps_to_translations_and_own_drafts(
    roles, opinion, writer, article
):
    from gazette.newsroom.roles import CONTRIBUTORS, TRANSLATORS

    both = make_user("both", roles[TRANSLATORS])
    both.groups.add(roles[CONTRIBUTORS])
    own = make_article(opinion, authors=[writer], owner=both)
    assert perms(both, opinion).can_add_subpage()
    assert perms(both, own).can_edit()
    assert not perms(both, article).can_edit(), "the translators' change right is not a licence"
