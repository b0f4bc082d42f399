"""Build small magazines for tests: real pages, published through Wagtail."""

from __future__ import annotations

import io
from datetime import timedelta

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from gazette.home.models import HomePage
from gazette.news.models import ArticleAuthor, ArticlePage, SectionPage
from gazette.people.models import Author


def make_image(title: str = "Picture", size=(64, 36), colour="#884422"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    image = get_image_model()(title=title, description=f"Alt text for {title}")
    image.file = ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.jpg")
    image.save()
    return image


def publish(page: Page, when=None) -> Page:
    page.save_revision().publish()
    if when is not None:
        Page.objects.filter(pk=page.pk).update(first_published_at=when, last_published_at=when)
        page.refresh_from_db()
    return page


def make_magazine(sections=("news", "opinion", "report", "caricature")) -> dict:
    """English and Arabic front pages with the given sections, as the default site."""
    en, _ = Locale.objects.get_or_create(language_code="en")
    ar, _ = Locale.objects.get_or_create(language_code="ar")
    root = Page.get_first_root_node()
    home = HomePage(title="Gazette", slug="gazette-home", locale=en)
    root.add_child(instance=home)
    publish(home)
    Site.objects.all().delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Gazette"
    )
    home_ar = home.copy_for_translation(ar)
    home_ar.title = "غازيت"
    publish(home_ar)
    result = {
        "en": en,
        "ar": ar,
        "home": home,
        "home_ar": home_ar,
        "sections": {},
        "sections_ar": {},
    }
    for key in sections:
        kind = key if key in {"opinion", "caricature", "report"} else "news"
        section = SectionPage(title=key.title(), slug=key, default_kind=kind, show_in_menus=True)
        home.add_child(instance=section)
        publish(section)
        section_ar = section.copy_for_translation(ar)
        section_ar.title = {
            "news": "أخبار",
            "opinion": "رأي",
            "report": "تقارير",
            "caricature": "كاريكاتير",
        }.get(key, key)
        publish(section_ar)
        result["sections"][key] = section
        result["sections_ar"][key] = section_ar
    return result


_counter = {"n": 0}


def make_author(name: str = "Layla Haddad", locale=None, photo: bool = True, **fields) -> Author:
    locale = locale or Locale.objects.get(language_code="en")
    slug = fields.pop("slug", None) or name.lower().replace(" ", "-")
    author = Author(
        name=name,
        slug=slug,
        locale=locale,
        live=True,
        role=fields.pop("role", "Columnist"),
        **fields,
    )
    if photo:
        author.photo = make_image(f"Portrait {name}")
    author.save()
    return author


def make_article(
    section: SectionPage, title: str = None, authors=(), tags=(), days_ago: float = 0, **fields
) -> ArticlePage:
    _counter["n"] += 1
    title = title or f"Story number {_counter['n']} about the harbour"
    body = fields.pop(
        "body",
        [
            (
                "paragraph",
                RichText(
                    "<p>The harbour authority said on Tuesday that the new berth would open in spring.</p>"
                ),
            ),
            ("subheading", "Why does the port need it?"),
            (
                "paragraph",
                RichText("<p>Ships have waited up to four days for a berth this year.</p>"),
            ),
        ],
    )
    hero = fields.pop("hero_image", None)
    page = ArticlePage(
        title=title,
        slug=fields.pop("slug", None) or f"story-{_counter['n']}",
        standfirst=fields.pop("standfirst", "What the new berth means for importers."),
        kind=fields.pop("kind", section.default_kind),
        body=body,
        hero_image=hero,
        hero_alt="A container ship at the quay" if hero else "",
        locale=section.locale,
        **fields,
    )
    for position, author in enumerate(authors):
        page.article_authors.add(ArticleAuthor(author=author, sort_order=position))
    if tags:
        page.tags.add(*tags)
    section.add_child(instance=page)
    return publish(page, timezone.now() - timedelta(days=days_ago))
