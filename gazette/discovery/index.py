"""The incremental inverted index behind "You May Also Like".

Each live article is one `IndexedArticle` (metadata plus its TF-IDF vector) and a few
dozen `Posting` rows (term → article, weight) for its strongest terms, plus one posting
per tag and author. `TermStat` counts documents per term. Indexing or removing one
article touches only that article's rows, so the cost does not grow with the archive.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from django.db import transaction
from django.db.models import F

from gazette.discovery.models import IndexedArticle, Posting, TermStat

VECTOR_TERMS = 60  # strongest terms kept per article (postings and vector)
TAG_PREFIX = "#t"
AUTHOR_PREFIX = "#a"
CHUNK = 500  # keeps IN (...) lists under every database's parameter limit


@dataclass
class ArticleDocument:
    """What the index needs to know about one article."""

    article_id: int
    language: str
    translation_key: UUID
    section_id: int | None
    published_at: datetime | None
    author_ids: list[int] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    @property
    def meta_terms(self) -> set[str]:
        return {f"{TAG_PREFIX}{t}" for t in self.tag_ids} | {
            f"{AUTHOR_PREFIX}{a}" for a in self.author_ids
        }


def chunks(items: list, size: int = CHUNK):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def idf(df: int, total: int) -> float:
    return math.log((total + 1) / (df + 1)) + 1.0


def document_frequencies(terms: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for part in chunks(terms):
        found.update(TermStat.objects.filter(term__in=part).values_list("term", "df"))
    return found


def adjust_document_frequencies(terms: set[str], delta: int) -> None:
    """Add `delta` to the document count of each term, creating missing terms."""
    ordered = sorted(terms)
    for part in chunks(ordered):
        if delta > 0:
            TermStat.objects.bulk_create(
                [TermStat(term=t, df=0) for t in part], ignore_conflicts=True
            )
        TermStat.objects.filter(term__in=part).update(df=F("df") + delta)


def tfidf_vector(counts: Counter, df: dict[str, int], total: int) -> dict[str, float]:
    """The article's strongest terms, weighted (1 + log tf) · idf and L2-normalised."""
    raw = {
        term: (1.0 + math.log(tf)) * idf(df.get(term, 1), total)
        for term, tf in counts.items()
        if tf >= 1
    }
    norm = math.sqrt(sum(w * w for w in raw.values())) or 1.0
    strongest = sorted(raw.items(), key=lambda item: (-item[1], item[0]))[:VECTOR_TERMS]
    return {term: round(w / norm, 5) for term, w in strongest}


@transaction.atomic
def index_document(doc: ArticleDocument, total: int | None = None) -> IndexedArticle:
    """Add or replace one article in the index."""
    previous = IndexedArticle.objects.filter(pk=doc.article_id).only("terms").first()
    old_terms = set(previous.terms) if previous else set()
    new_terms = set(doc.counts) | doc.meta_terms
    adjust_document_frequencies(old_terms - new_terms, -1)
    adjust_document_frequencies(new_terms - old_terms, +1)
    if total is None:
        total = IndexedArticle.objects.count() + (0 if previous else 1)
    df = document_frequencies(sorted(doc.counts))
    vector = tfidf_vector(doc.counts, df, total)
    indexed = IndexedArticle(
        article_id=doc.article_id,
        language=doc.language,
        translation_key=doc.translation_key,
        section_id=doc.section_id,
        published_at=doc.published_at,
        author_ids=sorted(doc.author_ids),
        tag_ids=sorted(doc.tag_ids),
        terms={t: round(doc.counts.get(t, 1), 2) for t in sorted(new_terms)},
        vector=vector,
    )
    indexed.save()
    replace_postings(doc.article_id, vector, doc.meta_terms)
    return indexed


def replace_postings(article_id: int, vector: dict[str, float], meta_terms) -> None:
    Posting.objects.filter(article_id=article_id).delete()
    postings = [Posting(term=t, article_id=article_id, weight=w) for t, w in vector.items()]
    postings += [Posting(term=t, article_id=article_id, weight=1.0) for t in sorted(meta_terms)]
    Posting.objects.bulk_create(postings, batch_size=CHUNK)


@transaction.atomic
def reweigh_document(indexed: IndexedArticle, total: int) -> None:
    """Recompute an indexed article's weights from current document counts (after a rebuild)."""
    counts = Counter({t: c for t, c in indexed.terms.items() if not t.startswith("#")})
    meta = {t for t in indexed.terms if t.startswith("#")}
    indexed.vector = tfidf_vector(counts, document_frequencies(sorted(counts)), total)
    IndexedArticle.objects.filter(pk=indexed.pk).update(vector=indexed.vector)
    replace_postings(indexed.pk, indexed.vector, meta)


@transaction.atomic
def remove_document(article_id: int) -> bool:
    """Take one article out of the index; True when it was there."""
    previous = IndexedArticle.objects.filter(pk=article_id).only("terms").first()
    if previous is None:
        return False
    adjust_document_frequencies(set(previous.terms), -1)
    Posting.objects.filter(article_id=article_id).delete()
    previous.delete()
    return True
