"""The data model every stage passes along.

A :class:`Document` is created by :mod:`accord.ingest`, filled in by :mod:`accord.clean`
(``text``, ``removed``) and :mod:`accord.analyse` (``sentences`` with their entities,
quantities and dates, and ``quotes``). A :class:`Cluster` holds the documents of one event
and, after :mod:`accord.align`, the groups of sentences that say the same thing.
:mod:`accord.compare` and :mod:`accord.summarise` read the cluster and produce the parts of
a :class:`Briefing`, which the renderers turn into JSON, Markdown, HTML or a terminal view.

Offsets (``start``/``end``) are character offsets into ``Document.text`` so that every
statement in a briefing can be traced back to the exact source sentence.
"""

from __future__ import annotations

import copy
import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

# 2: facts and variants carry a claimant; quotes their speakers. 3: the story page (source
# metadata from plain text: outlet, agency, author, date; headline, key points, timeline;
# see the README's schema section; positions, the coverage grid, summary claimants)
SCHEMA_VERSION = "3"
DEFAULT_WORDS = 250  # the summary budget everywhere a caller gives none

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


DateBound = Literal["", "start", "end"]


@dataclass(slots=True)
class DateMention:
    """A calendar date or period; ``value`` is ISO-like and may be partial ("--11-29").

    ``value`` is the date *as stated*: a relative expression keeps a value of its own kind
    ("tuesday" for a weekday, "last week", "earlier this month") that
    :func:`accord.analyse.dates.compatible` never sets against a calendar date, so that
    comparing sources never depends on their publication days. ``relative`` marks those.
    ``resolved`` is the date placed against the article's own date where that is known
    ("tuesday" in an article of Thursday 3 December 2015 -> "2015-12-01"; "last week" ->
    "2015-11-23/2015-11-29", an ISO interval), or completed with its year ("--09-30" ->
    "2015-09-30"); None where it cannot be placed. ``bound`` says whether the date opens
    or closes a period ("from 1967 to 1979", "since March 2011", "up to 29 November").
    """

    text: str
    value: str
    start: int
    end: int
    relative: bool = False
    resolved: str | None = None
    bound: DateBound = ""
    # the lemma of the verb the date is the date of ("arrest" in "was arrested on
    # Friday"), from the dependency parse, if found; compared, never shown
    event: str = ""
    # what that verb acts on, from the parse: the lemma of its object or passive subject
    # ("body" in "the body was found Tuesday"; "brief" in "the brief filed Friday"),
    # "dead" for a find of someone dead ("dead mother" where a noun says who, "dead uncle"
    # for "the body of his uncle"), "2 people" for a group arrested, "" where none
    argument: str = ""
    # whether that verb tells a plan, not an act done: "will be sentenced Monday",
    # "remanded to appear in court on Monday" (a modal, or an infinitive), from the parse
    planned: bool = False


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
    # Stemmed content words in order (accord.analyse.terms.content_terms), computed once by
    # analyse: alignment, support, claims and roles all compare sentences by them.
    terms: tuple[str, ...] = ()

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
    whole mention in the text, titles, role and apposition included ("White House
    spokesman Josh Earnest"; "he" for a resolved pronoun, "who" for a relative; both 0
    when there is none). The cue and content offsets point into ``Document.text`` like
    every other offset.
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
    # outlet, agency, author, date (ISO), url, path: only what the input states (provenance)
    meta: dict[str, str] = field(default_factory=dict)
    removed: list[Removal] = field(default_factory=list)
    # the span of ``text`` that is its dateline ("KELMOUTH (Reuters) -"): where the copy was
    # filed and whose it is, not the story (clean; facts leave its names out)
    dateline: tuple[int, int] | None = None
    sentences: list[Sentence] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)  # direct and indirect
    duplicate_of: str | None = None  # id of an earlier document with the same text

    def sentence(self, index: int) -> Sentence:
        return self.sentences[index]


# Similarities of a sentence space (see SentenceSpace.similarities): every pair with a term
# in common is kept up to EXACT_SENTENCES sentences; past that, the matrix is computed in
# blocks of rows and each sentence keeps only its NEIGHBOURS most similar sentences at or
# above FLOOR (the lowest similarity any stage asks about: counts of one noun compare at
# 0.05), so memory grows with the sentences, not with their square.
EXACT_SENTENCES = 3_000
FLOOR = 0.05
NEIGHBOURS = 200
BLOCK_CELLS = 4_000_000  # dense cells of one block of rows (32 MB)


