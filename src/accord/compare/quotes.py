"""Quotes: one group per quotation across sources, and who each source gives it to.

Speakers are resolved to one identity per person or organisation across the cluster
(:mod:`accord.compare.identities`): "Paul R. Smith", "Paul Smith" and "Smith" are one
speaker, never "the same quote given to different speakers". Each speaker is then named
as its party (:class:`~accord.compare.parties.Parties`), as facts and positions name it:
"the Amnesty report" is Amnesty International, "Luther" (speaking for Amnesty) is Philip
Luther, and a speaker that is no party ("the report", "the organisation") is none.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from accord.analyse.entities import entity_key, same_name
from accord.compare.claimants import claimant_name
from accord.compare.identities import Identities
from accord.compare.parties import ANAPHORS, Parties, _artifact
from accord.compare.support import canonical_sources, evidence
from accord.model import (
    Cluster,
    QuoteGroup,
    Variant,
)

QUOTE_SHINGLE = 3
QUOTE_OVERLAP = 0.5  # share of the shorter quote's word triples found in the longer one


QUOTE_WORD = re.compile(r"[a-z0-9]+")


def speaker_key(name: str | None) -> str:
    return entity_key(name) if name else ""


def is_name(speaker: str) -> bool:
    """A named speaker, not a description ("a police spokesman") or a pronoun."""
    lowered = speaker.lower()
    return not lowered.startswith(("the ", "a ", "an ")) and lowered not in ("he", "she", "they")


# Cached: each quotation is compared with every group so far (a cluster of hundreds of
# sources has hundreds of quotations); its words and shingles are read once.
@lru_cache(maxsize=8192)
def _quote_words(text: str) -> tuple[str, ...]:
    return tuple(QUOTE_WORD.findall(text.lower()))


@lru_cache(maxsize=8192)
def _shingles(words: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    return frozenset(words[k : k + QUOTE_SHINGLE] for k in range(len(words) - QUOTE_SHINGLE + 1))


def same_quotation(a: str, b: str) -> bool:
    """Whether one quotation is (mostly) the other or a part of it, word for word.

    Word sequences, not bags of terms: "banned cluster munitions and unguided bombs" and
    "unlawfully used unguided bombs ... cluster munitions" share their words but are
    different quotations.
    """
    wa, wb = _quote_words(a), _quote_words(b)
    short, long = sorted((wa, wb), key=len)
    if not short:
        return False
    if len(short) < QUOTE_SHINGLE + 1:
        return f" {' '.join(short)} " in f" {' '.join(long)} "
    shared = _shingles(short) & _shingles(long)
    return len(shared) / max(1, len(_shingles(short))) >= QUOTE_OVERLAP


def _better_speaker(current: str | None, candidate: str | None) -> str | None:
    """Keep the fullest name; a description or nothing gives way to a name."""
    if candidate is None:
        return current
    if current is None or (not is_name(current) and is_name(candidate)):
        return candidate
    if same_name(speaker_key(current), speaker_key(candidate)) and len(candidate) > len(current):
        return candidate
    return current


def merge_quotes(cluster: Cluster, parties: Parties | None = None) -> list[QuoteGroup]:
    """One group per quotation, however many sources carry it (whole or in part), with
    who each source gives it to (``QuoteGroup.speakers``), each speaker named as its party
    (``parties``, built when not given)."""
    parties = parties or Parties(cluster)
    groups: list[QuoteGroup] = []
    speakers: dict[int, dict[str, Variant]] = defaultdict(dict)  # by group, by speaker key
    identities = Identities(
        q.speaker
        for doc in cluster.documents
        for q in doc.quotes
        if q.speaker and is_name(q.speaker)
    )
    for doc in cluster.documents:
        for quote in doc.quotes:
            if not _quote_words(quote.text):
                continue
            speaker = (
                identities.canonical(quote.speaker)
                if quote.speaker and is_name(quote.speaker)
                else quote.speaker
            )
            match = next(
                (k for k, g in enumerate(groups) if same_quotation(quote.text, g.text)), None
            )
            if match is None:
                groups.append(QuoteGroup(speaker=None, text=quote.text, sources=[]))
                match = len(groups) - 1
            group = groups[match]
            if doc.id not in group.sources:
                group.sources.append(doc.id)
            if len(quote.text) > len(group.text):
                group.text = quote.text
            group.speaker = _better_speaker(group.speaker, speaker)
            sentence = doc.sentences[quote.sentence_index] if doc.sentences else None
            if sentence is not None and all(
                (e.source, e.sentence) != (doc.id, sentence.index) for e in group.evidence
            ):
                group.evidence.append(evidence(sentence))
            variant = _speaker_variant(speakers[match], speaker, identities)
            if doc.id not in variant.sources:
                variant.sources.append(doc.id)
                if sentence is not None:
                    variant.evidence.append(evidence(sentence))
    for number, group in enumerate(groups):
        group.sources = canonical_sources(cluster, group.sources)
        group.speakers = _as_parties(parties, list(speakers[number].values()))
        party = parties.of_speaker(group.speaker) if group.speaker else None
        named = [v.text for v in group.speakers if v.text]
        # The fullest speaker may be no party ("the report"): then the one speaker the
        # sources do name, if only one.
        fallback = named[0] if len(named) == 1 else None
        if party:
            group.speaker = claimant_name(party)
        elif not (group.speaker and _bare_name(group.speaker)):
            group.speaker = fallback
    return groups


def _as_parties(parties: Parties, variants: list[Variant]) -> list[Variant]:
    """Who each source gives a quotation to, one variant per party: "Amnesty" and "Philip
    Luther" (speaking for Amnesty) are one, named by the person; two people speaking for
    one body stay two. A speaker that is no party joins the sources that name no one."""
    merged: dict[tuple[str, str], Variant] = {}
    for variant in variants:
        party = parties.of_speaker(variant.text) if variant.text else None
        key = (party.name, party.speaker) if party else ("", "")
        name = claimant_name(party) if party else ""
        if party is None and _bare_name(variant.text):
            key, name = ("", speaker_key(variant.text)), variant.text
        _join(merged.setdefault(key, Variant(name, name or None, [])), variant)
    for body, speaker in list(merged):
        people = [v for (b, p), v in merged.items() if body and b == body and p]
        if body and not speaker and len(people) == 1:
            _join(people[0], merged.pop((body, speaker)))
    return list(merged.values())


def _bare_name(speaker: str) -> bool:
    """A name the parties do not resolve that is still a name as the text gives it: one
    word in lower-cased scraped text ("lindgren interrupted"), never a description ("the
    report") or a thing that speaks ("report", "statement")."""
    words = speaker.split()
    return (
        bool(words)
        and is_name(speaker)
        and not _artifact(words[-1])
        and (words[-1].lower() not in ANAPHORS)
    )


def _join(target: Variant, variant: Variant) -> None:
    target.sources += [s for s in variant.sources if s not in target.sources]
    target.evidence += [e for e in variant.evidence if e not in target.evidence]


def _speaker_variant(
    variants: dict[str, Variant], speaker: str | None, identities: Identities | None = None
) -> Variant:
    """The variant for this speaker, merging "Luther" into "Philip Luther"."""
    key = identities.key(speaker) if identities and speaker else speaker_key(speaker)
    for existing_key, variant in variants.items():
        if key and existing_key and (key == existing_key or same_name(key, existing_key)):
            name = _better_speaker(variant.value, speaker)  # type: ignore[arg-type]
            variant.text, variant.value = name or "", name
            return variant
    return variants.setdefault(key, Variant(text=speaker or "", value=speaker, sources=[]))
