"""Citations: the sources a summary sentence cites, each with its evidence sentence.

A source is cited when one of its sentences states the same content (similar enough, or a
paraphrase giving the same figures: :func:`accord.compare.support.stating_sentences`)
and, where the sentence gives figures ("six attacks", "at least 200 civilians"), that
sentence gives every one of them; never when it gives another value for something the
sentence states, even where
another of its sentences repeats the rest ("Fifteen people were treated in hospital"
does not support "Twelve people were taken to hospital, and two firefighters were treated
for burns").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from accord.compare.restate import topic_words
from accord.compare.support import canonical_sources, evidence, stating_sentences
from accord.model import Cluster, Discrepancy, Evidence, SentenceRef


def dissent(discrepancies: Iterable[Discrepancy]) -> dict[SentenceRef, set[str]]:
    """For each sentence that states a disputed value, the sources that state another."""
    against: dict[SentenceRef, set[str]] = defaultdict(set)
    for discrepancy in discrepancies:
        for variant in discrepancy.variants:
            others = {s for v in discrepancy.variants if v is not variant for s in v.sources}
            for item in variant.evidence:
                against[item.ref] |= others - set(variant.sources)
    return against


def citations(cluster: Cluster, refs: list[SentenceRef]) -> list[tuple[list[str], list[Evidence]]]:
    """For each sentence, the sources to cite and their evidence; ``cluster.discrepancies``
    must be filled."""
    against = dissent(cluster.discrepancies)
    topic = topic_words(cluster)
    cited = []
    for ref in refs:
        support = [
            r
            for r in stating_sentences(cluster, ref, topic, figures_too=True)
            if r.doc_id not in against.get(ref, set())
        ]
        sources = canonical_sources(cluster, (r.doc_id for r in support))
        first = {r.doc_id: r for r in reversed(support)}  # each source's first sentence
        cited.append((sources, [evidence(cluster.sentence(first[s])) for s in sources]))
    return cited
