"""You May Also Like: computed in the background, stored, read back in order."""

import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from gazette.discovery.actions import apply_editor_choices
from gazette.discovery.models import (
    ArticleDiscovery,
    IndexedArticle,
    Posting,
    RelatedExclusion,
    RelatedPin,
    RelatedRebuild,
)
from gazette.discovery.tasks import refresh_related
from gazette.testing.factories import make_article

HARBOUR = [
    ("Harbour approves a second container berth", "Ships wait days at anchor for a berth."),
    ("Dredging of the harbour channel begins", "The berth project moves ahead with dredging."),
    ("Container ships still queue outside the harbour", "Importers pay for berth delays."),
]
OTHER = [
    ("Central bank raises interest rates", "Borrowers face higher monthly payments."),
    ("Heatwave strains the power grid", "Blackouts roll across the city."),
    ("National team wins the cup opener", "Fans celebrate a late goal."),
]
HARBOUR_AR = [
    ("الميناء يوافق على رصيف ثانٍ للحاويات", "السفن تنتظر أياماً في المرسى لرصيف."),
    ("بدء تعميق قناة الميناء", "مشروع الرصيف يتقدم مع أعمال التعميق."),
    ("سفن الحاويات ما زالت تنتظر خارج الميناء", "المستوردون يدفعون ثمن تأخير الأرصفة."),
]


def publish(section, title, standfirst, **fields):
    return make_article(
        section,
        title=title,
        standfirst=standfirst,
        body=[("paragraph", RichText(f"<p>{title}. {standfirst}</p>"))],
        **fields,
    )


def also_like_titles(html: str) -> list[str]:
    section = re.search(r'<section class="also-like".*?</section>', html, re.S)
    if not section:
        return []
    return re.findall(r'class="card__title"><a [^>]*>([^<]+)</a>', section.group(0))


@pytest.fixture
def newsroom(magazine, django_capture_on_commit_callbacks):
    """Harbour stories and unrelated ones in English, published through Wagtail."""
    with django_capture_on_commit_callbacks(execute=True):
        harbour = [
            publish(magazine["sections"][key], title, standfirst, days_ago=i)
            for i, ((title, standfirst), key) in enumerate(
                zip(HARBOUR, ["news", "report", "opinion"], strict=True)
            )
        ]
        other = [publish(magazine["sections"]["news"], t, s, days_ago=0) for t, s in OTHER]
    return {"harbour": harbour, "other": other}


def stored(article):
    return ArticleDiscovery.objects.get(article=article).related_ids


def test_related_articles_are_computed_on_publish_and_shown(client, newsroom):
    first, second, third = newsroom["harbour"]
    assert set(stored(first)[:2]) == {second.pk, third.pk}
    titles = also_like_titles(client.get(first.url).content.decode())
    by_id = {a.pk: a.title for a in newsroom["harbour"] + newsroom["other"]}
    expected = [by_id[pk] for pk in stored(first)][:4]
    assert titles[: len(expected)] == expected  # the stored order, topped up if short
    assert len(titles) == 4


def test_the_page_never_computes_relatives(client, newsroom):
    article = newsroom["harbour"][0]
    client.get(article.url)
    with CaptureQueriesContext(connection) as ctx:
        client.get(article.url)
    index_queries = [
        q["sql"]
        for q in ctx.captured_queries
        if "discovery_posting" in q["sql"] or "discovery_indexedarticle" in q["sql"]
    ]
    assert index_queries == []


