"""Restatements: whether another source's sentence states the same facts in its own words.

TF-IDF similarity misses a paraphrase that keeps the facts and changes the phrasing around
them ("killing 49 civilians" / "the death of 49 civilians"). Used for single-source claims
(what no other source restates) and for the summary's citations (which sources state a
sentence's figures).
"""

from __future__ import annotations

from collections import Counter

from accord.analyse.terms import content_terms
from accord.model import Cluster, Sentence

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


def figures(sentence: Sentence) -> set[tuple[float, str]]:
    return {(q.value, q.counted) for q in sentence.quantities if q.counted}


def names(sentence: Sentence) -> set[str]:
    return {e.key for e in sentence.entities if e.kind in ("person", "place", "organisation")}


def topic_words(cluster: Cluster) -> frozenset[str]:
    """Content words and name keys that most sources use somewhere."""
    sources = [d for d in cluster.documents if not d.duplicate_of]
    counts: Counter[str] = Counter()
    for doc in sources:
        counts.update(
            {t for s in doc.sentences for t in s.terms}
            | {k for s in doc.sentences for k in names(s)}
        )
    needed = max(TOPIC_MIN_SOURCES, TOPIC_SHARE * len(sources))
    return frozenset(word for word, n in counts.items() if n >= needed)


def restates(claim: Sentence, other: Sentence, topic: frozenset[str] = frozenset()) -> bool:
    """Whether ``other`` states the claim's facts: the same figure of the same thing with
    words around it in common ("killing 49 civilians" / "the death of 49 civilians"), two
    of the same names with more words in common, or most of the claim's words. Words in
    ``topic`` do not count as words in common."""
    terms = set(claim.terms) - topic
    shared = terms & set(other.terms)
    if restates_figures(claim, other, topic, every=False):
        return True
    if len((names(claim) & names(other)) - topic) >= 2 and len(shared) >= WITH_NAMES + 2:
        return True
    return len(terms) >= MIN_TERMS and len(shared) >= CONTAINED * len(terms)


def restates_figures(
    claim: Sentence, other: Sentence, topic: frozenset[str] = frozenset(), every: bool = True
) -> bool:
    """Whether ``other`` gives the same figure of the same thing as the claim (with
    ``every``: each of the claim's figures), with two more words or figures in common
    besides it. Words in ``topic`` do not count."""
    mine = figures(claim)
    if not mine:
        return False
    common = mine & figures(other)
    if not common or (every and common != mine):
        return False
    shared = (set(claim.terms) - topic) & set(other.terms)
    figure_words = {term for _, counted in common for term in content_terms(counted)}
    figure_words |= {term for term in shared if term.replace(".", "").isdigit()}
    # a second figure in common is as telling as a word in common
    return len(common) - 1 + len(shared - figure_words) >= WITH_FIGURE
