"""Align: find the sentences across sources that say the same thing.

Sentences are compared as TF-IDF vectors of stemmed content words and word pairs, fitted
on the cluster itself, so a term's weight reflects how specific it is to this event. Two
sentences of different documents align when their cosine similarity reaches
``threshold``. Groups are grown greedily from the most similar pairs, never holding two
sentences of one document, and every member of a group must be at least
``link_threshold`` similar to every other (complete linkage), so chains of loose matches
do not merge unrelated statements.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

import numpy as np

from accord.analyse.terms import bigrams
from accord.analyse.vectors import tfidf_sparse
from accord.model import (
    BLOCK_CELLS,
    Cluster,
    Document,
    Sentence,
    SentenceRef,
    SentenceSpace,
    StatementPair,
    Token,
)

THRESHOLD = 0.38
LINK_THRESHOLD = 0.25


def _analyzer(terms: tuple[str, ...]) -> list[str]:
    return [*terms, *bigrams(list(terms))]


def sentence_space(documents: list[Document]) -> SentenceSpace:
    refs = [s.ref for d in documents for s in d.sentences]
    terms = [s.terms for d in documents for s in d.sentences]
    if not terms:
        return SentenceSpace.empty()
    return SentenceSpace(refs, tfidf_sparse(terms, _analyzer))


def document_ordinals(docs: list[str]) -> np.ndarray:
    """For each sentence, the number of its document in order (sentences of one document
    are consecutive)."""
    changes = [0] + [int(docs[k] != docs[k - 1]) for k in range(1, len(docs))]
    return np.cumsum(np.asarray(changes, dtype=np.int64))[: len(docs)]


def later_pairs(matrix: Any, docs: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The stored entries (i, j, value) of a sparse sentence x sentence matrix with j in a
    later document than i, ordered by i, then j. Sentences of one document are
    consecutive, so "a later document" is "from the next document's first sentence on"."""
    ordinal = document_ordinals(docs)
    coo = matrix.tocoo()
    rows, cols, vals = coo.row, coo.col, coo.data
    keep = ordinal[cols] > ordinal[rows]
    rows, cols, vals = rows[keep], cols[keep], vals[keep]
    order = np.lexsort((cols, rows))
    return rows[order], cols[order], vals[order]


def group_sentences(
    space: SentenceSpace,
    threshold: float = THRESHOLD,
    link_threshold: float = LINK_THRESHOLD,
    skip: frozenset[str] = frozenset(),
) -> list[list[SentenceRef]]:
    """Groups of sentences from different documents that say the same thing."""
    n = len(space.refs)
    docs = [ref.doc_id for ref in space.refs]
    # Only stored (non-zero) similarities can reach the threshold: the pairs come from the
    # sparse matrix, not from every pair of sentences.
    rows, cols, vals = later_pairs(space.similarities(), docs)
    keep = vals >= threshold
    candidates = [
        (value, i, j)
        for value, i, j in zip(vals[keep], rows[keep].tolist(), cols[keep].tolist(), strict=True)
        if docs[i] not in skip and docs[i] != docs[j] and docs[j] not in skip
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for _, i, j in candidates:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        merged = members[gi] + members[gj]
        if len({docs[k] for k in merged}) < len(merged):
            continue
        others = np.asarray(members[gj])
        if min(space.values(a, others).min() for a in members[gi]) < link_threshold:
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi] = merged
        del members[gj]
    groups = [sorted(space.refs[k] for k in ks) for ks in members.values() if len(ks) > 1]
    groups.sort(key=lambda g: g[0])
    return groups


def align(cluster: Cluster) -> Cluster:
    """Fill ``cluster.space``, ``cluster.groups`` and ``cluster.pairs``; return the cluster."""
    cluster.space = sentence_space(cluster.documents)
    duplicates = frozenset(d.id for d in cluster.documents if d.duplicate_of)
    cluster.groups = group_sentences(cluster.space, skip=duplicates)
    cluster.pairs = statement_pairs(cluster)
    return cluster


# --- statement pairs ----------------------------------------------------------------------

PAIR_THRESHOLD = 0.15  # below this TF-IDF similarity two sentences are not compared at all
CONTAINMENT = 0.5  # or this share of the shorter sentence's content words is in the other
MIN_CONTAINED = 3
# Each sentence is compared with at most this many others (its most similar), so that
# the work grows with the number of sources, not with its square. Clusters of up to ten
# sources stay far below it (seeds: at most 15 partners; Multi-News validation: 10).
MAX_PARTNERS = 30
TOKEN = re.compile(r"[\w'’]+(?:[.,]\d+)*|[^\w\s]")


def tokens(sentence: Sentence) -> list[Token]:
    """Words and punctuation of a sentence, lower-cased, with document offsets."""
    return list(_tokens(sentence.text, sentence.start))


@lru_cache(maxsize=4096)
def _tokens(text: str, start: int) -> tuple[Token, ...]:
    """Cached: a sentence is compared with every sentence it pairs with."""
    return tuple(
        Token(m.group(0).lower().replace("’", "'"), start + m.start(), start + m.end())
        for m in TOKEN.finditer(text)
    )


