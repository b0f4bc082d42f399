"""Words are compared by meaning-bearing stems in both languages."""

from gazette.discovery.text import normalize_arabic, stem_arabic, terms


def test_english_inflections_share_a_stem_and_stopwords_drop():
    assert terms("The harbours") == terms("harbour")
    assert terms("berthing berths") == ["berth", "berth"]
    assert terms("Importers imported") == ["import", "import"]
    assert terms("and the of to in") == []
    assert terms("In 2024 there were 12 ships") == ["2024", "ship"]


def test_arabic_spelling_variants_fold_together():
    # alef with hamza above/below and madda, alef wasla → bare alef
    assert normalize_arabic("أإآٱ") == "اااا"
    # taa marbuta → haa, alef maqsura → yaa
    assert normalize_arabic("مدرسة") == "مدرسه"
    assert normalize_arabic("مستشفى") == "مستشفي"
    # diacritics and tatweel vanish
    assert normalize_arabic("الْمِيـــنَاءُ") == "الميناء"


def test_arabic_light_stemming_strips_articles_and_suffixes():
    assert stem_arabic("والميناء") == "ميناء"
    assert stem_arabic("بالمدرسه") == "مدرس"
    assert stem_arabic("المستوردون") == "مستورد"
    assert terms("الانتخابات") == terms("انتخابات") == terms("وانتخابات")
    assert terms("إنتخاب") == terms("انتخاب")
    assert terms("في من على") == []  # stopwords, whatever the hamza or maqsura spelling


def test_mixed_text_and_markup():
    assert terms("<p>The <b>port</b> of بيروت</p>") == ["port", "بيروت"]
