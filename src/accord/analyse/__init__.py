"""Analyse: split sentences and annotate them with entities, quantities, dates and quotes.

``analyse(documents)`` fills ``Document.sentences`` (each with its entities, quantities
and dates) and ``Document.quotes``. With ``entities=False`` only sentences are made: that
is all the summariser needs, and it is what batch evaluation runs at scale.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING, TypeVar

from accord.analyse.dates import article_date, date_events, extract_dates
from accord.analyse.entities import extract_entities
from accord.analyse.nlp import pipeline
from accord.analyse.quantities import extract_quantities
from accord.analyse.quotes import extract_attributions
from accord.analyse.sentences import split_sentences
from accord.analyse.terms import content_terms
from accord.errors import InputError
from accord.model import Document, Entity, Quantity, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

__all__ = ["analyse"]

T = TypeVar("T")
# One spaCy pipeline serves every thread (the web app briefs in threads), and spaCy does
# not promise that concurrent calls on one Language are safe; it holds the GIL for most
# of its work anyway, so taking turns costs little (docs/architecture.md).
_SPACY_LOCK = threading.Lock()
MAX_SPACY_CHARS = 20_000
# A longer document is parsed whole only for attribution, up to this size.
MAX_ATTRIBUTION_CHARS = 200_000
# Documents parsed by spaCy at once: their parses (about 3 MB a Multi-News article) are
# held until attribution has read them, so a cluster of hundreds of sources goes through in
# batches; a cluster of up to this many goes through in one, as it always has.
SPACY_BATCH = 32
MAX_SENTENCES = 30_000  # in all documents of one briefing: see _refuse_too_many_sentences


def _by_sentence(sentences: list[Sentence], items: Sequence[T]) -> list[list[T]]:
    """Assign items with a ``start`` offset to the sentence they start in."""
    starts = [s.start for s in sentences]
    buckets: list[list[T]] = [[] for _ in sentences]
    for item in items:
        index = bisect_right(starts, item.start) - 1  # type: ignore[attr-defined]
        if 0 <= index < len(sentences) and item.start < sentences[index].end:  # type: ignore[attr-defined]
            buckets[index].append(item)
    return buckets


def spacy_pieces(doc: Document, size: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of a document's text, each at most ``size``
    characters, cut where a paragraph begins, else where a sentence begins (sentences are
    far shorter than ``size``: see ``sentences.PIECE_CHARS``), else at ``size``."""
    text = doc.text
    starts = [s.start for s in doc.sentences]
    paragraph_starts = [
        s.start
        for k, s in enumerate(doc.sentences)
        if k and s.paragraph != doc.sentences[k - 1].paragraph
    ]
    found: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = next(
            (
                c
                for candidates in (paragraph_starts, starts)
                if (c := _last_at_most(candidates, limit)) is not None and c > start
            ),
            limit,
        )
        found.append((start, cut))
        start = cut
    found.append((start, len(text)))
    return found


def _last_at_most(values: list[int], limit: int) -> int | None:
    index = bisect_right(values, limit) - 1
    return values[index] if index >= 0 else None


def _annotations(
    documents: Sequence[Document],
) -> Iterator[tuple[Document, list[Entity], list[Quantity], SpacyDoc | None]]:
    """Entities and quantities of each document, from spaCy, and the parse of the whole
    document where it went through spaCy whole (attribution reads it).

    Documents up to ``MAX_SPACY_CHARS`` go through spaCy together, whole, as they always
    have. A longer one (spaCy refuses texts over ``nlp.max_length``, and its memory grows
    with the text: 100,000 characters at once take 340 MB, in pieces of 20,000 70 MB) goes
    through in pieces, one at a time, each piece's offsets shifted to the document's.
    """
    nlp = _pipeline()
    for first in range(0, len(documents), SPACY_BATCH):
        yield from _batch_annotations(nlp, documents[first : first + SPACY_BATCH])


