"""Translate → credited draft → published with credit → stale when the original changes."""

import re

import pytest
from django.urls import reverse
from wagtail.rich_text import RichText

from gazette.news.models import ArticlePage
from gazette.newsroom.checks import check_page
from gazette.newsroom.models import TranslationLink
from gazette.newsroom.tests.test_editor_and_guard import edit_post_data
from gazette.testing.factories import make_article, make_author, publish

pytestmark = pytest.mark.django_db

ARABIC_BODY = [
    (
        "paragraph",
        RichText("<p>قالت هيئة الميناء يوم الثلاثاء إن الرصيف الجديد سيفتتح في الربيع.</p>"),
    ),
    ("paragraph", RichText("<p>انتظرت السفن ما يصل إلى أربعة أيام للحصول على رصيف هذا العام.</p>")),
]
ENGLISH_BODY = [
    (
        "paragraph",
        RichText(
            "<p>The harbour authority said on Tuesday that the new berth would open in spring.</p>"
        ),
    ),
    ("paragraph", RichText("<p>Ships have waited up to four days for a berth this year.</p>")),
]


@pytest.fixture
def arabic_original(magazine, writer):
    writer_ar = writer.copy_for_translation(magazine["ar"])
    writer_ar.name = "ليلى حداد"
    writer_ar.live = True
    writer_ar.save()
    return make_article(
        magazine["sections_ar"]["opinion"],
        title="لماذا يحتاج الميناء رصيفاً ثانياً",
        slug="berth-ar",
        authors=[writer_ar],
        body=ARABIC_BODY,
        standfirst="ما يعنيه الرصيف الجديد للمستوردين.",
    )


@pytest.fixture
def sami(magazine):
    return make_author("Sami Nasser", role="Translator", photo=False, slug="sami-nasser")


def test_translate_creates_a_credited_linked_draft(client, editor, arabic_original, sami, writer):
    client.force_login(editor)
    edit_page = client.get(
        reverse("wagtailadmin_pages:edit", args=[arabic_original.pk])
    ).content.decode()
    translate_url = reverse("newsroom:translate", args=[arabic_original.pk])
    assert translate_url in edit_page, "the editor offers Translate on the original"

    form = client.get(translate_url).content.decode()
    assert "Sami Nasser" in form
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    # no translator chosen: a clear error, nothing created
    response = client.post(translate_url, {"locale": english.pk})
    assert "Choose who translates" in response.content.decode()
    assert not ArticlePage.objects.filter(locale=english).exists()

    response = client.post(translate_url, {"locale": english.pk, "translator": sami.pk})
    draft = ArticlePage.objects.get(locale=english, translation_key=arabic_original.translation_key)
    assert response.url == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert not draft.live and draft.translator == sami
    assert [a.author for a in draft.article_authors.all()] == [writer], "byline in English"
    link = TranslationLink.objects.get(translation=draft)
    assert link.source_id == arabic_original.pk and link.requested_by == editor
    assert draft.get_parent().specific.locale == english


def test_published_translation_credits_translator_and_goes_stale(
    client, editor, arabic_original, sami
):
    from wagtail.models import Locale

    from gazette.newsroom.actions import start_translation

    draft = start_translation(arabic_original, Locale.objects.get(language_code="en"), editor, sami)
    client.force_login(editor)
    desk = client.get(reverse("newsroom:translation_desk")).content.decode()
    assert f'data-article="{draft.pk}"' in desk  # in progress

    draft.title = "Why the harbour needs a second berth"
    draft.body = ENGLISH_BODY
    draft.standfirst = "What the new berth means for importers."
    publish(draft)
    assert check_page(draft) == []

    client.logout()
    page = client.get(draft.url).content.decode()
    assert "Translated from Arabic by" in page and "Sami Nasser" in page

    client.force_login(editor)
    stale_section = lambda html: html.split('id="desk-stale"')[1].split("</section>")[0]  # noqa: E731
    assert f'data-article="{draft.pk}"' not in stale_section(
        client.get(reverse("newsroom:translation_desk")).content.decode()
    )

    # The original is corrected and published again: the translation is now stale.
    publish(ArticlePage.objects.get(pk=arabic_original.pk))
    desk = client.get(reverse("newsroom:translation_desk")).content.decode()
    assert f'data-article="{draft.pk}"' in stale_section(desk)

    # Bringing the translation up to date clears it.
    publish(ArticlePage.objects.get(pk=draft.pk))
    desk = client.get(reverse("newsroom:translation_desk")).content.decode()
    assert f'data-article="{draft.pk}"' not in stale_section(desk)


