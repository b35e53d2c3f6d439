"""Sentence vectors: TF-IDF over content terms, fitted on the texts being compared.

A deliberately small implementation (numpy only): clusters hold hundreds of sentences,
so dense matrices are cheap, and it spares every run the second it takes to import
scikit-learn.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np

T = TypeVar("T")


def tfidf_matrix(texts: Sequence[T], analyzer: Callable[[T], list[str]]) -> np.ndarray:
    """Unit-length rows of sublinear TF x smoothed IDF (as scikit-learn computes them).

    A text with no terms gets a zero row.
    """
    counts = [Counter(analyzer(text)) for text in texts]
    vocabulary: dict[str, int] = {}
    for counter in counts:
        for term in counter:
            vocabulary.setdefault(term, len(vocabulary))
    matrix = np.zeros((len(texts), max(1, len(vocabulary))))
    for row, counter in enumerate(counts):
        for term, count in counter.items():
            matrix[row, vocabulary[term]] = 1.0 + np.log(count)
    document_frequency = (matrix > 0).sum(axis=0)
    idf = np.log((1 + len(texts)) / (1 + document_frequency)) + 1.0
    matrix *= idf
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    np.divide(matrix, norms, out=matrix, where=norms > 0)
    return matrix
