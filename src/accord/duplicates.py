"""Duplicates: documents that repeat an earlier one (the same wire story, re-published).

Two documents are near-duplicates when the Jaccard overlap of their word 5-gram shingles
reaches ``THRESHOLD``; the later one points at the earlier. They still count as sources,
but support counts them once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from accord.model import Document

SHINGLE = 5
THRESHOLD = 0.8


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < size:
        return frozenset([" ".join(words)])
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def find_duplicates(documents: Sequence[Document], threshold: float = THRESHOLD) -> dict[str, str]:
    """Map the id of each duplicate document to the id of the earlier one it repeats."""
    seen: list[tuple[str, frozenset[str]]] = []
    duplicates: dict[str, str] = {}
    for doc in documents:
        own = shingles(doc.text or doc.raw)
        original = next(
            (doc_id for doc_id, other in seen if jaccard(own, other) >= threshold), None
        )
        if original is not None:
            duplicates[doc.id] = original
        else:
            seen.append((doc.id, own))
    return duplicates
