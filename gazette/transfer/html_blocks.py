"""Turn a WordPress or Blogger post body (Gutenberg, classic HTML, shortcodes) into
Gazette body blocks: paragraph, subheading, image, pull_quote, embed.

Everything passes through `sanitize`: scripts, event handlers, `javascript:` links and
iframes from hosts outside the embed allow-list never reach a page.
"""

from __future__ import annotations

import html
import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from gazette.transfer.sanitize import allowed_embed_url, clean_rich_text, clean_text


@dataclass(frozen=True)
class ImageRef:
    """An image already in Gazette's library, as a body block needs it."""

    pk: int
    alt: str = ""


# (src, attachment id or "") → ImageRef, or None when the image cannot be found.
ImageResolver = Callable[[str, str], "ImageRef | None"]


@dataclass
class Conversion:
    blocks: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_INLINE_TAGS = {
    "a",
    "b",
    "strong",
    "i",
    "em",
    "span",
    "sup",
    "sub",
    "code",
    "small",
    "u",
    "s",
    "abbr",
    "mark",
    "cite",
    "q",
    "time",
    "font",
    "del",
    "ins",
    "kbd",
    "var",
    "big",
    "label",
}
_DROPPED_TAGS = {
    "script",
    "style",
    "noscript",
    "object",
    "embed",
    "form",
    "input",
    "button",
    "select",
    "textarea",
    "svg",
    "canvas",
    "link",
    "meta",
    "template",
    "applet",
    "frameset",
    "frame",
    "base",
}
_BLOCK_LEVEL = re.compile(
    r"^\s*<(?:p|h[1-6]|ul|ol|blockquote|figure|div|table|pre|gz-embed|gz-gallery|iframe|hr|"
    r"section|dl|address)\b",
    re.I,
)
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_KNOWN_SHORTCODES = {
    "caption",
    "wp_caption",
    "gallery",
    "embed",
    "youtube",
    "vimeo",
    "audio",
    "video",
    "playlist",
    "soundcloud",
    "tweet",
    "contact-form",
    "contact-form-7",
    "googlemaps",
    "instagram",
    "spotify",
    "code",
    "sourcecode",
    "archives",
    "twitter",
}
_SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)((?:\s[^\]]*)?)\](?!\()")
_GUTENBERG_EMBED = re.compile(
    r"<!--\s*wp:(?:core-)?embed(?:/[\w-]+)?\s+(\{.*?\})\s*/?-->(.*?)<!--\s*/wp:(?:core-)?embed(?:/[\w-]+)?\s*-->",
    re.S,
)
_ATTACHMENT_CLASS = re.compile(r"wp-image-(\d+)")


def html_to_blocks(
    content: str, resolve_image: ImageResolver, block_id_seed: str = ""
) -> Conversion:
    """Convert a post body to raw StreamField data for ArticlePage.body."""
    result = Conversion()
    prepared = _prepare(content or "", result.notes)
    soup = BeautifulSoup(prepared, "html.parser")
    _Walker(result, resolve_image).walk(soup.children)
    for index, block in enumerate(result.blocks):
        # Stable ids make re-imports and archives reproducible.
        block["id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{block_id_seed}#{index}"))
    return result


def _prepare(content: str, notes: list[str]) -> str:
    content = content.replace("\r\n", "\n")
    content = _GUTENBERG_EMBED.sub(_gutenberg_embed, content)
    content = re.sub(r"<!--.*?-->", "", content, flags=re.S)
    content = _shortcodes(content, notes)
    return _autop(content)


def _gutenberg_embed(match: re.Match) -> str:
    try:
        url = json.loads(match.group(1)).get("url", "")
    except (ValueError, AttributeError):
        url = ""
    if not url:
        url = clean_text(match.group(2))
    return f'\n\n<gz-embed url="{html.escape(url, quote=True)}"></gz-embed>\n\n'


def _attributes(text: str) -> dict[str, str]:
    found = re.findall(r'([\w-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))', text)
    return {name.lower(): a or b or c for name, a, b, c in found}