def test_desk_lists_articles_awaiting_translation(client, editor, arabic_original, article):
    client.force_login(editor)
    awaiting = lambda html: html.split('id="desk-awaiting"')[1]  # noqa: E731
    from_arabic = awaiting(
        client.get(reverse("newsroom:translation_desk") + "?from=ar").content.decode()
    )
    assert f'data-article="{arabic_original.pk}"' in from_arabic
    assert f'data-article="{article.pk}"' not in from_arabic
    from_english = awaiting(
        client.get(reverse("newsroom:translation_desk") + "?from=en").content.decode()
    )
    assert f'data-article="{article.pk}"' in from_english


def test_translation_without_credit_is_a_blocker(editor, arabic_original):
    from wagtail.models import Locale

    # Wagtail's own Translate button (simple_translation) copies without a translator.
    copy = arabic_original.copy_for_translation(Locale.objects.get(language_code="en")).specific
    assert TranslationLink.objects.filter(translation=copy, source=arabic_original).exists()
    findings = [f for f in check_page(copy) if f.check_id == "translation-credit"]
    assert [f.severity for f in findings] == ["blocker"]


def test_translator_can_start_and_edit_a_translation(
    client, translator_user, arabic_original, sami
):
    from wagtail.models import Locale

    client.force_login(translator_user)
    english = Locale.objects.get(language_code="en")
    client.post(
        reverse("newsroom:translate", args=[arabic_original.pk]),
        {"locale": english.pk, "translator": sami.pk},
    )
    draft = ArticlePage.objects.get(locale=english)
    assert draft.owner == translator_user
    data = edit_post_data(draft, title="Why the harbour needs a second berth", body=ENGLISH_BODY)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft.pk]), data)
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object().title == (
        "Why the harbour needs a second berth"
    )


def test_the_translate_form_offers_the_translator_first_and_picks_the_translator_themself(
    client, translator_user, arabic_original, magazine
):
    """Into Arabic, the translator's author record is written in Arabic, with an Arabic role:
    it still comes first, and is chosen when the account is that translator."""
    anna = make_author("Anna Abbas", role="Columnist", photo=False, slug="anna")
    anna.copy_for_translation(magazine["ar"]).save()
    rania = make_author("Rania Saad", role="Translator", photo=False, slug="rania")
    rania_ar = rania.copy_for_translation(magazine["ar"])
    rania_ar.name, rania_ar.role, rania_ar.live = "رانيا سعد", "مترجمة", True
    rania_ar.save()
    english_original = make_article(
        magazine["sections"]["news"], title="The port reopens", authors=[anna]
    )
    translator_user.first_name, translator_user.last_name = "Rania", "Saad"
    translator_user.save()

    client.force_login(translator_user)
    form = client.get(reverse("newsroom:translate", args=[english_original.pk])).content.decode()
    options = form.split('id="id_translator"')[1].split("</select>")[0]
    choices = re.findall(r'<option value="(\d*)"( selected)?>([^<]*)</option>', options)
    assert [name for _pk, _sel, name in choices][1:3] == ["رانيا سعد", "Anna Abbas"]
    assert [name for _pk, selected, name in choices if selected] == ["رانيا سعد"]
