"""Single-source claims: salient statements no other source makes."""

from __future__ import annotations

import re
from collections import Counter

from accord.align import SentenceSpace
from accord.analyse.terms import content_terms
from accord.compare.support import supporting_sentences
from accord.model import (
    Cluster,
    Sentence,
    SingleSourceClaim,
)

MAX_SINGLE_SOURCE = 10
# How another source's sentence restates a claim in its own words (TF-IDF similarity misses
# a paraphrase that keeps the facts and changes the phrasing around them):
WITH_FIGURE = 2  # content words (or figures) shared besides the same figure of the same thing
WITH_NAMES = 3  # content words shared along with two of the same names
CONTAINED = 0.6  # or this share of the claim's content words, when it has at least
MIN_TERMS = 4  # this many
# Words and names most sources use ("amnesty", "russia", "strikes" in a story about an
# Amnesty report on Russian strikes) are the topic, not evidence that two sentences match.
TOPIC_SHARE = 0.6
TOPIC_MIN_SOURCES = 3
OWN_WORDS = 0.25  # a sentence with no more than this share of non-topic words is the topic
ACCUSATION = re.compile(
    r"\b(accus|alleg|den(y|ied|ies)|lie[sd]?\b|lying|claim|blame|condemn|war crime|violat|cover)",
    re.I,
)


def is_salient(sentence: Sentence) -> bool:
    named = any(e.kind in ("person", "place", "organisation") for e in sentence.entities)
    counted = any(q.counted for q in sentence.quantities)
    return (counted or ACCUSATION.search(sentence.text) is not None or named) and len(
        sentence.text.split()
    ) >= 6


def _figures(sentence: Sentence) -> set[tuple[float, str]]:
    return {(q.value, q.counted) for q in sentence.quantities if q.counted}


def _names(sentence: Sentence) -> set[str]:
    return {e.key for e in sentence.entities if e.kind in ("person", "place", "organisation")}


def topic_words(cluster: Cluster) -> frozenset[str]:
    """Content words and name keys that most sources use somewhere."""
    sources = [d for d in cluster.documents if not d.duplicate_of]
    counts: Counter[str] = Counter()
    for doc in sources:
        counts.update(
            {t for s in doc.sentences for t in content_terms(s.text)}
            | {k for s in doc.sentences for k in _names(s)}
        )
    needed = max(TOPIC_MIN_SOURCES, TOPIC_SHARE * len(sources))
    return frozenset(word for word, n in counts.items() if n >= needed)


def restates(claim: Sentence, other: Sentence, topic: frozenset[str] = frozenset()) -> bool:
    """Whether ``other`` states the claim's facts: the same figure of the same thing with
    words around it in common ("killing 49 civilians" / "the death of 49 civilians"), two
    of the same names with more words in common, or most of the claim's words. Words in
    ``topic`` do not count as words in common."""
    terms = set(content_terms(claim.text)) - topic
    shared = terms & set(content_terms(other.text))
    figures = _figures(claim) & _figures(other)
    if figures:
        figure_words = {term for value, counted in figures for term in content_terms(counted)}
        figure_words |= {term for term in shared if term.replace(".", "").isdigit()}
        # a second figure in common is as telling as a word in common
        if len(figures) - 1 + len(shared - figure_words) >= WITH_FIGURE:
            return True
    if len((_names(claim) & _names(other)) - topic) >= 2 and len(shared) >= WITH_NAMES + 2:
        return True
    return len(terms) >= MIN_TERMS and len(shared) >= CONTAINED * len(terms)


def stated_elsewhere(
    cluster: Cluster, space: SentenceSpace, sentence: Sentence, topic: frozenset[str]
) -> bool:
    """Whether a source other than the sentence's own (duplicates aside) states it, or
    it says nothing beyond the words most sources use."""
    terms = set(content_terms(sentence.text))
    if len(terms) >= MIN_TERMS and len(terms - topic) <= OWN_WORDS * len(terms):
        return True
    support = supporting_sentences(cluster, space, sentence.ref, threshold=0.25)
    if any(r.doc_id != sentence.doc_id for r in support):
        return True
    return any(
        restates(sentence, other, topic)
        for doc in cluster.documents
        if doc.id != sentence.doc_id and not doc.duplicate_of
        for other in doc.sentences
    )


def single_source_claims(cluster: Cluster, space: SentenceSpace) -> list[SingleSourceClaim]:
    claims: list[tuple[float, SingleSourceClaim]] = []
    duplicates = {d.id for d in cluster.documents if d.duplicate_of}
    if len(cluster.documents) - len(duplicates) < 2:
        return []
    topic = topic_words(cluster)
    for doc in cluster.documents:
        if doc.id in duplicates:
            continue
        for sentence in doc.sentences:
            if not is_salient(sentence) or not re.search(r"[.!?”\"]\s*$", sentence.text):
                continue
            if stated_elsewhere(cluster, space, sentence, topic):
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
    return [claim for _, claim in claims[:MAX_SINGLE_SOURCE]]
