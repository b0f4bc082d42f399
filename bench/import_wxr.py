"""Benchmark: import a generated WordPress export (WXR) of N posts and M image attachments.

    python bench/import_wxr.py                      # 2,000 then 10,000 posts, 2,000 images
    python bench/import_wxr.py --posts 500 --skip-small
    python bench/import_wxr.py --database postgres://postgres@127.0.0.1:5432/gz_importer_bench

Each run uses a fresh database (a SQLite file in a temporary directory, or the PostgreSQL
database given with --database, dropped and created again) and media folder (nothing
touches var/), runs `migrate`, builds a small magazine, then times
`manage.py gazette_import wxr FILE` in its own process and reports its peak RSS. It also
measures the streaming parser alone (no database) to show memory does not grow with the
file. Bounded: every step has a timeout; only local files and 127.0.0.1 are used.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 3600  # seconds per step: an overloaded 2-core machine needs the margin

PARAGRAPHS = [
    "The harbour authority said on Tuesday that the new berth would open in spring, "
    "after two years of delays and a contract that changed hands three times.",
    "Importers have waited up to four days for a berth this year; the ministry says the "
    "second quay will halve that, though shipping agents doubt the timetable.",
    "Officials would not say how much the project has cost so far, nor who will pay for "
    "the dredging the larger container ships need.",
]


def write_wxr(path: Path, posts: int, attachments: int) -> None:
    """Write a WXR 1.2 file in the shape WordPress exports, streaming to disk."""
    authors = [(f"writer{i}", f"Writer Number {i}") for i in range(20)]
    categories = ["news", "opinion", "report", "world", "economy", "culture"]
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            "<title>Bench Gazette</title><link>https://bench.example</link>\n"
            "<wp:wxr_version>1.2</wp:wxr_version>"
            "<wp:base_site_url>https://bench.example</wp:base_site_url>\n"
        )
        for login, name in authors:
            out.write(
                f"<wp:author><wp:author_login><![CDATA[{login}]]></wp:author_login>"
                f"<wp:author_email>{login}@bench.example</wp:author_email>"
                f"<wp:author_display_name><![CDATA[{name}]]></wp:author_display_name>"
                "</wp:author>\n"
            )
        for slug in categories:
            out.write(
                f"<wp:category><wp:category_nicename>{slug}</wp:category_nicename>"
                f"<wp:category_parent></wp:category_parent><wp:cat_name>{slug.title()}"
                "</wp:cat_name></wp:category>\n"
            )
        for n in range(attachments):
            file = f"2024/{n % 12 + 1:02d}/photo-{n}.jpg"
            out.write(
                f"<item><title>Photo {n}</title><wp:post_id>{100000 + n}</wp:post_id>"
                "<wp:status>inherit</wp:status><wp:post_type>attachment</wp:post_type>"
                f"<wp:attachment_url>https://bench.example/wp-content/uploads/{file}"
                "</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key>"
                f"<wp:meta_value>{file}</wp:meta_value></wp:postmeta>"
                "<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>"
                f"<wp:meta_value>Alt text {n}</wp:meta_value></wp:postmeta></item>\n"
            )
        for n in range(posts):
            login = authors[n % len(authors)][0]
            day = f"20{10 + n % 14:02d}-{n % 12 + 1:02d}-{n % 28 + 1:02d} 10:{n % 60:02d}:00"
            body = "".join(
                f"<!-- wp:paragraph --><p>{escape(text)} ({n})</p><!-- /wp:paragraph -->\n"
                for text in PARAGRAPHS
            )
            body += (
                f"<!-- wp:heading --><h2>What happens next in case {n}?</h2><!-- /wp:heading -->\n"
                f"<p>{escape(PARAGRAPHS[n % 3])}</p>"
            )
            thumb = (
                "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
                f"<wp:meta_value>{100000 + n % attachments}</wp:meta_value></wp:postmeta>"
                if attachments
                else ""
            )
            out.write(
                f"<item><title>Story {n}: the harbour, the ministry and the importers</title>"
                f"<link>https://bench.example/{day[:4]}/{day[5:7]}/story-{n}/</link>"
                f"<dc:creator><![CDATA[{login}]]></dc:creator>"
                f"<content:encoded><![CDATA[{body}]]></content:encoded>"
                f"<excerpt:encoded><![CDATA[Standfirst of story {n}.]]></excerpt:encoded>"
                f"<wp:post_id>{n + 1}</wp:post_id><wp:post_date_gmt>{day}</wp:post_date_gmt>"
                f"<wp:post_name>story-{n}</wp:post_name><wp:status>publish</wp:status>"
                "<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>"
                f'<category domain="category" nicename="{categories[n % len(categories)]}">'
                f"{categories[n % len(categories)].title()}</category>"
                f'<category domain="post_tag" nicename="tag-{n % 50}">Tag {n % 50}</category>'
                f"{thumb}</item>\n"
            )
        out.write("</channel>\n</rss>\n")


CHILD = """
import resource, sys, time, django
django.setup()
from django.core.management import call_command
from django.db import connection
statements = [0]
def count(execute, sql, params, many, context):
    statements[0] += 1
    return execute(sql, params, many, context)
