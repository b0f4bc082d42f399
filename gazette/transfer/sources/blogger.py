"""Read a Blogger export (the Atom file from Settings → Back up content), streaming.

Both shapes are understood: the classic export (kinds as <category scheme="…#kind">)
and the newer one (<blogger:type>, <blogger:status>, <blogger:filename>).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _

from gazette.transfer.sources.base import SourceAuthor, SourceError, SourceInfo, SourcePost
from gazette.transfer.sources.xmlsafe import iter_events, local

WHAT = "Blogger export"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"


def _date(value: str) -> datetime.datetime | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)


def _entries(path: str) -> Iterator[tuple[str, Element]]:
    depth = 0
    feed = None
    for event, element in iter_events(path, WHAT):
        if event == "start":
            depth += 1
            if depth == 1:
                if local(element.tag) != "feed":
                    raise SourceError(
                        _(
                            "This is not a Blogger export: it starts with <%(tag)s>, where "
                            "Blogger's backup starts with <feed>. In Blogger use Settings → "
                            "Back up content."
                        )
                        % {"tag": local(element.tag)}
                    )
                feed = element
            continue
        depth -= 1
        if depth == 1 and feed is not None:
            yield local(element.tag), element
            feed.remove(element)


def _kind(entry: Element) -> str:
    for child in entry:
        name = local(child.tag)
        if name == "category" and child.get("scheme") == KIND_SCHEME:
            return child.get("term", "").rsplit("#", 1)[-1]
        if name == "type":
            return (child.text or "").strip().lower()
    return ""


def scan(path: str) -> SourceInfo:
    """Read the whole file once: validate it and collect authors and counts."""
    info = SourceInfo(key="")
    blog_id = ""
    saw_blogger = False
    for name, element in _entries(path):
        if name == "id" and not blog_id:
            blog_id = (element.text or "").strip()
        elif name == "title" and not info.title:
            info.title = (element.text or "").strip()
        elif name == "entry":
            kind = _kind(element)
            saw_blogger = saw_blogger or bool(kind)
            info.counts[kind or "unknown"] = info.counts.get(kind or "unknown", 0) + 1
            if kind == "comment":
                info.comments += 1
                continue
            info.total += 1
            author = _author(element)
            if author:
                info.authors.setdefault(author.key, author)
    if not saw_blogger:
        raise SourceError(
            _(
                "This Atom feed has no Blogger entries (posts, pages, comments). Export the "
                "blog from Blogger with Settings → Back up content."
            )
        )
    info.version = "atom"
    info.key = "blogger:" + (blog_id or info.title or "unknown")
    return info


def _author(entry: Element) -> SourceAuthor | None:
    for child in entry:
        if local(child.tag) == "author":
            parts = {local(part.tag): (part.text or "").strip() for part in child}
            name = parts.get("name") or ""
            if not name or name.lower() == "unknown":
                return None
            email = parts.get("email", "")
            if email == "noreply@blogger.com":
                email = ""
            key = parts.get("uri") or email or name
            return SourceAuthor(key=key, name=name, email=email)
    return None


def items(path: str) -> Iterator[SourcePost]:
    """Yield posts and pages; comments, settings and templates come as skips (counted)."""
    for name, element in _entries(path):
        if name != "entry":
            continue
        post = _post(element)
        element.clear()
        if post is not None:
            yield post


def _post(entry: Element) -> SourcePost | None:
    kind = _kind(entry)
    if kind == "comment":
        return None
    parts: dict[str, Element] = {}
    for child in entry:
        parts.setdefault(local(child.tag), child)
    raw_id = (parts["id"].text or "").strip() if "id" in parts else ""
    match = re.search(r"(post|page)-(\d+)$", raw_id)
    source_id = f"{match.group(1)}:{match.group(2)}" if match else raw_id
    post = SourcePost(source_id=source_id or "entry:?", kind="skip")
    if kind not in {"post", "page"}:
        post.skip_reason = _("Blogger %(kind)s entry is not content.") % {"kind": kind}
        return post
    post.kind = kind
    post.title = (parts["title"].text or "").strip() if "title" in parts else ""
    post.content = (parts["content"].text or "") if "content" in parts else ""
    post.date = _date(parts["published"].text if "published" in parts else "")
    post.modified = _date(parts["updated"].text if "updated" in parts else "")
    author = _author(entry)
    post.authors = [author.key] if author else []
    status = "publish"
    for child in entry:
        name = local(child.tag)
        if name == "category" and child.get("scheme") == LABEL_SCHEME:
            post.tags.append(child.get("term", "").strip())
        elif name == "link" and child.get("rel") == "alternate":
            post.link = child.get("href", "")
        elif name == "control":
            if any(
                local(sub.tag) == "draft" and (sub.text or "").strip() == "yes" for sub in child
            ):
                status = "draft"
        elif name == "status":
            value = (child.text or "").strip().upper()
            status = {"LIVE": "publish", "DRAFT": "draft", "DELETED": "trash"}.get(value, "draft")
        elif name == "filename" and not post.link:
            post.link = (child.text or "").strip()
    post.status = status
    if post.link:
        slug_source = urlsplit(post.link).path.rstrip("/").rsplit("/", 1)[-1]
        post.slug = re.sub(r"\.html?$", "", slug_source)
    post.tags = [tag for tag in post.tags if tag]
    return post
