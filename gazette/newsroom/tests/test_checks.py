"""Every integrity check, with a case it must catch and one it must leave alone, in
English and Arabic."""

import pytest

from gazette.newsroom.checks import CHECKS, CheckContext, run_checks
from gazette.newsroom.checks.archive import MemoryArchive
from gazette.newsroom.checks.document import ArticleText, Block, FurnitureRef, ImageRef, LinkRef

OFFLINE = CheckContext(use_database=False)

CLEAN_EN = [
    "The harbour authority said on Tuesday that the new berth would open in spring.",
    "Ships have waited up to four days for a berth this year, according to the port’s own figures.",
]
CLEAN_AR = [
    "قالت هيئة الميناء يوم الثلاثاء إن الرصيف الجديد سيفتتح في الربيع.",
    "انتظرت السفن ما يصل إلى أربعة أيام للحصول على رصيف هذا العام، بحسب أرقام الميناء.",
]


def make_doc(language="en", paragraphs=None, **fields) -> ArticleText:
    paragraphs = CLEAN_EN if paragraphs is None and language == "en" else paragraphs
    paragraphs = CLEAN_AR if paragraphs is None else paragraphs
    blocks = fields.pop("blocks", None) or [
        Block("paragraph", text, i) for i, text in enumerate(paragraphs, start=1)
    ]
    defaults = {
        "label": "test",
        "title": "The harbour gets a second berth" if language == "en" else "رصيف ثانٍ للميناء",
        "byline": ["Layla Haddad"] if language == "en" else ["ليلى حداد"],
        "byline_published": [True],
        "language": language,
    }
    defaults.update(fields)
    return ArticleText(blocks=blocks, **defaults)


def found(doc, check_id=None):
    findings = run_checks(doc, OFFLINE)
    return [f for f in findings if check_id is None or f.check_id == check_id]


def test_every_check_has_an_id_severity_and_fix():
    ids = [check.id for check in CHECKS]
    assert len(ids) == len(set(ids))
    for check in CHECKS:
        assert check.severity in {"blocker", "warning"}
        assert len(str(check.fix)) > 20


@pytest.mark.parametrize("language", ["en", "ar"])
def test_clean_articles_trigger_nothing(language):
    assert found(make_doc(language)) == []


# --- AI boilerplate -----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Here’s a professional translation of the text you provided:",
        "As an AI language model, I cannot verify these claims.",
        "Certainly! Here is the rewritten article.",
        "Here is the translation of your text into English.",
        "Here's the revised version:",
        "I hope this helps. Let me know if you need anything else.",
        "إليك ترجمة احترافية للنص الذي قدمته:",
        "بصفتي نموذج ذكاء اصطناعي، لا أستطيع التحقق من ذلك.",
        "بالتأكيد! إليك المقال بعد التعديل.",
        "آمل أن يكون هذا مفيدًا.",
    ],
)
def test_ai_boilerplate_is_a_blocker(text):
    language = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    base = CLEAN_EN if language == "en" else CLEAN_AR
    findings = found(make_doc(language, [base[0], text, base[1]]), "ai-boilerplate")
    assert [(f.severity, f.where) for f in findings] == [("blocker", "body paragraph 2")]


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the translation of the treaty was professional and complete.",
        "Here is the harbour, rebuilt after the storm.",
        "The debate has been polite for too long. Here is a less polite version.",
        "Here is the translation the ministry never published, and it matters.",
        "قال الوزير إن ترجمة المعاهدة كانت احترافية وكاملة.",
    ],
)
def test_ai_boilerplate_leaves_ordinary_prose(text):
    language = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    assert found(make_doc(language, [text]), "ai-boilerplate") == []


# --- Cut titles -------------------------------------------------------------------
def test_social_title_cut_mid_word_from_the_headline():
    doc = make_doc(
        title="What Was Asked of al-Julani in Exchange for the Rule of Damascus?",
        social_title="What Was Asked of al-Julani in Exchange for the Rule o",
    )
    findings = found(doc, "cut-title")
    assert [(f.severity, f.where) for f in findings] == [("blocker", "social title")]


def test_social_title_cut_at_a_word_boundary_is_fine():
    doc = make_doc(
        title="What Was Asked of al-Julani in Exchange for the Rule of Damascus?",
        social_title="What Was Asked of al-Julani in Exchange for the Rule",
    )
    assert found(doc, "cut-title") == []


def test_arabic_social_title_cut_mid_word():
    title = "ماذا طُلب من الجولاني مقابل حكم دمشق؟"
    assert found(
        make_doc("ar", title=title, social_title="ماذا طُلب من الجولاني مقابل حكم دمش"), "cut-title"
    )
    assert not found(
        make_doc("ar", title=title, social_title="ماذا طُلب من الجولاني مقابل حكم"), "cut-title"
    )
    assert found(make_doc("ar", title="الجولاني وحكم دمشق والقرار الدولي ف"), "cut-title")


