"""Support: which sentences of other sources state the same content, and evidence.

Shared by the summary (sources behind each sentence), facts and claims.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from accord.compare.restate import figures, restates_figures
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
    """Source ids in input order, each once; a copy of a report (``duplicate_of``) whose
    original is among them is the same text, counted once: as its original."""
    wanted = set(doc_ids)
    return [
        d.id
        for d in cluster.documents
        if d.id in wanted and not (d.duplicate_of and d.duplicate_of in wanted)
    ]


def supporting_sentences(
    cluster: Cluster, ref: SentenceRef, threshold: float = SUPPORT_THRESHOLD
) -> list[SentenceRef]:
    """The sentence itself and, from each other source, its most similar sentence if close."""
    space = cluster.space
    if not space.refs:
        return [ref]
    # the stored similarities of its row (in sentence order), not every sentence
    sims = space.similarities()
    row = space.index(ref)
    lo, hi = sims.indptr[row], sims.indptr[row + 1]
    close = sims.data[lo:hi] >= threshold
    best: dict[str, tuple[float, SentenceRef]] = {}
    for k, value in zip(
        sims.indices[lo:hi][close].tolist(), sims.data[lo:hi][close].tolist(), strict=True
    ):
        other = space.refs[k]
        if other.doc_id == ref.doc_id:
            continue
        if other.doc_id not in best or value > best[other.doc_id][0]:
            best[other.doc_id] = (value, other)
    return in_input_order(cluster, {ref, *cluster.group_of(ref), *(r for _, r in best.values())})


def stating_sentences(
    cluster: Cluster, ref: SentenceRef, topic: frozenset[str], figures_too: bool = False
) -> list[SentenceRef]:
    """:func:`supporting_sentences`, and from each other source that has none of those, the
    first sentence that gives all of the sentence's figures with words around them in
    common: a paraphrase TF-IDF similarity misses ("took more than 60 firefighters nine
    hours" / "more than 60 firefighters fought the blaze for nine hours").

    With ``figures_too``, a source's similar sentence counts only if it also gives every
    counted figure of the sentence; otherwise that source's paraphrase is looked for.
    """
    sentence = cluster.sentence(ref)
    similar = [
        r
        for r in supporting_sentences(cluster, ref)
        if not figures_too or r == ref or gives_figures(sentence, cluster.sentence(r))
    ]
    stating = {r.doc_id for r in similar}
    mine = figures(sentence)

    def restates(other: Sentence) -> bool:
        # Two or more counted figures, every one given with its noun, say the same thing
        # even when all the words around them are the story's common words.
        return restates_figures(sentence, other, topic) or (
            figures_too and len(mine) >= 2 and mine <= figures(other)
        )

    restating = []
    for doc in cluster.documents if mine else ():  # no figure: nothing restates it
        if doc.id in stating or doc.duplicate_of:
            continue
        match = next((o for o in doc.sentences if restates(o)), None)
        if match is not None:
            restating.append(match.ref)
    return in_input_order(cluster, [*similar, *restating])


def gives_figures(sentence: Sentence, other: Sentence) -> bool:
    """Whether ``other`` gives every counted figure of ``sentence`` (by value: the noun may
    be paraphrased, "civilians" / "people")."""
    wanted = {value for value, _ in figures(sentence)}
    return wanted <= {q.value for q in other.quantities}


def in_input_order(cluster: Cluster, refs: Iterable[SentenceRef]) -> list[SentenceRef]:
    """Sentence refs sorted by their source's input position, then by sentence."""
    order = {doc.id: n for n, doc in enumerate(cluster.documents)}
    return sorted(refs, key=lambda r: (order[r.doc_id], r.index))


def most_common(texts: list[str]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        counts[text] += 1
    return max(counts, key=lambda t: (counts[t], len(t)))