@dataclass(slots=True)
class SentenceSpace:
    """Every sentence of a cluster as a unit-length TF-IDF vector, with its reference.

    Built by :mod:`accord.align`; compare and summarise ask it which sentences are alike.
    Vectors and similarities are sparse (scipy CSR): two sentences with no term in common
    have similarity 0 and cost nothing, so a cluster of hundreds of sources fits.
    """

    refs: list[SentenceRef]
    vectors: Any  # scipy.sparse.csr_matrix (sentences x terms), unit rows
    _similarities: Any = field(default=None, repr=False, compare=False)
    _positions: dict[SentenceRef, int] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def empty(cls) -> SentenceSpace:
        from scipy import sparse

        return cls([], sparse.csr_matrix((0, 0)))

    def similarities(self) -> Any:
        """Cosine similarity of the sentence pairs (CSR, sorted indices, symmetric, the
        diagonal included), computed once: every stage asks. Pairs not stored are 0 (or,
        past ``EXACT_SENTENCES``, below ``FLOOR`` or beyond each sentence's
        ``NEIGHBOURS`` nearest)."""
        if self._similarities is None:
            self._similarities = _similarities(self.vectors)
        return self._similarities

    def row(self, i: int) -> np.ndarray:
        """Similarities of sentence ``i`` to every sentence, dense."""
        sims = self.similarities()
        out = np.zeros(sims.shape[1])
        lo, hi = sims.indptr[i], sims.indptr[i + 1]
        out[sims.indices[lo:hi]] = sims.data[lo:hi]
        return out

    def values(self, i: int, columns: np.ndarray) -> np.ndarray:
        """Similarities of sentence ``i`` to the sentences ``columns`` (an int array)."""
        sims = self.similarities()
        lo, hi = sims.indptr[i], sims.indptr[i + 1]
        indices, data = sims.indices[lo:hi], sims.data[lo:hi]
        at = np.searchsorted(indices, columns)
        found = at < len(indices)
        found[found] = indices[at[found]] == columns[found]
        out = np.zeros(len(columns))
        out[found] = data[at[found]]
        return out

    def index(self, ref: SentenceRef) -> int:
        if self._positions is None:
            self._positions = {r: k for k, r in enumerate(self.refs)}
        if ref not in self._positions:
            raise ValueError(f"{ref} is not in the sentence space")
        return self._positions[ref]


