"""ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 through the ``rouge-score`` package, with stemming.

The scores are exactly those of ``rouge_score.rouge_scorer.RougeScorer(use_stemmer=True)``;
the only change is a memo on the Porter stemmer, because stemming the same words again for
every system and every cluster is most of the time ROUGE takes. ROUGE-Lsum needs one
sentence per line, so :func:`score` takes sentence lists and joins them with ``"\\n"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from nltk.stem import porter
from rouge_score import rouge_scorer, tokenize, tokenizers

METRICS = ("rouge1", "rouge2", "rougeLsum")


class _CachedStemmer:
    """The Porter stemmer rouge-score uses, remembering what it has stemmed."""

    def __init__(self) -> None:
        self._stem = lru_cache(maxsize=500_000)(porter.PorterStemmer().stem)

    def stem(self, word: str) -> str:
        return self._stem(word)


class _Tokenizer(tokenizers.Tokenizer):
    """rouge-score's default tokenizer (lower-case, alphanumerics, stem words over 3 letters)."""

    def __init__(self) -> None:
        self._stemmer = _CachedStemmer()

    def tokenize(self, text: str) -> list[str]:
        return tokenize.tokenize(text, self._stemmer)


@dataclass(frozen=True, slots=True)
class Scores:
    """F1 of ROUGE-1, ROUGE-2 and ROUGE-Lsum, each between 0 and 1."""

    rouge1: float
    rouge2: float
    rougeLsum: float


@lru_cache(maxsize=1)
def _scorer() -> rouge_scorer.RougeScorer:
    return rouge_scorer.RougeScorer(list(METRICS), tokenizer=_Tokenizer())


def score(candidate: Sequence[str], reference: Sequence[str]) -> Scores:
    """ROUGE F1 of candidate sentences against reference sentences."""
    result = _scorer().score("\n".join(reference), "\n".join(candidate))
    return Scores(*(result[m].fmeasure for m in METRICS))
