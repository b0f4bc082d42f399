"""Keep "You May Also Like" varied: near-repeated headlines move to the end of the list.

A reader shown "The fishermen of Khor Lulu …" under "The fishermen of Marsa Zahra …",
or three pieces that share one headline but for a town's name, sees the same story
again, however related the texts are. A candidate whose headline shares most of its
words with the article's own or with one already listed keeps its place only after the
varied ones; it still fills the list when nothing else is left.
"""

from __future__ import annotations

import re

NEAR_REPEAT = 0.6  # Jaccard similarity of headline words at which a reader sees a repeat
WORD = re.compile(r"\w+")


def headline_words(title: str) -> frozenset[str]:
    """The headline's words that carry meaning (three letters or more), folded to lower case."""
    return frozenset(w for w in WORD.findall(title.casefold()) if len(w) > 2)


def near_repeat(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= NEAR_REPEAT


def vary(own_title: str, ranked: list[int], titles: dict[int, str]) -> list[int]:
    """`ranked` reordered so that no headline nearly repeats one shown before it."""
    shown = [headline_words(own_title)]
    varied, repeats = [], []
    for pk in ranked:
        words = headline_words(titles.get(pk, ""))
        if any(near_repeat(words, other) for other in shown):
            repeats.append(pk)
        else:
            varied.append(pk)
            shown.append(words)
    return varied + repeats