def _similarities(vectors: Any) -> Any:
    """See :meth:`SentenceSpace.similarities`."""
    from scipy import sparse

    n = vectors.shape[0]
    if n <= EXACT_SENTENCES:
        sims = sparse.csr_matrix(vectors @ vectors.T)
    else:
        transposed = sparse.csr_matrix(vectors.T)
        step = max(1, BLOCK_CELLS // n)
        blocks = []
        for start in range(0, n, step):
            block = (vectors[start : start + step] @ transposed).toarray()
            block[block < FLOOR] = 0.0
            if block.shape[1] > NEIGHBOURS:  # each row's nearest (itself first: 1.0)
                cut = np.partition(block, -NEIGHBOURS, axis=1)[:, -NEIGHBOURS][:, None]
                block[block < cut] = 0.0
            blocks.append(sparse.csr_matrix(block))
        kept = sparse.vstack(blocks, format="csr")
        sims = kept.maximum(kept.T).tocsr()  # a pair kept by either of its two sentences
    sims.sort_indices()
    sims.data.setflags(write=False)  # shared: no caller may change it
    return sims


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence, lower-cased, with its character offsets in the document."""

    text: str
    start: int
    end: int


Opcode = tuple[str, int, int, int, int]  # difflib's (tag, i1, i2, j1, j2) over tokens


@dataclass(slots=True)
class StatementPair:
    """Two sentences of different sources that may state the same thing.

    ``parallel`` is difflib's ratio over their words (1.0: the same words in the same
    order); wire copies and lightly edited rewrites score high even when one number,
    place or date was changed, which TF-IDF alone would not notice. ``changes`` lists the
    spans of words one replaced by the other, as (start, end) document offsets on each side;
    ``tokens_a``/``tokens_b`` and ``opcodes`` are the word diff itself, kept so that no later
    stage diffs the pair again.
    """

    a: SentenceRef
    b: SentenceRef
    similarity: float
    parallel: float
    changes: list[tuple[tuple[int, int], tuple[int, int]]]
    containment: float = 0.0  # share of the shorter sentence's content words in the other
    tokens_a: list[Token] = field(default_factory=list, repr=False)
    tokens_b: list[Token] = field(default_factory=list, repr=False)
    opcodes: list[Opcode] = field(default_factory=list, repr=False)


@dataclass(slots=True)
class Cluster:
    """The documents of one event, annotated stage by stage.

    ``prepare`` (clean + analyse) fills the documents; :mod:`accord.align` fills ``space``,
    ``groups`` and ``pairs``; :mod:`accord.compare` fills ``quotes``, ``discrepancies``,
    ``facts``, ``single_source`` and ``positions``; :mod:`accord.summarise` fills
    ``summary``, ``headline``, ``key_points``, ``timeline`` and ``coverage``. A
    :class:`Briefing` is the public view of a finished cluster.
    """

    documents: list[Document]
    notes: list[str] = field(default_factory=list)
    space: SentenceSpace = field(default_factory=SentenceSpace.empty)
    # Each group lists sentences from different documents that state the same content.
    groups: list[list[SentenceRef]] = field(default_factory=list)
    # Sentence pairs across sources similar enough to compare slot by slot.
    pairs: list[StatementPair] = field(default_factory=list)
    quotes: list[QuoteGroup] = field(default_factory=list)
    discrepancies: list[Discrepancy] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    single_source: list[SingleSourceClaim] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)  # compare: who says what
    coverage: Coverage | None = None  # summarise: which outlet states which key point
    headline: Headline | None = None
    key_points: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    # compare: every claimant resolved to a party (accord.compare.parties.Parties, typed
    # loosely: the model imports no stage), which summarise names its claimants by
    parties: Any = field(default=None, repr=False, compare=False)

    def document(self, doc_id: str) -> Document:
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)

    def sentence(self, ref: SentenceRef) -> Sentence:
        return self.document(ref.doc_id).sentences[ref.index]

    def sentences(self) -> list[Sentence]:
        """Every sentence of every document, in input order."""
        return [s for d in self.documents for s in d.sentences]

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

    @property
    def ref(self) -> SentenceRef:
        return SentenceRef(self.source, self.sentence)


@dataclass(slots=True)
class SummarySentence:
    """A summary sentence, the sources stating it, and who they say claims it.

    ``claimants`` are the parties (canonical names) that a citing source gives the
    sentence's claim to ("Amnesty International said …"); empty when every source states
    it in its own voice.
    """

    text: str
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class QuantityValue:
    """A figure as a value and an interval: "more than 25" -> 25, low 25, high None."""

    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier


@dataclass(frozen=True, slots=True)
class CountValue:
    """A figure and what it counts: the value of a quantity fact."""

    value: float
    low: float | None
    high: float | None
    qualifier: Qualifier
    counted: str


# Dates are ISO-like strings ("2015-11-29", "--11-29"), places, people and organisations
# their normalised keys, speakers the name as written.
FactValue = CountValue | str
VariantValue = QuantityValue | str | None


@dataclass(slots=True)
class Fact:
    kind: FactKind
    text: str
    value: FactValue
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    claimant: str | None = None  # who a source says states it ("Amnesty International")


@dataclass(slots=True)
class Variant:
    text: str
    value: VariantValue
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    claimant: str | None = None  # who a source says states this value, where it says


@dataclass(slots=True)
class Discrepancy:
    about: str
    kind: str  # "quantity", "place", "date", "speaker"
    variants: list[Variant]


@dataclass(slots=True)
class QuoteGroup:
    """One quotation however many sources carry it, given to its fullest named speaker.

    ``speakers`` says who each source gives it to: one :class:`Variant` per speaker (its
    ``text`` and ``value`` the name, or "" and None where a source names no one); two named
    variants are a speaker discrepancy.
    """

    speaker: str | None
    text: str
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    speakers: list[Variant] = field(default_factory=list)


StatementKind = Literal["direct", "indirect"]


@dataclass(slots=True)
class Answered:
    """The claim a denial answers: another party's statement sharing its topic words, or
    only that party where the denial names it but no statement of it fits."""

    party: str
    text: str | None
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Statement:
    """One thing a party says, however many sources carry it.

    ``text`` is the quotation (``kind`` "direct") or the reported speech ("indirect") as a
    source words it; ``speaker`` is who the source gives it to, when that is someone
    speaking for the party ("Igor Konashenkov" for the defence ministry); ``denial`` marks
    a denial or rebuttal ("denied killing civilians", "full of lies"), with ``answers``
    the claim it answers when one can be told.
    """

    text: str
    kind: StatementKind
    cue: str
    speaker: str
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    denial: bool = False
    answers: Answered | None = None


@dataclass(slots=True)
class Position:
    """What one party (a person, organisation, group, country or role) says in the cluster.

    ``party`` is its canonical name; ``speakers`` the people the sources say speak for it
    ("Philip Luther, director … at Amnesty International"); ``sources`` every source that
    carries a statement of it.
    """

    party: str
    kind: str  # "person", "organisation", "group", "place" or "role"
    statements: list[Statement]
    sources: list[str]
    speakers: list[str] = field(default_factory=list)


CoverageState = Literal["states", "differs", "silent"]


@dataclass(slots=True)
class CoverageColumn:
    """One report (copies of it counted once, named in ``also``) and its outlet label."""

    source: str
    label: str  # the outlet where the source's metadata names one, else the source id
    also: list[str] = field(default_factory=list)


@dataclass(slots=True)
class CoverageCell:
    """What one report says about one row: the row's value, another value, or nothing."""

    source: str
    state: CoverageState
    text: str = ""  # the value as this report states it ("" when silent)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class CoverageRow:
    """A key fact or claim of the story, and each report's cell for it.

    ``kind`` is "discrepancy" (``discrepancy`` is then its index in the briefing's
    discrepancies, and cells that state another variant are "differs"), "fact" or "claim"
    (a summary sentence).
    """

    kind: Literal["discrepancy", "fact", "claim"]
    about: str
    text: str
    cells: list[CoverageCell]
    claimant: str | None = None
    discrepancy: int | None = None


