"""Documents and queries fold the same way, so spelling variants meet."""

from gazette.search.highlight import snippet
from gazette.search.normalise import normalise_text, query_terms


def test_arabic_variants_fold_together():
    assert normalise_text("الإسلام") == normalise_text("الاسلام") == normalise_text("الأسلام")
    assert normalise_text("آمن") == normalise_text("امن")
    assert normalise_text("مدرسة") == normalise_text("مدرسه")
    assert normalise_text("مستشفى") == normalise_text("مستشفي")
    assert normalise_text("مُدَرِّسَةٌ") == normalise_text("مدرسه")  # harakat, shadda, tanween
    assert normalise_text("كتـــاب") == normalise_text("كتاب")  # tatweel
    assert normalise_text("والمدرسة") == normalise_text("مدرسة")  # definite article
    assert normalise_text("الله") == "الله"  # too short to lose its first letters


def test_english_words_are_stemmed_and_case_folded():
    assert query_terms("Harbours RUNNING") == ["harbour", "run"]
    assert normalise_text("harbour runs") == "harbour run"


def test_hostile_queries_become_plain_terms():
    assert query_terms('"harbour" AND -ports* (OR) NEAR/3 \x00\x07') == [
        "harbour",
        "port",
        "near",
        "3",
    ]
    assert query_terms("'; DROP TABLE wagtailcore_page; --") == ["drop", "tabl", "wagtailcore_pag"]
    assert len(query_terms("word " * 5000)) == 1
    assert len(query_terms(" ".join(f"w{i}" for i in range(100)))) == 12
    assert query_terms("!!! ??? ---") == []
    assert query_terms("the and") == ["the", "and"]  # only glue words: keep them


def test_snippets_escape_then_mark():
    text = "Ships <b>waited</b> at the harbour & the Harbours were full."
    marked = snippet(text, ["harbour"])
    assert marked == (
        "Ships &lt;b&gt;waited&lt;/b&gt; at the <mark>harbour</mark> &amp; the "
        "<mark>Harbours</mark> were full."
    )
    arabic = snippet("قال مدير المدرسة إنّ الإسلام دين", query_terms("مدرسه الاسلام"))
    assert "<mark>المدرسة</mark>" in arabic  # the definite article does not hide a match
    assert "<mark>الإسلام</mark>" in arabic


def test_snippet_windows_around_the_first_match():
    text = ("filler " * 100) + "the harbour story " + ("tail " * 100)
    marked = snippet(text, ["harbour"], width=80)
    assert marked.startswith("…") and marked.endswith("…")
    assert "<mark>harbour</mark>" in marked
    assert len(marked) < 140
