"""The pipeline: ingest -> clean -> analyse -> align -> compare -> summarise -> Briefing.

Each stage reads the :class:`~accord.model.Cluster` and annotates it; this module only
runs them in order. :class:`BriefOptions` is what every interface (the CLI, the web app,
batch, stories, evaluate) passes in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from accord.align import align
from accord.analyse import analyse
from accord.clean import clean
from accord.compare import compare
from accord.duplicates import mark_duplicates
from accord.errors import InputError
from accord.ingest.sources import Item, read_items
from accord.model import DEFAULT_WORDS, Briefing, Cluster, Document
from accord.summarise import summarise

MIN_ARTICLE_WORDS = 5  # fewer is a navigation stub or an empty page, not a report


@dataclass(frozen=True, slots=True)
class BriefOptions:
    """How to brief: ``words`` is the summary budget (whitespace-separated words)."""

    words: int = DEFAULT_WORDS

    def __post_init__(self) -> None:
        if self.words < 1:
            raise ValueError("words must be positive")


def prepare(documents: list[Document]) -> Cluster:
    """Clean and analyse documents into a cluster, with notes on anything unusual.

    A document that cleans down to almost nothing (a paywall stub, a crawl failure) is left
    out with a note naming it, and the rest are briefed; only when nothing usable remains is
    the input refused. A document that already has ``text`` has been cleaned (``accord
    stories`` cleans every article to group them) and is not cleaned again.
    """
    usable: list[Document] = []
    left_out: list[InputError] = []
    for doc in documents:
        if not doc.text:
            clean(doc)
        words = len(doc.text.split())
        if words < MIN_ARTICLE_WORDS:
            found = f"only {words} words" if words else "nothing"
            name = doc.meta.get("path", doc.meta.get("url", doc.id))
            left_out.append(InputError(name, f"has no article text: {found} left after cleaning"))
        else:
            usable.append(doc)
    if not usable:
        raise (
            left_out[0]
            if len(left_out) == 1
            else InputError(
                "input", f"none of the {len(left_out)} sources has article text ({left_out[0]})"
            )
        )
    notes = [f"left out {error.source}: {error.problem}" for error in left_out]
    notes += mark_duplicates(usable)
    if len(usable) == 1:
        notes.append(
            "only one source: this is a single-document briefing, nothing is cross-checked"
        )
    analyse(usable)
    return Cluster(documents=usable, notes=notes)


def brief_cluster(cluster: Cluster, options: BriefOptions = BriefOptions()) -> Briefing:
    """Align, compare and summarise a prepared cluster."""
    align(cluster)
    compare(cluster)
    summarise(cluster, options.words)
    return Briefing.of(cluster)


def brief_documents(documents: list[Document], options: BriefOptions = BriefOptions()) -> Briefing:
    """Brief documents that have been read but not yet cleaned."""
    if not documents:
        raise InputError("input", "no sources given")
    return brief_cluster(prepare(documents), options)


def brief(items: Sequence[Item], words: int = DEFAULT_WORDS) -> Briefing:
    """Brief a set of reports about one event.

    ``items`` are article texts (``str``), files or folders (``pathlib.Path``) or
    :class:`accord.model.Document` objects. Source ids are file names without their
    extension, or ``S1``, ``S2``, ... for plain strings.
    """
    options = BriefOptions(words)
    return brief_documents(read_items(items), options)