@dataclass(slots=True)
class Coverage:
    """The coverage grid: the story's key facts and claims by report."""

    columns: list[CoverageColumn]
    rows: list[CoverageRow]


HeadlineKind = Literal["title", "lead"]


@dataclass(slots=True)
class Headline:
    """The briefing's headline: one source's title, chosen, never written.

    ``kind`` is "title" (a ``Document.title``, minus its outlet's name where the title ends
    with it) or "lead" (where no source has a title: the most representative opening
    sentence, lightly compressed, with its ``evidence``). ``sources`` are the sources that
    carry this title or state that sentence.
    """

    text: str
    kind: HeadlineKind
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)


TimelineKind = Literal["event", "period", "response"]


@dataclass(slots=True)
class TimelineEvent:
    """One event of the story's timeline, however many sources date it.

    ``date`` is the value the event is placed by: the most precise date its sources give,
    resolved against the article's date where that is known ("2015-12-02"), otherwise as
    stated ("--09-30", "wednesday", "last week"); ``until`` the end of a period ("from 30
    September to 29 November"), ``date`` then its start (None for "up to 29 November").
    ``when`` is the date as a reader sees it ("30 September", "Wednesday",
    "30 September to 29 November"); ``stated`` is True where the date could not be placed
    on the calendar (a weekday or "last week" in an article of unknown date): such events
    come after the dated ones, in the order their words give. A "response" (a denial or
    rejection of what the story reports) has no date of its own: it follows the event it
    answers. ``text`` is a source sentence, lightly compressed; ``evidence`` one sentence
    per source. Where sources date the event differently, ``dates`` holds one
    :class:`Variant` per date and ``discrepancy`` the position of that date discrepancy
    in the briefing's ``discrepancies``.
    """

    when: str
    date: str | None
    text: str
    sources: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    kind: TimelineKind = "event"
    until: str | None = None
    stated: bool = False
    dates: list[Variant] = field(default_factory=list)
    discrepancy: int | None = None


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

    @classmethod
    def of(cls, doc: Document) -> SourceSummary:
        return cls(
            id=doc.id,
            title=doc.title,
            text=doc.text,
            removed=doc.removed,
            meta=dict(doc.meta),
            sentences=[{"start": s.start, "end": s.end} for s in doc.sentences],
            duplicate_of=doc.duplicate_of,
        )


