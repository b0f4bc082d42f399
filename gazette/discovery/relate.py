"""Rank the articles most related to one article, from the inverted index only.

Score = 0.70 · text cosine (TF-IDF over headline, standfirst and body)
      + 0.15 · tag overlap (cosine of tag sets) + 0.08 · shared author + 0.07 · same section,
then scaled by a recency factor (0.7 + 0.3 · ½^(|Δdays| / 120)) so that, at equal
relevance, pieces written close in time win. Translations pool their relatives: an
article's translation contributes its own relatives, mapped back to this language when a
translation exists there, else kept in the other language to fill a short list.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from uuid import UUID

from gazette.discovery.index import AUTHOR_PREFIX, TAG_PREFIX, chunks
from gazette.discovery.models import IndexedArticle, Posting, TermStat

QUERY_TERMS = 25  # strongest terms of the article used to look up candidates
CANDIDATES = 300  # best text/tag matches examined in full
MAX_DF_SHARE = 0.12  # terms in more than this share of articles say little and cost a lot
MIN_SCORE = 0.03
HALF_LIFE_DAYS = 120
WEIGHTS = {"text": 0.70, "tags": 0.15, "author": 0.08, "section": 0.07}
TRANSLATION_DISCOUNT = 0.9  # a relative found through a translation ranks a little lower
STORED = 8  # related ids kept per article (the rail shows 4; the rest absorb unpublishing)


@dataclass
class Candidate:
    article_id: int
    score: float
    language: str
    translation_key: UUID


def recency_factor(a, b) -> float:
    if a is None or b is None:
        return 0.85
    days = abs((a - b).total_seconds()) / 86400
    return 0.7 + 0.3 * 0.5 ** (days / HALF_LIFE_DAYS)


def _usable_terms(terms: list[str], total: int) -> set[str]:
    """Drop terms so common that their postings would be long and uninformative."""
    limit = max(50, int(total * MAX_DF_SHARE))
    usable = set(terms)
    for part in chunks(terms):
        usable -= set(
            TermStat.objects.filter(term__in=part, df__gt=limit).values_list("term", flat=True)
        )
    return usable


def score_candidates(me: IndexedArticle, total: int) -> dict[int, Candidate]:
    """Score every article sharing a strong term, a tag or an author with `me`."""
    query = dict(sorted(me.vector.items(), key=lambda item: -item[1])[:QUERY_TERMS])
    meta = [f"{TAG_PREFIX}{t}" for t in me.tag_ids] + [f"{AUTHOR_PREFIX}{a}" for a in me.author_ids]
    lookup = sorted(_usable_terms(list(query) + meta, total))
    text: dict[int, float] = defaultdict(float)
    shared_tags: Counter = Counter()
    shared_author: set[int] = set()
    for part in chunks(lookup):
        rows = Posting.objects.filter(term__in=part).values_list("term", "article_id", "weight")
        for term, article_id, weight in rows.iterator(chunk_size=5000):
            if term.startswith(TAG_PREFIX):
                shared_tags[article_id] += 1
            elif term.startswith(AUTHOR_PREFIX):
                shared_author.add(article_id)
            else:
                text[article_id] += query[term] * weight
    text.pop(me.article_id, None)
    pool = set(text) | set(shared_tags) | shared_author
    pool.discard(me.article_id)
    rough = sorted(
        pool,
        key=lambda a: -(text.get(a, 0) + 0.2 * shared_tags.get(a, 0) + 0.1 * (a in shared_author)),
    )[:CANDIDATES]

    scored: dict[int, Candidate] = {}
    my_tags = len(me.tag_ids)
    rows = IndexedArticle.objects.filter(pk__in=rough).values_list(
        "article_id", "language", "translation_key", "section_id", "published_at", "tag_ids"
    )
    for article_id, language, key, section_id, published_at, tag_ids in rows:
        if key == me.translation_key:
            continue  # a translation of this very article
        tag_sim = (
            shared_tags[article_id] / math.sqrt(my_tags * len(tag_ids))
            if my_tags and tag_ids
            else 0
        )
        score = (
            WEIGHTS["text"] * min(text.get(article_id, 0.0), 1.0)
            + WEIGHTS["tags"] * min(tag_sim, 1.0)
            + WEIGHTS["author"] * (article_id in shared_author)
            + WEIGHTS["section"] * (section_id is not None and section_id == me.section_id)
        ) * recency_factor(me.published_at, published_at)
        if score >= MIN_SCORE:
            scored[article_id] = Candidate(article_id, score, language, key)
    return scored


def rank_related(article_id: int, limit: int = STORED) -> list[tuple[int, float]]:
    """The `limit` most related articles: this language first, then others to fill."""
    me = IndexedArticle.objects.filter(pk=article_id).first()
    if me is None:
        return []
    total = IndexedArticle.objects.count()
    own = {
        c.article_id: c.score
        for c in score_candidates(me, total).values()
        if c.language == me.language
    }
    foreign: dict[int, Candidate] = {}
    for sibling in IndexedArticle.objects.filter(translation_key=me.translation_key).exclude(
        pk=me.pk
    ):
        for cand in score_candidates(sibling, total).values():
            if cand.language == me.language:
                own[cand.article_id] = max(own.get(cand.article_id, 0), cand.score)
            elif cand.article_id not in foreign or cand.score > foreign[cand.article_id].score:
                foreign[cand.article_id] = cand
    if foreign:
        # A relative found in another language counts in this one through its translation.
        keys = {c.translation_key for c in foreign.values()}
        here = dict(
            IndexedArticle.objects.filter(translation_key__in=keys, language=me.language)
            .exclude(translation_key=me.translation_key)
            .values_list("translation_key", "article_id")
        )
        for cand in list(foreign.values()):
            local = here.get(cand.translation_key)
            if local is not None:
                own[local] = max(own.get(local, 0), cand.score * TRANSLATION_DISCOUNT)
                del foreign[cand.article_id]
    ranked = sorted(own.items(), key=lambda item: (-item[1], item[0]))[:limit]
    if len(ranked) < limit and foreign:
        seen_keys = set()
        for cand in sorted(foreign.values(), key=lambda c: (-c.score, c.article_id)):
            if cand.translation_key in seen_keys:
                continue
            seen_keys.add(cand.translation_key)
            ranked.append((cand.article_id, cand.score * TRANSLATION_DISCOUNT))
            if len(ranked) >= limit:
                break
    return [(article_id, round(score, 4)) for article_id, score in ranked]