def test_title_ending_in_a_lone_letter_is_cut():
    assert found(make_doc(title="Exchange for the Rule o"), "cut-title")
    assert not found(make_doc(title="Why the port needs a berth, and I"), "cut-title")


def test_social_title_and_description_that_would_be_cut_when_shown():
    long_title = "The harbour authority's plan for a second berth and what importers think of it"
    findings = found(make_doc(title=long_title), "cut-on-display")
    assert [(f.severity, f.where) for f in findings] == [
        ("warning", "headline, used as social title")
    ]
    assert (
        found(
            make_doc(title=long_title, social_title="A second berth for the harbour"),
            "cut-on-display",
        )
        == []
    )
    description = "ا" * 158 + "لميناء"
    assert [f.where for f in found(make_doc("ar", description=description), "cut-on-display")] == [
        "description"
    ]
    assert found(make_doc("ar", description="وصف قصير للمقال."), "cut-on-display") == []


# --- Bylines and signatures ------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "name", "signature"),
    [
        ("en", "Natanya Muradchai", "Natanya Muradchai"),
        ("en", "Natanya Muradchai", "— Natanya Muradchai."),
        ("ar", "ليلى حداد", "بقلم: ليلى حداد"),
        ("ar", "ليلى حداد", "ليلى حداد"),
    ],
)
def test_trailing_signature_repeating_the_byline(language, name, signature):
    base = CLEAN_EN if language == "en" else CLEAN_AR
    doc = make_doc(language, [*base, signature], byline=[name])
    findings = found(doc, "signature")
    assert [(f.severity, f.where) for f in findings] == [("blocker", "body paragraph 3")]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_name_inside_a_sentence_is_not_a_signature(language):
    base = CLEAN_EN if language == "en" else CLEAN_AR
    last = (
        "Layla Haddad has covered the port for ten years."
        if language == "en"
        else "ليلى حداد تغطي أخبار الميناء منذ عشر سنوات."
    )
    byline = ["Layla Haddad"] if language == "en" else ["ليلى حداد"]
    assert found(make_doc(language, [*base, last], byline=byline), "signature") == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_byline_missing_and_unpublished(language):
    assert [f.severity for f in found(make_doc(language, byline=[]), "byline-missing")] == [
        "blocker"
    ]
    doc = make_doc(language, byline_published=[False])
    assert [f.check_id for f in found(doc)] == ["byline-unpublished"]
    assert found(make_doc(language, byline=["A", "B"], byline_published=[False, True])) == []


def test_file_byline_is_looked_up_among_published_authors():
    context = CheckContext(use_database=False)
    context.use_database = True
    context.published_author_names = {"layla haddad"}
    context.archive = MemoryArchive()  # an empty archive: only the byline lookup matters here
    doc = make_doc(byline=["Natanya Muradchai"], byline_published=None)
    assert [f.check_id for f in run_checks(doc, context)] == ["byline-unpublished"]
    doc = make_doc(byline=["Layla  HADDAD"], byline_published=None)
    assert run_checks(doc, context) == []


# --- Glued text ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("language", "furniture"),
    [
        ("en", "You May Also Like"),
        ("en", "Popular Posts"),
        ("en", "Subscribe to our mailing list to get the new updates!"),
        ("en", "- April 23, 2025"),
        ("ar", "قد يعجبك أيضاً"),
        ("ar", "الأكثر قراءة"),
        ("ar", "اشترك في القائمة البريدية للحصول على آخر الأخبار"),
    ],
)
def test_site_furniture_inside_the_body(language, furniture):
    base = CLEAN_EN if language == "en" else CLEAN_AR
    findings = found(make_doc(language, [*base, furniture]), "glued-text")
    assert [(f.severity, f.where) for f in findings] == [("blocker", "body paragraph 3")]


@pytest.mark.parametrize(
    "text",
    [
        "Readers who like this may also like the port’s own history.",
        "Subscribers to the port’s newsletter learned of the plan first.",
        "يشترك الصيادون في القائمة نفسها منذ سنوات.",
    ],
)
def test_sentences_mentioning_furniture_words_are_fine(text):
    language = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    assert found(make_doc(language, [text]), "glued-text") == []


def test_other_article_found_by_the_importer_is_glued_text():
    doc = make_doc(furniture=[FurnitureRef("other_article", "BENEFIT Sponsors BuildHer...", 44)])
    assert [(f.severity, f.where) for f in found(doc, "glued-text")] == [("blocker", "line 44")]
    navigation = make_doc(furniture=[FurnitureRef("navigation", "Home", 1)])
    assert found(navigation, "glued-text") == []


