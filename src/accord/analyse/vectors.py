"""TF-IDF over content terms, fitted on the texts being compared: the one weighting that
sentence alignment (dense rows: :func:`tfidf_matrix`) and story grouping (sparse rows over
whole articles: :func:`tfidf_sparse`) share.

A deliberately small implementation (numpy, and scipy for the sparse form): clusters hold
hundreds of sentences, so dense matrices are cheap, and it spares every run the second it
takes to import scikit-learn. Both forms are sublinear TF x smoothed IDF, unit rows, as
scikit-learn computes them; a text with no terms gets a zero row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import numpy as np

T = TypeVar("T")


def _term_counts(
    texts: Sequence[T], analyzer: Callable[[T], list[str]]
) -> tuple[list[Counter[str]], dict[str, int]]:
    """Each text's term counts, and every term's column in order of first appearance."""
    counts = [Counter(analyzer(text)) for text in texts]
    vocabulary: dict[str, int] = {}
    for counter in counts:
        for term in counter:
            vocabulary.setdefault(term, len(vocabulary))
    return counts, vocabulary


def tfidf_matrix(texts: Sequence[T], analyzer: Callable[[T], list[str]]) -> np.ndarray:
    """Dense unit rows: one per sentence of a cluster."""
    counts, vocabulary = _term_counts(texts, analyzer)
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


def tfidf_sparse(texts: Sequence[T], analyzer: Callable[[T], list[str]]) -> Any:
    """Sparse (CSR) unit rows: one per article of a pile, where a dense matrix would not fit."""
    from scipy import sparse

    counts, vocabulary = _term_counts(texts, analyzer)
    rows: list[int] = []
    cols: list[int] = []
    values: list[float] = []
    for row, counter in enumerate(counts):
        for term, count in counter.items():
            rows.append(row)
            cols.append(vocabulary[term])
            values.append(1.0 + np.log(count))
    shape = (len(texts), max(1, len(vocabulary)))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float64)
    document_frequency = np.bincount(cols, minlength=shape[1]) if cols else np.zeros(shape[1])
    idf = np.log((1 + len(texts)) / (1 + document_frequency)) + 1.0
    matrix = matrix @ sparse.diags(idf)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
