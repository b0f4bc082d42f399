"""The demo magazine's articles are clean: the integrity checks find nothing in them."""

import random

import pytest

from gazette.demo import corpus
from gazette.newsroom.checks import ArticleText, CheckContext, run_checks
from gazette.newsroom.checks.archive import ArchivedArticle, MemoryArchive
from gazette.newsroom.checks.document import Block
from gazette.newsroom.checks.duplicates import DuplicateHeadlineCheck, NearDuplicateCheck
from gazette.newsroom.checks.text import shingles

BLOCK_KINDS = {"paragraph": "paragraph", "subheading": "subheading", "pull_quote": "quote"}


@pytest.mark.django_db
def test_demo_articles_trigger_no_check():
    from gazette.demo.builder import build
    from gazette.news.models import ArticlePage
    from gazette.newsroom.checks import from_page

    build(seed=7, articles=24, arabic=4, write=lambda message: None)
    context = CheckContext()
    pages = ArticlePage.objects.live().select_related("locale", "translator")
    assert pages.count() == 24 + 8
    findings = {page.url_path: run_checks(from_page(page), context) for page in pages}
    assert {path: found for path, found in findings.items() if found} == {}


def demo_documents(seed: int = 2025, articles: int = 220, arabic: int = 24) -> list[ArticleText]:
    """Every article `manage.py gazette_demo` writes by default, as the checks read them."""
    english = corpus.english_articles(random.Random(seed), articles)
    pairs = corpus.arabic_pairs(random.Random(seed + 1), arabic)
    written = [(article, f"en-{n}") for n, article in enumerate(english)]
    # An Arabic original and its English translation share a translation key.
    written += [(article, f"pair-{n}") for n, pair in enumerate(pairs) for article in pair]
    return [
        ArticleText(
            label=article["headline"],
            title=article["headline"],
            page_id=n,
            translation_key=key,
            blocks=[
                Block(BLOCK_KINDS[kind], text, i)
                for i, (kind, text) in enumerate(article["blocks"], start=1)
                if kind in BLOCK_KINDS
            ],
        )
        for n, (article, key) in enumerate(written, start=1)
    ]


def test_the_whole_default_demo_has_no_near_duplicate_or_repeated_headline():
    docs = demo_documents()
    assert len(docs) == 220 + 2 * 24
    archive = MemoryArchive()
    for doc in docs:
        theirs = shingles(doc.body_text)
        archive.add(
            ArchivedArticle(doc.page_id, doc.translation_key, "", doc.title, "", len(theirs)),
            theirs,
        )
    context = CheckContext(use_database=False)
    context.archive = archive
    checks = [NearDuplicateCheck(), DuplicateHeadlineCheck()]
    found = {
        doc.title: [f.message for check in checks for f in check(doc, context)] for doc in docs
    }
    assert {title: messages for title, messages in found.items() if messages} == {}