# --- Translation and language ----------------------------------------------------
@pytest.mark.parametrize("language", ["en", "ar"])
def test_translation_needs_translator_and_source(language):
    doc = make_doc(language, is_translation=True, translator="", has_source=False)
    assert sorted(f.where for f in found(doc, "translation-credit")) == [
        "translation source",
        "translator",
    ]
    ok = make_doc(language, is_translation=True, translator="Sami", has_source=True)
    assert found(ok, "translation-credit") == []
    assert found(make_doc(language), "translation-credit") == []


def test_mixed_language_paragraphs():
    arabic_in_english = "The minister said: قالت هيئة الميناء يوم الثلاثاء إن الرصيف الجديد سيفتتح"
    assert [f.severity for f in found(make_doc("en", [arabic_in_english]), "mixed-language")] == [
        "warning"
    ]
    english_in_arabic = (
        "قال الوزير: The harbour authority said on Tuesday that the new berth would open"
    )
    assert found(make_doc("ar", [english_in_arabic]), "mixed-language")
    # Names and acronyms in Latin letters are normal in Arabic prose.
    assert (
        found(
            make_doc("ar", ["قالت شركة BENEFIT إن مسابقة BuildHer نجحت هذا العام في البحرين."]),
            "mixed-language",
        )
        == []
    )
    assert found(make_doc("en", ["The word for harbour, ميناء, is old."]), "mixed-language") == []


# --- Images -----------------------------------------------------------------------
def test_images_without_alt_text_or_credit():
    doc = make_doc(images=[ImageRef("hero image", alt="", credit="")])
    assert sorted((f.check_id, f.severity) for f in found(doc)) == [
        ("image-alt", "blocker"),
        ("image-credit", "warning"),
    ]
    good = make_doc(images=[ImageRef("hero image", alt="A ship at the quay", credit="AFP")])
    assert found(good) == []
    arabic = make_doc("ar", images=[ImageRef("hero image", alt="صورة", credit="رسم غازيت")])
    assert [f.check_id for f in found(arabic)] == ["image-alt"]
    decorative = make_doc(images=[ImageRef("body image", alt=None, credit="AFP")])
    assert found(decorative) == []


# --- Quotes and brackets ---------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "He said “the berth opens in spring.",
        "The port (which opened in 1950 is busy.",
        "قال الوزير «إن الرصيف سيفتتح في الربيع.",
        "الميناء (الذي افتتح عام 1950 مزدحم.",
    ],
)
def test_unbalanced_marks(text):
    language = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    assert [f.severity for f in found(make_doc(language, [text]), "unbalanced-marks")] == [
        "warning"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "He said “the berth opens in spring” (in March).",
        'She called it "a second chance."',
        'He wrote “Assad or we burn the country."',
        "قال الوزير «إن الرصيف سيفتتح في الربيع» (في آذار).",
    ],
)
def test_balanced_marks(text):
    language = "ar" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
    assert found(make_doc(language, [text]), "unbalanced-marks") == []


# --- Subheadings -----------------------------------------------------------------
@pytest.mark.parametrize(
    ("heading", "repeat"),
    [
        ("Why the port needs it", "Why the port needs it?"),
        ("لماذا يحتاجه الميناء", "لماذا يحتاجه الميناء؟"),
    ],
)
def test_empty_and_duplicate_subheadings(heading, repeat):
    blocks = [
        Block("subheading", heading, 1),
        Block("paragraph", CLEAN_EN[0], 2),
        Block("subheading", "", 3),
        Block("subheading", repeat, 4),
        Block("paragraph", CLEAN_EN[1], 5),
    ]
    findings = found(make_doc(blocks=blocks), "subheadings")
    assert [f.where for f in findings] == ["body subheading 3", "body subheading 4"]
    distinct = [Block("subheading", heading, 1), Block("subheading", "Another question", 2)]
    assert found(make_doc(blocks=distinct), "subheadings") == []


# --- Links -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:void(0)",
        "java\tscript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "vbscript:msgbox",
        "file:///etc/passwd",
    ],
)
def test_unsafe_link_schemes(href):
    findings = found(make_doc(links=[LinkRef("body paragraph 1", href)]), "unsafe-link")
    assert [f.severity for f in findings] == ["blocker"]


@pytest.mark.parametrize(
    "href",
    [
        "https://example.org/a",
        "/opinion/x/",
        "mailto:desk@gazette.localhost",
        "tel:+97312345678",
        "#section",
        "?page=2",
    ],
)
def test_safe_links(href):
    assert found(make_doc(links=[LinkRef("body paragraph 1", href)]), "unsafe-link") == []