def _batch_annotations(
    nlp: Language, documents: Sequence[Document]
) -> Iterator[tuple[Document, list[Entity], list[Quantity], SpacyDoc | None]]:
    """:func:`_annotations` of at most ``SPACY_BATCH`` documents."""
    size = min(MAX_SPACY_CHARS, nlp.max_length)
    whole = [d for d in documents if len(d.text) <= size]
    with _SPACY_LOCK:
        spacy_docs = dict(zip((id(d) for d in whole), nlp.pipe(d.text for d in whole), strict=True))
    for doc in documents:
        if id(doc) in spacy_docs:
            spacy_doc = spacy_docs.pop(id(doc))
            yield (
                doc,
                extract_entities(spacy_doc),
                extract_quantities(doc.text, spacy_doc),
                spacy_doc,
            )
            continue
        found_entities: list[Entity] = []
        found_quantities: list[Quantity] = []
        for start, end in spacy_pieces(doc, size):
            with _SPACY_LOCK:  # a turn per piece: other threads' briefings go on meanwhile
                spacy_doc = nlp(doc.text[start:end])
            found_entities += extract_entities(spacy_doc, start)
            found_quantities += extract_quantities(doc.text[start:end], spacy_doc, start)
        yield doc, found_entities, found_quantities, None


def _pipeline() -> Language:
    with _SPACY_LOCK:  # loaded once, by the first thread that asks
        return pipeline()


def _refuse_lone_surrogates(doc: Document) -> None:
    """spaCy (and any UTF-8 output) fails on a lone surrogate ("\\ud800" in a Python string,
    from a JSON escape or a Document made in code): a message, not a crash."""
    try:
        doc.text.encode("utf-8")
    except UnicodeEncodeError:
        source = doc.meta.get("path") or doc.meta.get("url") or doc.id
        raise InputError(source, "text holds invalid Unicode (an unpaired surrogate)") from None


def _refuse_too_many_sentences(documents: Sequence[Document]) -> None:
    """Work is bounded: alignment keeps each sentence's nearest sentences only (sparse
    similarities, see ``model.SentenceSpace``), so memory grows with the sentences, not
    their square: 23,000 sentences (2 MB of text) peak at 830 MB and take two CPU minutes,
    and 30,000 stay near 1 GB, the memory a web worker may use. The 20 MB a file may hold
    would be 150,000 sentences. Past ``MAX_SENTENCES`` the briefing is refused with a
    message instead (``accord stories`` sorts a larger pile into stories, each briefed
    alone)."""
    total = sum(len(d.sentences) for d in documents)
    if total <= MAX_SENTENCES:
        return
    longest = max(documents, key=lambda d: len(d.sentences))
    source = longest.meta.get("path") or longest.meta.get("url") or longest.id
    raise InputError(
        source,
        f"is too long to brief: {len(longest.sentences):,} sentences ({total:,} in all "
        f"sources), over the {MAX_SENTENCES:,} one briefing can hold; "
        "brief it in parts or give fewer sources",
    )


def analyse(documents: Sequence[Document], *, entities: bool = True) -> list[Document]:
    """Annotate cleaned documents in place and return them."""
    for doc in documents:
        _refuse_lone_surrogates(doc)
        doc.sentences = split_sentences(doc.id, doc.text)
        for sentence in doc.sentences:
            sentence.terms = tuple(content_terms(sentence.text))
    _refuse_too_many_sentences(documents)
    if not entities:
        return list(documents)
    for doc, found_entities, all_quantities, spacy_doc in _annotations(documents):
        found_dates = extract_dates(doc.text, reference=article_date(doc.text, doc.meta))
        if spacy_doc is not None:
            date_events(found_dates, spacy_doc)  # a long text parsed in pieces goes without
        found_quantities = [
            q
            for q in all_quantities
            # a relative date ("35 years ago") leaves its duration a quantity, as before
            if not any(d.start < q.end and q.start < d.end for d in found_dates if not d.relative)
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
        if spacy_doc is None and len(doc.text) > min(MAX_ATTRIBUTION_CHARS, _pipeline().max_length):
            # Parsing a very long text at once costs gigabytes; its attributions are left
            # out rather than the briefing (docs/crosscheck.md, limits).
            doc.quotes, doc.attributions = [], []
            continue
        with _SPACY_LOCK if spacy_doc is None else nullcontext():
            doc.quotes, doc.attributions = extract_attributions(doc, found_entities, spacy_doc)
    return list(documents)
