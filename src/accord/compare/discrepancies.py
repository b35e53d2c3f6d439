"""Discrepancies: every detector's conflicts, assembled into one entry per subject.

Discrepancies are found by comparing *slots* (numbers with what they count, places,
dates, speakers) of statements that align, never by sentence vectors alone: embeddings
and TF-IDF score "42 killed" and "57 killed" as near-identical and cannot see a
contradiction. A discrepancy reports the variants and their evidence; it does not decide
who is right.
"""

from __future__ import annotations

from collections import defaultdict

from accord.analyse.entities import same_name
from accord.compare.counts import Observation, quantity_about, quantity_observation
from accord.compare.dates import date_conflicts
from accord.compare.numbers import counted_in_context, quantity_conflicts, scope_conflicts
from accord.compare.places import anchored_place_conflicts, known_places, place_conflicts
from accord.compare.quotes import SpeakerVariant, is_name, speaker_key
from accord.compare.roles import role_date_conflicts, role_number_conflicts
from accord.compare.support import canonical_sources, evidence, most_common
from accord.compare.swaps import people_keys, swap_conflicts
from accord.model import (
    Cluster,
    Discrepancy,
    QuantityValue,
    QuoteGroup,
    Sentence,
    Variant,
)


def slot_discrepancies(cluster: Cluster) -> list[Discrepancy]:
    """Numbers, dates and places that aligned statements of different sources give differently."""
    places = known_places(cluster)
    texts = {d.id: d.text.lower() for d in cluster.documents}
    conflicts: list[tuple[Observation, Observation]] = []
    conflicts += counted_in_context(cluster)
    people = people_keys(cluster.sentences())
    for pair in cluster.pairs:
        a, b = cluster.sentence(pair.a), cluster.sentence(pair.b)
        conflicts += swap_conflicts(a, b, pair, people)
        conflicts += anchored_place_conflicts(a, b, people, texts)
        conflicts += quantity_conflicts(a, b, pair)
        conflicts += date_conflicts(a, b, pair)
        conflicts += place_conflicts(a, b, pair, places, texts)
        conflicts += role_number_conflicts(a, b)
        conflicts += role_date_conflicts(a, b)
    covered = {(o.kind, o.sentence.ref) for pair in conflicts for o in pair}
    conflicts += [
        c for c in scope_conflicts(cluster) if ("quantity", c[0].sentence.ref) not in covered
    ]
    conflicts += _restatements(cluster, conflicts)
    return _assemble(conflicts, cluster)


def _restatements(
    cluster: Cluster, conflicts: list[tuple[Observation, Observation]]
) -> list[tuple[Observation, Observation]]:
    """Other sources that state a conflicting figure too, so each variant lists them all."""
    extra = []
    seen = {o.sentence.ref for pair in conflicts for o in pair}
    # The sentences (in cluster order) with counted quantities of each (low, high,
    # qualifier): each observation looks at those, not at every sentence of the cluster.
    by_key: dict[object, list[tuple[Sentence, list]]] = defaultdict(list)
    for doc in cluster.documents:
        for sentence in doc.sentences:
            for q in sentence.quantities:
                if q.counted:
                    entries = by_key[(q.low, q.high, q.qualifier)]
                    if not entries or entries[-1][0] is not sentence:
                        entries.append((sentence, []))
                    entries[-1][1].append(q)
    for first, second in list(conflicts):
        if first.kind not in ("quantity", "scope"):
            continue
        for observation in (first, second):
            value = observation.value
            if not isinstance(value, QuantityValue):
                continue
            for sentence, quantities in by_key.get(observation.key, []):
                if sentence.ref in seen:
                    continue
                for q in quantities:
                    if quantity_about(q) == observation.about and q.value == value.value:
                        seen.add(sentence.ref)
                        kind = observation.kind
                        extra.append((first, quantity_observation(q, sentence, kind)))
    return extra


def _assemble(
    conflicts: list[tuple[Observation, Observation]], cluster: Cluster
) -> list[Discrepancy]:
    """One discrepancy per subject, its variants grouped by value with all their sources."""
    by_subject: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for first, second in conflicts:
        by_subject[(first.kind, first.about)] += [first, second]
    found = []
    for (kind, about), observations in by_subject.items():
        by_value: dict[object, list[Observation]] = defaultdict(list)
        for observation in observations:
            by_value[observation.key].append(observation)
        variants = []
        for items in by_value.values():
            first_per_source: dict[str, Sentence] = {}
            for item in items:
                first_per_source.setdefault(item.sentence.doc_id, item.sentence)
            sources = canonical_sources(cluster, first_per_source)
            variants.append(
                Variant(
                    text=most_common([i.text for i in items]),
                    value=items[0].value,
                    sources=sources,
                    evidence=[evidence(first_per_source[s]) for s in sources],
                )
            )
        if len({tuple(v.sources) for v in variants}) < 2 and len(variants) < 2:
            continue
        variants.sort(key=lambda v: (-len(v.sources), str(v.value)))
        found.append(Discrepancy(about=about, kind=kind, variants=variants))
    found.sort(key=lambda d: (-sum(len(v.sources) for v in d.variants), d.kind, d.about))
    return found


def speaker_discrepancies(
    quotes: list[QuoteGroup], speakers: dict[int, dict[str, SpeakerVariant]]
) -> list[Discrepancy]:
    """Quotations that different sources give to different named people."""
    found: list[Discrepancy] = []
    for number, by_speaker in speakers.items():
        named = [v for v in by_speaker.values() if v.name and is_name(v.name)]
        distinct: list[SpeakerVariant] = []
        for variant in named:
            match = next(
                (d for d in distinct if same_name(speaker_key(d.name), speaker_key(variant.name))),
                None,
            )
            if match is None:
                distinct.append(variant)
        if len(distinct) < 2:
            continue
        found.append(
            Discrepancy(
                about=f"who said \u201c{shorten(quotes[number].text)}\u201d",
                kind="speaker",
                variants=[
                    Variant(text=v.name or "", value=v.name, sources=v.sources, evidence=v.evidence)
                    for v in distinct
                ],
            )
        )
    return found


def discrepancies(
    cluster: Cluster, speakers: dict[int, dict[str, SpeakerVariant]]
) -> list[Discrepancy]:
    """Every kind of discrepancy, slot conflicts first; ``cluster.quotes`` must be merged."""
    return slot_discrepancies(cluster) + speaker_discrepancies(cluster.quotes, speakers)


def shorten(text: str, words: int = 12) -> str:
    parts_ = text.split()
    return " ".join(parts_[:words]) + ("…" if len(parts_) > words else "")
