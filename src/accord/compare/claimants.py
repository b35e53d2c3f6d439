"""Claimants: who a source says states a value ("at least 200 civilians — Amnesty").

Read off the attributions analyse found (``Document.attributions``: a claimant, a cue and
the content span of reported speech or a quotation): a value stated inside the content of
an attribution with a named claimant is that claimant's. A value the source states in its
own voice has no claimant (None), and no claimant is better than a wrong one: a pronoun
that analyse could not resolve gives none.
"""

from __future__ import annotations

from collections.abc import Iterable

from accord.model import Cluster, Sentence


def claimant(cluster: Cluster, sentence: Sentence, text: str) -> str | None:
    """The claimant of ``text`` (a value as written) in ``sentence``, if an attribution's
    content holds it."""
    where = sentence.text.lower().find(text.lower()) if text else -1
    if where < 0:
        return None
    start = sentence.start + where
    end = start + len(text)
    doc = cluster.document(sentence.doc_id)
    for attribution in doc.attributions:
        if (
            attribution.source
            and attribution.content_start <= start
            and end <= attribution.content_end
        ):
            return attribution.source
    return None


def first_claimant(cluster: Cluster, sentences: Iterable[Sentence], text: str) -> str | None:
    """The claimant the first of ``sentences`` that attributes ``text`` gives it to."""
    for sentence in sentences:
        found = claimant(cluster, sentence, text)
        if found:
            return found
    return None