@dataclass(slots=True)
class Briefing:
    """What Accord tells a reader about one event: the public view of a briefed cluster.

    ``summary`` sentences cite every source that states them; ``facts`` list each value
    with the sources stating it; ``discrepancies`` the values sources give differently;
    ``quotes`` who said what; ``single_source`` what only one source claims; ``headline``
    (one source's title), ``key_points`` (3 to 5 cited sentences) and ``timeline`` (the
    dated events in order) open the story page; ``positions`` what each party says,
    denials beside the claims they answer; ``coverage`` which report states each key fact
    and claim. ``to_dict()``
    is the JSON structure documented in the README; ``render(fmt)`` gives Markdown, HTML,
    JSON or the terminal's text.
    """

    sources: list[SourceSummary]
    summary: list[SummarySentence]
    facts: list[Fact]
    quotes: list[QuoteGroup]
    discrepancies: list[Discrepancy]
    single_source: list[SingleSourceClaim]
    notes: list[str] = field(default_factory=list)
    headline: Headline | None = None
    key_points: list[SummarySentence] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    coverage: Coverage | None = None

    @classmethod
    def of(cls, cluster: Cluster) -> Briefing:
        """The briefing of a cluster that every stage has annotated."""
        return cls(
            sources=[SourceSummary.of(d) for d in cluster.documents],
            summary=cluster.summary,
            facts=cluster.facts,
            quotes=cluster.quotes,
            discrepancies=cluster.discrepancies,
            single_source=cluster.single_source,
            notes=cluster.notes,
            headline=cluster.headline,
            key_points=cluster.key_points,
            timeline=cluster.timeline,
            positions=cluster.positions,
            coverage=cluster.coverage,
        )

    def to_dict(self) -> dict[str, Any]:
        """The public JSON structure (documented in the README)."""
        data = plain(self)
        data["schema"] = SCHEMA_VERSION
        for source in data["sources"]:
            meta = source.pop("meta")
            source.update({k: v for k, v in meta.items() if v})
        return data

    def render(self, fmt: Literal["json", "md", "html", "text"] = "md") -> str:
        """The briefing as JSON, Markdown, one self-contained HTML page or terminal text."""
        from accord.render import render  # the renderers read the model, not the reverse

        return render(self, fmt)


_ATOMS = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def plain(obj: Any) -> Any:
    """What :func:`dataclasses.asdict` gives for ``obj`` (dataclasses as dicts of their
    fields in order, lists, tuples and dicts rebuilt, anything else deep-copied), without
    its cost: the plain values a briefing is made of are returned as they are (they are
    immutable) and each class's field names are looked up once, not once an object.
    Writing a briefing as JSON took as long as a stage of the pipeline."""
    kind = type(obj)
    if kind in _ATOMS:
        return obj
    names = _FIELD_NAMES.get(kind)
    if names is None and dataclasses.is_dataclass(kind):
        names = _FIELD_NAMES.setdefault(kind, tuple(f.name for f in dataclasses.fields(kind)))
    if names is not None:
        return {name: plain(getattr(obj, name)) for name in names}
    if kind is list:
        return [plain(item) for item in obj]
    if kind is dict:
        return {plain(key): plain(value) for key, value in obj.items()}
    # the rarer containers as dataclasses.asdict rebuilds them
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):  # a named tuple
        return kind(*[plain(item) for item in obj])
    if isinstance(obj, list | tuple):
        return kind(plain(item) for item in obj)
    if isinstance(obj, dict):
        if hasattr(obj, "default_factory"):
            rebuilt = kind(obj.default_factory)
            for key, value in obj.items():
                rebuilt[plain(key)] = plain(value)
            return rebuilt
        return kind((plain(key), plain(value)) for key, value in obj.items())
    return copy.deepcopy(obj)
