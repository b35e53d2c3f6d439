"""Content terms of a text: lower-cased, stop words out, Porter-stemmed.

The same normalisation feeds TF-IDF similarity, salience and ROUGE-like concept counts,
and it does not depend on capitals (Multi-News text is lower-cased).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from nltk.stem.porter import PorterStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | {
    "said",
    "says",
    "say",
    "told",
    "according",
    "mr",
    "ms",
    "mrs",
}
_stemmer = PorterStemmer()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    return _stemmer.stem(word)


def words(text: str) -> list[str]:
    return [w.replace("’", "'").split("'")[0] for w in WORD.findall(text.lower())]


def content_terms(text: str) -> list[str]:
    """Stemmed content words, in order, with repeats."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


def bigrams(terms: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in itertools.pairwise(terms)]
