"""What every renderer shows the same way: which sources count, and how long a list runs.

- **Duplicates are not counted.** A source with ``duplicate_of`` set repeats an earlier
  one; where both support a statement, the statement has one source more only in
  appearance. :func:`support` splits a statement's sources into the ones that count (one
  per original report) and the copies, shown as "also in ...".
- **Outlets, not file names.** Readers see a source by its outlet (:func:`source_name`),
  its id only where nothing better is known; ids stay what citations refer to.
- **No silent caps.** Where a view shows the top entries of a section, it says how many
  more there are and where the full list is (:data:`SHOWN` entries per section).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from accord.model import Briefing, CoverageRow, SourceSummary, Statement

T = TypeVar("T")

# how many entries of a section the terminal view and the HTML page show before "N more"
SHOWN = {
    "discrepancies": 8,
    "facts": 12,
    "quotes": 12,
    "speakers": 8,
    "single_source": 10,
    "timeline": 12,
    "positions": 6,  # parties
    "statements": 4,  # statements of one party
    "coverage": 12,  # rows of the coverage grid
}
# The coverage grid's cells, the same in every view; LEGEND says what they mean.
MARKS = {"states": "●", "differs": "≠", "silent": "○"}
LEGEND = "● states it, ≠ states another value, ○ silent"


def other_values(row: CoverageRow) -> list[tuple[str, list[int]]]:
    """The other values a row's reports give, each with its column numbers (from 1):
    [("more than 25 Russian attacks", [1])]."""
    found: dict[str, list[int]] = {}
    for number, cell in enumerate(row.cells, 1):
        if cell.state == "differs" and cell.text:
            found.setdefault(cell.text, []).append(number)
    return list(found.items())


def other_values_note(row: CoverageRow) -> str:
    """ "≠ 1: more than 25 Russian attacks; ≠ 3, 4: seven attacks" (or "")."""
    return "; ".join(
        f"{MARKS['differs']} {', '.join(map(str, numbers))}: {text}"
        for text, numbers in other_values(row)
    )


def denials(briefing: Briefing) -> list[tuple[str, Statement]]:
    """Every denial or rebuttal with the party making it, in the order of the positions."""
    return [(p.party, s) for p in briefing.positions for s in p.statements if s.denial]


@dataclass(frozen=True, slots=True)
class Support:
    counted: list[str]  # one id per original report, in the order given
    also: list[str]  # copies of a report already counted

    def label(self, names: Mapping[str, str] | None = None) -> str:
        """``"2: dup1, two (also in dup2)"``, each source by its name in ``names``."""
        return f"{len(self.counted)}: {self.names(names)}"

    def names(self, names: Mapping[str, str] | None = None) -> str:
        names = names or {}
        also = ", ".join(names.get(s, s) for s in self.also)
        shown = ", ".join(names.get(s, s) for s in self.counted)
        return shown + (f" (also in {also})" if also else "")


def source_name(source: SourceSummary) -> str:
    """The name readers see: the outlet, else the wire agency the text credits, else the id.

    An agency credit ("BEIRUT (AFP) -") says whose copy the text is, not who published it,
    so it is shown as "AFP (wire)", never as the outlet.
    """
    meta = source.meta
    if meta.get("outlet"):
        return meta["outlet"]
    if meta.get("agency"):
        return f"{meta['agency']} (wire)"
    return source.id


def source_names(briefing: Briefing) -> dict[str, str]:
    """Source id -> the name readers see; where two sources would share a name (two
    copies of AP wire stories), each gets its id after it: "AP (wire) · a.txt"."""
    names = {s.id: source_name(s) for s in briefing.sources}
    counts = Counter(names.values())
    return {i: (f"{n} · {i}" if counts[n] > 1 and n != i else n) for i, n in names.items()}


def originals(briefing: Briefing) -> dict[str, str]:
    """Source id -> the id of the report it copies (itself when it is an original)."""
    parent = {s.id: getattr(s, "duplicate_of", None) or s.id for s in briefing.sources}

    def root(source_id: str) -> str:
        seen = {source_id}
        while parent.get(source_id, source_id) != source_id:
            source_id = parent[source_id]
            if source_id in seen:  # a cycle would be a bug upstream; stop rather than loop
                break
            seen.add(source_id)
        return source_id

    return {source_id: root(source_id) for source_id in parent}


def support(sources: Sequence[str], roots: dict[str, str]) -> Support:
    """Split ``sources`` into one per original report and the copies of those."""
    counted: list[str] = []
    also: list[str] = []
    covered: set[str] = set()
    for source_id in dict.fromkeys(sources):  # each id once, in order
        report = roots.get(source_id, source_id)
        if report in covered:
            also.append(source_id)
        else:
            covered.add(report)
            counted.append(source_id)
    # The briefing cites an original once; its copies carry the same text all the same.
    also += [s for s, report in roots.items() if report in covered and s not in {*counted, *also}]
    return Support(counted, also)


def counted_sources(briefing: Briefing) -> int:
    """How many distinct reports the briefing reads (copies not counted)."""
    return len(set(originals(briefing).values()))


def split(items: Sequence[T], section: str, full: bool) -> tuple[list[T], list[T]]:
    """The entries shown at once, and the rest (none when ``full``)."""
    if full:
        return list(items), []
    limit = SHOWN[section]
    return list(items[:limit]), list(items[limit:])
