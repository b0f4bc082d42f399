"""Benchmark: recomputing one article's relatives when the index holds 100,000 articles.

Builds a throw-away database (SQLite by default, PostgreSQL with --postgres), bulk-loads
N synthetic articles into the relatedness index (topic clusters over a Zipf vocabulary,
tags, authors, sections, two languages), then times the incremental operations a
publish or an edit triggers:
  - index_document: add one new article (document counts, vector, postings),
  - rank_related: score and rank its relatives from the inverted index,
  - re-index an existing article (an edit),
  - refresh: index + rank for the article and for its 8 neighbours (the task's cascade).

    python bench/discovery_related_scale.py [--articles 100000] [--samples 40] [--postgres]

With --postgres the database named in DATABASE_URL (a postgres:// URL) is dropped and
created afresh; without DATABASE_URL it is gazette_bench_related on 127.0.0.1.
Bounded: bulk load plus --samples timed operations; only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(args) -> str:
    tmp = Path(tempfile.mkdtemp(prefix="gazette-bench-related-"))
    os.environ["GAZETTE_VAR_DIR"] = str(tmp)
    os.environ["DJANGO_SETTINGS_MODULE"] = "gazette.settings"
    os.environ["LOG_LEVEL"] = "WARNING"
    os.environ["TASKS_BACKEND"] = "immediate"
    if args.postgres:
        from urllib.parse import urlsplit, urlunsplit

        import psycopg

        url = os.environ.get("DATABASE_URL", "")
        if not url.startswith(("postgres://", "postgresql://")):
            url = "postgresql://postgres@127.0.0.1:5432/gazette_bench_related"
        parts = urlsplit(url)
        name = parts.path.lstrip("/")
        if not name.replace("_", "").isalnum():
            sys.exit(f"refusing an unusual database name: {name!r}")
        server = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
        with psycopg.connect(server, autocommit=True) as c:
            c.execute(f"DROP DATABASE IF EXISTS {name}")
            c.execute(f"CREATE DATABASE {name}")
        os.environ["DATABASE_URL"] = url
        return "PostgreSQL"
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    return "SQLite"


class Corpus:
    """Synthetic articles: each belongs to a topic whose words it uses more than others."""

    def __init__(self, seed: int, vocabulary: int = 60_000, topics: int = 3_000):
        self.rng = random.Random(seed)
        self.words = [f"w{i}" for i in range(vocabulary)]
        # Zipf-like background: word i drawn with weight 1 / (i + 10).
        self.cumulative = []
        total = 0.0
        for i in range(vocabulary):
            total += 1.0 / (i + 10)
            self.cumulative.append(total)
        self.topic_words = [self.rng.sample(self.words[500:], 25) for _ in range(topics)]
        self.topic_tags = [self.rng.sample(range(1, 801), 4) for _ in range(topics)]

    def background(self, n: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cumulative, k=n)

    def counts(self, topic: int) -> Counter:
        tokens = self.background(110) + self.rng.choices(self.topic_words[topic], k=70)
        title = self.rng.choices(self.topic_words[topic], k=4) + self.background(3)
        counts = Counter(tokens)
        for word in title:
            counts[word] += 3.0
        return counts

    def document(self, article_id: int, now: datetime):
        from gazette.discovery.index import ArticleDocument

        topic = self.rng.randrange(len(self.topic_words))
        return ArticleDocument(
            article_id=article_id,
            language="ar" if self.rng.random() < 0.2 else "en",
            translation_key=uuid.uuid4(),
            section_id=self.rng.randint(1, 4),
            published_at=now - timedelta(days=self.rng.uniform(0, 2000)),
            author_ids=[self.rng.randint(1, 300)],
            tag_ids=self.rng.sample(self.topic_tags[topic], 2) + [self.rng.randint(1, 800)],
            counts=self.counts(topic),
        )


def bulk_load(corpus: Corpus, n: int) -> None:
    """Load n articles with final document counts, as a full rebuild would leave them."""
    from django.db import connection, transaction

    from gazette.discovery.index import tfidf_vector
    from gazette.discovery.models import IndexedArticle, Posting, TermStat

    now = datetime.now(tz=UTC)
    started = time.perf_counter()
    docs = [corpus.document(i, now) for i in range(1, n + 1)]
    df: Counter = Counter()
    for doc in docs:
        df.update(set(doc.counts) | doc.meta_terms)
    print(f"  generated {n:,} documents in {time.perf_counter() - started:.0f} s", flush=True)
    table_a, table_p = IndexedArticle._meta.db_table, Posting._meta.db_table

    def js(value):
        if connection.vendor == "postgresql":
            from psycopg.types.json import Jsonb

            return Jsonb(value)
        return json.dumps(value)

    # Load without the postings' secondary indexes and build them afterwards: sorting
    # once is far cheaper than millions of random B-tree inserts.
    index_sql = posting_indexes(connection, table_p)
    with connection.cursor() as cursor:
        for name, _sql in index_sql:
            cursor.execute(f'DROP INDEX "{name}"')
    with transaction.atomic():
        TermStat.objects.bulk_create([TermStat(term=t, df=c) for t, c in df.items()], 10_000)
        with connection.cursor() as cursor:
            for start in range(0, n, 5_000):
                rows, postings = [], []
                for doc in docs[start : start + 5_000]:
                    vector = tfidf_vector(doc.counts, df, n)
                    terms = dict(doc.counts.items()) | dict.fromkeys(doc.meta_terms, 1)
                    rows.append(
                        (
                            doc.article_id,
                            doc.language,
                            doc.translation_key.hex
                            if connection.vendor == "sqlite"
                            else doc.translation_key,
                            doc.section_id,
                            doc.published_at,
                            js(doc.author_ids),
                            js(doc.tag_ids),
                            js(terms),
                            js(vector),
                            now,
                        )
                    )
                    postings += [(t, doc.article_id, w) for t, w in vector.items()]
                    postings += [(t, doc.article_id, 1.0) for t in doc.meta_terms]
                cursor.executemany(
                    f"INSERT INTO {table_a} (article_id, language, translation_key, section_id,"
                    " published_at, author_ids, tag_ids, terms, vector, indexed_at)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    rows,
                )
                insert_postings(cursor, table_p, postings)
                done = min(start + 5_000, n)
                if done % 25_000 == 0 or done == n:
                    print(
                        f"  loaded {done:,}/{n:,} ({time.perf_counter() - started:.0f} s)",
                        flush=True,
                    )
    with connection.cursor() as cursor:
        for _name, sql in index_sql:
            cursor.execute(sql)
        cursor.execute("ANALYZE")
    print(f"  indexes rebuilt ({time.perf_counter() - started:.0f} s)", flush=True)


def insert_postings(cursor, table: str, postings: list[tuple[str, int, float]]) -> None:
    """Bulk-insert postings: COPY on PostgreSQL (row-by-row INSERTs would dominate the load)."""
    if cursor.db.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} (term, article_id, weight) FROM STDIN") as copy:
            for row in postings:
                copy.write_row(row)
        return
    cursor.executemany(
        f"INSERT INTO {table} (term, article_id, weight) VALUES (%s, %s, %s)", postings
    )


def posting_indexes(connection, table: str) -> list[tuple[str, str]]:
    """(name, CREATE INDEX statement) of the postings table's secondary indexes."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s"
                " AND sql IS NOT NULL",
                [table],
            )
        else:
            cursor.execute(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s"
                " AND indexname NOT LIKE '%%_pkey'",
                [table],
            )
        return list(cursor.fetchall())


