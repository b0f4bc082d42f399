"""Small text helpers the checks share: normalising, scripts, words and shingles."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Arabic diacritics and tatweel: ignored when comparing Arabic text.
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"'})
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})
_WORD = re.compile(r"\w+", re.UNICODE)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Fold case, quotes, Arabic letter variants and spacing so equal wording compares equal."""
    text = unicodedata.normalize("NFKC", text or "")
    text = _ARABIC_MARKS.sub("", text).translate(_QUOTES).translate(_ALEF)
    return _SPACE.sub(" ", text).strip().casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def is_arabic_letter(char: str) -> bool:
    return (
        "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or "\ufb50" <= char <= "\ufefc"
    )


def is_latin_letter(char: str) -> bool:
    return char.isalpha() and (char.isascii() or "\u00c0" <= char <= "\u024f")


def script_counts(text: str) -> tuple[int, int]:
    """Return how many Arabic and how many Latin letters the text has."""
    arabic = latin = 0
    for char in text:
        if is_arabic_letter(char) and char.isalpha():
            arabic += 1
        elif is_latin_letter(char):
            latin += 1
    return arabic, latin


def dominant_language(texts: list[str]) -> str:
    """Guess "ar" or "en" from which script most letters are in."""
    arabic = latin = 0
    for text in texts:
        a, latin_count = script_counts(text)
        arabic += a
        latin += latin_count
    return "ar" if arabic > latin else "en"


def is_word_char(char: str) -> bool:
    return char.isalnum() or char in "_\u0640" or unicodedata.category(char).startswith("M")


def stable_hash(text: str) -> int:
    """A 64-bit hash that is the same in every process (Python's hash() is not)."""
    digest = hashlib.blake2b(text.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def shingles(text: str, size: int = 5) -> set[int]:
    """Hash every run of `size` consecutive words: the basis of near-duplicate detection."""
    tokens = words(text)
    if len(tokens) < size:
        return {stable_hash(" ".join(tokens))} if tokens else set()
    return {stable_hash(" ".join(tokens[i : i + size])) for i in range(len(tokens) - size + 1)}


def headline_text(title: str) -> str:
    """The headline as compared for duplicates: normalised, without closing punctuation."""
    return normalise(title).strip(" .!?؟")


def headline_key(title: str) -> int:
    """A 64-bit key of the compared headline (0 for an empty one), stored and indexed."""
    text = headline_text(title)
    return stable_hash(text) if text else 0
