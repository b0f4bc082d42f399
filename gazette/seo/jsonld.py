"""schema.org structured data (JSON-LD) for each kind of page.

Types follow what news search engines read: `NewsArticle` and its kinds, `BreadcrumbList`,
`WebSite` with a `SearchAction`, `ProfilePage` for authors, and the publisher as a
`NewsMediaOrganization` with its logo.
"""

from __future__ import annotations

import json

from django.utils.safestring import SafeString, mark_safe

from gazette.seo.text import truncate_words

SCHEMA = "https://schema.org"
HEADLINE_MAX = 110  # search engines show at most this much of a structured-data headline

ARTICLE_TYPES = {
    "news": "NewsArticle",
    "opinion": "OpinionNewsArticle",
    "report": "ReportageNewsArticle",
    "analysis": "AnalysisNewsArticle",
    "caricature": "NewsArticle",
}

# The characters that could end a <script> element or start a comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_script(data: dict | list) -> SafeString:
    """Serialise structured data for a `<script type="application/ld+json">` element.

    `<`, `>` and `&` become JSON escapes, so text such as `</script>` in a headline
    cannot close the element; the JSON still parses to the same strings.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped above


def organization(root: str, name: str, logo_url: str) -> dict:
    return {
        "@type": "NewsMediaOrganization",
        "@id": f"{root}/#organization",
        "name": name,
        "url": f"{root}/",
        "logo": {"@type": "ImageObject", "url": logo_url, "width": 600, "height": 60},
    }


def website(root: str, name: str, home_url: str, search_url: str, language: str) -> dict:
    return {
        "@type": "WebSite",
        "@id": f"{root}/#website",
        "name": name,
        "url": home_url,
        "inLanguage": language,
        "publisher": {"@id": f"{root}/#organization"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search_url}?q={{search_term_string}}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList from (name, absolute url) pairs, front page first."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": url}
            for i, (name, url) in enumerate(trail, start=1)
        ],
    }


def person(name: str, url: str, **extra) -> dict:
    data = {"@type": "Person", "name": name, "url": url}
    data.update({key: value for key, value in extra.items() if value})
    return data


def image_object(url: str, width: int, height: int) -> dict:
    return {"@type": "ImageObject", "url": url, "width": width, "height": height}


def news_article(
    *,
    kind: str,
    url: str,
    headline: str,
    description: str,
    language: str,
    published,
    modified,
    authors: list[dict],
    images: list[dict],
    root: str,
    section: str = "",
    keywords: list[str] = (),
    translator: dict | None = None,
    source: dict | None = None,
    translations: list[dict] = (),
) -> dict:
    data = {
        "@type": ARTICLE_TYPES.get(kind, "NewsArticle"),
        "@id": f"{url}#article",
        "mainEntityOfPage": url,
        "url": url,
        "headline": truncate_words(headline, HEADLINE_MAX),
        "name": headline,
        "description": description,
        "inLanguage": language,
        "datePublished": published.isoformat() if published else None,
        "dateModified": (modified or published).isoformat() if (modified or published) else None,
        "author": authors,
        "publisher": {"@id": f"{root}/#organization"},
        "image": images,
        "isAccessibleForFree": True,
        "articleSection": section,
        "keywords": list(keywords),
    }
    if kind == "caricature":
        data["genre"] = "Caricature"
    if translator:
        data["translator"] = translator
    if source:
        data["translationOfWork"] = source
    if translations:
        data["workTranslation"] = list(translations)
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def profile_page(url: str, language: str, person_data: dict, modified=None) -> dict:
    data = {
        "@type": "ProfilePage",
        "@id": url,
        "url": url,
        "inLanguage": language,
        "mainEntity": person_data,
    }
    if modified:
        data["dateModified"] = modified.isoformat()
    return data


def collection_page(url: str, name: str, description: str, language: str) -> dict:
    data = {"@type": "CollectionPage", "@id": url, "url": url, "name": name, "inLanguage": language}
    if description:
        data["description"] = description
    return data


def search_results_page(url: str, name: str, language: str) -> dict:
    return {
        "@type": "SearchResultsPage",
        "@id": url,
        "url": url,
        "name": name,
        "inLanguage": language,
    }


def graph(*items: dict) -> dict:
    """Wrap several nodes in one document that shares the schema.org context."""
    return {"@context": SCHEMA, "@graph": [item for item in items if item]}
