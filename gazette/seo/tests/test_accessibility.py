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
