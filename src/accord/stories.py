"""Stories: sort a mixed pile of articles into groups that report the same event.

Each document becomes a TF-IDF vector over its content terms (lower-cased, stop words out,
stemmed: :func:`accord.analyse.terms.content_terms`, so capitals do not matter), and the
documents are grouped by agglomerative clustering with average linkage on cosine distance,
cut at ``threshold``: two groups merge while the mean distance between their members is
below it. The default threshold was measured on mixes of Multi-News training clusters and
checked on validation mixes (``benchmarks/stories.py``; numbers in
``benchmarks/README.md``).

:func:`brief_stories` writes a briefing for every story with more than one source.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from accord.model import DEFAULT_WORDS, Document

ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

DEFAULT_THRESHOLD = 0.88
TITLE_WORDS = 14
OUTPUT_FORMATS = ("json", "md", "html")


@dataclass(slots=True)
class Story:
    """The documents of one event, as found in a mixed pile."""

    number: int
    title: str
    documents: list[Document]
    first: str | None = None  # earliest known date (ISO), if any document has one
    last: str | None = None
    files: list[str] = field(default_factory=list)  # briefings written for it

    @property
    def size(self) -> int:
        return len(self.documents)

    @property
    def sources(self) -> list[str]:
        return [doc.id for doc in self.documents]

    @property
    def names(self) -> list[str]:
        """The sources as readers see them: outlet names where known (as the briefing
        names them), ids otherwise."""
        from accord.render.common import names_of

        named = names_of(self.documents)
        return [named[doc.id] for doc in self.documents]

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.number,
            "title": self.title,
            "size": self.size,
            "sources": self.sources,
            "names": self.names,
            "first": self.first,
            "last": self.last,
            "files": self.files,
        }


# --- vectors and clustering ---------------------------------------------------------------


def _default_analyzer() -> Callable[[str], list[str]]:
    from accord.analyse.terms import content_terms

    return content_terms


def tfidf_vectors(texts: Sequence[str], analyzer: Callable[[str], list[str]] | None = None) -> Any:
    """Sparse unit rows of sublinear TF x smoothed IDF; a text without terms gets a zero row."""
    from accord.analyse.vectors import tfidf_sparse

    return tfidf_sparse(texts, analyzer or _default_analyzer())


def cosine_distances(vectors: Any) -> np.ndarray:
    similarity = np.asarray((vectors @ vectors.T).todense())
    distances = np.clip(1.0 - similarity, 0.0, 1.0)
    np.fill_diagonal(distances, 0.0)
    return distances


def cluster_labels(distances: np.ndarray, threshold: float = DEFAULT_THRESHOLD) -> list[int]:
    """Average-linkage agglomerative clusters of a distance matrix, cut at ``threshold``.

    Labels are numbered from 0 in order of each cluster's first member.
    """
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    count = distances.shape[0]
    if count == 0:
        return []
    if count == 1:
        return [0]
    condensed = squareform(distances, checks=False)
    tree = linkage(condensed, method="average")
    raw = fcluster(tree, t=threshold, criterion="distance")
    renumber: dict[int, int] = {}
    return [renumber.setdefault(int(label), len(renumber)) for label in raw]


def cluster_texts(
    texts: Sequence[str],
    threshold: float = DEFAULT_THRESHOLD,
    analyzer: Callable[[str], list[str]] | None = None,
) -> list[int]:
    """A story label for each text (pure: the benchmark calls this on raw strings)."""
    if not texts:
        return []
    return cluster_labels(cosine_distances(tfidf_vectors(texts, analyzer)), threshold)


# --- stories ------------------------------------------------------------------------------


def document_date(doc: Document) -> str | None:
    """The document's date as YYYY-MM-DD, if its metadata has a parsable one."""
    value = doc.meta.get("date", "")
    match = ISO_DAY.match(value)
    if not match:
        return None
    try:
        return dt.date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None


def _first_line(text: str) -> str:
    line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    words = line.split()
    return " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")


def story_title(documents: Sequence[Document], vectors: Any | None = None) -> str:
    """The title of the most central document (closest to the group's mean vector)."""
    order = list(range(len(documents)))
    if vectors is not None and len(documents) > 1:
        centre = np.asarray(vectors.mean(axis=0)).ravel()
        scores = np.asarray(vectors @ centre).ravel()
        order.sort(key=lambda i: -scores[i])
    for i in order:
        if documents[i].title:
            return " ".join(documents[i].title.split())
    return _first_line(documents[order[0]].text or documents[order[0]].raw) or documents[0].id


