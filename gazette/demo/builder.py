"""Build the demo magazine: locales, front pages, sections, authors, articles, logins.

Every step looks up what it would create first, so running it twice creates nothing
new. Randomness comes from one seeded generator, so a seed always gives the same
magazine (dates are laid out backwards from the day it runs).
"""

from __future__ import annotations

import hashlib
import io
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText

from gazette.demo import corpus, images, readers
from gazette.discovery.models import DailyViews
from gazette.discovery.signal_handlers import refreshes_held
from gazette.home.models import HomePage
from gazette.news.models import ArticleAuthor, ArticlePage, SectionPage
from gazette.newsroom.roles import AUTHORS, CONTRIBUTORS, EDITORS, LEGAL, TRANSLATORS, ensure_roles
from gazette.people.models import Author

SECTIONS = {
    # key: (English title, Arabic title, default kind, English intro, Arabic intro)
    "news": (
        "News",
        "أخبار",
        "news",
        "What happened, checked and explained.",
        "ما حدث، موثّقاً ومشروحاً.",
    ),
    "opinion": (
        "Opinion",
        "رأي",
        "opinion",
        "Arguments from our columnists and guest writers.",
        "آراء كتّابنا وضيوفنا.",
    ),
    "report": (
        "Report",
        "تقارير",
        "report",
        "Long reads, investigations and analysis.",
        "تحقيقات وقراءات معمّقة وتحليلات.",
    ),
    "caricature": (
        "Caricature",
        "كاريكاتير",
        "caricature",
        "The day in a drawing.",
        "اليوم في رسم.",
    ),
}

DEMO_USERS = [
    # username, password, group (None: administrator), first name, last name
    ("admin", "gazette-admin", None, "Ada", "Administrator"),
    ("editor", "gazette-editor", EDITORS, "Elias", "Editor"),
    ("contributor", "gazette-contributor", CONTRIBUTORS, "Carmen", "Contributor"),
    ("author", "gazette-author", AUTHORS, "Amal", "Author"),
    ("legal", "gazette-legal", LEGAL, "Lina", "Legal"),
    # The translator signs in as the magazine's translator, so the credit is filled in.
    ("translator", "gazette-translator", TRANSLATORS, "Ines", "Bakri"),
]

HERO_POOL = 48
SPAN_DAYS = 190


@dataclass
class Progress:
    write: Callable[[str], None]
    created: dict = field(default_factory=dict)

    def count(self, what: str, n: int = 1) -> None:
        self.created[what] = self.created.get(what, 0) + n

    def step(self, message: str) -> None:
        self.write(message)


def _publish(page: Page, when=None) -> None:
    revision = page.save_revision()
    revision.publish()
    if when is not None:
        Page.objects.filter(pk=page.pk).update(
            first_published_at=when, last_published_at=when, latest_revision_created_at=when
        )
        revision.__class__.objects.filter(pk=revision.pk).update(created_at=when)


def ensure_locales() -> tuple[Locale, Locale]:
    en, _ = Locale.objects.get_or_create(language_code="en")
    ar, _ = Locale.objects.get_or_create(language_code="ar")
    return en, ar


def ensure_front_pages(en: Locale, ar: Locale, progress: Progress) -> tuple[HomePage, HomePage]:
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=en).first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(
            instance=Page(title="Root", slug="root", locale=en, live=True)
        )
        home = HomePage(
            title="Gazette",
            slug="gazette",
            tagline="News and opinion from the region, in English and Arabic",
            locale=en,
            seo_title="Gazette — news and opinion in English and Arabic",
            search_description="Independent news, reports, opinion and caricature from the region, in English and Arabic.",
        )
        root.add_child(instance=home)
        _publish(home)
        progress.count("front pages")
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Gazette"
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Gazette"
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()  # Wagtail's "Welcome" placeholder
    home_ar = HomePage.objects.filter(locale=ar).first()
    if home_ar is None:
        home_ar = home.copy_for_translation(ar)
        home_ar.title = "غازيت"
        home_ar.tagline = "أخبار وآراء من المنطقة، بالعربية والإنجليزية"
        home_ar.seo_title = "غازيت — أخبار وآراء بالعربية والإنجليزية"
        home_ar.search_description = (
            "أخبار وتقارير وآراء وكاريكاتير مستقلة من المنطقة، بالعربية والإنجليزية."
        )
        _publish(home_ar)
        progress.count("front pages")
    return home, home_ar


