"""Turn text into search terms the same way for documents and for queries.

Arabic: the alef forms (أ إ آ ٱ) become ا, taa marbuta ة becomes ه, alef maqsura ى
becomes ي, and diacritics (harakat, shadda, sukun, dagger alef) and tatweel go, so
spelling variants such as الإسلام/الاسلام or مدرسة/مدرسه meet; a leading definite
article (ال, وال, بال…) is dropped so المدرسة finds مدرسة. Other scripts are
case-folded and English words are stemmed (Snowball), so "harbours" finds "harbour".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 12

_ARABIC_LETTERS = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ة": "ه",
        "ى": "ي",
        "ـ": None,  # tatweel (kashida)
    }
)
# Harakat, tanween, shadda, sukun, superscript alef and Quranic marks.
_ARABIC_MARKS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed]"
)
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_WORD = re.compile(r"\w+", re.UNICODE)
# A word as it stands in running text, Arabic marks included (for highlighting).
WORD_IN_TEXT = re.compile("[\\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+", re.UNICODE)
# Query words that are operators or glue in English; dropped unless nothing else is left.
_QUERY_STOP = {
    "a",
    "an",
    "and",
    "or",
    "not",
    "the",
    "of",
    "to",
    "in",
    "on",
    "for",
    "is",
    "at",
    "by",
}

_english = snowballstemmer.stemmer("english")


def normalise_arabic(text: str) -> str:
    """Fold Arabic spelling variants and strip diacritics and tatweel."""
    return _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)


# The definite article, alone or after a joined conjunction/preposition (و ب ف ك).
_ARTICLES = ("وال", "بال", "فال", "كال", "ال")


def strip_article(word: str) -> str:
    """Drop a leading definite article so المدرسة and مدرسة meet (light stemming)."""
    for article in _ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 3:
            return word[len(article) :]
    return word


@lru_cache(maxsize=20000)
def normalise_word(word: str) -> str:
    """The search term for one word: Arabic folded, other words case-folded and stemmed."""
    word = unicodedata.normalize("NFKC", word)
    if _ARABIC.search(word):
        return strip_article(normalise_arabic(word))
    return _english.stemWord(word.casefold())


def words(text: str) -> list[str]:
    """The words of `text` (letters and digits), with Arabic marks kept inside words."""
    return _WORD.findall(_ARABIC_MARKS.sub("", text or ""))


def normalise_text(text: str) -> str:
    """Space-separated search terms for a document's text."""
    return " ".join(normalise_word(w) for w in words(text))


def query_terms(query: str) -> list[str]:
    """Search terms from what a reader typed; operators, quotes and control bytes are dropped."""
    query = (query or "")[: MAX_QUERY_CHARS * 4]
    terms: list[str] = []
    for word in words(query):
        term = normalise_word(word[:MAX_QUERY_CHARS])
        if term and term not in terms:
            terms.append(term)
    meaningful = [t for t in terms if t not in _QUERY_STOP]
    return (meaningful or terms)[:MAX_QUERY_TERMS]