def timed(fn, *args):
    started = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - started, result


def summary(name: str, seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, math.ceil(len(ms) * 0.95) - 1)]
    return f"| {name} | {statistics.median(ms):.0f} ms | {p95:.0f} ms | {max(ms):.0f} ms |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    engine = configure(args)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from gazette.discovery.index import index_document
    from gazette.discovery.models import IndexedArticle, Posting
    from gazette.discovery.relate import rank_related

    print(f"load before: {os.getloadavg()}; engine: {engine}", flush=True)
    call_command("migrate", verbosity=0)
    corpus = Corpus(args.seed)
    bulk_load(corpus, args.articles)
    print(
        f"  index: {IndexedArticle.objects.count():,} articles, "
        f"{Posting.objects.count():,} postings",
        flush=True,
    )

    now = datetime.now(tz=UTC)
    new_index, new_rank, edit_index, refresh = [], [], [], []
    next_id = args.articles + 1
    for _ in range(args.samples):
        doc = corpus.document(next_id, now)
        next_id += 1
        t_index, _ = timed(index_document, doc)
        t_rank, ranked = timed(rank_related, doc.article_id)
        new_index.append(t_index)
        new_rank.append(t_rank)
        # The task's cascade: the new article's relatives re-rank too.
        t_cascade = 0.0
        for neighbour, _score in ranked[:8]:
            t, _ = timed(rank_related, neighbour)
            t_cascade += t
        refresh.append(t_index + t_rank + t_cascade)
        existing = corpus.document(corpus.rng.randint(1, args.articles), now)
        t_edit, _ = timed(index_document, existing)
        edit_index.append(t_edit)

    size = ""
    if connection.vendor == "sqlite":
        db = Path(connection.settings_dict["NAME"])
        size = f", database {db.stat().st_size / 1e6:.0f} MB"
    print(f"load after: {os.getloadavg()}{size}")
    print(f"\n{engine}, {args.articles:,} indexed articles, {args.samples} samples")
    print("| operation | median | p95 | max |")
    print("| --- | --- | --- | --- |")
    print(summary("index a new article", new_index))
    print(summary("rank its relatives", new_rank))
    print(summary("re-index an edited article", edit_index))
    print(summary("whole task: index + rank + re-rank 8 neighbours", refresh))


if __name__ == "__main__":
    main()