def test_related_articles_in_arabic(client, magazine, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        pages = [publish(magazine["sections_ar"]["news"], t, s) for t, s in HARBOUR_AR]
        publish(magazine["sections_ar"]["news"], "البنك المركزي يرفع الفائدة", "القروض أغلى.")
    assert set(stored(pages[0])[:2]) == {pages[1].pk, pages[2].pk}
    titles = also_like_titles(client.get(pages[0].url).content.decode())
    assert set(titles[:2]) == {pages[1].title, pages[2].title}


def test_an_arabic_translation_inherits_relatives_from_english(
    client, magazine, newsroom, django_capture_on_commit_callbacks
):
    first, second, third = newsroom["harbour"]
    with django_capture_on_commit_callbacks(execute=True):
        first_ar = publish(
            magazine["sections_ar"]["news"],
            *HARBOUR_AR[0],
            translation_key=first.translation_key,
        )
    # Arabic has nothing else on the subject: the English relatives fill the list.
    assert set(stored(first_ar)[:2]) == {second.pk, third.pk}
    assert first.pk not in stored(first_ar)  # never its own original

    with django_capture_on_commit_callbacks(execute=True):
        second_ar = publish(
            magazine["sections_ar"]["report"],
            "بدء أعمال في البلدية",  # shares no words with the first: only the translation links
            "خبر قصير.",
            translation_key=second.translation_key,
        )
    related = stored(first_ar)
    assert related[0] == second_ar.pk  # the Arabic version comes before English pieces
    assert second.pk not in related  # and replaces its English original
    assert third.pk in related


def test_pins_come_first_and_exclusions_never_show(client, newsroom):
    first, second, third = newsroom["harbour"]
    pinned = newsroom["other"][2]
    discovery = ArticleDiscovery.objects.get(article=first)
    RelatedPin.objects.create(discovery=discovery, target=pinned, sort_order=0)
    RelatedExclusion.objects.create(discovery=discovery, target=second, sort_order=0)
    apply_editor_choices(discovery)

    assert stored(first)[0] == pinned.pk
    assert second.pk not in stored(first)
    titles = also_like_titles(client.get(first.url).content.decode())
    assert titles[0] == pinned.title
    assert second.title not in titles
    assert third.title in titles

    # A recompute (the article is edited) keeps the editors' choices.
    refresh_related.enqueue(first.pk)
    assert stored(first)[0] == pinned.pk
    assert second.pk not in stored(first)


def test_articles_not_computed_yet_get_interim_relatives(client, magazine):
    # Without running on-commit hooks, the background task never ran for these.
    a = make_article(magazine["sections"]["news"], title="Alpha", tags=["ports"])
    b = make_article(magazine["sections"]["news"], title="Beta", tags=["ports"])
    assert not ArticleDiscovery.objects.filter(article=a).exists()
    assert also_like_titles(client.get(a.url).content.decode()) == [b.title]


def test_unpublished_articles_leave_the_index_and_the_lists(
    client, newsroom, django_capture_on_commit_callbacks
):
    first, second, third = newsroom["harbour"]
    with django_capture_on_commit_callbacks(execute=True):
        second.unpublish()
    assert not IndexedArticle.objects.filter(pk=second.pk).exists()
    assert not Posting.objects.filter(article_id=second.pk).exists()
    assert second.title not in also_like_titles(client.get(first.url).content.decode())


def test_article_page_query_count_does_not_depend_on_the_related_list(client, newsroom):
    first = newsroom["harbour"][0]
    client.get(first.url)
    with CaptureQueriesContext(connection) as ctx:
        client.get(first.url)
    full = len(ctx.captured_queries)
    ArticleDiscovery.objects.filter(article=first).update(related_ids=stored(first)[:1])
    client.get(first.url)
    with CaptureQueriesContext(connection) as ctx:
        client.get(first.url)
    assert len(ctx.captured_queries) <= full + 8  # a short list is topped up by one listing
    assert len(ctx.captured_queries) >= full


def test_rebuild_shows_progress_and_resumes(newsroom, capsys):
    before = {a.pk: stored(a) for a in newsroom["harbour"]}
    call_command("gazette_related", "--rebuild", "--batch", "2")
    out = capsys.readouterr().out
    assert "Indexing: 2/6 (33%)" in out
    assert "Relating: 6/6 (100%)" in out
    assert {a.pk: stored(a)[:2] for a in newsroom["harbour"]} == {
        pk: ids[:2] for pk, ids in before.items()
    }
    assert IndexedArticle.objects.count() == 6

    # An interrupted rebuild picks up at its checkpoint instead of starting over.
    ids = sorted(IndexedArticle.objects.values_list("pk", flat=True))
    RelatedRebuild.objects.create(phase="relate", last_pk=ids[3], total=6, done=4)
    call_command("gazette_related", "--rebuild", "--batch", "10")
    out = capsys.readouterr().out
    assert "Resuming" in out
    assert "Relating: 6/6 (100%)" in out
    assert "Indexing" not in out


def test_rebuild_explains_what_it_needs(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--rebuild"):
        call_command("gazette_related")
    with pytest.raises(CommandError, match="No article has page id"):
        call_command("gazette_related", "--article", "424242")


def test_headlines_that_nearly_repeat_go_after_varied_ones(
    magazine, django_capture_on_commit_callbacks
):
    standfirst = "Fishermen lose their moorings to the new cranes on the harbour waterfront."
    template = "The fishermen of {} were here before the cranes and deserve a seat at the table"
    news = magazine["sections"]["news"]
    with django_capture_on_commit_callbacks(execute=True):
        reading = publish(news, template.format("Marsa Zahra"), standfirst)
        twins = [publish(news, template.format(town), standfirst) for town in ("Khor", "Lulu")]
        different = publish(
            news, "Cranes and fishing boats share a crowded waterfront", standfirst, days_ago=30
        )
        for title, line in OTHER:
            publish(news, title, line)
    related = stored(reading)
    # The twins are the closest texts, yet the different story comes first…
    assert related[0] == different.pk
    # …and they still fill the list after it.
    assert set(related[1:3]) == {t.pk for t in twins}


def test_variety_keeps_distinct_headlines_in_their_order():
    from gazette.discovery.variety import vary

    titles = {
        1: "Harbour approves a second container berth",
        2: "Dredging of the harbour channel begins",
        3: "Harbour approves a second container berth for Khor",
        4: "Container ships still queue outside the harbour",
    }
    assert vary("Importers count the cost of waiting ships", [1, 2, 3, 4], titles) == [1, 2, 4, 3]
    assert vary("Harbour approves a second container berth", [2, 1, 4], titles) == [2, 4, 1]
