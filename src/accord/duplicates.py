"""Duplicates: documents that repeat an earlier one (the same wire story, re-published).

Each text becomes the set of its word 5-grams ("shingles"), lower-cased. A later document
repeats an earlier one when their shingle sets overlap with a Jaccard index of at least
``JACCARD`` (the same story, lightly edited), or when at least ``CONTAINED`` of the smaller
set lies in the larger and the smaller has ``MIN_SHINGLES`` or more shingles (a copy cut
short, or padded with an outlet's own intro or tail). Candidate pairs come from an
inverted index of shingles, so unrelated documents cost nothing to compare.

"Earlier" is by date when every document has one, else by input order. A chain of copies
points at the first original. The function is pure: it reads the documents and changes
nothing; :func:`mark_duplicates` sets ``Document.duplicate_of``, and later stages count
duplicates once in support.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from accord.model import Document

SHINGLE = 5
JACCARD = 0.8
CONTAINED = 0.9
MIN_SHINGLES = 20
THRESHOLD = JACCARD  # the name the first version used
WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE) -> frozenset[int]:
    """Hashes of the text's lower-cased word ``size``-grams (the whole text if shorter)."""
    words = WORD.findall(text.lower())
    if not words:
        return frozenset()
    if len(words) < size:
        return frozenset([hash(tuple(words))])
    return frozenset(hash(tuple(words[i : i + size])) for i in range(len(words) - size + 1))


def jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _order(documents: Sequence[Document]) -> list[int]:
    dates = [doc.meta.get("date", "") for doc in documents]
    if all(dates):
        return sorted(range(len(documents)), key=lambda i: (dates[i], i))
    return list(range(len(documents)))


def is_copy(shared: int, size_a: int, size_b: int, threshold: float = JACCARD) -> bool:
    """Whether two shingle sets with ``shared`` shingles in common are the same text."""
    union = size_a + size_b - shared
    smaller = min(size_a, size_b)
    if union and shared / union >= threshold:
        return True
    return smaller >= MIN_SHINGLES and shared / smaller >= CONTAINED


def find_duplicates(documents: Sequence[Document], threshold: float = JACCARD) -> dict[str, str]:
    """Map the id of each duplicate document to the id of the earlier document it repeats.

    Uses the cleaned ``text`` (the raw input when a document has not been cleaned).
    """
    sets = [shingles(doc.text or doc.raw) for doc in documents]
    index: dict[int, list[int]] = {}
    original: dict[int, int] = {}  # position -> position of the original it repeats
    for position in _order(documents):
        own = sets[position]
        shared = Counter(other for shingle in own for other in index.get(shingle, ()))
        best: tuple[float, int] | None = None
        for other, count in shared.items():
            if is_copy(count, len(own), len(sets[other]), threshold):
                score = count / (len(own) + len(sets[other]) - count)
                if best is None or score > best[0]:
                    best = (score, other)
        if best is not None:
            original[position] = original.get(best[1], best[1])
        for shingle in own:
            index.setdefault(shingle, []).append(position)
    return {documents[dup].id: documents[first].id for dup, first in original.items()}


def mark_duplicates(documents: list[Document]) -> list[str]:
    """Set ``duplicate_of`` on documents whose text repeats an earlier one; return notes."""
    notes = []
    by_id = {d.id: d for d in documents}
    for doc_id, original in find_duplicates(documents).items():
        by_id[doc_id].duplicate_of = original
        notes.append(
            f"{_label(by_id[doc_id])} repeats {_label(by_id[original])}: shown as a "
            "duplicate, counted once in support"
        )
    return notes


def _label(doc: Document) -> str:
    """ "b.txt (Harbour Daily)": the id, and the outlet where the text names one."""
    outlet = doc.meta.get("outlet")
    return f"{doc.id} ({outlet})" if outlet and outlet != doc.id else doc.id
