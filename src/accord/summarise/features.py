"""Sentence features for the summary scorer: position, centrality, agreement, vocabulary, shape.

Every sentence of the cluster gets a handful of cheap, capital-free features (position in its
article, how central it is to the cluster, how many other sources state the same content,
how much of its vocabulary and word pairs other sources share, length and shape), plus the
lexical model's score and the sentence's standing among its neighbours
(:data:`CONTEXT_FEATURES`). ``scripts/train_scorer.py`` trains on exactly these rows.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain, pairwise, repeat
from operator import mul
from typing import Any

import numpy as np

from accord.align import THRESHOLD
from accord.model import BLOCK_CELLS, Cluster, SentenceRef

TERMINAL = re.compile(r"[.!?”\"’')\]]\s*$")

BASE_FEATURES = (
    "index",
    "relative_position",
    "is_first",
    "is_last",
    "document_rank",
    "documents",
    "document_sentences",
    "document_share",
    "cluster_sentences",
    "words",
    "content_terms",
    "content_ratio",
    "mean_word_length",
    "digits",
    "quotes",
    "ends_terminal",
    "question",
    "brackets",
    "centrality",
    "document_centrality",
    "lexrank",
    "degree",
    "support",
    "max_other",
    "sources_stating",
    "mean_other",
    "term_spread",
    "shared_terms",
    "shared_bigrams",
    "term_frequency",
)
# what the sentence's own words suggest (a linear model over word unigrams and pairs)
LEXICAL = "lexical"
# the sentence among its neighbours, its article and its cluster
CONTEXT_FEATURES = (
    "document_lexical",
    "document_centrality",
    "previous_lexical",
    "next_lexical",
    "lexical_rank_in_document",
    "lexical_rank",
    "lexical_above_mean",
    "centrality_rank",
)
FEATURES = (*BASE_FEATURES, LEXICAL, *CONTEXT_FEATURES)
WORD = re.compile(r"\b\w+\b")


def support_counts(cluster: Cluster) -> dict[SentenceRef, int]:
    """How many sources state each sentence's content (its own included)."""
    counts: dict[SentenceRef, int] = {}
    for group in cluster.groups:
        for ref in group:
            counts[ref] = len(group)
    return counts


def _lexrank(graph: Any, steps: int = 30) -> np.ndarray:
    """Stationary distribution of the thresholded cosine graph (LexRank), times n; the
    graph is sparse (CSR, 1 where two sentences are similar)."""
    from scipy import sparse

    n = graph.shape[0]
    degree = np.maximum(np.diff(graph.indptr), 1.0)
    walk = sparse.csr_matrix(sparse.diags(1.0 / degree) @ graph).T.tocsr()
    rank = np.full(n, 1.0 / n)
    for _ in range(steps):
        rank = 0.15 / n + 0.85 * (walk @ rank)
    return rank * n


