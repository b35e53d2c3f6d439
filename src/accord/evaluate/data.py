"""Evaluation data: Multi-News clusters from JSON lines, and reference summaries as sentences."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from accord.analyse import analyse
from accord.analyse.sentences import split_sentences
from accord.duplicates import mark_duplicates
from accord.ingest.sources import documents_from_records
from accord.model import Document


def read_clusters(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Clusters of a Multi-News JSON-lines file (optionally gzipped), in file order."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


def texts_of(item: dict[str, Any]) -> list[str]:
    """The cluster's document texts, stripped, in order (empty ones included)."""
    return [str(t).strip() for t in item["documents"]]


def split_documents(texts: list[str]) -> list[Document]:
    """The texts as documents split into sentences (no cleaning, no spaCy), duplicates
    marked: what the baselines rank and what the scorer is trained on."""
    docs = documents_from_records(texts, where="cluster", id_prefix="s", skip_empty=True)
    for doc in docs:
        doc.text = doc.raw  # measured on the raw text, without cleaning
    mark_duplicates(docs)
    return analyse(docs, entities=False)


def reference_sentences(summary: str) -> list[str]:
    return [s.text for s in split_sentences("reference", summary)]
