"""Timeline: the story's dated events across every source, in order.

Each date mention of :mod:`accord.analyse.dates` that dates an event becomes a candidate:
a point ("on 30 September"), a period (both ends of "between 30 September and 29
November", or one: "up to 29 November") or, without a date, a *response* to what the
story reports ("Russia dismissed the report as lies"). Not events: the day a statement
was made where that is the article's own day or cannot be told ("said on Tuesday"), the
article's dateline, birthdays ("born on 3 May 1950"), and a month a more precise date of
the same sentence already gives.

Candidates from different sentences merge into one event when their dates can name the
same day (:func:`accord.analyse.dates.compatible`, resolved values where both have one)
and the sentences state the same thing: aligned together, similar enough, or the word
each date follows stands by the other ("began its campaign ... on 30 September" /
"the campaign began at the end of September"). Events that a date discrepancy of the
cross-check ties together are merged and marked: ``dates`` says how each source dates
the event and ``discrepancy`` points at the discrepancy. The timeline never resolves a
date itself and never compares resolved values of different articles to mark a
difference: only the cross-check marks differences, on stated values.

Order: calendar dates with a year (stated or resolved) first, by day; then dates
without a year by month and day (news gives the year only for the past, so these are
the story's own year, after the years it names); then what could not be placed
("last week", "earlier this week", "Tuesday"), in the order their words give; a response
follows the latest event whose sentences name what it answers ("the report").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from accord.analyse.dates import (
    MONTH_DAY_VALUE,
    WEEKDAYS,
    article_date,
    compatible,
    interval,
    parts,
)
from accord.compare.dates import dated_word, event_words, reported_on, same_event
from accord.compare.support import canonical_sources, evidence
from accord.model import (
    Cluster,
    DateMention,
    Document,
    Sentence,
    SentenceRef,
    TimelineEvent,
    TimelineKind,
    Variant,
)
from accord.summarise.compress import compress

# TF-IDF cosine above which two sentences with compatible dates state one event; below
# it, two sentences dated the same day merge only at ``SAME_DAY_SIMILARITY``.
MERGE_SIMILARITY = 0.3
SAME_DAY_SIMILARITY = 0.1
# A photo caption glued to the text: it dates a picture, not an event of the story.
CAPTION = re.compile(
    r"\b(?:file\s+photo\b|frame\s+grab\b|photo:|\(ap\s+photo|ap\s+photo/|afp\s+photo|reuters/|getty\s+images|"
    r"is\s+(?:pictured|displayed|seen\s+here)|pictured\s+(?:here|above|below|on)|"
    r"in\s+this\s+(?:[\w.,'’-]+\s+){0,5}(?:photo|image|picture)\b|image\s+caption|photograph)",
    re.I,
)
# A weekday that only names the day of the date after it: "on Friday, Aug. 10, 2012".
WEEKDAY_OF_DATE = re.compile(r"^\s*,?\s*$")
BORN = re.compile(r"\b(?:born|b\.|birthday)\s+(?:on\s+|in\s+)?$", re.I)
# A response to what the story reports: a denial, rejection or comment on the report,
# the allegations, the decision ... ("dismissed the report as lies", "no immediate comment").
ANSWERED = (
    r"(?:report|allegations?|accusations?|charges|claims|findings|criticism|decision|"
    r"ruling|verdict|announcement|statement|proposal|plan|move|deal|law|bill)"
)
RESPONSE = re.compile(
    r"\b(?:rejected|rejects|dismissed|dismisses|denied|denies|refuted|rebuffed|condemned|"
    r"critici[sz]ed|welcomed|praised|hailed|slammed|responded\s+to|reacted\s+to|"
    r"hit\s+back\s+at|brushed\s+off|(?:after|before|when)\s+(?:reviewing|reading|"
    r"seeing|studying|asked\s+about|asked\s+by\s+\w+\s+to\s+comment\s+on))"
    rf"\s+(?:[\w'’-]+\s+){{0,3}}?(?:the|this|that|these|those|such|its|their)\s+"
    rf"(?:[\w'’-]+\s+){{0,3}}?(?P<answered>{ANSWERED})\b"
    r"|\b(?P<comment>no\s+immediate\s+comment|declined\s+to\s+comment|"
    r"did\s+not\s+(?:immediately\s+)?respond\s+to\s+(?:a\s+)?requests?\s+for\s+comment)\b",
    re.I,
)
# Unplaced relative dates in the order their words give (earliest first).
RELATIVE_RANK = (
    (re.compile(r"years?\s+ago|last\s+year|this\s+year|earlier\s+this\s+year"), 0),
    (re.compile(r"months?\s+ago|last\s+month|this\s+month"), 1),
    (re.compile(r"weeks?\s+ago|last\s+week\b"), 2),
    (re.compile(r"this\s+week\b|last\s+weekend|this\s+weekend"), 3),
    (re.compile("|".join(WEEKDAYS)), 4),
    (re.compile(r"day\s+before\s+yesterday"), 5),
    (re.compile(r"yesterday"), 6),
    (re.compile(r"next|tomorrow|later"), 8),
)


@dataclass(slots=True)
class _Candidate:
    """One source sentence dating one event (or answering one)."""

    sentence: Sentence
    kind: TimelineKind
    start: DateMention | None
    end: DateMention | None = None
    answered: str = ""  # for a response: what it answers ("report")


@dataclass(slots=True)
class _Event:
    members: list[_Candidate] = field(default_factory=list)
    discrepancy: int | None = None

    @property
    def kind(self) -> TimelineKind:
        return self.members[0].kind


def _key(mention: DateMention | None) -> str | None:
    """The value an event is placed and compared by: resolved where known, else stated."""
    if mention is None:
        return None
    return mention.resolved or mention.value


def _compatible(a: DateMention | None, b: DateMention | None) -> bool:
    """Whether two mentions can name the same day; a missing end matches any end."""
    if a is None or b is None:
        return True
    if a.resolved and b.resolved:
        ia, ib = interval(a.resolved), interval(b.resolved)
        if ia and ib:
            return ia[0] <= ib[1] and ib[0] <= ia[1]
    if a.relative != b.relative:
        return False  # "last week" and "30 September": cannot tell, so not one event
    return compatible(a.value, b.value)


def _is_day(mention: DateMention | None) -> bool:
    if mention is None:
        return False
    found = parts(_key(mention) or "")
    return isinstance(found, tuple) and found[2] is not None


def _candidates(doc: Document) -> list[_Candidate]:
    """The event candidates of one document, in reading order."""
    own_date = article_date(doc.text, doc.meta)
    found: list[_Candidate] = []
    for sentence in doc.sentences:
        if sentence.heading:
            continue
        dates = sentence.dates
        if not dates:  # a response or nothing: the caption test only where one is found
            match = RESPONSE.search(sentence.text)
            if match and not CAPTION.search(sentence.text):
                answered = (match["answered"] or "").lower().rstrip("s") or "comment"
                found.append(_Candidate(sentence, "response", None, answered=answered))
            continue
        if CAPTION.search(sentence.text):
            continue
        taken: set[int] = set()
        for n, mention in enumerate(dates):
            if n in taken or not _dates_an_event(sentence, mention, own_date):
                continue
            nxt = dates[n + 1] if n + 1 < len(dates) else None
            if mention.bound == "start" and nxt is not None and nxt.bound == "end":
                found.append(_Candidate(sentence, "period", mention, nxt))
                taken.add(n + 1)
            elif mention.bound == "end":
                found.append(_Candidate(sentence, "period", None, mention))
            elif mention.bound == "start" and len(dates) > 1:
                continue  # "since September" beside another date: the background, not news
            elif mention.bound == "start":
                found.append(_Candidate(sentence, "period", mention, None))  # "since 2011"
            elif nxt is not None and _weekday_of(sentence, mention, nxt):
                continue
            elif not _less_precise_twin(mention, dates):
                found.append(_Candidate(sentence, "event", mention))
    return found


def _dates_an_event(sentence: Sentence, mention: DateMention, own_date: str | None) -> bool:
    """Not a reporting day, the article's dateline or a birthday."""
    before = sentence.text[
        max(0, mention.start - sentence.start - 20) : mention.start - sentence.start
    ]
    if BORN.search(before):
        return False
    if own_date is not None and mention.resolved == own_date and mention.value == own_date:
        return mention.start > 200 or sentence.index > 1  # a dateline states its own day
    if reported_on(sentence, mention.start):
        # "Amnesty said on Wednesday": the day the article reports, unless the article's
        # date puts it on another day (then what was said that day is an event).
        return mention.resolved is not None and mention.resolved != own_date
    return True