def ensure_sections(home: HomePage, home_ar: HomePage, ar: Locale, progress: Progress) -> dict:
    sections = {}
    for key, (title, title_ar, kind, intro, intro_ar) in SECTIONS.items():
        section = SectionPage.objects.child_of(home).filter(slug=key).first()
        if section is None:
            section = SectionPage(
                title=title,
                slug=key,
                intro=intro,
                default_kind=kind,
                show_in_menus=True,
                search_description=intro,
            )
            home.add_child(instance=section)
            _publish(section)
            progress.count("sections")
        section_ar = SectionPage.objects.filter(
            translation_key=section.translation_key, locale=ar
        ).first()
        if section_ar is None:
            section_ar = section.copy_for_translation(ar)
            section_ar.title, section_ar.intro, section_ar.search_description = (
                title_ar,
                intro_ar,
                intro_ar,
            )
            _publish(section_ar)
            progress.count("sections")
        sections[key] = (section, section_ar)
    return sections


def _image(title: str, data: bytes, collection: Collection, description: str = ""):
    Image = get_image_model()
    existing = Image.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing, False
    filename = slugify(title)[:60] or "image"
    image = Image(title=title, collection=collection, description=description[:255])
    image.file = ImageFile(_bytes_file(data), name=f"{filename}.jpg")
    image.save()
    return image, True


def _bytes_file(data: bytes):
    import io

    return io.BytesIO(data)


def _stable_rng(seed: int, key: str) -> random.Random:
    digest = hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()
    return random.Random(int(digest[:16], 16))


def ensure_authors(
    seed: int, en: Locale, ar: Locale, collection: Collection, progress: Progress
) -> dict:
    authors = {}
    for profile in corpus.author_profiles():
        slug = profile["slug"]
        author = Author.objects.filter(slug=slug, locale=en).first()
        if author is None:
            photo, made = _image(
                f"Portrait of {profile['name']}",
                images.portrait(_stable_rng(seed, slug)),
                collection,
                description=f"Illustrated portrait of {profile['name']}",
            )
            progress.count("images", made)
            author = Author(
                name=profile["name"],
                slug=slug,
                role=profile["role"],
                bio=profile["bio"],
                photo=photo,
                x_handle=profile.get("x_handle", ""),
                locale=en,
                live=True,
            )
            author.save()
            author.save_revision().publish()
            progress.count("authors")
        author_ar = Author.objects.filter(translation_key=author.translation_key, locale=ar).first()
        if author_ar is None:
            author_ar = author.copy_for_translation(ar)
            author_ar.name, author_ar.role, author_ar.bio = (
                profile["name_ar"],
                profile["role_ar"],
                profile["bio_ar"],
            )
            author_ar.live = True
            author_ar.save()
            author_ar.save_revision().publish()
            progress.count("authors")
        authors[slug] = {
            "en": author,
            "ar": author_ar,
            "sections": profile["sections"],
            "role": profile["role"],
        }
    return authors


def _body(blocks: list, attribution: str) -> list:
    body = []
    for kind, text in blocks:
        if kind == "paragraph":
            body.append(("paragraph", RichText(f"<p>{escape(text)}</p>")))
        elif kind == "subheading":
            body.append(("subheading", text))
        elif kind == "pull_quote":
            body.append(("pull_quote", {"quote": text, "attribution": attribution}))
    return body


def _slug(headline: str) -> str:
    return slugify(headline, allow_unicode=True)[:80].strip("-") or "article"


