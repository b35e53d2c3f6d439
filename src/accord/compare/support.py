"""Support: which sentences of other sources state the same content, and evidence.

Shared by the summary (sources behind each sentence), facts and claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from accord.compare.restate import restates_figures
from accord.model import (
    Cluster,
    Evidence,
    Sentence,
    SentenceRef,
)

SUPPORT_THRESHOLD = 0.38  # a source "states the same content" at this similarity


def evidence(sentence: Sentence) -> Evidence:
    return Evidence(source=sentence.doc_id, sentence=sentence.index, text=sentence.text)


def canonical_sources(cluster: Cluster, doc_ids: Iterable[str]) -> list[str]:
    """Source ids in input order, each once."""
    wanted = set(doc_ids)
    return [d.id for d in cluster.documents if d.id in wanted]


def supporting_sentences(
    cluster: Cluster, ref: SentenceRef, threshold: float = SUPPORT_THRESHOLD
) -> list[SentenceRef]:
    """The sentence itself and, from each other source, its most similar sentence if close."""
    space = cluster.space
    if not space.refs:
        return [ref]
    sims = space.similarities()[space.index(ref)]
    best: dict[str, tuple[float, SentenceRef]] = {}
    for k, other in enumerate(space.refs):
        if other.doc_id == ref.doc_id or sims[k] < threshold:
            continue
        if other.doc_id not in best or sims[k] > best[other.doc_id][0]:
            best[other.doc_id] = (float(sims[k]), other)
    return in_input_order(cluster, {ref, *cluster.group_of(ref), *(r for _, r in best.values())})


def stating_sentences(
    cluster: Cluster, ref: SentenceRef, topic: frozenset[str]
) -> list[SentenceRef]:
    """:func:`supporting_sentences`, and from each other source that has none of those, the
    first sentence that gives all of the sentence's figures with words around them in
    common: a paraphrase TF-IDF similarity misses ("took more than 60 firefighters nine
    hours" / "more than 60 firefighters fought the blaze for nine hours")."""
    similar = supporting_sentences(cluster, ref)
    stating = {r.doc_id for r in similar}
    sentence = cluster.sentence(ref)
    restating = []
    for doc in cluster.documents:
        if doc.id in stating or doc.duplicate_of:
            continue
        match = next((o for o in doc.sentences if restates_figures(sentence, o, topic)), None)
        if match is not None:
            restating.append(match.ref)
    return in_input_order(cluster, [*similar, *restating])


def in_input_order(cluster: Cluster, refs: Iterable[SentenceRef]) -> list[SentenceRef]:
    """Sentence refs sorted by their source's input position, then by sentence."""
    order = {doc.id: n for n, doc in enumerate(cluster.documents)}
    return sorted(refs, key=lambda r: (order[r.doc_id], r.index))


def most_common(texts: list[str]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        counts[text] += 1
    return max(counts, key=lambda t: (counts[t], len(t)))
