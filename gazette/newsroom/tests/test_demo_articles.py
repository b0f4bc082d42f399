"""The demo magazine's articles are clean: the integrity checks find nothing in them."""

import pytest

pytest.importorskip("gazette.demo.corpus", reason="the demo prose generator has not landed yet")

pytestmark = pytest.mark.django_db


def test_demo_articles_trigger_no_check():
    from gazette.demo.builder import build
    from gazette.news.models import ArticlePage
    from gazette.newsroom.checks import CheckContext, from_page, run_checks

    build(seed=7, articles=24, arabic=4, write=lambda message: None)
    context = CheckContext()
    pages = ArticlePage.objects.live().select_related("locale", "translator")
    assert pages.count() == 24 + 8
    findings = {page.url_path: run_checks(from_page(page), context) for page in pages}
    assert {path: found for path, found in findings.items() if found} == {}
