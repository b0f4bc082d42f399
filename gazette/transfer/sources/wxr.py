"""Read a WordPress export (WXR 1.0, 1.1 or 1.2) as a stream: memory stays flat.

`scan` reads the whole file once (validating it, counting items, collecting authors,
categories and attachment metadata) before anything is written; `items` then yields the
posts, pages and attachments one at a time, clearing each element once read.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from email.utils import parsedate_to_datetime
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from django.utils.translation import gettext as _

from gazette.transfer.sources.base import (
    SourceAuthor,
    SourceCategory,
    SourceError,
    SourceImage,
    SourceInfo,
    SourcePost,
)
from gazette.transfer.sources.xmlsafe import iter_events, local, namespace

WHAT = "WordPress export"
CONTENT_TYPES = {"post", "page", "attachment"}
NOT_CONTENT = {
    "nav_menu_item",
    "revision",
    "custom_css",
    "customize_changeset",
    "oembed_cache",
    "wp_block",
    "wp_template",
    "wp_template_part",
    "wp_global_styles",
    "wp_navigation",
    "user_request",
    "wp_font_family",
    "wp_font_face",
}


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _children(element: Element) -> dict[str, Element]:
    """Map local names to children; excerpt:encoded and content:encoded kept apart."""
    found: dict[str, Element] = {}
    for child in element:
        name = local(child.tag)
        if name == "encoded":
            name = "excerpt" if "excerpt" in namespace(child.tag) else "content"
        found.setdefault(name, child)
    return found


def _wp_date(value: str) -> datetime.datetime | None:
    value = (value or "").strip()
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.UTC)
    except ValueError:
        return None


def _rss_date(value: str) -> datetime.datetime | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed and parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=datetime.UTC)
    return parsed


def upload_path(url: str) -> str:
    """Return the path under wp-content/uploads of a media address ("" if none)."""
    match = re.search(r"/(?:wp-content/)?uploads/(?:sites/\d+/)?(.+?)(?:[?#].*)?$", url or "")
    return match.group(1) if match else ""


def original_path(path: str) -> str:
    """Undo WordPress's resized copies: photo-300x200.jpg → photo.jpg."""
    return re.sub(r"-\d+x\d+(\.\w+)$", r"\1", path)


def _channel_events(path: str) -> Iterator[tuple[str, Element, Element | None]]:
    """Yield (kind, element, channel) for each finished channel-level record."""
    depth = 0
    root_seen = False
    channel = None
    is_wxr = False
    for event, element in iter_events(path, WHAT):
        if event == "start":
            depth += 1
            if depth == 1:
                root_seen = True
                if local(element.tag) != "rss":
                    raise SourceError(
                        _(
                            "This is not a WordPress export: it starts with <%(tag)s>, where a "
                            "WXR file starts with <rss>. In WordPress use Tools → Export."
                        )
                        % {"tag": local(element.tag)}
                    )
            elif depth == 2 and local(element.tag) == "channel":
                channel = element
            elif namespace(element.tag).startswith("http://wordpress.org/export/"):
                is_wxr = True
            continue
        depth -= 1
        if depth == 2 and channel is not None:
            yield local(element.tag), element, channel
            channel.remove(element)
    if not root_seen:
        raise SourceError(_("The file is empty."))
    if not is_wxr:
        raise SourceError(
            _(
                "This RSS file has no WordPress data (no wp: elements): it is a feed, not an "
                "export. In WordPress use Tools → Export → All content."
            )
        )