def _weekday_of(sentence: Sentence, mention: DateMention, nxt: DateMention) -> bool:
    """A weekday followed at once by the day it names ("Friday, Aug. 10")."""
    between = sentence.text[mention.end - sentence.start : nxt.start - sentence.start]
    return mention.value in WEEKDAYS and _is_day(nxt) and WEEKDAY_OF_DATE.match(between) is not None


def _less_precise_twin(mention: DateMention, dates: list[DateMention]) -> bool:
    """A month or year that another date of the sentence gives more precisely."""
    mine = parts(mention.value)
    if not isinstance(mine, tuple) or mine[2] is not None:
        return False
    return any(
        other is not mention
        and isinstance(theirs := parts(other.value), tuple)
        and sum(x is not None for x in theirs) > sum(x is not None for x in mine)
        and compatible(other.value, mention.value)
        for other in dates
    )


def _similarity(cluster: Cluster, a: SentenceRef, b: SentenceRef) -> float:
    space = cluster.space
    if not space.refs:
        return 0.0
    try:
        return float(space.values(space.index(a), np.array([space.index(b)]))[0])
    except ValueError:
        return 0.0


def _same_event(cluster: Cluster, members: list[_Candidate], candidate: _Candidate) -> bool:
    """Whether ``candidate`` dates the same event as one of an event's ``members``.

    A period open at its end ("kept away since a storm on 4 March") may be the event that
    began it ("closed after a storm on 4 March"): the two are compared as events.
    """
    for member in members:
        if member.kind != candidate.kind and not (
            {member.kind, candidate.kind} == {"event", "period"}
            and member.end is None
            and candidate.end is None
        ):
            continue
        if member.sentence.ref == candidate.sentence.ref:
            if candidate.kind == "response" or (
                _compatible(member.start, candidate.start)
                and _compatible(member.end, candidate.end)
            ):
                return True  # one sentence giving one date twice
            continue
        if candidate.kind == "response":
            if (
                _similarity(cluster, member.sentence.ref, candidate.sentence.ref)
                >= MERGE_SIMILARITY
            ):
                return True
            continue
        if not (
            _compatible(member.start, candidate.start) and _compatible(member.end, candidate.end)
        ):
            continue
        shared = [
            (a, b)
            for a, b in ((member.start, candidate.start), (member.end, candidate.end))
            if a is not None and b is not None
        ]
        if not shared:
            continue  # "since 30 September" and "up to 29 November": nothing in common
        if candidate.sentence.ref in cluster.group_of(member.sentence.ref):
            return True
        similarity = _similarity(cluster, member.sentence.ref, candidate.sentence.ref)
        if similarity >= MERGE_SIMILARITY:
            return True
        if candidate.kind == "period" and len(shared) == 2:
            return True  # both ends of two periods of one story agree: one period
        if candidate.kind == "period" and (
            same_event(member.sentence, shared[0][0], candidate.sentence, shared[0][1])
        ):
            return True  # "since it broke out in 2011" / "since it broke out in March 2011"
        if all(_is_day(a) and _is_day(b) for a, b in shared) and similarity >= SAME_DAY_SIMILARITY:
            return True
        if (
            candidate.kind == "event"
            and member.start is not None
            and candidate.start is not None
            and same_event(member.sentence, member.start, candidate.sentence, candidate.start)
        ):
            return True
    return False


