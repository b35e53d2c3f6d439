"""Claimants: who a source says states a value ("at least 200 civilians — Amnesty").

Read off the attributions analyse found (``Document.attributions``: a claimant, a cue and
the content span of reported speech or a quotation): a value stated inside the content of
an attribution is the claimant's, resolved to its party (:class:`~accord.compare.parties.
Parties`) so that facts, variants, positions and the summary name one party one way
("the Russian defence ministry" and "Russia's Ministry of Defence" are one). A value the
source states in its own voice has no claimant (None), and no claimant is better than a
wrong one: a pronoun analyse could not resolve, or a report that names no owner ("the
report found …"), gives none.
"""

from __future__ import annotations

from collections.abc import Iterable

from accord.compare.parties import Parties, Party
from accord.model import Cluster, Sentence


def claimant_name(party: Party) -> str:
    """How a party is named as a claimant: the person the sentence names when someone
    speaks for an organisation ("Igor Konashenkov"), as the summary's claimants do."""
    return party.speaker or party.name


def claimant(cluster: Cluster, parties: Parties, sentence: Sentence, text: str) -> str | None:
    """The claimant of ``text`` (a value as written) in ``sentence``, if an attribution's
    content holds it and its claimant is a party."""
    where = sentence.text.lower().find(text.lower()) if text else -1
    if where < 0:
        return None
    start = sentence.start + where
    end = start + len(text)
    doc = cluster.document(sentence.doc_id)
    holding = [
        a
        for a in doc.attributions
        if a.source and a.content_start <= start and end <= a.content_end
    ]
    # The innermost claimant first: in 'Luther said 25 attacks were …, according to
    # Wradio' the figure is Luther's, passed on by Wradio.
    for attribution in sorted(holding, key=lambda a: a.content_end - a.content_start):
        party = parties.of(attribution)
        if party is not None:
            return claimant_name(party)
    return None


def first_claimant(
    cluster: Cluster, parties: Parties, sentences: Iterable[Sentence], text: str
) -> str | None:
    """The claimant the first of ``sentences`` that attributes ``text`` gives it to."""
    for sentence in sentences:
        found = claimant(cluster, parties, sentence, text)
        if found:
            return found
    return None