class ArticleMaker:
    """Create one article page from a corpus item, unless its slug exists already."""

    def __init__(self, seed, authors, sections, collection, progress):
        self.seed, self.authors, self.sections = seed, authors, sections
        self.collection, self.progress = collection, progress
        self.heroes: dict[int, object] = {}
        self.writers = {
            key: [s for s, a in authors.items() if key in a["sections"]] for key in SECTIONS
        }
        self.translators = [s for s, a in authors.items() if a["role"] == "Translator"]

    def hero_for(self, item: dict, language: str):
        if item["kind"] == "caricature":
            title = (
                f"Cartoon: {item['headline'][:80]}"
                if language == "en"
                else f"Cartoon {_slug(item['headline'])[:40]}"
            )
            caption = item["headline"] if language == "en" else item.get("image_subject", "")
            image, made = _image(
                title,
                images.cartoon(_stable_rng(self.seed, title), caption),
                self.collection,
                item["caption"],
            )
            self.progress.count("images", made)
            return image
        slot = int(hashlib.sha256(item["image_subject"].encode()).hexdigest(), 16) % HERO_POOL
        if slot not in self.heroes:
            title = f"Illustration {slot + 1:02d}: {item['image_subject']}"
            image, made = _image(
                title,
                images.hero(_stable_rng(self.seed, f"hero{slot}"), item["image_subject"]),
                self.collection,
                f"Illustration: {item['image_subject']}",
            )
            self.progress.count("images", made)
            self.heroes[slot] = image
        return self.heroes[slot]

    def make(
        self,
        item: dict,
        language: str,
        when,
        rng: random.Random,
        translation_of: ArticlePage | None = None,
        writer_slugs=None,
    ):
        section_en, section_ar = self.sections[item["section"]]
        parent = section_en if language == "en" else section_ar
        slug = _slug(item["headline"])
        existing = ArticlePage.objects.child_of(parent).filter(slug=slug).first()
        if existing:
            return existing
        if writer_slugs is None:
            pool = self.writers.get(item["section"]) or list(self.authors)
            writer_slugs = [rng.choice(pool)]
            if item["kind"] in ("report", "analysis") and len(pool) > 1 and rng.random() < 0.3:
                writer_slugs.append(rng.choice([s for s in pool if s != writer_slugs[0]]))
        hero = self.hero_for(item, language)
        byline_names = [self.authors[s][language].name for s in writer_slugs]
        page = ArticlePage(
            title=item["headline"],
            slug=slug,
            seo_title=item["seo_title"],
            search_description=item["description"],
            standfirst=item["standfirst"],
            kind=item["kind"],
            hero_image=hero,
            hero_alt=hero.description or item["caption"],
            hero_caption=item["caption"],
            hero_credit="Gazette illustration" if language == "en" else "رسم غازيت",
            body=_body(item["blocks"], byline_names[0]),
            first_published_at=when,
            locale=parent.locale,
        )
        if translation_of is not None:
            page.translation_key = translation_of.translation_key
            if self.translators:
                page.translator = self.authors[rng.choice(self.translators)][language]
        for position, s in enumerate(writer_slugs):
            page.article_authors.add(
                ArticleAuthor(author=self.authors[s][language], sort_order=position)
            )
        page.tags.add(*item["tags"])
        parent.add_child(instance=page)
        _publish(page, when)
        self.progress.count("articles")
        return page


def ensure_users(progress: Progress) -> None:
    User = get_user_model()
    for username, password, group_name, first, last in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@gazette.localhost",
                "first_name": first,
                "last_name": last,
            },
        )
        if created:
            user.set_password(password)
            user.is_staff = group_name is None
            user.is_superuser = group_name is None
            user.save()
            progress.count("logins")
        if group_name:
            user.groups.set([Group.objects.get(name=group_name)])