def _cosine(vectors: Any, target: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(target)
    return vectors @ (target / norm) if norm else np.zeros(vectors.shape[0])


def _centrality(vectors: Any, lo: int = 0, hi: int | None = None) -> np.ndarray:
    """Cosine of each of rows ``lo:hi`` with those rows' mean, over the terms they use (a
    document's rows use a few hundred of the cluster's terms: no vector as long as the
    vocabulary).

    Built from the CSR arrays, not by slicing and column indexing (scipy's overhead was
    most of the cost); the mean is each column's values times 1/rows added up in row order,
    as scipy's ``mean(axis=0)`` adds them, so every value is the same to the last bit."""
    from scipy import sparse

    hi = vectors.shape[0] if hi is None else hi
    start, end = vectors.indptr[lo], vectors.indptr[hi]
    used, columns = np.unique(vectors.indices[start:end], return_inverse=True)
    data = vectors.data[start:end]
    rows = sparse.csr_matrix(
        (data, columns, vectors.indptr[lo : hi + 1] - start), shape=(hi - lo, len(used))
    )
    mean = np.bincount(columns, weights=data * (1.0 / (hi - lo)), minlength=len(used))
    return _cosine(rows, mean)


def _best_per_document(sims: Any, owner: np.ndarray, n_docs: int) -> np.ndarray:
    """For each sentence: its best similarity to another document's sentences, how many
    other documents reach ``THRESHOLD``, and the sum of the best per other document
    (columns 0, 1, 2). Computed in blocks of rows: sentences x documents would not fit
    for a cluster of hundreds of sources."""
    n = sims.shape[0]
    out = np.zeros((n, 3))
    step = max(1, BLOCK_CELLS // max(1, n_docs))
    for start in range(0, n, step):
        block = (sims if step >= n else sims[start : start + step]).tocoo()
        per_doc = np.zeros((block.shape[0], n_docs))
        np.maximum.at(per_doc, (block.row, owner[block.col]), block.data)
        per_doc[np.arange(block.shape[0]), owner[start : start + step]] = 0.0
        out[start : start + step, 0] = per_doc.max(axis=1)
        out[start : start + step, 1] = (per_doc >= THRESHOLD).sum(axis=1)
        out[start : start + step, 2] = per_doc.sum(axis=1)
    return out


def _shape(text: str, terms: tuple[str, ...]) -> list[float]:
    tokens = text.split()
    words = max(1, len(tokens))
    return [
        len(tokens),
        len(terms),
        len(terms) / words,
        sum(map(len, tokens)) / words,
        sum(map(str.isdigit, text)) / max(1, len(text)),
        text.count('"') + text.count("“") + text.count("”"),
        float(bool(TERMINAL.search(text))),
        float(text.rstrip().endswith("?")),
        text.count("(") + text.count("["),
    ]


def _vocabulary(cluster: Cluster, refs: list[SentenceRef]) -> list[float | list[float]]:
    """Per sentence: how widely its terms and word pairs are shared across documents."""
    terms = [cluster.sentence(r).terms for r in refs]
    # Word pairs as tuples: the same pairs as "a b" strings (a term holds no space).
    pairs = [set(pairwise(t)) for t in terms]
    doc_terms: dict[str, set[str]] = {}
    doc_pairs: dict[str, set[tuple[str, str]]] = {}
    for ref, sentence_terms, sentence_pairs in zip(refs, terms, pairs, strict=True):
        doc_terms.setdefault(ref.doc_id, set()).update(sentence_terms)
        doc_pairs.setdefault(ref.doc_id, set()).update(sentence_pairs)
    term_docs = Counter(chain.from_iterable(doc_terms.values()))  # documents using a term
    pair_docs = Counter(chain.from_iterable(doc_pairs.values()))
    counts = Counter(chain.from_iterable(terms))
    others = max(1, len(cluster.documents) - 1)
    # Once a term (and a log once a count), not once each sentence that uses it: the same
    # values, fewer calls.
    spread_of = {t: (n - 1) / others for t, n in term_docs.items()}
    logs = {c: np.log(c) for c in set(counts.values())}
    log_count = {t: logs[c] for t, c in counts.items()}
    rows: list[float | list[float]] = []
    for sentence_terms, sentence_pairs in zip(terms, pairs, strict=True):
        unique = sorted(set(sentence_terms))  # a fixed order: float sums must not vary
        spread = [spread_of[t] for t in unique]
        rows.append(
            [
                float(np.mean(spread)) if spread else 0.0,
                sum(s > 0 for s in spread) / max(1, len(unique)),
                sum(pair_docs[p] > 1 for p in sentence_pairs) / max(1, len(sentence_pairs)),
                float(np.mean([log_count[t] for t in unique])) if unique else 0.0,
            ]
        )
    return rows


def features(cluster: Cluster) -> np.ndarray:
    """One row of :data:`BASE_FEATURES` per sentence of ``cluster.space``, in its order."""
    space = cluster.space
    refs = space.refs
    n = len(refs)
    if not n:
        return np.zeros((0, len(BASE_FEATURES)))
    docs = {d.id: k for k, d in enumerate(cluster.documents)}
    lengths = {d.id: len(d.sentences) for d in cluster.documents}
    doc_words = {d.id: sum(len(s.text.split()) for s in d.sentences) for d in cluster.documents}
    total_words = max(1, sum(doc_words.values()))
    n_docs = len(cluster.documents)
    vectors = space.vectors
    sims = space.similarities()
    owner = np.array([docs[r.doc_id] for r in refs])
    best = _best_per_document(sims, owner, n_docs)
    others = max(1, n_docs - 1)
    own_centroid = np.zeros(n)
    bounds = np.flatnonzero(np.diff(owner, prepend=-1, append=-1))  # documents are runs
    for lo, hi in pairwise(bounds.tolist()):
        own_centroid[lo:hi] = _centrality(vectors, lo, hi)
    centrality = _centrality(vectors)
    similar = sims > 0.1
    lexrank = _lexrank(similar)
    similar_counts = np.diff(similar.indptr)
    support = support_counts(cluster)
    vocabulary = _vocabulary(cluster, refs)
    rows = []
    for i, ref in enumerate(refs):
        sentence = cluster.sentence(ref)
        length = lengths[ref.doc_id]
        rows.append(
            [
                min(ref.index, 40),
                ref.index / max(1, length),
                float(ref.index == 0),
                float(ref.index == length - 1),
                docs[ref.doc_id],
                n_docs,
                length,
                doc_words[ref.doc_id] / total_words,
                n,
                *_shape(sentence.text, sentence.terms),
                centrality[i],
                own_centroid[i],
                lexrank[i],
                float(similar_counts[i] - 1) / n,
                (support.get(ref, 1) - 1) / others,
                best[i, 0],
                float(best[i, 1]) / others,
                best[i, 2] / others,
                *vocabulary[i],  # type: ignore[misc]
            ]
        )
    return np.nan_to_num(np.asarray(rows, dtype=float))


def word_grams(text: str) -> Counter[str]:
    """Lower-cased word unigrams and adjacent pairs ("a b") of a sentence, with counts."""
    tokens = WORD.findall(text.lower())
    return Counter([*tokens, *(f"{a} {b}" for a, b in pairwise(tokens))])


def lexical_scores(texts: list[str], weights: dict[str, float], bias: float) -> np.ndarray:
    """The linear lexical model's prediction for each sentence text.

    The model is linear in the l2-normalised n-gram counts, so it is a weight lookup per
    n-gram: no vectoriser (and no scikit-learn import) at run time. The norm counts every
    n-gram, including those outside the shipped vocabulary, exactly as in training.
    """
    out = np.full(len(texts), bias)
    zeros = repeat(0.0)
    for k, text in enumerate(texts):
        grams = word_grams(text)
        counts = grams.values()
        norm = np.sqrt(sum(map(mul, counts, counts)))
        if norm:  # the products in the order of the grams, as a generator would give them
            out[k] += sum(map(mul, counts, map(weights.get, grams, zeros))) / norm
    return out


def _rank(values: np.ndarray) -> np.ndarray:
    """0 for the largest value, rising to 1 for the smallest (ties in order)."""
    order = np.argsort(-values, kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    return ranks / max(1, len(values))


def context(base: np.ndarray, lexical: np.ndarray) -> np.ndarray:
    """:data:`CONTEXT_FEATURES` of one cluster's sentences, from their base and lexical scores.

    A sentence in an article that is junk as a whole (a cookie notice, a fact sheet) or next
    to junk is less likely to be summary material than its own words suggest.
    """
    out = np.zeros((len(base), len(CONTEXT_FEATURES)))
    if not len(base):
        return out
    document = base[:, BASE_FEATURES.index("document_rank")]
    centrality = base[:, BASE_FEATURES.index("centrality")]
    for doc in np.unique(document):
        members = document == doc
        own = lexical[members]
        out[members, 0] = own.mean()
        out[members, 1] = centrality[members].mean()
        out[members, 2] = np.r_[own[0], own[:-1]]
        out[members, 3] = np.r_[own[1:], own[-1]]
        out[members, 4] = _rank(own)
    out[:, 5] = _rank(lexical)
    out[:, 6] = lexical - lexical.mean()
    out[:, 7] = _rank(centrality)
    return out
