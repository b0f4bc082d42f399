"""Pre-rendered copies of the busiest pages (front pages, sections) for nginx to serve.

When GAZETTE_PRERENDER_DIR is set, storing such a page in the cache also writes it to
<dir>/<host><path>index.html, with a `.keys` file beside it listing its surrogate keys.
A purge deletes every file whose keys it names, in the same step as the cache purge,
so nginx never serves a page the cache would not.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings

from gazette.caching.store import CachedPage


def root() -> Path | None:
    value = settings.GAZETTE_PRERENDER_DIR
    return Path(value) if value else None


def is_busiest(request) -> bool:
    from gazette.home.models import HomePage
    from gazette.news.models import SectionPage

    page = getattr(request, "gazette_page", None)
    return isinstance(page, HomePage | SectionPage) and not request.META.get("QUERY_STRING")


def file_for(url: str) -> Path | None:
    base = root()
    parts = urlsplit(url)
    if base is None or parts.query or not parts.path.endswith("/") or ".." in parts.path:
        return None
    host = (parts.hostname or "").lower()
    return base / host / parts.path.lstrip("/") / "index.html"


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def maybe_write(request, page: CachedPage) -> None:
    if root() is None or not is_busiest(request):
        return
    path = file_for(page.url)
    if path is None:
        return
    # Keys first: a purge racing this write then always finds and deletes the page.
    _write_atomic(path.with_suffix(".keys"), "\n".join(page.keys).encode())
    _write_atomic(path, page.body)


def remove(keys: set[str]) -> list[str]:
    """Delete pre-rendered pages tagged with any of `keys`; return their paths."""
    base = root()
    if base is None or not base.exists():
        return []
    removed = []
    for key_file in base.rglob("index.keys"):
        try:
            tagged = set(key_file.read_text().split())
        except FileNotFoundError:
            continue
        if tagged & keys:
            key_file.with_suffix(".html").unlink(missing_ok=True)
            key_file.unlink(missing_ok=True)
            removed.append(str(key_file.parent.relative_to(base)))
    return removed


def clear() -> None:
    base = root()
    if base is not None and base.exists():
        shutil.rmtree(base)
