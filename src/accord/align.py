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

from dataclasses import dataclass

import numpy as np

from accord.analyse.terms import bigrams, content_terms
from accord.analyse.vectors import tfidf_matrix
from accord.model import Cluster, Document, SentenceRef

THRESHOLD = 0.38
LINK_THRESHOLD = 0.25


def _analyzer(text: str) -> list[str]:
    terms = content_terms(text)
    return terms + bigrams(terms)


@dataclass(slots=True)
class SentenceSpace:
    """Every sentence of a cluster as a unit-length TF-IDF vector, with its reference."""

    refs: list[SentenceRef]
    vectors: np.ndarray  # dense (sentences x terms) is fine: clusters are small

    def similarities(self) -> np.ndarray:
        return self.vectors @ self.vectors.T

    def index(self, ref: SentenceRef) -> int:
        return self.refs.index(ref)


def sentence_space(documents: list[Document]) -> SentenceSpace:
    refs = [s.ref for d in documents for s in d.sentences]
    texts = [s.text for d in documents for s in d.sentences]
    if not texts:
        return SentenceSpace(refs, np.zeros((0, 0)))
    return SentenceSpace(refs, tfidf_matrix(texts, _analyzer))


def group_sentences(
    space: SentenceSpace,
    threshold: float = THRESHOLD,
    link_threshold: float = LINK_THRESHOLD,
    skip: frozenset[str] = frozenset(),
) -> list[list[SentenceRef]]:
    """Groups of sentences from different documents that say the same thing."""
    sims = space.similarities()
    n = len(space.refs)
    docs = [ref.doc_id for ref in space.refs]
    candidates = [
        (sims[i, j], i, j)
        for i in range(n)
        for j in range(i + 1, n)
        if docs[i] != docs[j]
        and sims[i, j] >= threshold
        and docs[i] not in skip
        and docs[j] not in skip
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
        if min(sims[a, b] for a in members[gi] for b in members[gj]) < link_threshold:
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi] = merged
        del members[gj]
    groups = [sorted(space.refs[k] for k in ks) for ks in members.values() if len(ks) > 1]
    groups.sort(key=lambda g: g[0])
    return groups


def align(cluster: Cluster) -> SentenceSpace:
    """Fill ``cluster.groups``; return the sentence space for later stages to reuse."""
    space = sentence_space(cluster.documents)
    duplicates = frozenset(d.id for d in cluster.documents if d.duplicate_of)
    cluster.groups = group_sentences(space, skip=duplicates)
    return space