class _Blocks:
    """The event members a candidate may match, looked up rather than all tried (issue 14: a
    story of hundreds of reports has thousands of dated sentences).

    :func:`_same_event` accepts a member only for one of: the same sentence, the same
    aligned group, a similarity of at least ``SAME_DAY_SIMILARITY``, both ends of
    two periods, or the word one date follows standing by the other
    (:func:`accord.compare.dates.same_event`). Each is indexed here as members join, so
    the members it returns (by event, in order) hold every one that may match; the
    others cannot, and the first event that matches is the one trying every member finds.
    """

    def __init__(self, cluster: Cluster) -> None:
        space = cluster.space
        self.space = space
        # column j: each sentence's similarity to sentence j, as _similarity reads it
        self.columns = space.similarities().tocsc() if space.refs else None
        self.aligned: dict[SentenceRef, set[SentenceRef]] = {}  # every group a ref is in
        for group in cluster.groups:
            for ref in group:
                self.aligned.setdefault(ref, set()).update(group)
        # members as (event number, position among its members)
        self.by_ref: dict[SentenceRef, set[tuple[int, int]]] = {}
        self.by_row: dict[int, set[tuple[int, int]]] = {}  # by sentence space position
        self.by_head: dict[str, set[tuple[int, int]]] = {}  # the word a date follows
        self.by_word: dict[str, set[tuple[int, int]]] = {}  # the words around the dates
        self.two_ended: set[tuple[int, int]] = set()  # periods with both ends
        # each candidate's words, read twice (members, then add): looked up once
        self._candidate_words: dict[int, tuple[set[str], set[str]]] = {}

    def _row(self, ref: SentenceRef) -> int | None:
        if self.columns is None:
            return None
        try:
            return self.space.index(ref)
        except ValueError:
            return None

    def _words(self, candidate: _Candidate) -> tuple[set[str], set[str]]:
        """The words each date of a candidate follows, and the words around them."""
        key = id(candidate)  # candidates outlive the blocks: an id is not reused meanwhile
        if key not in self._candidate_words:
            self._candidate_words[key] = self._find_words(candidate)
        return self._candidate_words[key]

    @staticmethod
    def _find_words(candidate: _Candidate) -> tuple[set[str], set[str]]:
        heads: set[str] = set()
        around: set[str] = set()
        for mention in (candidate.start, candidate.end):
            if mention is not None:
                heads.add(dated_word(candidate.sentence, mention))
                around |= event_words(candidate.sentence, mention)
        heads.discard("")
        return heads, around

    def add(self, member: tuple[int, int], candidate: _Candidate) -> None:
        """Index a candidate that joined (or opened) an event as ``member``."""
        ref = candidate.sentence.ref
        self.by_ref.setdefault(ref, set()).add(member)
        if (row := self._row(ref)) is not None:
            self.by_row.setdefault(row, set()).add(member)
        heads, around = self._words(candidate)
        for word in heads:
            self.by_head.setdefault(word, set()).add(member)
        for word in around:
            self.by_word.setdefault(word, set()).add(member)
        if candidate.start is not None and candidate.end is not None:
            self.two_ended.add(member)

    def members(self, candidate: _Candidate) -> dict[int, list[int]]:
        """Event number -> positions of the members ``candidate`` may match, both in order."""
        ref = candidate.sentence.ref
        found: set[tuple[int, int]] = set()
        for other in self.aligned.get(ref, {ref}) | {ref}:
            found |= self.by_ref.get(other, set())
        if (row := self._row(ref)) is not None and self.columns is not None:
            lo, hi = self.columns.indptr[row], self.columns.indptr[row + 1]
            similar = self.columns.data[lo:hi] >= min(MERGE_SIMILARITY, SAME_DAY_SIMILARITY)
            for near in self.columns.indices[lo:hi][similar].tolist():
                found |= self.by_row.get(near, set())
        if candidate.kind != "response":
            if candidate.kind == "period":
                found |= self.two_ended
            heads, around = self._words(candidate)
            for word in around:
                found |= self.by_head.get(word, set())
            for word in heads:
                found |= self.by_word.get(word, set())
        by_event: dict[int, list[int]] = {}
        for number, position in sorted(found):
            by_event.setdefault(number, []).append(position)
        return by_event