started = time.perf_counter()
with connection.execute_wrapper(count):
    call_command("gazette_import", "wxr", sys.argv[1], "--report", "0")
elapsed = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
from gazette.transfer.models import ImportRun
from gazette.transfer.tasks import index_imported
started = time.perf_counter()
index_imported.call(ImportRun.objects.latest("pk").pk)
indexing = time.perf_counter() - started
print(f"RESULT {elapsed:.1f} {rss} {indexing:.1f} {statements[0]}")
"""

PARSE_ONLY = """
import resource, sys, django
django.setup()
from gazette.transfer.sources import wxr
info = wxr.scan(sys.argv[1])
n = sum(1 for _ in wxr.items(sys.argv[1]))
print(f"RESULT {n} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")
"""

SETUP = """
import django
django.setup()
from gazette.testing.factories import make_magazine
make_magazine()
"""


def run(env, *args, timeout=TIMEOUT) -> str:
    result = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode:
        raise SystemExit(f"{' '.join(args[:3])} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def fresh_postgres(url: str) -> None:
    """Drop and create the benchmark's own PostgreSQL database (never any other)."""
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.startswith("gz_") or not name.endswith("_bench"):
        raise SystemExit(f"Refusing to recreate {name!r}: give a database named gz_…_bench.")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def bench(posts: int, attachments: int, database: str = "") -> dict:
    with tempfile.TemporaryDirectory(prefix="gazette-bench-") as tmp:
        work = Path(tmp)
        export = work / "export.xml"
        write_wxr(export, posts, attachments)
        if database:
            fresh_postgres(database)
        env = {
            **{k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}},
            "DJANGO_SETTINGS_MODULE": "gazette.settings",
            "DATABASE_URL": database or f"sqlite:///{work / 'bench.sqlite3'}",
            "MEDIA_ROOT": str(work / "media"),
            "GAZETTE_VAR_DIR": str(work / "var"),
            # As in production: the import queues its follow-up work for the task worker.
            "TASKS_BACKEND": "database",
            "LOG_LEVEL": "WARNING",
            "SECRET_KEY": "bench",
        }
        run(env, "manage.py", "migrate", "--noinput", "-v", "0")
        run(env, "-c", SETUP)
        parse = run(env, "-c", PARSE_ONLY, str(export)).split("RESULT ")[1].split()
        started = time.perf_counter()
        out = run(env, "-c", CHILD, str(export))
        wall = time.perf_counter() - started
        seconds, rss, indexing, statements = out.split("RESULT ")[1].split()
        counted = run(
            env,
            "-c",
            "import django; django.setup(); from gazette.news.models import ArticlePage; "
            "print(ArticlePage.objects.count())",
        ).strip()
        return {
            "posts": posts,
            "attachments": attachments,
            "file_mb": export.stat().st_size / 1e6,
            "import_s": float(seconds),
            "wall_s": wall,
            "rate": posts / float(seconds),
            "rss_mb": int(rss) / 1024,
            "indexing_s": float(indexing),
            "statements_per_post": int(statements) / posts,
            "parse_rss_mb": int(parse[1]) / 1024,
            "articles": int(counted),
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10000)
    parser.add_argument("--attachments", type=int, default=2000)
    parser.add_argument("--small", type=int, default=2000, help="the smaller run, for memory")
    parser.add_argument("--skip-small", action="store_true")
    parser.add_argument(
        "--database",
        default="",
        help="a PostgreSQL URL whose database (named gz_…_bench) is recreated for each size; "
        "default: a fresh SQLite file",
    )
    args = parser.parse_args()
    sizes = [] if args.skip_small else [args.small]
    sizes.append(args.posts)
    print(f"database: {'PostgreSQL' if args.database else 'SQLite'}")
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}")
    print(
        "| posts | images (metadata) | file MB | import s | posts/s | SQL statements/post "
        "| peak RSS MB (import) | peak RSS MB (parse only) | articles created "
        "| search+reference indexing s (worker) | load (1 min) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for posts in sizes:
        r = bench(posts, args.attachments, args.database)
        print(
            f"| {r['posts']:,} | {r['attachments']:,} | {r['file_mb']:.1f} | {r['import_s']:.1f} "
            f"| {r['rate']:.0f} | {r['statements_per_post']:.1f} | {r['rss_mb']:.0f} "
            f"| {r['parse_rss_mb']:.0f} | {r['articles']:,} | {r['indexing_s']:.1f} "
            f"| {os.getloadavg()[0]:.2f} |",
            flush=True,
        )
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
