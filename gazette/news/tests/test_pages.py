"""What a reader gets from each page type, in both languages."""

import pytest
from django.core.exceptions import ValidationError
from lxml import html

from gazette.testing.factories import make_article, make_author


def parse(response):
    assert response.status_code == 200, response.status_code
    return html.fromstring(response.content.decode())


def test_article_page_carries_the_reference_page_parts(client, magazine, article, writer):
    other = make_article(magazine["sections"]["opinion"], authors=[writer], tags=["ports"])
    doc = parse(client.get(article.url))
    assert doc.xpath("//html/@lang") == ["en"] and doc.xpath("//html/@dir") == ["ltr"]
    # the full headline, never truncated
    assert doc.xpath("string(//h1)") == article.title
    # byline linking to the author page, and a date
    byline = doc.xpath("//ul[@class='byline']//a[@rel='author']")
    assert [a.text for a in byline] == ["Layla Haddad"]
    assert byline[0].get("href") == "/authors/layla-haddad/"
    assert doc.xpath("//time/@datetime")
    # body with subheadings
    assert doc.xpath("//h2[@class='subheading']/text()") == ["Why does the port need it?"]
    # the "You May Also Like" rail lists the other article
    rail = doc.xpath("//section[@class='also-like']")
    assert rail and "You May Also Like" in rail[0].text_content()
    assert other.title in rail[0].text_content()
    # tags link to tag pages
    assert "/tags/ports/" in doc.xpath("//ul[@class='tags']//a/@href")
    # the hero image has its alt text
    assert doc.xpath("//figure[contains(@class,'article__hero')]//img/@alt") == [
        "A container ship at the quay"
    ]


def test_co_bylines_link_each_author(client, magazine, writer):
    second = make_author("Omar Nasser")
    page = make_article(magazine["sections"]["report"], authors=[writer, second])
    doc = parse(client.get(page.url))
    assert doc.xpath("//ul[@class='byline']//a[@rel='author']/@href") == [
        "/authors/layla-haddad/",
        "/authors/omar-nasser/",
    ]


def test_arabic_article_is_right_to_left_and_links_its_translation(client, magazine):
    author_ar = make_author("ليلى حداد", locale=magazine["ar"], slug="layla-haddad")
    original = make_article(
        magazine["sections_ar"]["opinion"],
        title="لماذا يحتاج الميناء إلى رصيف ثانٍ؟",
        authors=[author_ar],
        slug="harbour-ar",
    )
    translator = make_author("Sami Karam", role="Translator")
    english = original.copy_for_translation(magazine["en"])
    english.title = "Why does the harbour need a second berth?"
    english.translator = translator
    english.save_revision().publish()

    doc = parse(client.get(original.url))
    assert original.url.startswith("/ar/")
    assert doc.xpath("//html/@lang") == ["ar"] and doc.xpath("//html/@dir") == ["rtl"]
    assert english.url in doc.xpath("//p[@class='article__translation']/a/@href")
    assert "/ar/authors/layla-haddad/" in doc.xpath("//a[@rel='author']/@href")

    doc_en = parse(client.get(english.url))
    assert original.url in doc_en.xpath("//p[@class='article__translation']/a/@href")
    credit = doc_en.xpath("string(//p[@class='article__translator'])")
    assert "Translated from Arabic by Sami Karam" in " ".join(credit.split())


def test_arabic_interface_strings_and_dates_are_localized(client, magazine):
    author_ar = make_author("ليلى حداد", locale=magazine["ar"], slug="layla")
    page = make_article(
        magazine["sections_ar"]["news"], title="خبر عن الميناء", authors=[author_ar], slug="khabar"
    )
    content = client.get(page.url).content.decode()
    assert "انتقل إلى المحتوى" in content or "تخطَّ إلى المحتوى" in content  # skip link, translated
    months = [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ]
    assert any(m in content for m in months)


def test_front_page_shows_lead_sections_opinion_and_caricature(client, magazine, writer):
    cartoonist = make_author("Nadim Farah", role="Cartoonist")
    from gazette.testing.factories import make_image

    lead = make_article(
        magazine["sections"]["news"],
        title="Port opens new berth",
        authors=[writer],
        hero_image=make_image("Lead"),
    )
    opinion = make_article(
        magazine["sections"]["opinion"],
        title="The berth is not enough",
        authors=[writer],
        days_ago=1,
    )
    cartoon = make_article(
        magazine["sections"]["caricature"],
        title="Waiting at the quay",
        authors=[cartoonist],
        kind="caricature",
        hero_image=make_image("Cartoon"),
        days_ago=2,
    )
    doc = parse(client.get("/"))
    assert doc.xpath("string(//section[@class='lead']//h2)").strip() == lead.title
    assert opinion.title in doc.xpath("string(//section[contains(@class,'rail--opinion')])")
    assert doc.xpath("//section[contains(@class,'rail--opinion')]//img[@class='avatar']")
    assert cartoon.title in doc.xpath("string(//section[@class='caricature-of-day'])")
    assert [a.text for a in doc.xpath("//nav[@class='sections wrap']//a")] == [
        "News",
        "Opinion",
        "Report",
        "Caricature",
    ]


