"""The demo magazine command: believable, complete, deterministic, safe to run twice."""

import random
import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.html import escape
from wagtail.images import get_image_model
from wagtail.models import Site

from gazette.demo import corpus
from gazette.discovery.buffer import reset_view_buffer
from gazette.discovery.models import ArticleDiscovery, DailyViews
from gazette.home.models import HomePage
from gazette.news.models import ArticlePage, SectionPage
from gazette.people.models import Author


@pytest.fixture(autouse=True)
def _queued(queued_tasks, settings, tmp_path):
    """The demo is built as `make run` builds it: slow side work is queued for the worker."""
    settings.GAZETTE_DISCOVERY_DIR = tmp_path / "discovery"
    settings.REDIS_URL = ""
    reset_view_buffer()
    yield
    reset_view_buffer()


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


def popular_titles(html: str) -> list[str]:
    return re.findall(r'class="popular-item__title"[^>]*>([^<]+)</a>', html)


def test_demo_rails_show_measured_readers_and_computed_relatives(client, db):
    out = run_demo(seed=5, articles=16, arabic=3)
    assert "views counted" in out and "robots or prefetches" in out

    # Every live article has its related list, computed during the build (none queued).
    live = ArticlePage.objects.live()
    lists = ArticleDiscovery.objects.filter(article__in=live, computed_at__isnull=False)
    assert lists.count() == live.count() == 22
    assert all(d.related_ids for d in lists)
    article = live.filter(locale__language_code="en").first()
    page = client.get(article.url).content.decode()
    assert "You May Also Like" in page

    # Popular Posts comes from rolled-up beacons, in both languages and per section.
    views = sum(DailyViews.objects.values_list("views", flat=True))
    assert views > 0
    assert popular_titles(client.get("/").content.decode())
    assert popular_titles(client.get("/ar/").content.decode())
    section = SectionPage.objects.get(slug="opinion", locale__language_code="en")
    section_html = client.get(section.url).content.decode()
    in_section = set(live.child_of(section).values_list("title", flat=True))
    shown = popular_titles(section_html)
    assert "Popular in Opinion" in section_html and shown
    assert set(shown) <= {escape(t) for t in in_section}

    run_demo(seed=5, articles=16, arabic=3)  # a second run invents no more readers
    assert sum(DailyViews.objects.values_list("views", flat=True)) == views