def build(seed: int = 2025, articles: int = 220, arabic: int = 24, write=print) -> dict:
    """Build (or complete) the demo magazine and return counts of what was created."""
    progress = Progress(write=write)
    rng = random.Random(seed)
    with transaction.atomic():
        en, ar = ensure_locales()
        progress.step("Front pages and sections…")
        home, home_ar = ensure_front_pages(en, ar, progress)
        sections = ensure_sections(home, home_ar, ar, progress)
        ensure_roles([home, home_ar])
        ensure_users(progress)
        root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        collection = Collection.objects.filter(
            name="Demo magazine"
        ).first() or root_collection.add_child(name="Demo magazine")
        progress.step("Authors and portraits…")
        authors = ensure_authors(seed, en, ar, collection, progress)
    maker = ArticleMaker(seed, authors, sections, collection, progress)

    english = corpus.english_articles(random.Random(seed), articles)
    pairs = corpus.arabic_pairs(random.Random(seed + 1), arabic)
    total = len(english) + len(pairs)
    now = timezone.now().replace(second=0, microsecond=0)
    # Spread publication times over the last SPAN_DAYS days, newest last.
    offsets = sorted((rng.uniform(0.05, SPAN_DAYS) for _ in range(total)), reverse=True)
    schedule = [now - timedelta(days=d) for d in offsets]
    rng.shuffle(pair_slots := list(range(total)))
    pair_times = sorted(pair_slots[: len(pairs)])
    pair_time_set = set(pair_times)
    english_times = [schedule[i] for i in range(total) if i not in pair_time_set]

    done = 0
    # One relatedness pass after the last article, not one refresh (and cascade) each.
    with refreshes_held():
        for item, when in zip(english, english_times, strict=True):
            with transaction.atomic():
                maker.make(item, "en", when, rng)
            done += 1
            if done % 25 == 0:
                progress.step(f"Articles: {done}/{total}")
        for (ar_item, en_item), slot in zip(pairs, pair_times, strict=True):
            when = schedule[slot]
            with transaction.atomic():
                pool = maker.writers.get(ar_item["section"]) or list(authors)
                writers = [rng.choice(pool)]
                original = maker.make(ar_item, "ar", when, rng, writer_slugs=writers)
                maker.make(
                    en_item,
                    "en",
                    when + timedelta(hours=3),
                    rng,
                    translation_of=original,
                    writer_slugs=writers,
                )
            done += 1
            if done % 25 == 0:
                progress.step(f"Articles: {done}/{total}")
    progress.step(f"Articles: {done}/{total}")
    unrelated = (
        ArticlePage.objects.live()
        .public()
        .filter(Q(discovery__isnull=True) | Q(discovery__computed_at__isnull=True))
    )
    if unrelated.exists():
        relate_articles(progress)
    if not DailyViews.objects.exists():
        read_articles(sections, seed, progress)
    from gazette.ads.demo import gazette_demo_ads

    for what, n in gazette_demo_ads(seed, write=progress.step).items():
        if n:
            progress.count(what, n)
    from gazette.newsletter.demo import gazette_demo_newsletters

    for what, n in gazette_demo_newsletters(write=progress.step).items():
        if n:
            progress.count(what, n)
    return progress.created


class _Steps(io.TextIOBase):
    """A text stream that hands each line to the build's progress."""

    def __init__(self, step: Callable[[str], None]):
        self.step = step

    def write(self, text: str) -> int:
        for line in text.splitlines():
            if line.strip():
                self.step(line)
        return len(text)


def relate_articles(progress: Progress) -> None:
    """Compute every article's "You May Also Like" list (the rebuild command, in process)."""
    from django.core.management import call_command

    progress.step("Related articles…")
    call_command("gazette_related", rebuild=True, restart=True, stdout=_Steps(progress.step))


def read_articles(sections: dict, seed: int, progress: Progress) -> None:
    """A month of readers through the real beacon path and roll-up (see `readers`)."""
    section_of = {page.path: key for key, pair in sections.items() for page in pair}
    steplen = ArticlePage.steplen
    articles = [
        readers.DemoArticle(pk, language, section_of.get(path[:-steplen], ""), when.timestamp())
        for pk, language, path, when in ArticlePage.objects.live()
        .public()
        .values_list("pk", "locale__language_code", "path", "first_published_at")
        if when is not None
    ]
    progress.step("A month of readers…")
    report = readers.replay_readers(articles, seed)
    progress.count("views counted", report.counted)
    progress.step(
        f"Readers: {report.beacons:,} beacons over {readers.DAYS} days, "
        f"{report.counted:,} views counted ({report.filtered:,} from robots or prefetches "
        f"and {report.repeats:,} repeat reads not counted) in {report.seconds:.1f}s"
    )
