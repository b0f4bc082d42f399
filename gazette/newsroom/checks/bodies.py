"""Turn an article's StreamField body into the blocks, images and links checks read."""

from __future__ import annotations

from django.utils.translation import gettext as _

from gazette.newsroom.checks.base import where_block
from gazette.newsroom.checks.document import (
    ArticleText,
    Block,
    ImageRef,
    LinkRef,
    _html_links,
    _html_text,
)


def _source(value) -> str:
    return getattr(value, "source", None) or str(value or "")


def read_body(page, doc: ArticleText) -> None:
    """Fill `doc` with the page body's blocks, figure images and rich-text links."""
    counts: dict[str, int] = {}
    for index, child in enumerate(page.body or [], start=1):
        kind, value = child.block_type, child.value
        if kind == "paragraph":
            html = _source(value)
            doc.blocks.append(Block("paragraph", _html_text(html), index))
            for href in _html_links(html):
                doc.links.append(LinkRef(where_block(index), href))
        elif kind == "subheading":
            doc.blocks.append(Block("subheading", str(value or "").strip(), index))
        elif kind == "pull_quote":
            doc.blocks.append(Block("quote", str(value.get("quote") or "").strip(), index))
        elif kind == "image":
            counts["image"] = counts.get("image", 0) + 1
            image = value.get("image")
            decorative = bool(getattr(image, "decorative", False))
            alt = getattr(image, "contextual_alt_text", None) or ""
            doc.blocks.append(Block("image", str(value.get("caption") or ""), index))
            doc.images.append(
                ImageRef(
                    where=_("body image at block %(n)d") % {"n": index},
                    alt=None if decorative else alt,
                    credit=str(value.get("credit") or ""),
                )
            )
        elif kind == "embed":
            url = getattr(value, "url", "") or ""
            doc.blocks.append(Block("embed", url, index))
            if url:
                doc.links.append(LinkRef(where_block(index), url))