def scan(path: str) -> SourceInfo:
    """Read the whole file once: validate it and collect what the import needs first."""
    info = SourceInfo(key="")
    base_url = ""
    for name, element, _channel in _channel_events(path):
        fields = _children(element)
        if name == "wxr_version":
            info.version = _text(element)
        elif (
            name in {"base_site_url", "base_blog_url"}
            and not base_url
            or name == "link"
            and not base_url
        ):
            base_url = _text(element)
        elif name == "title" and not info.title:
            info.title = _text(element)
        elif name == "author":
            login = _text(fields.get("author_login"))
            if login:
                display = _text(fields.get("author_display_name"))
                full = " ".join(
                    filter(
                        None,
                        [
                            _text(fields.get("author_first_name")),
                            _text(fields.get("author_last_name")),
                        ],
                    )
                )
                info.authors[login] = SourceAuthor(
                    key=login,
                    login=login,
                    email=_text(fields.get("author_email")),
                    name=display or full or login,
                )
        elif name == "category":
            nicename = _text(fields.get("category_nicename"))
            if nicename:
                info.categories[nicename] = SourceCategory(
                    key=nicename,
                    name=_text(fields.get("cat_name")) or nicename,
                    parent=_text(fields.get("category_parent")),
                )
        elif name == "item":
            post_type = _text(fields.get("post_type")) or "post"
            info.counts[post_type] = info.counts.get(post_type, 0) + 1
            info.total += 1
            info.comments += sum(1 for child in element if local(child.tag) == "comment")
            if post_type == "attachment":
                image = _attachment(fields, _postmeta(element))
                info.images[image.key] = image
                if image.path:
                    info.images_by_path[image.path] = image.key
    if not info.version:
        info.version = "1.0"
    if info.version not in {"1.0", "1.1", "1.2"}:
        raise SourceError(
            _("WXR version %(version)s is not supported (Gazette reads 1.0 to 1.2).")
            % {"version": info.version}
        )
    info.key = "wxr:" + (base_url.rstrip("/") or info.title or "unknown")
    return info


def _postmeta(fields_element: Element) -> dict[str, str]:
    meta = {}
    for child in fields_element:
        if local(child.tag) == "postmeta":
            parts = _children(child)
            meta[_text(parts.get("meta_key"))] = _text(parts.get("meta_value"))
    return meta


def _attachment(fields: dict[str, Element], meta: dict[str, str] | None = None) -> SourceImage:
    url = _text(fields.get("attachment_url")) or _text(fields.get("guid"))
    meta = meta or {}
    path = meta.get("_wp_attached_file") or upload_path(url)
    return SourceImage(
        key=_text(fields.get("post_id")),
        url=url,
        path=path,
        title=_text(fields.get("title")),
        alt=meta.get("_wp_attachment_image_alt", ""),
        caption=_text(fields.get("excerpt")),
    )


def items(path: str) -> Iterator[SourcePost]:
    """Yield every <item> of the export as a SourcePost, in file order."""
    for name, element, _channel in _channel_events(path):
        if name != "item":
            continue
        yield _post(element, _children(element))
        element.clear()


def _post(element: Element, fields: dict[str, Element]) -> SourcePost:
    post_type = _text(fields.get("post_type")) or "post"
    post_id = _text(fields.get("post_id"))
    meta = _postmeta(element)
    source_id = f"{post_type}:{post_id}" if post_type in CONTENT_TYPES else f"other:{post_id}"
    post = SourcePost(source_id=source_id, kind=post_type, title=_text(fields.get("title")))
    if post_type not in CONTENT_TYPES:
        post.kind = "skip"
        post.skip_reason = _("%(type)s is not content (WordPress internals).") % {"type": post_type}
        return post
    if post_type == "attachment":
        post.image = _attachment(fields, meta)
        return post
    post.slug = unquote(_text(fields.get("post_name")))
    post.content = fields["content"].text or "" if "content" in fields else ""
    post.excerpt = fields["excerpt"].text or "" if "excerpt" in fields else ""
    post.status = _text(fields.get("status")) or "publish"
    post.date = (
        _wp_date(_text(fields.get("post_date_gmt")))
        or _wp_date(_text(fields.get("post_date")))
        or _rss_date(_text(fields.get("pubDate")))
    )
    post.modified = _wp_date(_text(fields.get("post_modified_gmt"))) or _wp_date(
        _text(fields.get("post_modified"))
    )
    creator = _text(fields.get("creator"))
    post.authors = [creator] if creator else []
    for child in element:
        if local(child.tag) != "category":
            continue
        domain = child.get("domain", "category")
        nicename = child.get("nicename", "")
        label = (child.text or "").strip()
        if domain == "category":
            post.categories.append(nicename or label)
        elif domain == "post_tag":
            post.tags.append(label or nicename)
        elif domain == "post_format":
            post.post_format = (nicename or label).removeprefix("post-format-")
    post.featured_image = meta.get("_thumbnail_id", "")
    post.link = _text(fields.get("link"))
    post.password = bool(_text(fields.get("post_password")))
    post.sticky = _text(fields.get("is_sticky")) == "1"
    post.comments = sum(1 for child in element if local(child.tag) == "comment")
    return post
