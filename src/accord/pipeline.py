"""The whole pipeline: input -> clean -> analyse -> align -> compare -> summarise -> Briefing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from accord import compare
from accord.align import SentenceSpace, align
from accord.analyse import analyse
from accord.clean import clean
from accord.compare.restate import topic_words
from accord.errors import InputError
from accord.ingest.sources import Item, read_items
from accord.model import (
    Briefing,
    Cluster,
    Discrepancy,
    Document,
    SentenceRef,
    SourceSummary,
    SummarySentence,
)
from accord.summarise import select, summary_text

DEFAULT_WORDS = 250
MIN_ARTICLE_WORDS = 5  # fewer is a navigation stub or an empty page, not a report


def mark_duplicates(documents: list[Document]) -> list[str]:
    """Set ``duplicate_of`` on documents whose text repeats an earlier one; return notes."""
    from accord.duplicates import find_duplicates

    notes = []
    for doc_id, original in find_duplicates(documents).items():
        next(d for d in documents if d.id == doc_id).duplicate_of = original
        notes.append(f"{doc_id} repeats {original}: shown as a duplicate, counted once in support")
    return notes


def prepare(documents: list[Document]) -> Cluster:
    """Clean and analyse documents into a cluster, with notes on anything unusual."""
    for doc in documents:
        clean(doc)
        words = len(doc.text.split())
        if words < MIN_ARTICLE_WORDS:
            found = f"only {words} words" if words else "nothing"
            raise InputError(
                doc.meta.get("path", doc.meta.get("url", doc.id)),
                f"has no article text: {found} left after cleaning",
            )
    notes = mark_duplicates(documents)
    if len(documents) == 1:
        notes.append(
            "only one source: this is a single-document briefing, nothing is cross-checked"
        )
    analyse(documents)
    return Cluster(documents=documents, notes=notes)


def dissent(discrepancies: list[Discrepancy]) -> dict[SentenceRef, set[str]]:
    """For each sentence that states a disputed value, the sources that state another."""
    against: dict[SentenceRef, set[str]] = defaultdict(set)
    for discrepancy in discrepancies:
        for variant in discrepancy.variants:
            others = {s for v in discrepancy.variants if v is not variant for s in v.sources}
            for item in variant.evidence:
                against[SentenceRef(item.source, item.sentence)] |= others - set(variant.sources)
    return against


def summary_sentences(
    cluster: Cluster, space: SentenceSpace, words: int, discrepancies: list[Discrepancy]
) -> list[SummarySentence]:
    """The selected sentences, each with every source that states the same content.

    A source that gives another value for something the sentence states is never cited for
    it, even where another of its sentences repeats the rest ("Fifteen people were treated
    in hospital" does not support "Twelve people were taken to hospital, and two
    firefighters were treated for burns").
    """
    against = dissent(discrepancies)
    topic = topic_words(cluster)
    sentences = []
    for ref in select(cluster, space, words):
        support = [
            r
            for r in compare.stating_sentences(cluster, space, ref, topic)
            if r.doc_id not in against.get(ref, set())
        ]
        sentences.append(
            SummarySentence(
                text=summary_text(cluster.sentence(ref)),
                sources=compare.canonical_sources(cluster, (r.doc_id for r in support)),
                evidence=[compare.evidence(cluster.sentence(r)) for r in support],
            )
        )
    return sentences


def source_summary(doc: Document) -> SourceSummary:
    return SourceSummary(
        id=doc.id,
        title=doc.title,
        text=doc.text,
        removed=doc.removed,
        meta=dict(doc.meta),
        sentences=[{"start": s.start, "end": s.end} for s in doc.sentences],
        duplicate_of=doc.duplicate_of,
    )


def brief_cluster(cluster: Cluster, words: int = DEFAULT_WORDS) -> Briefing:
    space = align(cluster)
    quotes, speakers = compare.merge_quotes(cluster)
    discrepancies = compare.discrepancies(cluster, space, quotes, speakers)
    return Briefing(
        sources=[source_summary(d) for d in cluster.documents],
        summary=summary_sentences(cluster, space, words, discrepancies),
        facts=compare.collect_facts(cluster),
        quotes=quotes,
        discrepancies=discrepancies,
        single_source=compare.single_source_claims(cluster, space),
        notes=cluster.notes,
    )


def brief_documents(documents: list[Document], words: int = DEFAULT_WORDS) -> Briefing:
    """Brief documents that have been read but not yet cleaned."""
    if words < 1:
        raise ValueError("words must be positive")
    if not documents:
        raise InputError("input", "no sources given")
    return brief_cluster(prepare(documents), words)


def brief(items: Sequence[Item], words: int = DEFAULT_WORDS) -> Briefing:
    """Brief a set of reports about one event.

    ``items`` are article texts (``str``), files or folders (``pathlib.Path``) or
    :class:`accord.model.Document` objects. Source ids are file names without their
    extension, or ``S1``, ``S2``, ... for plain strings.
    """
    return brief_documents(read_items(items), words)
