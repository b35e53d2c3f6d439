"""The data model every stage passes along.

A :class:`Document` is created by :mod:`accord.input`, filled in by :mod:`accord.clean`
(``text``, ``removed``) and :mod:`accord.analyse` (``sentences`` with their entities,
quantities and dates, and ``quotes``). A :class:`Cluster` holds the documents of one event
and, after :mod:`accord.align`, the groups of sentences that say the same thing.
:mod:`accord.compare` and :mod:`accord.summarise` read the cluster and produce the parts of
a :class:`Briefing`, which the renderers turn into JSON, Markdown, HTML or a terminal view.

Offsets (``start``/``end``) are character offsets into ``Document.text`` so that every
statement in a briefing can be traced back to the exact source sentence.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "1"

EntityKind = Literal["person", "organisation", "place", "group"]
FactKind = Literal["quantity", "date", "place", "person", "organisation"]
Qualifier = Literal[
    "exact", "at_least", "more_than", "at_most", "less_than", "approximately", "range"
]


@dataclass(slots=True)
class Removal:
    """A line or block that cleaning dropped, and why."""

    text: str
    reason: str


@dataclass(slots=True)
class Entity:
    """A named person, organisation, place or group mentioned in a sentence."""

    text: str
    kind: EntityKind
    key: str  # normalised name: variants of one name share a key ("Idleb" -> "idlib")
    start: int
    end: int


@dataclass(slots=True)
class Quantity:
    """A number with its qualifier turned into an interval, and what it counts.

    "at least 200 civilians" -> value 200, low 200, high None, qualifier "at_least",
    counted "civilians". ``low``/``high`` of None mean unbounded.
    """

    text: str
    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    counted: str  # head noun(s) of what is counted, lemmatised; "" when unknown
    start: int
    end: int
    event: str = ""  # the verb or noun the count belongs to ("killed", "attacks"), if found


@dataclass(slots=True)
class DateMention:
    """A calendar date or period; ``value`` is ISO-like and may be partial ("--11-29")."""

    text: str
    value: str
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """One sentence of a document, annotated by :mod:`accord.analyse`."""

    doc_id: str
    index: int  # position of the sentence in its document, from 0
    text: str
    start: int
    end: int
    paragraph: int = 0
    heading: bool = False  # a headline or subhead: a paragraph of its own, no final stop
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    @property
    def ref(self) -> SentenceRef:
        return SentenceRef(self.doc_id, self.index)


@dataclass(frozen=True, slots=True, order=True)
class SentenceRef:
    """Points at one sentence of one document."""

    doc_id: str
    index: int


@dataclass(slots=True)
class Quote:
    """A direct quotation and the speaker the article gives it to (None if unattributed).

    ``speaker`` is the name as the article gives it, titles stripped ("Gov. Rick Jones" ->
    "Rick Jones"), completed from an earlier full mention ("Jones" -> "Rick Jones") and
    with pronouns resolved; a description ("a spokesman") when that is all the article
    says; None when it names no one, which is better than a wrong name.
    """

    text: str
    speaker: str | None
    doc_id: str
    sentence_index: int
    start: int
    end: int


AttributionKind = Literal["direct", "indirect"]


@dataclass(slots=True)
class Attribution:
    """Who the article says says or thinks what: a claimant, a cue and a content.

    One per speech or cognition cue ("said", "told", "denied", "according to", "believes")
    of :mod:`accord.analyse.attribution`. ``kind`` is "direct" when the content is a
    quotation (it is then also a :class:`Quote`), "indirect" for reported speech
    ("Russia has denied killing civilians"). ``source`` is the claimant's name or
    description, normalised like ``Quote.speaker`` (None when the article does not say or
    a pronoun cannot be resolved); ``source_start``/``source_end`` are the offsets of the
    mention in the text ("he" for a resolved pronoun; both 0 when there is none). The
    cue and content offsets point into ``Document.text`` like every other offset.
    """

    kind: AttributionKind
    source: str | None
    cue: str
    content: str
    doc_id: str
    sentence_index: int
    cue_start: int
    cue_end: int
    content_start: int
    content_end: int
    source_start: int = 0
    source_end: int = 0
    source_kind: str = ""  # "person", "organisation", "place", "group", "role" or ""


@dataclass(slots=True)
class Document:
    """One source report, from raw input to annotated text."""

    id: str
    raw: str  # the input as read (text or HTML), before cleaning
    is_html: bool = False
    text: str = ""  # the cleaned text that every offset refers to
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)  # outlet, date, url, path
    removed: list[Removal] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)  # direct and indirect
    duplicate_of: str | None = None  # id of an earlier document with the same text

    def sentence(self, index: int) -> Sentence:
        return self.sentences[index]


@dataclass(slots=True)
class Cluster:
    """The documents of one event, and which of their sentences say the same thing."""

    documents: list[Document]
    # Each group lists sentences from different documents that state the same content.
    groups: list[list[SentenceRef]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def sentence(self, ref: SentenceRef) -> Sentence:
        return self.document(ref.doc_id).sentences[ref.index]

    def group_of(self, ref: SentenceRef) -> list[SentenceRef]:
        for group in self.groups:
            if ref in group:
                return group
        return [ref]


# --- the briefing ---------------------------------------------------------------------


@dataclass(slots=True)
class Evidence:
    """The source sentence that backs a statement."""

    source: str
    sentence: int
    text: str


@dataclass(slots=True)
class SummarySentence:
    text: str
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Fact:
    kind: FactKind
    text: str
    value: Any
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Variant:
    text: str
    value: Any
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Discrepancy:
    about: str
    kind: str  # "quantity", "place", "date", "speaker"
    variants: list[Variant]


@dataclass(slots=True)
class QuoteGroup:
    speaker: str | None
    text: str
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class SingleSourceClaim:
    text: str
    source: str
    sentence: int


@dataclass(slots=True)
class SourceSummary:
    """What the briefing says about one input source."""

    id: str
    title: str | None
    text: str
    removed: list[Removal]
    meta: dict[str, str]
    sentences: list[dict[str, int]]  # [{"start": .., "end": ..}] for highlighting
    duplicate_of: str | None = None


@dataclass(slots=True)
class Briefing:
    sources: list[SourceSummary]
    summary: list[SummarySentence]
    facts: list[Fact]
    quotes: list[QuoteGroup]
    discrepancies: list[Discrepancy]
    single_source: list[SingleSourceClaim]
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON structure (documented in the README)."""
        data = dataclasses.asdict(self)
        data["schema"] = SCHEMA_VERSION
        for source in data["sources"]:
            meta = source.pop("meta")
            source.update({k: v for k, v in meta.items() if v})
        return data
