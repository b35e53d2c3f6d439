"""Facts: quantities, dates, places, people and organisations, with every source stating each.

Name variants ("Amnesty" / "Amnesty International") and a count with and without its
qualifier ("200" / "at least 200 civilians") are merged into one fact.
"""

from __future__ import annotations

from collections import defaultdict

from accord.analyse.entities import same_name
from accord.compare.claimants import first_claimant
from accord.compare.counts import quantity_text
from accord.compare.parties import Parties
from accord.compare.support import canonical_sources, evidence, most_common
from accord.model import (
    Cluster,
    CountValue,
    Fact,
    FactValue,
    Quantity,
    Sentence,
)


def _quantity_key(quantity: Quantity) -> tuple[str, float, float]:
    return (quantity.counted, quantity.low or -1.0, quantity.high or -1.0)


def collect_facts(cluster: Cluster, parties: Parties | None = None) -> list[Fact]:
    """Quantities, dates, places, people and organisations, with the sources stating each
    (and, for a quantity, the party a source gives it to: ``parties``, built when not
    given)."""
    parties = parties or Parties(cluster)
    buckets: dict[tuple[str, object], list[tuple[str, Sentence]]] = defaultdict(list)
    values: dict[tuple[str, object], FactValue] = {}
    for doc in cluster.documents:
        for sentence in doc.sentences:
            for q in sentence.quantities:
                if not q.counted:
                    continue
                key = ("quantity", _quantity_key(q))
                label = quantity_text(q, sentence)
                buckets[key].append((label, sentence))
                values[key] = CountValue(q.value, q.low, q.high, q.qualifier, q.counted)
            for d in sentence.dates:
                key = ("date", d.value)
                buckets[key].append((d.text, sentence))
                values[key] = d.value
            for e in sentence.entities:
                if e.kind == "group" or _in_dateline(doc.dateline, e.start, e.end):
                    continue  # a dateline's town and agency say where the copy comes from
                kind = {"place": "place", "person": "person", "organisation": "organisation"}[
                    e.kind
                ]
                key = (kind, e.key)
                buckets[key].append((e.text, sentence))
                values[key] = e.key
    facts: list[Fact] = []
    for key, mentions in buckets.items():
        kind = key[0]
        sources = canonical_sources(cluster, (s.doc_id for _, s in mentions))
        first_per_source: dict[str, Sentence] = {}
        for _, sentence in mentions:
            if sentence.doc_id in sources:
                first_per_source.setdefault(sentence.doc_id, sentence)
        facts.append(
            Fact(
                kind=kind,  # type: ignore[arg-type]
                text=(text := most_common([t for t, _ in mentions])),
                value=values[key],
                sources=sources,
                evidence=[evidence(s) for s in first_per_source.values()],
                claimant=first_claimant(cluster, parties, first_per_source.values(), text)
                if kind == "quantity"
                else None,
            )
        )
    _merge_name_variants(facts)
    _merge_qualified_counts(facts)
    for fact in facts:
        fact.sources = canonical_sources(cluster, fact.sources)
    # Every fact, the most widely stated first (then the earliest in its articles): the
    # renderers show the top of each kind and say how many more there are.
    facts.sort(key=lambda f: (-len(f.sources), _first_position(cluster, f)))
    return facts


def _in_dateline(dateline: tuple[int, int] | None, start: int, end: int) -> bool:
    return dateline is not None and start < dateline[1] and end > dateline[0]


def _absorb(target: Fact, other: Fact) -> None:
    target.sources = [*target.sources, *(s for s in other.sources if s not in target.sources)]
    target.evidence.extend(
        e for e in other.evidence if e.source not in {x.source for x in target.evidence}
    )


def _merge_name_variants(facts: list[Fact]) -> None:
    """ "Amnesty" into "Amnesty International", "Luther" into "Philip Luther".

    A short name joins the longer one it begins or ends when exactly one fits; two fitting
    ("Smith" with "Anna Smith" and "John Smith") stay apart.
    """
    for kind in ("person", "organisation", "place"):
        named = [f for f in facts if f.kind == kind]
        for short in sorted(named, key=lambda f: len(str(f.value))):
            longer = [
                f
                for f in named
                if f is not short
                and len(str(f.value)) > len(str(short.value))
                and same_name(str(short.value), str(f.value))
            ]
            if len(longer) == 1:
                _absorb(longer[0], short)
                facts.remove(short)
                named.remove(short)


def _merge_qualified_counts(facts: list[Fact]) -> None:
    """ "200 civilians" into "at least 200 civilians": one count, stated with and without
    its qualifier. Merged only when a single qualified fact has that figure and noun."""
    counts = [(f, f.value) for f in facts if isinstance(f.value, CountValue)]
    for plain, mine in [(f, v) for f, v in counts if v.qualifier == "exact"]:
        qualified = [
            f
            for f, theirs in counts
            if f is not plain
            and theirs.qualifier not in ("exact", "range")
            and theirs.counted == mine.counted
            and theirs.value == mine.value
        ]
        if len(qualified) == 1:
            _absorb(qualified[0], plain)
            facts.remove(plain)


def _first_position(cluster: Cluster, fact: Fact) -> float:
    positions = [
        e.sentence / max(1, len(cluster.document(e.source).sentences)) for e in fact.evidence
    ]
    return min(positions, default=1.0)
