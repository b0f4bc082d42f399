"""What the checks read: one article as text, built from a page or from a file.

Checks never look at Wagtail pages or files directly, so the same rule runs in the
editor, on publish and from the command line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import lxml.html
from django.utils.translation import gettext as _

from gazette.newsroom.checks.text import dominant_language

SAFE_HTML_SOURCES = ("article", "main", "body")


@dataclass
class Block:
    kind: str  # paragraph | subheading | quote | image | embed
    text: str
    index: int  # 1-based position among body blocks, as the editor shows them


@dataclass
class ImageRef:
    where: str
    alt: str | None  # None: the image is decorative on purpose
    credit: str | None  # None: this kind of image has no credit field


@dataclass
class LinkRef:
    where: str
    href: str


@dataclass
class FurnitureRef:
    kind: str
    text: str
    line: int


@dataclass
class ArticleText:
    """One article reduced to the text and references the checks need."""

    label: str
    title: str = ""
    social_title: str = ""
    description: str = ""
    standfirst: str = ""
    byline: list[str] = field(default_factory=list)
    # For pages the bylines are real authors: whether each is published. For files,
    # None: the names are looked up among published authors.
    byline_published: list[bool] | None = None
    language: str = ""
    blocks: list[Block] = field(default_factory=list)
    images: list[ImageRef] = field(default_factory=list)
    links: list[LinkRef] = field(default_factory=list)
    furniture: list[FurnitureRef] = field(default_factory=list)
    is_translation: bool = False
    translator: str = ""
    has_source: bool = False
    page_id: int | None = None
    translation_key: str = ""
    source_format: str = "page"  # page | text | html

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "paragraph"]

    @property
    def body_text(self) -> str:
        return "\n".join(
            b.text for b in self.blocks if b.kind in {"paragraph", "subheading", "quote"}
        )


def _html_text(html: str) -> str:
    if not html or not html.strip():
        return ""
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    return " ".join(fragment.text_content().split())


def _html_links(html: str) -> list[str]:
    if not html or "href" not in html:
        return []
    fragment = lxml.html.fragment_fromstring(html, create_parent="div")
    return [a.get("href", "") for a in fragment.iter("a") if a.get("href") is not None]


def from_page(page) -> ArticleText:
    """Read an ArticlePage (saved or just edited in memory) as the checks see it."""
    from gazette.newsroom.checks.bodies import read_body
    from gazette.newsroom.translation import source_of

    authors = [item.author for item in page.article_authors.all() if item.author_id]
    doc = ArticleText(
        label=page.url_path if page.pk else page.title,
        title=page.title or "",
        social_title=page.seo_title or "",
        description=page.search_description or "",
        standfirst=page.standfirst or "",
        byline=[author.name for author in authors],
        byline_published=[bool(author.live) for author in authors],
        language=page.locale.language_code if page.locale_id else "",
        page_id=page.pk,
        translation_key=str(page.translation_key or ""),
        translator=page.translator.name if page.translator_id else "",
    )
    read_body(page, doc)
    if page.hero_image_id:
        doc.images.append(
            ImageRef(where=_("hero image"), alt=page.hero_alt or "", credit=page.hero_credit or "")
        )
    source = source_of(page) if page.pk else None
    doc.is_translation = bool(page.translator_id) or source is not None
    doc.has_source = source is not None
    return doc


def from_plain_page(plain, raw: str, label: str) -> ArticleText:
    """Read a page parsed by the plain-page importer, plus the links and images of its HTML."""
    blocks = [Block(kind, text, i) for i, (kind, text) in enumerate(plain.blocks, start=1)]
    doc = ArticleText(
        label=label,
        title=plain.title,
        social_title=plain.social_title,
        byline=list(plain.byline),
        blocks=blocks,
        furniture=[FurnitureRef(f.kind, f.text, f.line) for f in plain.furniture],
        source_format=getattr(plain, "format", "text"),
    )
    doc.language = dominant_language([b.text for b in blocks] or [plain.title])
    if doc.source_format == "html":
        _read_html_references(raw, doc)
    return doc


def _read_html_references(raw: str, doc: ArticleText) -> None:
    try:
        tree = lxml.html.document_fromstring(raw)
    except (ValueError, lxml.etree.ParserError):
        return
    scope = next((found[0] for tag in SAFE_HTML_SOURCES if (found := tree.xpath(f"//{tag}"))), tree)
    for n, img in enumerate(scope.iter("img"), start=1):
        alt = img.get("alt")
        role = (img.get("role") or "").lower()
        doc.images.append(
            ImageRef(
                where=_("image %(n)d (%(src)s)") % {"n": n, "src": img.get("src", "")[:60]},
                alt=None if (alt == "" and role == "presentation") else (alt or ""),
                credit=None,
            )
        )
    for a in scope.iter("a"):
        href = a.get("href")
        if href is not None:
            text = " ".join(a.text_content().split())[:40]
            doc.links.append(LinkRef(where=_("link “%(text)s”") % {"text": text}, href=href))


def read_file(path: str | Path) -> ArticleText:
    """Read a text or HTML file the way the plain-page importer does."""
    from gazette.transfer.plain_page import parse_plain_page

    raw = Path(path).read_text(encoding="utf-8-sig")
    return from_plain_page(parse_plain_page(raw), raw, str(path))
