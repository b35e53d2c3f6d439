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

import numpy as np

from accord.analyse.terms import bigrams
from accord.analyse.vectors import tfidf_matrix
from accord.model import (
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
        return SentenceSpace(refs, np.zeros((0, 0)))
    return SentenceSpace(refs, tfidf_matrix(terms, _analyzer))


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
    # Sentences of one document are consecutive: each row is searched (by numpy) from the
    # next document's first sentence on, not pair by pair from the next sentence.
    next_document = [n] * n
    for k in range(n - 2, -1, -1):
        next_document[k] = next_document[k + 1] if docs[k + 1] == docs[k] else k + 1
    candidates = [
        (sims[i, j], i, j)
        for i in range(n)
        if docs[i] not in skip
        for j in (
            np.flatnonzero(sims[i, next_document[i] :] >= threshold) + next_document[i]
        ).tolist()
        if docs[i] != docs[j] and docs[j] not in skip
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
    sims = space.similarities()
    docs = [ref.doc_id for ref in space.refs]
    sentences = [cluster.sentence(ref) for ref in space.refs]
    terms = [set(s.terms) for s in sentences]
    # Sentences of one document are consecutive: start each row at the next document's.
    next_document = [0] * len(docs)
    for k in range(len(docs) - 1, -1, -1):
        same = k + 1 < len(docs) and docs[k + 1] == docs[k]
        next_document[k] = next_document[k + 1] if same else k + 1
    candidates: list[tuple[int, int, float]] = []
    for i in range(len(sentences)):
        for j in range(next_document[i], len(sentences)):
            if docs[i] == docs[j] or sentences[i].text == sentences[j].text:
                continue  # a sentence repeated word for word cannot disagree with itself
            shared = len(terms[i] & terms[j])
            containment = shared / max(1, min(len(terms[i]), len(terms[j])))
            # One content word of the shorter sentence may be the value that differs.
            loose = shared / max(1, min(len(terms[i]), len(terms[j])) - 1)
            if sims[i, j] < threshold and not (shared >= MIN_CONTAINED and loose >= CONTAINMENT):
                continue
            candidates.append((i, j, containment))
    pairs = []
    for i, j, containment in _most_similar_partners(candidates, sims):
        pairs.append(word_diff(sentences[i], sentences[j], float(sims[i, j]), containment))
    return pairs


def _most_similar_partners(
    candidates: list[tuple[int, int, float]], sims: np.ndarray
) -> list[tuple[int, int, float]]:
    """The candidate pairs, in their order, that are among the ``MAX_PARTNERS`` most similar
    of one of their two sentences (all of them when no sentence has more)."""
    partners: dict[int, list[tuple[float, int, int]]] = {}
    for k, (i, j, _) in enumerate(candidates):
        partners.setdefault(i, []).append((-float(sims[i, j]), j, k))
        partners.setdefault(j, []).append((-float(sims[i, j]), i, k))
    if all(len(p) <= MAX_PARTNERS for p in partners.values()):
        return candidates
    kept = {k for p in partners.values() for _, _, k in sorted(p)[:MAX_PARTNERS]}
    return [c for k, c in enumerate(candidates) if k in kept]
