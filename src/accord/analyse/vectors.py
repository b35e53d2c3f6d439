"""TF-IDF over content terms, fitted on the texts being compared: the one weighting that
sentence alignment (rows per sentence) and story grouping (rows per article) share.

A deliberately small implementation (numpy and scipy): it spares every run the second it
takes to import scikit-learn. Sublinear TF x smoothed IDF, unit rows, as scikit-learn
computes them; a text with no terms gets a zero row. Rows are sparse (CSR): a sentence has
a dozen terms of a vocabulary of tens of thousands, so dense rows would grow with the
square of the input.
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


def tfidf_sparse(texts: Sequence[T], analyzer: Callable[[T], list[str]]) -> Any:
    """Sparse (CSR) unit rows: one per text, columns in order of first appearance."""
    from scipy import sparse

    counts, vocabulary = _term_counts(texts, analyzer)
    indptr = [0]
    cols: list[int] = []
    values: list[float] = []
    for counter in counts:
        for term, count in counter.items():
            cols.append(vocabulary[term])
            values.append(1.0 + np.log(count))
        indptr.append(len(cols))
    shape = (len(texts), max(1, len(vocabulary)))
    columns = np.asarray(cols, dtype=np.int64)
    data = np.asarray(values, dtype=np.float64)
    document_frequency = np.bincount(columns, minlength=shape[1])
    idf = np.log((1 + len(texts)) / (1 + document_frequency)) + 1.0
    data *= idf[columns]
    starts = np.asarray(indptr, dtype=np.int64)
    lengths = np.diff(starts)
    squares = np.zeros(len(texts))
    filled = lengths > 0
    if filled.any():
        squares[filled] = np.add.reduceat(data * data, starts[:-1][filled])
    norms = np.sqrt(squares)
    rows = np.repeat(np.arange(len(texts)), lengths)
    data /= np.where(norms > 0, norms, 1.0)[rows]
    matrix = sparse.csr_matrix((data, columns, starts), shape=shape)
    matrix.sort_indices()
    return matrix
