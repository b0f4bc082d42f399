"""Images reach readers with text alternatives and fixed dimensions: editors cannot
publish a body image without alt text unless they mark it decorative, and every <img>
on a page has alt, width and height (so nothing shifts), lazy below the hero."""

import pytest
from django.core.exceptions import ValidationError
from lxml import html as lxml_html

from gazette.news.blocks import ArticleBodyBlock
from gazette.seo.tests.helpers import bilingual_story
from gazette.testing.factories import make_article, make_image

pytestmark = pytest.mark.django_db


def figure(image, alt="", decorative=False):
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "alt_text": alt, "decorative": decorative},
            "caption": "The quay at dawn",
            "credit": "",
        },
    }


def test_body_image_needs_alt_text_or_decorative(magazine):
    image = make_image("Quay", size=(800, 450))
    block = ArticleBodyBlock()
    with pytest.raises(ValidationError) as excinfo:
        block.clean(block.to_python([figure(image)]))
    assert "alt text" in str(excinfo.value.block_errors).lower() or excinfo.value
    block.clean(block.to_python([figure(image, alt="Cranes over the quay at dawn")]))
    block.clean(block.to_python([figure(image, decorative=True)]))


def test_hero_image_needs_alt_text(magazine):
    article = make_article(magazine["sections"]["news"], hero_image=make_image("Hero"))
    article.hero_alt = "  "
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    assert "hero_alt" in excinfo.value.message_dict


def test_every_image_has_alt_and_dimensions(client, magazine):
    story = bilingual_story(magazine)
    image = make_image("Quay", size=(1600, 900))
    body = ArticleBodyBlock().to_python(
        [
            {"type": "paragraph", "value": "<p>First.</p>"},
            figure(image, alt="Cranes over the quay at dawn"),
            figure(image, decorative=True),
        ]
    )
    article = make_article(
        magazine["sections"]["news"], body=body, hero_image=make_image("Lead", size=(1600, 900))
    )
    for url in [article.url, story["ar"].url, "/", "/news/", "/authors/layla-haddad/"]:
        tree = lxml_html.fromstring(client.get(url).content)
        images = tree.xpath("//body//img")
        assert images, url
        for img in images:
            assert img.get("alt") is not None, (url, lxml_html.tostring(img))
            assert img.get("width") and img.get("height"), (url, lxml_html.tostring(img))
    tree = lxml_html.fromstring(client.get(article.url).content)
    hero = tree.xpath("//figure[contains(@class,'article__hero')]//img")[0]
    assert hero.get("loading") != "lazy" and hero.get("fetchpriority") == "high"
    body_images = tree.xpath("//div[contains(@class,'article__body')]//figure//img")
    assert [img.get("alt") for img in body_images] == ["Cranes over the quay at dawn", ""]
    assert all(img.get("loading") == "lazy" for img in body_images)
    assert all(
        "format-webp" in img.get("srcset") or ".webp" in img.get("srcset") for img in body_images
    )


def test_listings_fetch_their_first_picture_first(client, magazine):
    """A listing's first card is its largest paint on a phone: never lazy, fetched first."""
    writer = bilingual_story(magazine)["writer"]
    for days in (3, 2, 1):
        make_article(
            magazine["sections"]["opinion"],
            authors=[writer],
            tags=["ports"],
            hero_image=make_image("Card", size=(1600, 900)),
            days_ago=days,
        )
    for url in ["/opinion/", "/authors/layla-haddad/", "/tags/ports/"]:
        tree = lxml_html.fromstring(client.get(url).content)
        cards = tree.xpath("//article[contains(@class,'card')]//img")
        assert len(cards) >= 3, url
        first, rest = cards[0], cards[1:]
        assert first.get("loading") is None and first.get("fetchpriority") == "high", url
        assert all(img.get("loading") == "lazy" and not img.get("fetchpriority") for img in rest)


def test_each_edition_preloads_only_its_own_script(client, magazine):
    """English pages never fetch the Arabic faces for the language switch, nor the reverse."""
    story = bilingual_story(magazine)
    english = lxml_html.fromstring(client.get(story["en"].url).content)
    arabic = lxml_html.fromstring(client.get(story["ar"].url).content)
    preloads = "//head/link[@rel='preload'][@as='font']/@href"
    assert english.xpath(preloads) and all("arabic" not in h for h in english.xpath(preloads))
    assert arabic.xpath(preloads) and all("arabic" in h for h in arabic.xpath(preloads))
    # The switch to the other edition is on the page, in its own language.
    assert english.xpath("//a[@class='lang-switch'][@lang='ar']")
