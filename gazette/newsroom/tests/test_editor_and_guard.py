"""The integrity panel in the editor, the publish guard, and the recorded override."""

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from gazette.news.models import ArticlePage
from gazette.newsroom.models import IntegrityOverride
from gazette.testing.factories import make_article

pytestmark = pytest.mark.django_db

AI_PARAGRAPH = "Here’s a professional translation of the text you provided:"


def edit_post_data(page, **changes):
    """Build the editor's POST for `page` from the page itself (as the form would send it)."""
    from wagtail.admin.tests.test_contentstate import content_state_equal  # noqa: F401
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    body = []
    for block in changes.pop("body", None) or page.body:
        kind, value = (block.block_type, block.value) if hasattr(block, "block_type") else block
        if kind == "paragraph":
            html = value.source if hasattr(value, "source") else str(value)
            body.append(("paragraph", rich_text(html)))
        else:
            body.append((kind, value))
    data = {
        "title": page.title,
        "slug": page.slug,
        "kind": page.kind,
        "standfirst": page.standfirst,
        "hero_alt": page.hero_alt,
        "hero_caption": page.hero_caption,
        "hero_credit": page.hero_credit,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "tags": "",
        "body": streamfield(body),
        "article_authors": {
            "TOTAL_FORMS": "1",
            "INITIAL_FORMS": "0",
            "MIN_NUM_FORMS": "0",
            "MAX_NUM_FORMS": "1000",
            "0": {
                "author": str(page.article_authors.first().author_id),
                "ORDER": "0",
                "id": "",
                "DELETE": "",
            },
        },
        "comments": {
            "TOTAL_FORMS": "0",
            "INITIAL_FORMS": "0",
            "MIN_NUM_FORMS": "0",
            "MAX_NUM_FORMS": "1000",
        },
    }
    if page.hero_image_id:
        data["hero_image"] = str(page.hero_image_id)
    data.update(changes)
    return nested_form_data(data)


def with_ai_text(page):
    return [
        ("paragraph", RichText("<p>The harbour authority said the berth opens in spring.</p>")),
        ("paragraph", RichText(f"<p>{AI_PARAGRAPH}</p>")),
    ]


def test_editor_panel_lists_findings_and_refreshes_on_save(client, editor, article):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    page = client.get(url).content.decode()
    assert "Integrity checks" in page
    assert 'data-check="ai-boilerplate"' not in page

    response = client.post(url, edit_post_data(article, body=with_ai_text(article)))
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert 'data-check="ai-boilerplate"' in page
    assert "here&#x27;s a professional translation" in page or "professional translation" in page


def test_blocker_stops_publication_but_keeps_the_draft(client, editor, article):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    data = edit_post_data(article, body=with_ai_text(article), **{"action-publish": "publish"})
    response = client.post(url, data, follow=True)
    article.refresh_from_db()
    live = ArticlePage.objects.get(pk=article.pk)
    # the live article still has the old body; the change waits in a draft revision
    assert AI_PARAGRAPH not in str(live.body)
    assert live.has_unpublished_changes
    assert AI_PARAGRAPH in str(live.get_latest_revision_as_object().body)
    text = response.content.decode()
    assert "Not published" in text and "ai-boilerplate" in text
    assert reverse("newsroom:override", args=[article.pk]) in text


def test_clean_article_publishes_from_the_editor(client, editor, article):
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    data = edit_post_data(
        article, title="A new berth for the harbour", **{"action-publish": "publish"}
    )
    client.post(url, data)
    assert ArticlePage.objects.get(pk=article.pk).title == "A new berth for the harbour"
    assert not IntegrityOverride.objects.exists()


def test_editor_overrides_with_a_recorded_reason(client, editor, article):
    client.force_login(editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    client.post(
        edit_url, edit_post_data(article, body=with_ai_text(article), **{"action-publish": "1"})
    )
    override_url = reverse("newsroom:override", args=[article.pk])
    page = client.get(override_url).content.decode()
    assert "ai-boilerplate" in page

    # no reason: nothing happens, the form says why
    response = client.post(override_url, {"comment": ""})
    assert "Give the reason" in response.content.decode()
    assert not IntegrityOverride.objects.exists()

    reason = "The phrase is quoted on purpose: the piece is about machine translation."
    client.post(override_url, {"comment": reason})
    live = ArticlePage.objects.get(pk=article.pk)
    assert AI_PARAGRAPH in str(live.body) and not live.has_unpublished_changes
    record = IntegrityOverride.objects.get()
    assert (record.page_id, record.user, record.reason) == (article.pk, editor, reason)
    assert record.revision_id == live.live_revision_id
    assert [f["check_id"] for f in record.findings] == ["ai-boilerplate"]


def test_contributor_cannot_override(client, contributor, magazine, writer):
    page = make_article(magazine["sections"]["news"], authors=[writer], owner=contributor)
    client.force_login(contributor)
    # Wagtail's admin turns a refusal into a redirect to the dashboard with a message.
    response = client.get(reverse("newsroom:override", args=[page.pk]))
    assert (response.status_code, response.url) == (302, "/admin/")
    client.post(reverse("newsroom:override", args=[page.pk]), {"comment": "x" * 40})
    assert not IntegrityOverride.objects.exists()


def test_clean_fixture_article_has_no_findings(article):
    from gazette.newsroom.checks import check_page

    article.seo_title = "A second berth for the harbour"
    article.hero_credit = "AFP"
    assert check_page(article) == []


def test_override_log_is_readable_and_never_editable(client, editor, article):
    from gazette.newsroom.actions import publish_with_override

    revision = article.save_revision(user=editor)
    record = publish_with_override(revision, editor, "Published on the publisher's instruction.")
    client.force_login(editor)
    listing = client.get(reverse("integrity_overrides:index"))
    assert listing.status_code == 200
    assert "Published on the publisher&#x27;s instruction." in listing.content.decode()
    assert client.get(reverse("integrity_overrides:inspect", args=[record.pk])).status_code == 200
    for name, args in (("add", []), ("edit", [record.pk]), ("delete", [record.pk])):
        response = client.get(reverse(f"integrity_overrides:{name}", args=args))
        assert response.status_code == 302 and response.url == "/admin/", name


def test_bulk_publish_is_refused_for_articles_with_blockers(client, editor, article):
    page = ArticlePage.objects.get(pk=article.pk)
    page.body = with_ai_text(page)
    page.save_revision(user=editor)
    client.force_login(editor)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{url}?id={page.pk}&next=/admin/pages/", {}, follow=True)
    assert "Nothing was published" in response.content.decode()
    assert AI_PARAGRAPH not in str(ArticlePage.objects.get(pk=page.pk).body)
