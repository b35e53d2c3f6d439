"""Slots: where a mention stands in its sentence, so mentions of two statements can be paired."""

from __future__ import annotations

import re
from functools import lru_cache

from accord.analyse.terms import STOP_WORDS as ENGLISH_STOP_WORDS
from accord.model import (
    Sentence,
    StatementPair,
)

# Two sentences whose words are this parallel (difflib ratio) and that swap one number,
# date or place for another state the same thing differently.
WORD_TOKEN = re.compile(r"[\w'’-]+")
PARALLEL = 0.5
# Sentences this similar (TF-IDF cosine) that count the same noun compare their counts.
COUNTED_SIMILARITY = 0.3
# Sentences this similar compare mentions that stand between the same words.
SLOT_SIMILARITY = 0.15
CONTAINED = 0.5  # or most of the shorter sentence's content words are in the other
SLOT_WINDOW = 2
LOOSE_SIMILARITY = 0.05  # counts of one noun compare this loosely when their words agree
LOOSE_WINDOW = 5  # words each side of a mention that define its slot
SLOT_WORD = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*")
STOPS = ENGLISH_STOP_WORDS
LOCATIVE_WORD = re.compile(r"\b(?:in|at|near|from|outside)\s+(?:the\s+)?([A-Za-z][\w-]+)")
LOCATIVE = {"in", "at", "near", "from", "outside", "across", "of", "to", "into"}


def comparable(pair: StatementPair) -> bool:
    """Similar enough to compare mentions that stand in the same slot."""
    return pair.similarity >= SLOT_SIMILARITY or pair.containment >= CONTAINED


def context_words(
    sentence: Sentence, start: int, end: int, window: int = 0
) -> tuple[set[str], set[str]]:
    """Content words just before and just after a mention: the slot it fills.

    "a dividend of $2.65 per share" and "dividend of $5.70 per share" put their figures in
    the same slot (after "dividend", before "share") however differently the rest reads.
    """
    words = _slot_words(sentence.text, sentence.start)
    window = window or SLOT_WINDOW
    before = [w for at, w in words if at < start][-window:]
    after = [w for at, w in words if at >= end][:window]

    def content(ws: list[str]) -> set[str]:
        return {w for w in ws if w not in ENGLISH_STOP_WORDS and not w[0].isdigit()}

    return content(before), content(after)


@lru_cache(maxsize=4096)
def _slot_words(text: str, start: int) -> tuple[tuple[int, str], ...]:
    """(document offset, lower-cased word) of a sentence's words; cached: every mention
    of a sentence, in every pair it is in, asks."""
    return tuple((m.start() + start, m.group(0).lower()) for m in WORD_TOKEN.finditer(text))


def same_slot(a: Sentence, span_a: tuple[int, int], b: Sentence, span_b: tuple[int, int]) -> bool:
    """Whether two mentions stand between the same words in their sentences."""
    before_a, after_a = context_words(a, *span_a)
    before_b, after_b = context_words(b, *span_b)
    return bool(before_a & before_b) or bool(after_a & after_b)
