"""Checks that read real pages: body images and links, the published archive."""

import pytest
from wagtail.rich_text import RichText

from gazette.newsroom.checks import check_page
from gazette.testing.factories import make_article, make_image

pytestmark = pytest.mark.django_db

LONG_EN = (
    "The harbour authority said on Tuesday that the new berth would open in spring, after two "
    "years of work on the quay and a long argument with the ministry about who would pay for "
    "the cranes, the dredging and the new road that trucks will need to reach the terminal "
    "without crossing the old town at rush hour."
)
LONG_AR = (
    "قالت هيئة الميناء يوم الثلاثاء إن الرصيف الجديد سيفتتح في الربيع بعد عامين من العمل على "
    "الرصيف وجدال طويل مع الوزارة حول من سيدفع ثمن الرافعات والتجريف والطريق الجديد الذي "
    "تحتاجه الشاحنات للوصول إلى المحطة دون عبور البلدة القديمة في ساعة الذروة كل صباح ومساء"
)


def ids(page):
    return sorted(f.check_id for f in check_page(page))


@pytest.mark.parametrize("language", ["en", "ar"])
def test_near_duplicate_of_a_published_article(magazine, writer, language):
    sections = magazine["sections"] if language == "en" else magazine["sections_ar"]
    text = LONG_EN if language == "en" else LONG_AR
    make_article(
        sections["news"],
        title="First" if language == "en" else "الأول",
        authors=[writer],
        body=[("paragraph", RichText(f"<p>{text}</p>"))],
    )
    copy = make_article(
        sections["report"],
        title="Second" if language == "en" else "الثاني",
        authors=[writer],
        body=[("paragraph", RichText(f"<p>{text} And more.</p>"))],
    )
    assert "near-duplicate" in ids(copy)
    other = make_article(
        sections["report"], title="Third" if language == "en" else "الثالث", authors=[writer]
    )
    assert "near-duplicate" not in ids(other)


@pytest.mark.parametrize(
    "title", ["Port reopens after the storm", "الميناء يعيد فتح أبوابه بعد العاصفة"]
)
def test_duplicate_headline(magazine, writer, title):
    sections = magazine["sections_ar"] if "\u0600" <= title[0] <= "\u06ff" else magazine["sections"]
    make_article(sections["news"], title=title, authors=[writer])
    second = make_article(sections["opinion"], title=title + ".", authors=[writer])
    assert [f.severity for f in check_page(second) if f.check_id == "duplicate-headline"] == [
        "warning"
    ]
    third = make_article(sections["opinion"], title=title + " again, and why", authors=[writer])
    assert "duplicate-headline" not in ids(third)


def test_body_figure_and_links_are_checked(magazine, writer):
    picture = make_image("Quay")
    page = make_article(
        magazine["sections"]["news"],
        title="The quay at dawn",
        authors=[writer],
        body=[
            ("paragraph", RichText('<p>See <a href="javascript:alert(1)">the plan</a>.</p>')),
            ("image", {"image": picture, "caption": "The quay", "credit": ""}),
        ],
    )
    page.body[1].value["image"].contextual_alt_text = ""
    page.body[1].value["image"].decorative = False
    found = {(f.check_id, f.where) for f in check_page(page)}
    assert ("unsafe-link", "body paragraph 1") in found
    assert ("image-credit", "body image at block 2") in found
    assert ("image-alt", "body image at block 2") in found


def test_unpublished_author_in_byline(magazine, writer):
    page = make_article(magazine["sections"]["news"], title="Quiet", authors=[writer])
    writer.live = False
    writer.save()
    page = type(page).objects.get(pk=page.pk)
    assert "byline-unpublished" in ids(page)


def test_fingerprints_follow_publish_and_unpublish(
    magazine, writer, django_capture_on_commit_callbacks
):
    from gazette.newsroom.models import ArticleFingerprint, ArticleShingle

    with django_capture_on_commit_callbacks(execute=True):  # the task is queued on commit
        page = make_article(
            magazine["sections"]["news"],
            title="Fingerprinted",
            authors=[writer],
            body=[("paragraph", RichText(f"<p>{LONG_EN}</p>"))],
        )
    fingerprint = ArticleFingerprint.objects.get(page_id=page.pk)
    assert fingerprint.published_at == type(page).objects.get(pk=page.pk).last_published_at
    assert fingerprint.shingle_count == len(LONG_EN.split()) - 4
    assert (
        ArticleShingle.objects.filter(fingerprint=fingerprint).count() == len(LONG_EN.split()) - 4
    )
    page.unpublish()
    assert not ArticleFingerprint.objects.filter(page_id=page.pk).exists()
    assert not ArticleShingle.objects.exists()
