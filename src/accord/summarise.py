"""Summarise: choose and order the best-supported, least redundant sentences.

Each sentence is scored by how central it is to the cluster (cosine to the centroid of
all sentences), how many other sources state the same content, and how early it comes in
its article. Sentences are then picked greedily by maximal marginal relevance under the
word budget and put back in reading order.
"""

from __future__ import annotations

import re

import numpy as np

from accord.align import SentenceSpace
from accord.model import Cluster, Sentence, SentenceRef

MIN_WORDS = 6
MAX_WORDS = 60
REDUNDANCY = 0.5  # similarity above which a sentence repeats one already chosen
LAMBDA = 0.7


def is_summary_candidate(sentence: Sentence) -> bool:
    """Full sentences only: no headlines, fragments or bare questions."""
    words = sentence.text.split()
    return MIN_WORDS <= len(words) <= MAX_WORDS and bool(re.search(r"[.!”\"’']\s*$", sentence.text))


def support_counts(cluster: Cluster) -> dict[SentenceRef, int]:
    """How many sources state each sentence's content (its own included)."""
    counts: dict[SentenceRef, int] = {}
    for group in cluster.groups:
        for ref in group:
            counts[ref] = len(group)
    return counts


def score_sentences(cluster: Cluster, space: SentenceSpace) -> np.ndarray:
    if not space.refs:
        return np.zeros(0)
    centroid = space.vectors.mean(axis=0)
    norm = np.linalg.norm(centroid)
    centrality = space.vectors @ (centroid / norm) if norm else np.zeros(len(space.refs))
    support = support_counts(cluster)
    sources = max(1, len(cluster.documents))
    scores = np.zeros(len(space.refs))
    for k, ref in enumerate(space.refs):
        doc_length = len(cluster.document(ref.doc_id).sentences)
        position = 1.0 - ref.index / max(1, doc_length)
        agreement = (support.get(ref, 1) - 1) / max(1, sources - 1)
        scores[k] = centrality[k] + 0.3 * agreement + 0.15 * position
    return scores


def select(cluster: Cluster, space: SentenceSpace, words: int) -> list[SentenceRef]:
    """The sentences of the summary, in reading order."""
    scores = score_sentences(cluster, space)
    sims = space.similarities() if space.refs else np.zeros((0, 0))
    candidates = [
        k for k, ref in enumerate(space.refs) if is_summary_candidate(cluster.sentence(ref))
    ]
    chosen: list[int] = []
    used = 0
    while candidates:

        def mmr(k: int) -> float:
            redundancy = max((sims[k, c] for c in chosen), default=0.0)
            return LAMBDA * scores[k] - (1 - LAMBDA) * redundancy

        best = max(candidates, key=lambda k: (mmr(k), -k))
        candidates.remove(best)
        if any(sims[best, c] >= REDUNDANCY for c in chosen):
            continue
        length = len(cluster.sentence(space.refs[best]).text.split())
        if used + length > words and chosen:
            continue
        chosen.append(best)
        used += length
        if used >= words:
            break
    return reading_order(cluster, [space.refs[k] for k in chosen])


def reading_order(cluster: Cluster, refs: list[SentenceRef]) -> list[SentenceRef]:
    """Order sentences as an account: by relative position in their article, then source."""
    order = {doc.id: n for n, doc in enumerate(cluster.documents)}

    def key(ref: SentenceRef) -> tuple[float, int, int]:
        length = len(cluster.document(ref.doc_id).sentences)
        return (ref.index / max(1, length), order[ref.doc_id], ref.index)

    return sorted(refs, key=key)