def _merge(cluster: Cluster, candidates: list[_Candidate]) -> list[_Event]:
    events: list[_Event] = []
    blocks = _Blocks(cluster)
    for candidate in candidates:
        for number, positions in blocks.members(candidate).items():
            members = events[number].members
            if _same_event(cluster, [members[k] for k in positions], candidate):
                members.append(candidate)
                break
        else:
            number = len(events)
            events.append(_Event([candidate]))
        blocks.add((number, len(events[number].members) - 1), candidate)
    return events


def _mark_differences(cluster: Cluster, events: list[_Event]) -> list[_Event]:
    """Merge the events a date discrepancy ties together, and link them to it."""
    for number, discrepancy in enumerate(cluster.discrepancies):
        if discrepancy.kind != "date":
            continue
        stated = {(e.ref, v.value) for v in discrepancy.variants for e in v.evidence}
        tied = [
            e
            for e in events
            if e.kind != "response"
            and any(
                (m.sentence.ref, d.value) in stated
                for m in e.members
                for d in (m.start, m.end)
                if d
            )
        ]
        if len({m.sentence.doc_id for e in tied for m in e.members}) < 2:
            continue
        first = tied[0]
        for other in tied[1:]:
            first.members += other.members
            events.remove(other)
        first.discrepancy = number
    return events


def _precision(mention: DateMention | None) -> tuple[int, int]:
    """How precisely a mention dates: calendar fields known, and resolved before stated."""
    if mention is None:
        return (-1, 0)
    found = parts(_key(mention) or "")
    fields = sum(x is not None for x in found) if isinstance(found, tuple) else 0
    if "/" in (_key(mention) or ""):
        fields = 2
    return (fields, int(mention.resolved is not None))