def _shortcodes(content: str, notes: list[str]) -> str:
    """Replace the shortcodes WordPress themes use; note and strip unknown plugin ones."""

    def caption(match: re.Match) -> str:
        inner = match.group(2)
        image = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner, re.I)
        text = inner.replace(image.group(0), "") if image else inner
        caption_text = _attributes(match.group(1)).get("caption") or text
        img = image.group(0) if image else ""
        return (
            f"\n\n<figure>{img}<figcaption>{html.escape(clean_text(caption_text))}"
            "</figcaption></figure>\n\n"
        )

    content = re.sub(
        r"\[(?:wp_)?caption\b([^\]]*)\](.*?)\[/(?:wp_)?caption\]", caption, content, flags=re.S
    )

    def embed(match: re.Match) -> str:
        return (
            f'\n\n<gz-embed url="{html.escape(match.group(1).strip(), quote=True)}"></gz-embed>\n\n'
        )

    content = re.sub(r"\[embed[^\]]*\](.*?)\[/embed\]", embed, content, flags=re.S)

    def single(match: re.Match) -> str:
        name = match.group(1).lower()
        attributes = _attributes(match.group(2))
        if name == "gallery":
            ids = attributes.get("ids", "")
            return f'\n\n<gz-gallery ids="{html.escape(ids, quote=True)}"></gz-gallery>\n\n'
        url = attributes.get("src") or attributes.get("url") or attributes.get("mp4") or ""
        if not url:
            bare = match.group(2).strip().split()
            url = bare[0] if bare and "=" not in bare[0] else ""
        if url:
            return f'\n\n<gz-embed url="{html.escape(url, quote=True)}"></gz-embed>\n\n'
        notes.append(f"Shortcode [{name}] had no address to embed and was removed.")
        return ""

    content = re.sub(
        r"\[(gallery|youtube|vimeo|video|audio|soundcloud|tweet|instagram|spotify)\b([^\]]*)\]"
        r"(?:\s*\[/\1\])?",
        single,
        content,
        flags=re.I,
    )

    def unknown(match: re.Match) -> str:
        name = match.group(2)
        lowered = name.lower()
        if lowered in _KNOWN_SHORTCODES or "_" in name or "-" in name:
            if not match.group(1):
                notes.append(f"Shortcode [{name}] is not supported and was removed.")
            return ""
        return match.group(0)  # "[sic]", "[1]": ordinary text

    return _SHORTCODE.sub(unknown, content)


def _autop(content: str) -> str:
    """Give classic-editor text its paragraphs, as WordPress's wpautop does on display."""
    if re.search(r"<p[\s>]", content, re.I):
        return content
    chunks = [chunk.strip() for chunk in re.split(r"\n\s*\n", content) if chunk.strip()]
    out = []
    for chunk in chunks:
        if re.fullmatch(r"https?://\S+", chunk) and allowed_embed_url(chunk):
            out.append(f'<gz-embed url="{html.escape(chunk, quote=True)}"></gz-embed>')
        elif _BLOCK_LEVEL.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>") + "</p>")
    return "\n".join(out)


_BREAKS_INLINE = frozenset({"img", "iframe", "p", *_HEADINGS})
_MEDIA = frozenset({"img", "iframe", "gz-embed"})


def _contains(node: Tag, names: frozenset[str]) -> bool:
    """Is there an element named one of `names` inside `node`? (bs4's find is slow at it.)"""
    return any(isinstance(child, Tag) and child.name in names for child in node.descendants)