def test_arabic_front_page(client, magazine):
    doc = parse(client.get("/ar/"))
    assert doc.xpath("//html/@dir") == ["rtl"]
    assert "رأي" in [a.text for a in doc.xpath("//nav[@class='sections wrap']//a")]


def test_section_page_paginates(client, magazine, writer, settings):
    settings.GAZETTE_PAGE_SIZE = 3
    section = magazine["sections"]["news"]
    titles = [
        make_article(section, title=f"Story {i}", authors=[writer], days_ago=i).title
        for i in range(7)
    ]
    first = parse(client.get(section.url))
    assert [h.text_content().strip() for h in first.xpath("//h3[@class='card__title']")] == titles[
        :3
    ]
    assert first.xpath("//a[@rel='next']/@href") == ["?page=2"]
    last = parse(client.get(section.url + "?page=3"))
    assert [h.text_content().strip() for h in last.xpath("//h3[@class='card__title']")] == titles[
        6:
    ]
    assert client.get(section.url + "?page=9").status_code == 404
    assert client.get(section.url + "?page=abc").status_code == 404


def test_author_page_lists_their_articles_paginated(client, magazine, writer, settings):
    settings.GAZETTE_PAGE_SIZE = 2
    other = make_author("Omar Nasser")
    mine = [
        make_article(
            magazine["sections"]["opinion"], title=f"Column {i}", authors=[writer], days_ago=i
        )
        for i in range(3)
    ]
    make_article(magazine["sections"]["opinion"], title="Not mine", authors=[other])
    doc = parse(client.get("/authors/layla-haddad/"))
    assert doc.xpath("string(//h1)") == "Layla Haddad"
    assert "Layla writes about water" in doc.xpath("string(//p[@class='author-header__bio'])")
    assert [h.text_content().strip() for h in doc.xpath("//h3[@class='card__title']")] == [
        mine[0].title,
        mine[1].title,
    ]
    page2 = parse(client.get("/authors/layla-haddad/?page=2"))
    assert [h.text_content().strip() for h in page2.xpath("//h3[@class='card__title']")] == [
        mine[2].title
    ]
    assert client.get("/authors/nobody/").status_code == 404


def test_tag_page_lists_tagged_articles_in_the_readers_language(client, magazine, writer):
    tagged = make_article(
        magazine["sections"]["news"], title="Tagged story", authors=[writer], tags=["water"]
    )
    make_article(magazine["sections"]["news"], title="Untagged story", authors=[writer])
    doc = parse(client.get("/tags/water/"))
    titles = [h.text_content().strip() for h in doc.xpath("//h3[@class='card__title']")]
    assert titles == [tagged.title]
    assert client.get("/tags/no-such-tag/").status_code == 404


def test_not_found_page_uses_the_site_design(client, magazine):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    doc = html.fromstring(response.content.decode())
    assert doc.xpath("//header[@class='masthead']") and "could not find" in doc.xpath(
        "string(//h1)"
    )


def test_server_error_page_uses_the_site_design(rf):
    from gazette.core.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"masthead" in response.content and b"Something went wrong" in response.content


def test_social_title_has_its_own_limit(magazine, article):
    article.seo_title = "A" * 71
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "seo_title" in error.value.message_dict
    article.seo_title = "Why the harbour needs a second berth"
    article.full_clean()


def test_hero_image_needs_alt_text(magazine, article):
    article.hero_alt = "  "
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "hero_alt" in error.value.message_dict


def test_every_listing_page_renders_in_arabic(client, magazine):
    author_ar = make_author("ليلى حداد", locale=magazine["ar"], slug="layla-haddad")
    article = make_article(
        magazine["sections_ar"]["report"],
        title="تقرير عن المياه",
        authors=[author_ar],
        tags=["water"],
        slug="water-ar",
    )
    for url in [
        magazine["sections_ar"]["report"].url,
        "/ar/authors/layla-haddad/",
        "/ar/tags/water/",
    ]:
        doc = parse(client.get(url))
        assert doc.xpath("//html/@dir") == ["rtl"], url
        assert doc.xpath("//html/@lang") == ["ar"], url
        assert article.title in [
            h.text_content().strip() for h in doc.xpath("//h3[@class='card__title']")
        ], url
    # The language switch on an Arabic listing leads to the same listing in English.
    doc = parse(client.get("/ar/tags/water/"))
    assert doc.xpath("//a[@class='lang-switch']/@href") == ["/tags/water/"]