def word_diff(
    a: Sentence, b: Sentence, similarity: float = 0.0, containment: float = 0.0
) -> StatementPair:
    """The pair of two sentences with their word diff: how parallel they are, and the word
    spans one replaced by the other."""
    ta, tb = tokens(a), tokens(b)
    matcher = SequenceMatcher(None, [t.text for t in ta], [t.text for t in tb], autojunk=False)
    opcodes = matcher.get_opcodes()
    changes = [
        ((ta[i1].start, ta[i2 - 1].end), (tb[j1].start, tb[j2 - 1].end))
        for op, i1, i2, j1, j2 in opcodes
        if op == "replace"
    ]
    return StatementPair(
        a.ref, b.ref, similarity, matcher.ratio(), changes, containment, ta, tb, opcodes
    )


def statement_pairs(cluster: Cluster, threshold: float = PAIR_THRESHOLD) -> list[StatementPair]:
    """Sentence pairs across sources similar enough to compare slot by slot.

    A pair qualifies by TF-IDF cosine, or by containment: most content words of the shorter
    sentence are in the longer one. News sentences often embed one source's statement in a
    longer clause, which cosine punishes and containment does not.

    Unlike :func:`group_sentences`, a sentence may pair with several sentences of one
    source, and duplicate documents take part: an edited wire copy that changed one
    number is exactly what cross-checking must see.
    """
    space = cluster.space
    if not space.refs:
        return []
    docs = [ref.doc_id for ref in space.refs]
    sentences = [cluster.sentence(ref) for ref in space.refs]
    terms = [set(s.terms) for s in sentences]
    n = len(sentences)
    # The pairs worth a look, from sparse products (pairs with no word in common are never
    # visited): those similar enough, and those sharing MIN_CONTAINED content words or more.
    rows, cols, values = later_pairs(space.similarities(), docs)
    similar = values >= threshold
    keys = np.union1d(rows[similar] * n + cols[similar], _contained_pairs(terms, docs))
    candidates: list[tuple[int, int, float, float]] = []
    for key in keys.tolist():
        i, j = divmod(key, n)
        if docs[i] == docs[j] or sentences[i].text == sentences[j].text:
            continue  # a sentence repeated word for word cannot disagree with itself
        shared = len(terms[i] & terms[j])
        containment = shared / max(1, min(len(terms[i]), len(terms[j])))
        # One content word of the shorter sentence may be the value that differs.
        loose = shared / max(1, min(len(terms[i]), len(terms[j])) - 1)
        similarity = float(space.values(i, np.array([j]))[0])
        if similarity < threshold and not (shared >= MIN_CONTAINED and loose >= CONTAINMENT):
            continue
        candidates.append((i, j, containment, similarity))
    pairs = []
    for i, j, containment, similarity in _most_similar_partners(candidates):
        pairs.append(word_diff(sentences[i], sentences[j], similarity, containment))
    return pairs


def _contained_pairs(terms: list[set[str]], docs: list[str]) -> np.ndarray:
    """Keys ``i * n + j`` of the pairs (j in a later document) sharing at least
    ``MIN_CONTAINED`` content words, most of the shorter sentence's: a sparse product of
    sentence x word incidence, in blocks of rows so that memory follows the pairs kept."""
    from scipy import sparse

    n = len(terms)
    vocabulary: dict[str, int] = {}
    indptr, indices = [0], []
    for sentence_terms in terms:
        # unsorted: the product counts the shared words whatever the order of a row
        indices.extend([vocabulary.setdefault(t, len(vocabulary)) for t in sentence_terms])
        indptr.append(len(indices))
    incidence = sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.int32), indices, indptr),
        shape=(n, max(1, len(vocabulary))),
    )
    transposed = sparse.csr_matrix(incidence.T)
    sizes = np.diff(incidence.indptr)
    ordinal = document_ordinals(docs)
    step = max(1, BLOCK_CELLS // max(1, n))
    found = []
    for start in range(0, n, step):
        rows_here = incidence if step >= n else incidence[start : start + step]
        block = sparse.csr_matrix(rows_here @ transposed)
        block.data[block.data < MIN_CONTAINED] = 0
        block.eliminate_zeros()
        ijs = block.tocoo()
        rows, cols, shared = ijs.row + start, ijs.col, ijs.data
        loose = shared / np.maximum(1, np.minimum(sizes[rows], sizes[cols]) - 1)
        keep = (ordinal[cols] > ordinal[rows]) & (loose >= CONTAINMENT)
        found.append(rows[keep].astype(np.int64) * n + cols[keep])
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


def _most_similar_partners(
    candidates: list[tuple[int, int, float, float]],
) -> list[tuple[int, int, float, float]]:
    """The candidate pairs (i, j, containment, similarity), in their order, that are among
    the ``MAX_PARTNERS`` most similar of one of their two sentences (all of them when no
    sentence has more)."""
    partners: dict[int, list[tuple[float, int, int]]] = {}
    for k, (i, j, _, similarity) in enumerate(candidates):
        partners.setdefault(i, []).append((-similarity, j, k))
        partners.setdefault(j, []).append((-similarity, i, k))
    if all(len(p) <= MAX_PARTNERS for p in partners.values()):
        return candidates
    kept = {k for p in partners.values() for _, _, k in sorted(p)[:MAX_PARTNERS]}
    return [c for k, c in enumerate(candidates) if k in kept]
