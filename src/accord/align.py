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
TOKEN = re.compile(r"[\w'’]+(?:[.,]\d+)*|[^\w\s]")


def tokens(sentence: Sentence) -> list[Token]:
    """Words and punctuation of a sentence, lower-cased, with document offsets."""
    return [
        Token(
            m.group(0).lower().replace("’", "'"),
            sentence.start + m.start(),
            sentence.start + m.end(),
        )
        for m in TOKEN.finditer(sentence.text)
    ]


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
    pairs = []
    for i in range(len(sentences)):
        for j in range(i + 1, len(sentences)):
            if docs[i] == docs[j]:
                continue
            shared = len(terms[i] & terms[j])
            containment = shared / max(1, min(len(terms[i]), len(terms[j])))
            # One content word of the shorter sentence may be the value that differs.
            loose = shared / max(1, min(len(terms[i]), len(terms[j])) - 1)
            if sims[i, j] < threshold and not (shared >= MIN_CONTAINED and loose >= CONTAINMENT):
                continue
            pairs.append(word_diff(sentences[i], sentences[j], float(sims[i, j]), containment))
    return pairs
