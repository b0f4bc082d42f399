"""Read an article page into the plain document the relatedness index stores."""

from __future__ import annotations

from gazette.discovery.index import ArticleDocument
from gazette.discovery.text import weighted_term_counts
from gazette.news.models import ArticlePage, SectionPage

# A word in the headline says more about the piece than one in the body.
FIELD_WEIGHTS = {"title": 3.0, "standfirst": 2.0, "body": 1.0}


def stream_text(value) -> str:
    """All the words in a StreamField's stored data (paragraphs, quotes, captions…)."""
    parts: list[str] = []

    def walk(node):
        if isinstance(node, str):
            parts.append(node)
        elif isinstance(node, dict):
            for key, item in node.items():
                if key not in {"type", "id", "image", "url", "format"}:
                    walk(item)
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)

    walk(value)
    return "\n".join(parts)


def article_document(page: ArticlePage) -> ArticleDocument:
    """Build the index document of one article (a few small queries)."""
    parent_path = page.path[: len(page.path) - page.steplen]
    section_id = SectionPage.objects.filter(path=parent_path).values_list("pk", flat=True).first()
    counts = weighted_term_counts(
        [
            (page.title, FIELD_WEIGHTS["title"]),
            (page.standfirst, FIELD_WEIGHTS["standfirst"]),
            (stream_text(page.body.get_prep_value()), FIELD_WEIGHTS["body"]),
        ]
    )
    return ArticleDocument(
        article_id=page.pk,
        language=page.locale.language_code,
        translation_key=page.translation_key,
        section_id=section_id,
        published_at=page.first_published_at,
        author_ids=list(page.article_authors.values_list("author_id", flat=True)),
        tag_ids=list(page.tagged_items.values_list("tag_id", flat=True)),
        counts=counts,
    )