class _Walker:
    def __init__(self, result: Conversion, resolve_image: ImageResolver) -> None:
        self.result = result
        self.resolve_image = resolve_image
        self.inline: list[str] = []

    # -- output ---------------------------------------------------------------
    def paragraph(self, markup: str) -> None:
        cleaned = clean_rich_text(markup)
        if not clean_text(cleaned):
            return
        if not cleaned.startswith(("<p>", "<ul>", "<ol>")):
            cleaned = f"<p>{cleaned}</p>"
        self.result.blocks.append({"type": "paragraph", "value": cleaned})

    def flush(self) -> None:
        if self.inline:
            self.paragraph("<p>" + "".join(self.inline).strip() + "</p>")
            self.inline = []

    def image(self, img: Tag, caption: str = "") -> None:
        src = img.get("src") or img.get("data-src") or ""
        match = _ATTACHMENT_CLASS.search(" ".join(img.get("class") or []))
        attachment = img.get("data-id") or (match.group(1) if match else "")
        ref = self.resolve_image(src, str(attachment))
        if ref is None:
            self.result.notes.append(f"Image not found, left out: {src or attachment}")
            return
        alt = clean_text(img.get("alt") or "") or ref.alt
        self.result.blocks.append(
            {
                "type": "image",
                "value": {
                    "image": {"image": ref.pk, "alt_text": alt, "decorative": False},
                    "caption": clean_text(caption)[:300],
                    "credit": "",
                },
            }
        )

    def embed(self, url: str) -> None:
        allowed = allowed_embed_url(url)
        if allowed:
            self.result.blocks.append({"type": "embed", "value": allowed})
        elif url:
            self.result.notes.append(f"Embed from a host outside the allow-list removed: {url}")

    # -- walking --------------------------------------------------------------
    def walk(self, nodes) -> None:
        for node in list(nodes):
            if isinstance(node, Comment):
                continue
            if isinstance(node, NavigableString):
                if str(node).strip() or self.inline:
                    self.inline.append(html.escape(str(node), quote=False))
                continue
            if not isinstance(node, Tag):
                continue
            name = node.name.lower()
            if name in _INLINE_TAGS and not _contains(node, _BREAKS_INLINE):
                self.inline.append(str(node))
                continue
            if name == "br":
                self.inline.append("<br>")
                continue
            self.flush()
            self.block(node, name)
        self.flush()

    def block(self, node: Tag, name: str) -> None:
        if name in _DROPPED_TAGS:
            if name == "script":
                self.result.notes.append("A script was removed.")
            return
        if name == "p":
            self.block_paragraph(node)
        elif name in _HEADINGS:
            text = clean_text(node.get_text(" "))
            if text:
                self.result.blocks.append({"type": "subheading", "value": text[:250]})
        elif name in {"ul", "ol"}:
            self.paragraph(str(node))
        elif name == "blockquote":
            self.block_quote(node)
        elif name == "figure":
            self.block_figure(node)
        elif name == "img":
            self.image(node)
        elif name == "iframe":
            self.embed(node.get("src") or "")
        elif name == "gz-embed":
            self.embed(node.get("url") or "")
        elif name == "gz-gallery":
            for attachment in (node.get("ids") or "").split(","):
                if attachment.strip():
                    self.image(Tag(name="img", attrs={"data-id": attachment.strip()}))
        elif name == "hr":
            return
        elif name == "pre":
            text = html.escape(node.get_text())
            self.paragraph("<p>" + text.strip().replace("\n", "<br>") + "</p>")
        elif name == "table":
            for row in node.find_all("tr"):
                cells = [clean_text(cell.get_text(" ")) for cell in row.find_all(["td", "th"])]
                if any(cells):
                    self.paragraph("<p>" + html.escape(" | ".join(cells)) + "</p>")
            self.result.notes.append("A table was flattened to paragraphs.")
        elif name in {"dt", "dd", "address", "figcaption"}:
            self.paragraph(f"<p>{node.decode_contents()}</p>")
        else:  # div, section, span with blocks inside, center, main…
            self.walk(node.children)

    def block_paragraph(self, node: Tag) -> None:
        if not _contains(node, _MEDIA):
            self.paragraph(f"<p>{node.decode_contents()}</p>")
            return
        # Classic posts wrap images (often in a link to the full size) in a paragraph.
        media = node.find_all(["img", "iframe", "gz-embed"])
        first_is_media = not clean_text(str(node).split(str(media[0]))[0])
        pending = []
        for item in media:
            pending.append(item.extract())
        for anchor in node.find_all("a"):
            if not anchor.get_text(strip=True):
                anchor.decompose()
        if not first_is_media:
            self.paragraph(f"<p>{node.decode_contents()}</p>")
        for item in pending:
            self.block(item, item.name)
        if first_is_media:
            self.paragraph(f"<p>{node.decode_contents()}</p>")

    def block_quote(self, node: Tag) -> None:
        classes = " ".join(node.get("class") or [])
        if "twitter-tweet" in classes or "instagram-media" in classes:
            url = node.get("data-instgrm-permalink") or ""
            links = [a.get("href", "") for a in node.find_all("a")]
            url = url or next((link for link in reversed(links) if "/status/" in link), "")
            self.embed(url)
            return
        cite = node.find("cite")
        attribution = clean_text(cite.get_text(" ")) if cite else ""
        if cite:
            cite.extract()
        parts = [clean_text(p.get_text(" ")) for p in node.find_all("p")] or [
            clean_text(node.get_text(" "))
        ]
        quote = "\n".join(part for part in parts if part)
        if quote:
            self.result.blocks.append(
                {"type": "pull_quote", "value": {"quote": quote, "attribution": attribution[:250]}}
            )

    def block_figure(self, node: Tag) -> None:
        classes = " ".join(node.get("class") or [])
        caption_tag = node.find("figcaption")
        caption = caption_tag.get_text(" ") if caption_tag else ""
        if "wp-block-embed" in classes:
            iframe = node.find("iframe")
            self.embed(iframe.get("src") if iframe else clean_text(node.get_text(" ")))
            return
        quote = node.find("blockquote")
        if quote is not None:
            self.block_quote(quote)
            return
        images = node.find_all("img")
        if images:
            for img in images:
                self.image(img, caption if len(images) == 1 else "")
            return
        if caption_tag:
            caption_tag.extract()
        self.walk(node.children)
