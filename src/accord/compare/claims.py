"""Single-source claims: salient statements no other source makes."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from accord.compare.restate import MIN_TERMS, figures, restates, topic_words
from accord.compare.support import supporting_sentences
from accord.model import (
    Cluster,
    Sentence,
    SingleSourceClaim,
)

OWN_WORDS = 0.25  # a sentence with no more than this share of non-topic words is the topic
ACCUSATION = re.compile(
    r"\b(accus|alleg|den(y|ied|ies)|lie[sd]?\b|lying|claim|blame|condemn|war crime|violat|cover)",
    re.I,
)

SENTENCE_END = re.compile(r"[.!?”\"]\s*$")


def is_salient(sentence: Sentence) -> bool:
    if len(sentence.text.split()) < 6:
        return False
    named = any(e.kind in ("person", "place", "organisation") for e in sentence.entities)
    counted = any(q.counted for q in sentence.quantities)
    return counted or named or ACCUSATION.search(sentence.text) is not None  # cheap tests first


Mentions = dict[object, list[Sentence]]


def mentions(cluster: Cluster, topic: frozenset[str]) -> Mentions:
    """The sentences of the sources (duplicates aside) under each content word outside the
    topic and each counted figure they give: the only sentences that can restate a claim
    (:func:`restates` needs a figure in common, or content words outside the topic), so a
    claim is checked against those, not against every sentence of the cluster."""
    index: Mentions = defaultdict(list)
    for doc in cluster.documents:
        if doc.duplicate_of:
            continue
        for other in doc.sentences:
            for key in [*(set(other.terms) - topic), *figures(other)]:
                index[key].append(other)
    return index


def stated_elsewhere(
    cluster: Cluster, sentence: Sentence, topic: frozenset[str], index: Mentions | None = None
) -> bool:
    """Whether a source other than the sentence's own (duplicates aside) states it, or
    it says nothing beyond the words most sources use. ``index``: :func:`mentions` of the
    cluster, made once for all its claims."""
    terms = set(sentence.terms)
    if len(terms) >= MIN_TERMS and len(terms - topic) <= OWN_WORDS * len(terms):
        return True
    support = supporting_sentences(cluster, sentence.ref, threshold=0.25)
    if any(r.doc_id != sentence.doc_id for r in support):
        return True
    if index is None:
        index = mentions(cluster, topic)
    # restates needs two words outside the topic in common, or two figures (one figure
    # and two more words, two figures and one, or three figures): count them first.
    hits: Counter[int] = Counter()
    found: dict[int, Sentence] = {}
    for keys in (terms - topic, figures(sentence)):
        for key in keys:
            for other in index.get(key, ()):
                if other.doc_id != sentence.doc_id:
                    hits[id(other)] += 1
                    found[id(other)] = other
        candidates = [found[k] for k, n in hits.items() if n >= 2]
        if any(restates(sentence, other, topic) for other in candidates):
            return True
        hits.clear()
    return False


def single_source_claims(cluster: Cluster) -> list[SingleSourceClaim]:
    claims: list[tuple[float, SingleSourceClaim]] = []
    duplicates = {d.id for d in cluster.documents if d.duplicate_of}
    if len(cluster.documents) - len(duplicates) < 2:
        return []
    topic = topic_words(cluster)
    index = mentions(cluster, topic)
    for doc in cluster.documents:
        if doc.id in duplicates:
            continue
        for sentence in doc.sentences:
            if not is_salient(sentence) or not SENTENCE_END.search(sentence.text):
                continue
            if stated_elsewhere(cluster, sentence, topic, index):
                continue
            weight = (
                2.0 * bool(any(q.counted for q in sentence.quantities))
                + 1.5 * bool(ACCUSATION.search(sentence.text))
                + 1.0 * bool(sentence.entities)
                - sentence.index / max(1, len(doc.sentences))
            )
            claims.append(
                (
                    weight,
                    SingleSourceClaim(text=sentence.text, source=doc.id, sentence=sentence.index),
                )
            )
    claims.sort(key=lambda c: -c[0])
    return [claim for _, claim in claims]  # all of them, the most salient first
