"""The coverage grid: for each key fact and claim, what each report says about it.

Rows are the story's key points: every discrepancy (where reports part ways), the facts
(figures and dated events) that two or more reports state or that the summary cites, and
the summary's claims. Columns are the reports, a wire copy counted once with its
original (``also``). Each cell says whether the report *states* the row's value (with
its sentence), *differs* (states another variant of the discrepancy, with its sentence)
or is *silent*. It is made after the summary, whose claims are rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from accord.analyse.terms import content_terms
from accord.compare.citations import dissent
from accord.compare.support import evidence
from accord.model import (
    Cluster,
    Coverage,
    CoverageCell,
    CoverageColumn,
    CoverageRow,
    Discrepancy,
    Evidence,
    Fact,
    QuantityValue,
    Sentence,
    SentenceRef,
    SummarySentence,
    Variant,
)

TOP_CLAIMS = 5  # summary claims shown before the facts; the rest follow them
DATED = re.compile(r"-\d\d-\d\d$")  # a date with its day: "2015-09-30", "--11-29"


def _columns(cluster: Cluster) -> list[CoverageColumn]:
    """One column per original report, its copies named in ``also``."""
    columns: list[CoverageColumn] = []
    by_id: dict[str, CoverageColumn] = {}
    for doc in cluster.documents:
        original = by_id.get(doc.duplicate_of or "")  # a copy's copy joins the same column
        if original is not None:
            original.also.append(doc.id)
            by_id[doc.id] = original
            continue
        # the name readers see: the outlet, else the wire agency the text credits, else the id
        agency = doc.meta.get("agency")
        label = doc.meta.get("outlet") or (f"{agency} (wire)" if agency else doc.id)
        column = CoverageColumn(doc.id, label)
        columns.append(column)
        by_id[doc.id] = column
    return columns


def _owner(columns: list[CoverageColumn]) -> dict[str, str]:
    """Source id -> the column (original report) it belongs to."""
    return {s: c.source for c in columns for s in (c.source, *c.also)}


def _first(evidence: list[Evidence], column: str, owner: dict[str, str]) -> list[Evidence]:
    return [e for e in evidence if owner.get(e.source) == column][:1]


SAME_CONTEXT = 1  # content words a restating sentence shares with the variant's sentences
LONG_VALUE = 3  # words of a value as written that say enough on their own


@dataclass(frozen=True, slots=True)
class _Value:
    """A variant's words, computed once per row rather than once per sentence compared."""

    wanted: str  # the value as written, lower-cased
    terms: frozenset[str]  # its content terms
    contexts: tuple[frozenset[str], ...]  # each stating sentence's terms, the value's out

    @classmethod
    def of(cls, variant: Variant) -> _Value:
        terms = frozenset(content_terms(variant.text))
        contexts = tuple(frozenset(content_terms(e.text)) - terms for e in variant.evidence)
        return cls(variant.text.lower(), terms, contexts)


def _states(sentence: Sentence, variant: Variant, value: _Value | None = None) -> bool:
    """Whether a sentence gives a variant's value in the same context: its words as
    written, or the same figure of the same thing ("six attacks in Homs" / "focused on
    six attacks"), with words around it in common with a sentence stating the variant
    (the same figure may count something else elsewhere in a report). ``value``: the
    variant's words, when the caller has them already."""
    value = value or _Value.of(variant)
    written = bool(variant.text) and value.wanted in sentence.text.lower()
    if written and len(variant.text.split()) >= LONG_VALUE:
        return True  # "Homs, Hama, Idlib, Latakia and Aleppo"
    around = set(sentence.terms) - value.terms
    if not any(len(around & context) >= SAME_CONTEXT for context in value.contexts):
        return False
    if written:
        return True
    if not isinstance(variant.value, QuantityValue):
        return False
    quantity = variant.value
    interval = (quantity.value, quantity.low, quantity.high, quantity.qualifier)
    return any(
        (q.value, q.low, q.high, q.qualifier) == interval
        and q.counted
        and all(word in value.wanted for word in q.counted.split())
        for q in sentence.quantities
    )


class _Sentences:
    """The cluster's sentences by content term and their lower-cased texts, built once
    per grid: a report's sentences that may restate a variant are looked up, not all
    compared (issue 14: the grid is reports x rows)."""

    def __init__(self, cluster: Cluster) -> None:
        self.by_term: dict[str, list[tuple[str, int]]] = {}  # -> (doc id, sentence position)
        self.lowered: dict[str, tuple[str, int]] = {}  # doc id -> (its text lower-cased, sentences)
        for doc in cluster.documents:
            for position, sentence in enumerate(doc.sentences):
                for term in dict.fromkeys(sentence.terms):
                    self.by_term.setdefault(term, []).append((doc.id, position))
            text = "\n".join(s.text.lower() for s in doc.sentences)
            self.lowered[doc.id] = (text, len(doc.sentences))

    def candidates(self, value: _Value, long: bool) -> dict[str, list[int]]:
        """Doc id -> positions (in order) of the sentences :func:`_states` may accept: those
        with a term of a stating sentence's context (``SAME_CONTEXT`` >= 1, so a sentence
        with none fails), and for a long value every sentence of a report that contains it
        as written (a superset is safe: each candidate is still checked)."""
        found: dict[str, set[int]] = {}
        for term in frozenset().union(*value.contexts):
            for doc_id, position in self.by_term.get(term, ()):
                found.setdefault(doc_id, set()).add(position)
        if long and value.wanted:
            for doc_id, (text, count) in self.lowered.items():
                if value.wanted in text:
                    found.setdefault(doc_id, set()).update(range(count))
        return {doc_id: sorted(positions) for doc_id, positions in found.items()}


