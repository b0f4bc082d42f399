"""Folded copies of searchable text, which Wagtail indexes beside the originals.

Wagtail's database search backend (SQLite FTS5, PostgreSQL tsvector with its GIN
index) indexes whatever a `search_fields` entry returns, so the articles and authors
models name these functions in `index.SearchField`/`index.AutocompleteField`; queries
are folded with the same `normalise_text` before they reach the backend.
"""

from __future__ import annotations

from html import unescape

from django.utils.html import strip_tags

from gazette.search.normalise import normalise_text


def body_plain_text(body, asides: bool = True) -> str:
    """The readable words of an article body: paragraphs, subheadings, quotes, captions.

    Without `asides` only the running text: what a result snippet is cut from, where a
    pull quote would repeat a passage and its attribution or a photo credit would run
    into the next sentence as a stray name.
    """
    parts: list[str] = []
    for block in body or []:
        value = block.value
        if block.block_type == "paragraph":
            # Rich text keeps entities (&quot;, &amp;): words, not markup, from here on.
            parts.append(unescape(strip_tags(getattr(value, "source", str(value)))))
        elif block.block_type == "subheading":
            parts.append(str(value))
        elif not asides:
            continue
        elif block.block_type == "pull_quote":
            parts.extend([value.get("quote", ""), value.get("attribution", "")])
        elif block.block_type == "image":
            parts.extend([value.get("caption", ""), value.get("credit", "")])
    return " ".join(part for part in parts if part)


def article_search_text(article) -> str:
    """Folded title, standfirst, body, tags and byline names of an article."""
    names = [item.author.name for item in article.article_authors.all() if item.author_id]
    tags = [tag.name for tag in article.tags.all()]
    return normalise_text(
        " ".join([article.title, article.standfirst, body_plain_text(article.body), *tags, *names])
    )


def article_search_title(article) -> str:
    return normalise_text(article.title)


def author_search_text(author) -> str:
    return normalise_text(" ".join([author.name, author.role, author.bio]))


def author_search_name(author) -> str:
    return normalise_text(author.name)
