"""Analyse: split sentences and annotate them with entities, quantities, dates and quotes.

``analyse(documents)`` fills ``Document.sentences`` (each with its entities, quantities
and dates) and ``Document.quotes``. With ``entities=False`` only sentences are made: that
is all the summariser needs, and it is what batch evaluation runs at scale.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import TypeVar

from accord.analyse.dates import extract_dates
from accord.analyse.entities import extract_entities
from accord.analyse.nlp import pipeline
from accord.analyse.quantities import extract_quantities
from accord.analyse.quotes import extract_attributions
from accord.analyse.sentences import split_sentences
from accord.model import Document, Sentence

__all__ = ["analyse"]

T = TypeVar("T")


def _by_sentence(sentences: list[Sentence], items: Sequence[T]) -> list[list[T]]:
    """Assign items with a ``start`` offset to the sentence they start in."""
    starts = [s.start for s in sentences]
    buckets: list[list[T]] = [[] for _ in sentences]
    for item in items:
        index = bisect_right(starts, item.start) - 1  # type: ignore[attr-defined]
        if 0 <= index < len(sentences) and item.start < sentences[index].end:  # type: ignore[attr-defined]
            buckets[index].append(item)
    return buckets


def analyse(documents: Sequence[Document], *, entities: bool = True) -> list[Document]:
    """Annotate cleaned documents in place and return them."""
    for doc in documents:
        doc.sentences = split_sentences(doc.id, doc.text)
    if not entities:
        return list(documents)
    nlp = pipeline()
    for doc, spacy_doc in zip(documents, nlp.pipe(d.text for d in documents), strict=True):
        found_entities = extract_entities(spacy_doc)
        found_dates = extract_dates(doc.text)
        found_quantities = [
            q
            for q in extract_quantities(doc.text, spacy_doc)
            if not any(d.start < q.end and q.start < d.end for d in found_dates)
        ]
        for sentence, ents, quantities, dates in zip(
            doc.sentences,
            _by_sentence(doc.sentences, found_entities),
            _by_sentence(doc.sentences, found_quantities),
            _by_sentence(doc.sentences, found_dates),
            strict=True,
        ):
            sentence.entities = ents
            sentence.quantities = quantities
            sentence.dates = dates
        doc.quotes, doc.attributions = extract_attributions(doc, found_entities, spacy_doc)
    return list(documents)
