"""Compare: what the sources agree on, where they differ, and what only one states.

Discrepancies are found by comparing *slots* (numbers with what they count, places,
dates, speakers) of statements that align, never by sentence vectors alone: embeddings
and TF-IDF score "42 killed" and "57 killed" as near-identical and cannot see a
contradiction. A discrepancy reports the variants and their evidence; it does not decide
who is right.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from accord.align import SentenceSpace
from accord.analyse.terms import content_terms
from accord.model import (
    Cluster,
    Discrepancy,
    Evidence,
    Fact,
    Quantity,
    QuoteGroup,
    Sentence,
    SentenceRef,
    SingleSourceClaim,
    Variant,
)

SUPPORT_THRESHOLD = 0.38  # a source "states the same content" at this similarity
DISCREPANCY_THRESHOLD = 0.2  # statements this similar that share a counted thing compare
MAX_FACTS_PER_KIND = 10
MAX_SINGLE_SOURCE = 10
QUOTE_OVERLAP = 0.7
ACCUSATION = re.compile(
    r"\b(accus|alleg|den(y|ied|ies)|lie[sd]?\b|lying|claim|blame|condemn|war crime|violat|cover)",
    re.I,
)


def evidence(sentence: Sentence) -> Evidence:
    return Evidence(source=sentence.doc_id, sentence=sentence.index, text=sentence.text)


def canonical_sources(cluster: Cluster, doc_ids: Iterable[str]) -> list[str]:
    """Source ids in input order, each once."""
    wanted = set(doc_ids)
    return [d.id for d in cluster.documents if d.id in wanted]


def supporting_sentences(
    cluster: Cluster, space: SentenceSpace, ref: SentenceRef, threshold: float = SUPPORT_THRESHOLD
) -> list[SentenceRef]:
    """The sentence itself and, from each other source, its most similar sentence if close."""
    if not space.refs:
        return [ref]
    sims = space.similarities()[space.index(ref)]
    best: dict[str, tuple[float, SentenceRef]] = {}
    for k, other in enumerate(space.refs):
        if other.doc_id == ref.doc_id or sims[k] < threshold:
            continue
        if other.doc_id not in best or sims[k] > best[other.doc_id][0]:
            best[other.doc_id] = (float(sims[k]), other)
    refs = {ref, *cluster.group_of(ref), *(r for _, r in best.values())}
    return sorted(refs, key=lambda r: ([d.id for d in cluster.documents].index(r.doc_id), r.index))


# --- facts ------------------------------------------------------------------------------


def _quantity_key(quantity: Quantity) -> tuple[str, float, float]:
    return (quantity.counted, quantity.low or -1.0, quantity.high or -1.0)


def _most_common(texts: list[str]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        counts[text] += 1
    return max(counts, key=lambda t: (counts[t], len(t)))


def collect_facts(cluster: Cluster) -> list[Fact]:
    """Quantities, dates, places, people and organisations, with the sources stating each."""
    buckets: dict[tuple[str, object], list[tuple[str, Sentence]]] = defaultdict(list)
    values: dict[tuple[str, object], object] = {}
    for doc in cluster.documents:
        for sentence in doc.sentences:
            for q in sentence.quantities:
                if not q.counted:
                    continue
                key = ("quantity", _quantity_key(q))
                label = f"{q.text} {q.counted}".strip()
                buckets[key].append((label, sentence))
                values[key] = {
                    "value": q.value,
                    "low": q.low,
                    "high": q.high,
                    "qualifier": q.qualifier,
                    "counted": q.counted,
                }
            for d in sentence.dates:
                key = ("date", d.value)
                buckets[key].append((d.text, sentence))
                values[key] = d.value
            for e in sentence.entities:
                if e.kind == "group":
                    continue
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
            first_per_source.setdefault(sentence.doc_id, sentence)
        facts.append(
            Fact(
                kind=kind,  # type: ignore[arg-type]
                text=_most_common([t for t, _ in mentions]),
                value=values[key],
                sources=sources,
                evidence=[evidence(s) for s in first_per_source.values()],
            )
        )
    _merge_person_surnames(facts)
    for fact in facts:
        fact.sources = canonical_sources(cluster, fact.sources)
    facts.sort(key=lambda f: (-len(f.sources), _first_position(cluster, f)))
    kept: list[Fact] = []
    per_kind: dict[str, int] = defaultdict(int)
    for fact in facts:
        if per_kind[fact.kind] < MAX_FACTS_PER_KIND:
            kept.append(fact)
            per_kind[fact.kind] += 1
    return kept


def _merge_person_surnames(facts: list[Fact]) -> None:
    """ "Luther" and "Philip Luther" are one person when only one full name fits."""
    people = [f for f in facts if f.kind == "person"]
    for short in list(people):
        if " " in str(short.value):
            continue
        matches = [f for f in people if f is not short and str(f.value).split()[-1] == short.value]
        if len(matches) == 1:
            full = matches[0]
            full.sources = [*full.sources, *(s for s in short.sources if s not in full.sources)]
            full.evidence.extend(
                e for e in short.evidence if e.source not in {x.source for x in full.evidence}
            )
            facts.remove(short)
            people.remove(short)


def _first_position(cluster: Cluster, fact: Fact) -> float:
    positions = [
        e.sentence / max(1, len(cluster.document(e.source).sentences)) for e in fact.evidence
    ]
    return min(positions, default=1.0)


# --- discrepancies --------------------------------------------------------------------


def _overlap(a: Quantity, b: Quantity) -> bool:
    a_low, a_high = (
        a.low if a.low is not None else -np.inf,
        a.high if a.high is not None else np.inf,
    )
    b_low, b_high = (
        b.low if b.low is not None else -np.inf,
        b.high if b.high is not None else np.inf,
    )
    return a_low <= b_high and b_low <= a_high


def _same_thing(a: Quantity, b: Quantity) -> bool:
    if not a.counted or a.counted != b.counted:
        return False
    return not (a.event and b.event and a.event != b.event)


def quantity_discrepancies(cluster: Cluster, space: SentenceSpace) -> list[Discrepancy]:
    """Aligned statements that count the same thing with intervals that do not overlap."""
    if not space.refs:
        return []
    sims = space.similarities()
    pairs: dict[str, list[tuple[Quantity, Sentence]]] = defaultdict(list)
    sentences = [cluster.sentence(r) for r in space.refs]
    for i, si in enumerate(sentences):
        for j in range(i + 1, len(sentences)):
            sj = sentences[j]
            if si.doc_id == sj.doc_id or sims[i, j] < DISCREPANCY_THRESHOLD:
                continue
            for qa in si.quantities:
                for qb in sj.quantities:
                    if _same_thing(qa, qb) and not _overlap(qa, qb):
                        pairs[qa.counted].extend([(qa, si), (qb, sj)])
    return [
        _discrepancy(f"number of {about}", "quantity", found, cluster)
        for about, found in pairs.items()
    ]


def _discrepancy(
    about: str, kind: str, found: list[tuple[Quantity, Sentence]], cluster: Cluster
) -> Discrepancy:
    by_value: dict[tuple[float | None, float | None], list[tuple[Quantity, Sentence]]] = (
        defaultdict(list)
    )
    for quantity, sentence in found:
        by_value[(quantity.low, quantity.high)].append((quantity, sentence))
    variants = []
    for items in by_value.values():
        first_per_source: dict[str, Sentence] = {}
        for _, sentence in items:
            first_per_source.setdefault(sentence.doc_id, sentence)
        q = items[0][0]
        variants.append(
            Variant(
                text=_most_common([f"{x.text} {x.counted}" for x, _ in items]),
                value={"value": q.value, "low": q.low, "high": q.high, "qualifier": q.qualifier},
                sources=canonical_sources(cluster, first_per_source),
                evidence=[evidence(s) for s in first_per_source.values()],
            )
        )
    variants.sort(key=lambda v: (-len(v.sources), v.value["value"]))
    return Discrepancy(about=about, kind=kind, variants=variants)


def speaker_discrepancies(
    quotes: list[QuoteGroup], variants_by_quote: dict[int, dict[str, list[str]]]
) -> list[Discrepancy]:
    found: list[Discrepancy] = []
    for number, speakers in variants_by_quote.items():
        named = {s: ids for s, ids in speakers.items() if s}
        if len(named) > 1:
            found.append(
                Discrepancy(
                    about=f"who said \u201c{_shorten(quotes[number].text)}\u201d",
                    kind="speaker",
                    variants=[Variant(text=s, value=s, sources=ids) for s, ids in named.items()],
                )
            )
    return found


def _shorten(text: str, words: int = 12) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


# --- quotes -----------------------------------------------------------------------------


def _same_person(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    return a == b or a.split()[-1] == b.split()[-1]


def merge_quotes(cluster: Cluster) -> tuple[list[QuoteGroup], dict[int, dict[str, list[str]]]]:
    """One group per quotation, however many sources carry it (whole or in part)."""
    groups: list[QuoteGroup] = []
    group_terms: list[set[str]] = []
    speakers: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for doc in cluster.documents:
        for quote in doc.quotes:
            terms = set(content_terms(quote.text))
            if not terms:
                continue
            match = None
            for k, other in enumerate(group_terms):
                shared = len(terms & other) / min(len(terms), len(other))
                if shared >= QUOTE_OVERLAP:
                    match = k
                    break
            sentence = doc.sentences[quote.sentence_index] if doc.sentences else None
            if match is None:
                groups.append(QuoteGroup(speaker=quote.speaker, text=quote.text, sources=[doc.id]))
                group_terms.append(terms)
                match = len(groups) - 1
            else:
                group = groups[match]
                if doc.id not in group.sources:
                    group.sources.append(doc.id)
                if len(quote.text) > len(group.text):
                    group.text = quote.text
                    group_terms[match] = terms | group_terms[match]
                if group.speaker is None or (
                    quote.speaker
                    and len(quote.speaker) > len(group.speaker)
                    and _same_person(quote.speaker, group.speaker)
                ):
                    group.speaker = quote.speaker
            if sentence is not None:
                groups[match].evidence.append(evidence(sentence))
            speakers[match][_speaker_key(quote.speaker)].append(doc.id)
    return groups, speakers


def _speaker_key(speaker: str | None) -> str:
    return speaker.split()[-1].lower() if speaker else ""


# --- single-source claims ----------------------------------------------------------------


def is_salient(sentence: Sentence) -> bool:
    named = any(e.kind in ("person", "place", "organisation") for e in sentence.entities)
    counted = any(q.counted for q in sentence.quantities)
    return (counted or ACCUSATION.search(sentence.text) is not None or named) and len(
        sentence.text.split()
    ) >= 6


def single_source_claims(cluster: Cluster, space: SentenceSpace) -> list[SingleSourceClaim]:
    claims: list[tuple[float, SingleSourceClaim]] = []
    duplicates = {d.id for d in cluster.documents if d.duplicate_of}
    if len(cluster.documents) - len(duplicates) < 2:
        return []
    for doc in cluster.documents:
        if doc.id in duplicates:
            continue
        for sentence in doc.sentences:
            if not is_salient(sentence) or not re.search(r"[.!?”\"]\s*$", sentence.text):
                continue
            support = supporting_sentences(cluster, space, sentence.ref, threshold=0.25)
            if any(r.doc_id != doc.id for r in support):
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
