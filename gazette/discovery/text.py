"""Language-aware analysis: turn an article's words into comparable terms.

English words are stemmed with the Snowball (Porter 2) stemmer. Arabic words are
normalised (alef forms, taa marbuta, alef maqsura, diacritics, tatweel) and lightly
stemmed by stripping common prefixes and suffixes, in the spirit of Larkey's light10.
Latin words inside Arabic text are analysed as English, and the other way round.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import snowballstemmer
from django.utils.html import strip_tags

WORD = re.compile(r"[^\W_]+", re.UNICODE)
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
ARABIC_DIACRITICS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
ALEF_FORMS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})

ENGLISH_STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "also",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "said",
        "says",
        "say",
        "one",
        "two",
        "new",
        "year",
        "years",
        "may",
        "might",
        "must",
        "shall",
        "us",
        "mr",
        "mrs",
        "ms",
        "many",
        "much",
        "every",
        "last",
        "first",
        "next",
        "like",
        "make",
        "made",
        "get",
        "got",
        "told",
        "week",
        "day",
        "days",
        "time",
    ]
)

# Written already normalised (ى→ي, ة→ه, أ/إ/آ→ا) so they match normalised tokens.
ARABIC_STOPWORDS = frozenset(
    [
        "في",
        "من",
        "علي",
        "الي",
        "عن",
        "مع",
        "هذا",
        "هذه",
        "ذلك",
        "تلك",
        "التي",
        "الذي",
        "الذين",
        "اللتي",
        "ان",
        "او",
        "ثم",
        "لكن",
        "لقد",
        "قد",
        "كان",
        "كانت",
        "يكون",
        "تكون",
        "كل",
        "بعض",
        "غير",
        "بين",
        "حتي",
        "اذا",
        "اذ",
        "لم",
        "لن",
        "ما",
        "لا",
        "هو",
        "هي",
        "هم",
        "هن",
        "نحن",
        "انت",
        "انا",
        "كما",
        "عند",
        "عندما",
        "بعد",
        "قبل",
        "حيث",
        "منذ",
        "ايضا",
        "وقد",
        "وان",
        "وكان",
        "فيه",
        "فيها",
        "منه",
        "منها",
        "به",
        "بها",
        "له",
        "لها",
        "لهم",
        "عليه",
        "عليها",
        "اليه",
        "الا",
        "اما",
        "اي",
        "ايه",
        "هناك",
        "هنا",
        "وهو",
        "وهي",
        "وفي",
        "ومن",
        "وعلي",
        "والي",
        "قال",
        "قالت",
        "يوم",
        "عام",
    ]
)

# Longest first, so "وال" is tried before "و".
ARABIC_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
ARABIC_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")

_english = snowballstemmer.stemmer("english")


def normalize_arabic(text: str) -> str:
    """Fold Arabic spelling variants together and drop diacritics and tatweel."""
    text = ARABIC_DIACRITICS.sub("", text).replace(TATWEEL, "")
    return text.translate(ALEF_FORMS)


def stem_arabic(word: str) -> str:
    """Strip one common prefix and up to two suffixes, keeping a stem of 2+ letters."""
    if len(word) > 3 and word.startswith("و") and not word.startswith("وال"):
        word = word[1:]
    for prefix in ARABIC_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix) :]
            break
    for _round in range(2):
        for suffix in ARABIC_SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


@lru_cache(maxsize=200_000)
def term_for(token: str) -> str | None:
    """The index term for one lower-cased token, or None for a word not worth keeping."""
    if ARABIC_LETTER.search(token):
        token = normalize_arabic(token)
        if len(token) < 2 or token in ARABIC_STOPWORDS:
            return None
        stem = stem_arabic(token)
        return stem if len(stem) >= 2 else None
    if token.isdigit():
        return token if len(token) == 4 else None  # years carry meaning; other numbers rarely
    if len(token) < 3 or token in ENGLISH_STOPWORDS:
        return None
    return _english.stemWord(token)


def terms(text: str) -> list[str]:
    """Every index term in `text`, in order (HTML tags are ignored)."""
    if "<" in text:
        text = strip_tags(text)
    found = []
    for token in WORD.findall(text.lower()):
        term = term_for(token)
        if term:
            found.append(term)
    return found


def weighted_term_counts(fields: list[tuple[str, float]]) -> Counter:
    """Term frequencies over several fields, each counted with its weight (headline > body)."""
    counts: Counter = Counter()
    for text, weight in fields:
        for term in terms(text or ""):
            counts[term] += weight
    return counts
