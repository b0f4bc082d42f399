"""Make an advertiser's HTML safe to show: no script, no handlers, links only to the ad."""

from __future__ import annotations

import nh3

ALLOWED_TAGS = {
    "a", "b", "br", "div", "em", "figcaption", "figure", "h2", "h3", "h4", "i", "img", "li",
    "ol", "p", "small", "span", "strong", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"class", "style", "lang", "dir", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
}
ALLOWED_STYLE_PROPERTIES = {
    "background", "background-color", "border", "border-radius", "color", "display",
    "font-family", "font-size", "font-style", "font-weight", "height", "letter-spacing",
    "line-height", "margin", "margin-block", "margin-inline", "max-inline-size", "max-width",
    "padding", "padding-block", "padding-inline", "text-align", "text-decoration",
    "text-transform", "width", "inline-size", "block-size",
}  # fmt: skip
# The click placeholder every link is rewritten to; the frame view swaps in the
# creative's own click-redirect address.
CLICK_PLACEHOLDER = "#gazette-ad-click"


def _rewrite_links(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return CLICK_PLACEHOLDER  # every link leads through the recorded click redirect
    if tag == "img" and attribute == "src":
        return value if value.lower().startswith(("https://", "http://", "/media/")) else None
    return value


def sanitise_creative_html(html: str) -> str:
    """Return `html` with only harmless markup left, every link pointing at the ad's click."""
    cleaned = nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_rewrite_links,
        url_schemes={"https", "http"},
        filter_style_properties=ALLOWED_STYLE_PROPERTIES,
        link_rel="sponsored noopener noreferrer",
        set_tag_attribute_values={"a": {"target": "_blank"}},
        strip_comments=True,
    )
    return cleaned.strip()
