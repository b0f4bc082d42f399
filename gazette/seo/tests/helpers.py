"""Shared pieces of the SEO tests: a bilingual magazine, HTML and JSON-LD readers."""

from __future__ import annotations

import json

from lxml import html as lxml_html

from gazette.testing.factories import make_article, make_author, make_image, publish


def bilingual_story(magazine):
    """An English opinion piece and its Arabic translation, with a translator."""
    en_writer = make_author(
        "Layla Haddad", bio="Layla writes about water and cities.", x_handle="layla"
    )
    ar_writer = en_writer.copy_for_translation(magazine["ar"])
    ar_writer.name = "ليلى حداد"
    ar_writer.live = True
    ar_writer.save()
    translator = make_author("Omar Saleh", locale=magazine["ar"], role="Translator", photo=False)
    english = make_article(
        magazine["sections"]["opinion"],
        title="Why the Harbour Needs a Second Berth, What the Ministry Knows, and What It Will Cost the Importers Who Wait",
        authors=[en_writer],
        tags=["ports", "trade"],
        hero_image=make_image("Harbour", size=(1600, 900)),
        slug="second-berth",
    )
    arabic = english.copy_for_translation(magazine["ar"])
    arabic.title = "لماذا يحتاج الميناء إلى رصيف ثانٍ"
    arabic.standfirst = "ما يعنيه الرصيف الجديد للمستوردين."
    arabic.translator = translator
    publish(arabic)
    arabic.refresh_from_db()
    return {
        "en": english,
        "ar": arabic,
        "writer": en_writer,
        "writer_ar": ar_writer,
        "translator": translator,
    }


class Head:
    """The <head> of a rendered page, read as a search engine would."""

    def __init__(self, content: bytes):
        self.tree = lxml_html.fromstring(content)

    def all(self, xpath: str) -> list:
        return self.tree.xpath(xpath)

    def one(self, xpath: str):
        found = self.tree.xpath(xpath)
        assert len(found) == 1, f"{xpath}: expected one, found {len(found)}"
        return found[0]

    @property
    def title(self) -> str:
        return self.one("//head/title").text_content().strip()

    def meta(self, key: str) -> str:
        return self.one(f"//head/meta[@property='{key}' or @name='{key}']").get("content")

    @property
    def canonical(self) -> str:
        return self.one("//head/link[@rel='canonical']").get("href")

    @property
    def hreflang(self) -> dict[str, str]:
        return {
            link.get("hreflang"): link.get("href")
            for link in self.all("//head/link[@rel='alternate'][@hreflang]")
        }

    @property
    def feeds(self) -> list[tuple[str, str]]:
        return [
            (link.get("type"), link.get("href"))
            for link in self.all("//head/link[@rel='alternate'][@type]")
        ]

    @property
    def jsonld(self) -> list[dict]:
        nodes = []
        for script in self.all("//script[@type='application/ld+json']"):
            data = json.loads(script.text)
            assert data["@context"] == "https://schema.org"
            nodes.extend(data["@graph"])
        return nodes

    def node(self, type_name: str) -> dict:
        found = [n for n in self.jsonld if n["@type"] == type_name]
        assert len(found) == 1, (
            f"expected one {type_name} node, found {[n['@type'] for n in self.jsonld]}"
        )
        return found[0]