def _prepare(documents: Iterable[Document]) -> list[Document]:
    from accord.clean import clean

    prepared = list(documents)
    for doc in prepared:
        if not doc.text:
            clean(doc)
    return prepared


def group_stories(
    documents: Iterable[Document], threshold: float = DEFAULT_THRESHOLD
) -> list[Story]:
    """Group documents (cleaned here if they are not yet) into stories, largest first."""
    docs = _prepare(documents)
    if not docs:
        return []
    vectors = tfidf_vectors([doc.text for doc in docs])
    labels = cluster_labels(cosine_distances(vectors), threshold)
    members: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        members.setdefault(label, []).append(index)
    groups = sorted(members.values(), key=lambda rows: (-len(rows), rows[0]))
    stories: list[Story] = []
    for number, rows in enumerate(groups, start=1):
        group = [docs[i] for i in rows]
        dates = sorted(d for d in map(document_date, group) if d)
        stories.append(
            Story(
                number=number,
                title=story_title(group, vectors[rows]),
                documents=group,
                first=dates[0] if dates else None,
                last=dates[-1] if dates else None,
            )
        )
    return stories


def brief_stories(
    stories: Sequence[Story],
    directory: Path,
    words: int = DEFAULT_WORDS,
    formats: Sequence[str] = OUTPUT_FORMATS,
) -> list[Path]:
    """Write ``story-NN.<fmt>`` briefings for every story with more than one source.

    Each file is written atomically (a temporary file, then a rename). Returns the paths.
    """
    from accord.output import write_atomic
    from accord.pipeline import BriefOptions, brief_documents
    from accord.render import render

    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for story in stories:
        if story.size < 2:
            continue
        briefing = brief_documents(list(story.documents), BriefOptions(words))
        for fmt in formats:
            path = directory / f"story-{story.number:02d}.{fmt}"
            write_atomic(path, render(briefing, fmt))  # type: ignore[arg-type]
            story.files.append(str(path))
            written.append(path)
    return written


def stories_report(stories: Sequence[Story], threshold: float) -> dict[str, Any]:
    """The JSON form of a grouping."""
    return {
        "threshold": threshold,
        "documents": sum(story.size for story in stories),
        "stories": [story.to_dict() for story in stories],
    }


def span(story: Story) -> str:
    if not story.first:
        return ""
    return story.first if story.first == story.last else f"{story.first} – {story.last}"


# --- the command --------------------------------------------------------------------------


def print_table(stories: Sequence[Story], file: Any = None) -> None:
    """The groups as a table: number, title, size, sources (by outlet name) and dates."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(stories)} stories in {sum(s.size for s in stories)} articles")
    for name, justify in (("#", "right"), ("title", "left"), ("n", "right")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    table.add_column("sources")
    table.add_column("dates")
    for story in stories:
        table.add_row(
            str(story.number), story.title, str(story.size), ", ".join(story.names), span(story)
        )
    Console(file=file, soft_wrap=False).print(table)


def run_stories(
    documents: Sequence[Document],
    output_dir: Path | None = None,
    threshold: float | None = None,
    words: int = DEFAULT_WORDS,
    as_json: bool = False,
) -> list[Story]:
    """``accord stories``: group, brief each multi-source story into ``output_dir``, report."""
    import json
    import sys

    from accord.errors import InputError
    from accord.output import write_atomic

    if not documents:
        raise InputError("input", "no sources given")
    cut = DEFAULT_THRESHOLD if threshold is None else threshold
    stories = group_stories(documents, cut)
    if output_dir is not None:
        if output_dir.exists() and not output_dir.is_dir():
            raise InputError(str(output_dir), "is not a folder")
        written = brief_stories(stories, output_dir, words=words)
        index = output_dir / "stories.json"
        report = json.dumps(stories_report(stories, cut), ensure_ascii=False, indent=2)
        write_atomic(index, report + "\n")
        print(f"accord: wrote {len(written) + 1} files to {output_dir}", file=sys.stderr)
    if as_json:
        sys.stdout.write(json.dumps(stories_report(stories, cut), ensure_ascii=False, indent=2))
        sys.stdout.write("\n")
    else:
        print_table(stories)
    return stories
