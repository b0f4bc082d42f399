"""The demo magazine command: believable, complete, deterministic, safe to run twice."""

import random
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Site

from gazette.demo import corpus
from gazette.home.models import HomePage
from gazette.news.models import ArticlePage, SectionPage
from gazette.people.models import Author


@pytest.fixture(autouse=True)
def _queued(queued_tasks):
    """The demo is built as `make run` builds it: slow side work is queued for the worker."""


def run_demo(**options):
    out = StringIO()
    call_command("gazette_demo", stdout=out, **options)
    return out.getvalue()


def test_demo_builds_a_magazine_and_second_run_adds_nothing(db):
    first = run_demo(seed=5, articles=16, arabic=3)
    assert "Demo magazine ready" in first and "Articles: 19/19" in first
    assert "admin / gazette-admin" in first

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert HomePage.objects.count() == 2  # English and its Arabic translation
    assert {s.slug for s in SectionPage.objects.filter(locale__language_code="en")} == {
        "news",
        "opinion",
        "report",
        "caricature",
    }
    assert ArticlePage.objects.live().filter(locale__language_code="en").count() == 16 + 3
    arabic = ArticlePage.objects.live().filter(locale__language_code="ar")
    assert arabic.count() == 3
    for original in arabic:
        translation = original.get_translations().get()
        assert translation.locale.language_code == "en" and translation.translator_id
    assert ArticlePage.objects.filter(kind="caricature").exists()
    assert Author.objects.filter(locale__language_code="en").count() == len(
        corpus.author_profiles()
    )
    assert all(a.photo_id for a in Author.objects.all())
    users = get_user_model().objects.in_bulk(field_name="username")
    assert users["admin"].is_superuser
    assert users["editor"].groups.filter(name="Editors").exists()
    assert users["contributor"].groups.filter(name="Contributors").exists()

    counts = (
        ArticlePage.objects.count(),
        Author.objects.count(),
        get_image_model().objects.count(),
    )
    second = run_demo(seed=5, articles=16, arabic=3)
    assert "nothing new" in second
    assert (
        ArticlePage.objects.count(),
        Author.objects.count(),
        get_image_model().objects.count(),
    ) == counts


def test_if_empty_leaves_an_existing_magazine_alone(db):
    run_demo(seed=5, articles=4, arabic=1)
    before = ArticlePage.objects.count()
    out = run_demo(seed=99, articles=30, arabic=5, if_empty=True)
    assert "was not loaded" in out
    assert ArticlePage.objects.count() == before


def test_articles_span_months_and_are_real_prose(db):
    run_demo(seed=5, articles=24, arabic=2)
    dates = sorted(ArticlePage.objects.values_list("first_published_at", flat=True))
    assert (dates[-1] - dates[0]).days >= 120
    article = ArticlePage.objects.filter(kind="opinion", locale__language_code="en").first()
    text = " ".join(str(block.value) for block in article.body)
    assert "lorem" not in text.lower()
    assert len(text.split()) > 250


def test_same_seed_same_magazine():
    assert corpus.english_articles(random.Random(3), 30) == corpus.english_articles(
        random.Random(3), 30
    )
    assert corpus.arabic_pairs(random.Random(3), 4) == corpus.arabic_pairs(random.Random(3), 4)
    assert corpus.english_articles(random.Random(3), 30) != corpus.english_articles(
        random.Random(4), 30
    )