def _restated(
    cluster: Cluster,
    column: CoverageColumn,
    variants: list[tuple[Variant, _Value, dict[str, list[int]]]],
    main: Variant,
) -> CoverageCell | None:
    """The cell of a report the detector did not list under any variant but whose text
    states one of them all the same (``variants``: each with its words and candidate
    sentences, see :class:`_Sentences`)."""
    doc = cluster.document(column.source)
    for variant, value, candidates in variants:
        for position in candidates.get(doc.id, ()):
            sentence = doc.sentences[position]
            if _states(sentence, variant, value):
                state = "states" if variant is main else "differs"
                return CoverageCell(column.source, state, variant.text, [evidence(sentence)])
    return None


def _discrepancy_row(
    cluster: Cluster,
    index: int,
    discrepancy: Discrepancy,
    columns: list[CoverageColumn],
    owner: dict[str, str],
    lookup: _Sentences,
) -> CoverageRow:
    # The value most reports give is the row's; the others "differ" from it.
    main = max(discrepancy.variants, key=lambda v: len({owner.get(s, s) for s in v.sources}))
    variants = [main, *(v for v in discrepancy.variants if v is not main)]
    looked_up = []
    for variant in variants:
        value = _Value.of(variant)
        long = bool(variant.text) and len(variant.text.split()) >= LONG_VALUE
        looked_up.append((variant, value, lookup.candidates(value, long)))
    cells = []
    for column in columns:
        cell = CoverageCell(column.source, "silent")
        for variant in variants:
            if any(owner.get(s) == column.source for s in variant.sources):
                state = "states" if variant is main else "differs"
                found = _first(variant.evidence, column.source, owner)
                cell = CoverageCell(column.source, state, variant.text, found)
                break
        else:
            cell = _restated(cluster, column, looked_up, main) or cell
        cells.append(cell)
    return CoverageRow(
        "discrepancy", discrepancy.about, main.text, cells, main.claimant, discrepancy=index
    )


def _in_discrepancy(fact: Fact, discrepancies: list[Discrepancy]) -> bool:
    """A fact that is one variant of a discrepancy is shown as that discrepancy's row."""
    text = fact.text.lower()
    return any(
        text in v.text.lower() or v.text.lower() in text
        for d in discrepancies
        for v in d.variants
        if v.text
    )


def _fact_rows(
    cluster: Cluster, columns: list[CoverageColumn], owner: dict[str, str]
) -> list[CoverageRow]:
    cited = {e.ref for s in cluster.summary for e in s.evidence}
    rows = []
    for fact in cluster.facts:
        dated = fact.kind == "date" and DATED.search(str(fact.value))
        if fact.kind != "quantity" and not dated:
            continue
        reports = {owner.get(s, s) for s in fact.sources}
        if len(reports) < 2 and not any(e.ref in cited for e in fact.evidence):
            continue
        if _in_discrepancy(fact, cluster.discrepancies):
            continue
        cells = [
            CoverageCell(c.source, "states", fact.text, _first(fact.evidence, c.source, owner))
            if c.source in reports
            else CoverageCell(c.source, "silent")
            for c in columns
        ]
        rows.append(CoverageRow("fact", fact.kind, fact.text, cells, fact.claimant))
    return rows


def _claim_row(
    cluster: Cluster,
    sentence: SummarySentence,
    columns: list[CoverageColumn],
    owner: dict[str, str],
    against: dict[SentenceRef, set[str]],
) -> CoverageRow:
    stating = {owner.get(s, s) for s in sentence.sources}
    differing = {owner.get(s, s) for e in sentence.evidence for s in against.get(e.ref, ())}
    refs = {e.ref for e in sentence.evidence}
    linked = next(
        (
            n
            for n, d in enumerate(cluster.discrepancies)
            if any(e.ref in refs for v in d.variants for e in v.evidence)
            and any(owner.get(s) in differing for v in d.variants for s in v.sources)
        ),
        None,
    )
    cells = []
    for column in columns:
        if column.source in stating:
            found = _first(sentence.evidence, column.source, owner)
            cells.append(CoverageCell(column.source, "states", sentence.text, found))
        elif column.source in differing and linked is not None:
            variant = next(
                (
                    v
                    for v in cluster.discrepancies[linked].variants
                    if any(owner.get(s) == column.source for s in v.sources)
                ),
                None,
            )
            text = variant.text if variant else ""
            found = _first(variant.evidence, column.source, owner) if variant else []
            cells.append(CoverageCell(column.source, "differs", text, found))
        else:
            cells.append(CoverageCell(column.source, "silent"))
    claimant = sentence.claimants[0] if len(sentence.claimants) == 1 else None
    return CoverageRow("claim", "claim", sentence.text, cells, claimant, discrepancy=linked)


def coverage(cluster: Cluster) -> Coverage:
    """The grid of a summarised cluster: discrepancies, the top summary claims, the facts
    many reports state, then the other summary claims."""
    columns = _columns(cluster)
    owner = _owner(columns)
    against = dissent(cluster.discrepancies)
    lookup = _Sentences(cluster)
    rows = [
        _discrepancy_row(cluster, n, d, columns, owner, lookup)
        for n, d in enumerate(cluster.discrepancies)
    ]
    claims = [_claim_row(cluster, s, columns, owner, against) for s in cluster.summary]
    rows += claims[:TOP_CLAIMS]
    rows += _fact_rows(cluster, columns, owner)
    rows += claims[TOP_CLAIMS:]
    return Coverage(columns=columns, rows=rows)