def _order_key(event: _Event) -> tuple[int, float, float, float]:
    best = max(event.members, key=lambda m: _precision(m.start or m.end))
    mention = best.start or best.end
    value = _key(mention) or ""
    later = int(event.kind == "period")  # on one day, what happened before what ran from it
    if (span := interval(value)) is not None:
        return (0, span[0].toordinal(), later, 0)
    if match := MONTH_DAY_VALUE.fullmatch(value):
        return (1, int(match[1]), int(match[2] or 0), later)
    for pattern, rank in RELATIVE_RANK:
        if pattern.search(value):
            weekday = WEEKDAYS.index(value) if value in WEEKDAYS else 0
            return (2, rank, weekday, 0)
    return (2, 7, 0, 0)


MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()


def _when(mention: DateMention | None) -> str:
    """A date as a reader sees it: "30 September 2015", "September", "Tuesday"."""
    if mention is None:
        return ""
    value = _key(mention) or mention.value
    if "/" in value:
        return f"{mention.text} ({value.replace('/', ' to ')})"
    found = parts(value)
    if not isinstance(found, tuple) or found == (None, None, None):
        return mention.text
    year, month, day = found
    words = [str(day)] if day else []
    words += [MONTH_NAMES[month - 1]] if month else []
    words += [str(year)] if year else []
    shown = " ".join(words)
    if mention.relative:
        shown = f"{mention.text} ({shown})"  # "Tuesday (1 December 2015)": what was said, placed
    return shown


def _event(cluster: Cluster, event: _Event) -> TimelineEvent:
    members = event.members
    best = max(members, key=lambda m: (_precision(m.start), _precision(m.end)))
    sources = canonical_sources(cluster, (m.sentence.doc_id for m in members))
    first: dict[str, Sentence] = {}
    for m in members:
        first.setdefault(m.sentence.doc_id, m.sentence)
    # Shown: the shortest sentence that gives the event's most precise dates.
    shown = min(
        (
            m.sentence
            for m in members
            if m.sentence.doc_id in sources
            and (_precision(m.start), _precision(m.end))
            == (_precision(best.start), _precision(best.end))
        ),
        key=lambda s: len(s.text),
        default=best.sentence,
    )
    start = max((m.start for m in members), key=_precision)
    end = max((m.end for m in members), key=_precision)
    if event.kind == "period" and start and end:
        when = f"{_when(start)} to {_when(end)}"
    elif event.kind == "period":
        when = f"since {_when(start)}" if start else f"up to {_when(end)}"
    elif event.kind == "response":
        when = "in response"
    else:
        when = _when(best.start)
    if event.discrepancy is not None:
        # Sources date it differently: every date they give, none preferred.
        shown_dates = dict.fromkeys(_when(m.start) for m in members if m.start is not None)
        when = " or ".join(shown_dates) or when
    dates: list[Variant] = []
    if event.discrepancy is not None:
        for variant in cluster.discrepancies[event.discrepancy].variants:
            dates.append(variant)
    placed = start or end
    return TimelineEvent(
        when=when,
        date=_key(start),
        text=compress(shown.text),
        sources=sources,
        evidence=[evidence(first[s]) for s in sources if s in first],
        kind=event.kind,
        until=_key(end) if event.kind == "period" else None,
        stated=placed is not None
        and interval(_key(placed)) is None
        and not MONTH_DAY_VALUE.fullmatch(_key(placed) or ""),
        dates=dates,
        discrepancy=event.discrepancy,
    )


def _place_responses(events: list[_Event]) -> list[_Event]:
    """Each response after the latest event whose sentences name what it answers."""
    dated = [e for e in events if e.kind != "response"]
    dated.sort(key=_order_key)
    for response in (e for e in events if e.kind == "response"):
        answered = response.members[0].answered
        anchor = next(
            (
                n
                for n in range(len(dated) - 1, -1, -1)
                if answered and any(answered in m.sentence.text.lower() for m in dated[n].members)
            ),
            None,
        )
        position = len(dated) if anchor is None else anchor + 1
        while position < len(dated) and dated[position].kind == "response":
            position += 1  # after the responses already placed there, in reading order
        dated.insert(position, response)
    return dated


def build_timeline(cluster: Cluster) -> list[TimelineEvent]:
    """The cluster's timeline; ``cluster.discrepancies`` must be filled."""
    candidates = [c for doc in cluster.documents for c in _candidates(doc)]
    events = _mark_differences(cluster, _merge(cluster, candidates))
    if not any(e.kind != "response" for e in events):
        return []  # nothing dated: responses alone are no timeline
    return [_event(cluster, e) for e in _place_responses(events)]


__all__ = ["build_timeline"]
