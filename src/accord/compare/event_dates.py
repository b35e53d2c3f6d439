"""The day of one event, compared wherever each source states it.

Outlets date one event in sentences that share few words: "the report, released Sunday,
found ..." / "according to a report published Monday"; "investigators found the remains
on Thursday" / "the bodies were found Wednesday"; "the assault on Sunday" / "Monday's
attack". The aligned-pair detectors of :mod:`.dates` never see such pairs. Here a date is
given its *event frame*: the event word it dates (a closed list of event lemmas with
their nominalisations: attack / attacked / assault, release / released / published,
found / discovered, arrest / arrested, vote / voted, died / death, a brief or suit filed)
and the argument of that event (the thing released or found, or the one person arrested
or dead). Where the words near the date do not reach the event or its argument ("The body
of X, an 18-year-old from Y, was found Tuesday"; "On Tuesday, the boy's mother was found
dead"), the dependency parse does: the verb the date hangs from and what that verb acts
on (``DateMention.event`` / ``argument``). Frames are indexed by (event, argument), and
two sources that each give one day for a frame, a different one, disagree.

Gated hard, because a story has many days: only weekdays and calendar dates (never
"last week" or a range's end), never a reporting day ("said Wednesday"), never a
future or planned act ("will be arraigned Friday"), never across a clause boundary
between the event word and the date, never a source that gives two days for one frame,
never a day next to the other's where one is "night" or "early" (one event around
midnight), and arrest and arraignment are different events by construction.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from accord.analyse.dates import WEEKDAYS, compatible
from accord.compare.counts import Observation
from accord.compare.dates import holds_date, of_prior_act, reported_on, same_kind_of_date
from accord.compare.statements import only_in_furniture
from accord.model import Cluster, DateMention, Sentence, SentenceRef

# Every written form of an event word, to the event it names. Nominalisations are the
# same event ("the attack on Sunday" / "attacked on Monday"); words of one act are one
# event ("released" / "published" / "issued" a report; "found" / "discovered" remains).
EVENT_FORMS: dict[str, str] = {
    **dict.fromkeys("release released releases releasing issued published".split(), "release"),
    **dict.fromkeys("found discovered recovered discovery".split(), "find"),
    **dict.fromkeys("attack attacked attacks assault assaulted assaults".split(), "attack"),
    **dict.fromkeys("arrest arrested arrests".split(), "arrest"),
    **dict.fromkeys("vote voted votes".split(), "vote"),
    **dict.fromkeys("died dies death".split(), "die"),
}
# Events that date a thing only with what they act on: "released Sunday" of a report is
# not "released Monday" of a prisoner. Each argument word to its head (one thing under two
# words: "remains" / "bodies").
ARGUMENTS: dict[str, dict[str, str]] = {
    "release": {
        **{w: w.rstrip("s") for w in "report reports study survey poll video footage".split()},
        **{w: w.rstrip("s") for w in "data figures statistics results findings".split()},
        **{w: w.rstrip("s") for w in "audit review ranking rankings list index".split()},
    },
    "find": dict.fromkeys("remains body bodies corpse corpses skeleton bones dead".split(), "body"),
    # a court filing: "filed a brief Tuesday" / "the brief filed Friday"
    "file": {w: w.rstrip("s") for w in "brief lawsuit suit complaint motion appeal".split()},
}
# The lemma of a dated verb (from the parse, ``DateMention.event``) to its event, for
# sentences whose words the closed list above does not reach: "The body of X, an
# 18-year-old from Y, was found Tuesday", "On Tuesday, the boy's mother was found dead".
LEMMA_EVENTS: dict[str, str] = {
    **dict.fromkeys("release issue publish".split(), "release"),
    **dict.fromkeys("find discover recover".split(), "find"),
    "file": "file",
}
# Events of one person: the person named next to the event word is the argument.
PERSON_EVENTS = frozenset({"arrest", "die"})
# Events whose own noun says what happened: an argument is not needed ("Monday's attack").
NOUN_EVENTS = frozenset({"attack", "vote"})

GROUP = re.compile(r"\d+ people")  # ``DateMention.argument`` of a group (analyse.dates)
WORD = re.compile(r"[\w'’-]+|[;:()\u2014]")
# Words that open another clause between an event word and a date: the date is then the
# other clause's ("the report found that donors gave less after the recession on Sunday").
CLAUSE_BREAKS = frozenset(
    "who which that when after before since until while because and but or ; : ( ) \u2014".split()
)
# A plan or a possibility is not what happened ("will be arraigned Friday", "is expected to
# vote Tuesday").
IRREALIS = re.compile(
    r"\b(?:will|would|could|may|might|expected|plans?|planned|scheduled|set\s+to|due\s+to)\b",
    re.I,
)
PLAN_REACH = 40  # characters either side of a date where "will" or "expected" governs it
EVENT_REACH = 14  # words from the event word to the date it bears
ARGUMENT_REACH = 5  # words from the event word to its argument
# "Monday's attack", "Sunday night's vote": the date in a possessive before the event noun.
POSSESSIVE_EVENT = re.compile(
    r"^(?:\s+(?:night|morning|afternoon|evening))?['’]s\s+(?:[\w-]+\s+){0,2}?(?P<word>[\w-]+)",
    re.I,
)
# "Sunday night" / "early Monday": one event around midnight may be dated either day.
NEAR_MIDNIGHT = re.compile(r"^\s+(?:night|evening)\b|^\s+late\b", re.I)
EARLY_BEFORE = re.compile(r"\b(?:early|overnight)\s+(?:on\s+)?$", re.I)


@dataclass(frozen=True)
class EventFrame:
    """One date of one event in one sentence: what happened, to what or whom, when."""

    event: str
    argument: str
    sentence: Sentence
    date: DateMention
    announced: bool = False  # the day a find was announced, not the day of the find


def _words(sentence: Sentence) -> list[tuple[int, int, str]]:
    """(document start, end, lower-cased word) of a sentence's words and breaking marks."""
    return [
        (sentence.start + m.start(), sentence.start + m.end(), m.group(0).lower())
        for m in WORD.finditer(sentence.text)
    ]


def datable(sentence: Sentence, date: DateMention) -> bool:
    """A weekday or a calendar date that tells when something happened: not a relative
    range ("last week"), a range's end, a reporting day, a prior act ("after going missing
    on Friday") or furniture."""
    if date.bound or (date.relative and date.value not in WEEKDAYS):
        return False
    if not re.fullmatch(r"[a-z]+day|(?:\d{4}|-)-\d\d-\d\d", date.value):
        return False  # a month or a year alone dates a period, not one event's day
    if reported_on(sentence, date.start) or of_prior_act(sentence, date):
        return False
    # a second event's relative day ("two weeks after officials removed ...") needs no
    # sentence-wide guard here: "after", "before", "since" break the clause of the frame
    return not only_in_furniture(sentence, date.text)


def _event_before(words: list[tuple[int, int, str]], date: DateMention) -> int | None:
    """Index of the event word nearest before the date, within ``EVENT_REACH`` words and
    no clause break between; None where there is none."""
    before = [k for k, (start, _, _) in enumerate(words) if start < date.start]
    for k in reversed(before[-EVENT_REACH:]):
        word = words[k][2]
        if word in EVENT_FORMS:
            return k
        if word in CLAUSE_BREAKS or (word.endswith("ed") and len(word) > 4 and "-" not in word):
            return None  # another clause, or another verb: the date is not this event's
    return None


def _event_after(sentence: Sentence, date: DateMention) -> str:
    """The event noun a possessive date stands before ("Monday's attack"), or ""."""
    match = POSSESSIVE_EVENT.match(sentence.text[date.end - sentence.start :])
    word = match["word"].lower() if match else ""
    return word if EVENT_FORMS.get(word) in NOUN_EVENTS else ""


def _person_near(sentence: Sentence, start: int, end: int) -> str:
    """The one person named within ``ARGUMENT_REACH`` words' span of an event word, by the
    last word of the name (a surname is one person across sources), or ""."""
    reach = 40  # characters: about five words
    names = {
        e.key.split()[-1]
        for e in sentence.entities
        if e.kind == "person" and e.end >= start - reach and e.start <= end + reach
    }
    return names.pop() if len(names) == 1 else ""


def argument(
    sentence: Sentence, words: list[tuple[int, int, str]], k: int, event: str
) -> str | None:
    """What the event at word ``k`` acts on: an argument word of the event within
    ``ARGUMENT_REACH`` words ("the report, released", "found the remains of"), the one
    person named next to it for events of a person, "" for an event noun that needs
    none; None where the event needs an argument the text does not give."""
    heads = ARGUMENTS.get(event)
    if heads is not None:
        near = words[max(0, k - ARGUMENT_REACH) : k] + words[k + 1 : k + 1 + ARGUMENT_REACH]
        found = {heads[w] for _, _, w in near if w in heads}
        return found.pop() if len(found) == 1 else None
    if event in PERSON_EVENTS:
        return _person_near(sentence, words[k][0], words[k][1]) or None
    return ""


def _irrealis(sentence: Sentence, start: int, date: DateMention) -> bool:
    """Whether a plan or possibility governs the event: "will", "expected", "scheduled"
    within three words before the event word, or between it and the date."""
    low = max(0, start - sentence.start - 25)
    return IRREALIS.search(sentence.text[low : date.start - sentence.start]) is not None


def event_frames(sentence: Sentence) -> list[EventFrame]:
    """The event frames of a sentence's dates (:class:`EventFrame`)."""
    frames = []
    words = _words(sentence)
    for date in sentence.dates:
        if not datable(sentence, date) or date.planned:
            continue
        if (who := _parsed_people(date)) is not None:
            event, arg = _planless(sentence, date, *who)
            if arg is not None:
                frames.append(EventFrame(event, arg, sentence, date))
            continue
        if noun := _event_after(sentence, date):
            frames.append(EventFrame(EVENT_FORMS[noun], "", sentence, date))
            continue
        k = _event_before(words, date)
        if k is not None and _irrealis(sentence, words[k][0], date):
            continue
        event = EVENT_FORMS[words[k][2]] if k is not None else ""
        arg = argument(sentence, words, k, event) if k is not None else None
        if arg is None:
            event, arg = _parsed_frame(sentence, date, event)
        if arg is not None:
            frames.append(EventFrame(event, arg, sentence, date))
    return frames


def _parsed_people(date: DateMention) -> tuple[str, str] | None:
    """The event and the people it befell, where the parse names them: a group arrested,
    told as a count or as names ("two men" / "X and Y" -> "2 people"), or who was found
    dead ("dead mother": a story may find several dead on several days)."""
    if date.event == "arrest" and GROUP.fullmatch(date.argument):
        return "arrest", date.argument
    if LEMMA_EVENTS.get(date.event) == "find" and date.argument.startswith("dead "):
        return "find", date.argument
    return None


def _parsed_frame(sentence: Sentence, date: DateMention, near: str) -> tuple[str, str | None]:
    """The event and argument the parse gives a date (``DateMention.event`` and
    ``argument``), for an event of :data:`LEMMA_EVENTS` whose argument is one of its
    argument words; ``near`` is the event the words before the date gave, if any, which
    the parse must not contradict. (``""``, None) where the parse gives no such frame, or
    the sentence tells a plan ("will file Friday")."""
    event = LEMMA_EVENTS.get(date.event, "")
    heads = ARGUMENTS.get(event, {})
    if not event or (near and near != event) or date.argument not in heads:
        return "", None
    return _planless(sentence, date, event, heads[date.argument])


def _planless(
    sentence: Sentence, date: DateMention, event: str, arg: str
) -> tuple[str, str | None]:
    """``(event, arg)`` unless a plan word is near the date ("will file Friday"): the
    verb's place is not kept, so the words around the date are looked at."""
    start, end = date.start - sentence.start, date.end - sentence.start
    if IRREALIS.search(sentence.text[max(0, start - PLAN_REACH) : end + PLAN_REACH]):
        return "", None
    return event, arg


# "the remains had been found, the prosecutor said Wednesday night": a find told as done
# by the day it was announced; the find happened that day or before.
FOUND_DONE = re.compile(
    r"\b(?:remains|bod(?:y|ies)|corpses?)\b[^.;:]{0,60}?\b(?:was|were|had\s+been|have\s+been)"
    r"\s+(?:found|discovered|recovered)\b",
    re.I,
)
# "D. Early Jr. said wednesday night.": the end of a name and "said" with a day, cut off
# by the sentence splitter at an abbreviation of the name ("Joseph. D."): its clause is
# the sentence before.
SAID_ALONE = re.compile(
    r"^\s*(?:(?:[a-z]\.|[\w'’-]+\.?)\s+){0,3}?said\s+(?:late\s+|early\s+)?(?:on\s+)?[a-z]+day\b"
    r"[^.]{0,12}\.?\s*$",
    re.I,
)


def announced_find(sentence: Sentence, before: Sentence | None) -> EventFrame | None:
    """The day a find was announced ("the bodies had been found, police said Monday"),
    from the one reporting day of a sentence whose content tells the find as done, or of
    a bare "said Monday" the splitter cut from the sentence before."""
    days = [d for d in sentence.dates if d.value in WEEKDAYS and reported_on(sentence, d.start)]
    if len(days) != 1 or len(sentence.dates) != 1:
        return None
    clause = sentence.text
    if SAID_ALONE.match(sentence.text) and before is not None and not before.dates:
        clause = before.text
    if not FOUND_DONE.search(clause) or IRREALIS.search(clause):
        return None
    return EventFrame("find", "body", sentence, days[0], announced=True)


FRAGMENT_WORDS = 4  # "Early jr.": a name the splitter cut at its abbreviations


def _clause_before(sentences: list[Sentence], k: int) -> Sentence | None:
    """The last sentence before the ``k``-th of more than ``FRAGMENT_WORDS`` words, past at
    most one fragment of a name cut at an abbreviation ("Joseph D. Early Jr.")."""
    for back in (k - 1, k - 2):
        if back < 0:
            return None
        if len(sentences[back].text.split()) > FRAGMENT_WORDS:
            return sentences[back]
    return None


def announced_before(announced: EventFrame, found: EventFrame) -> bool:
    """Whether a find was announced one to three days before the day another source
    gives for it: it cannot have been announced before it happened. Announced after the
    find is no disagreement."""
    if announced.date.value not in WEEKDAYS or found.date.value not in WEEKDAYS:
        return False
    ahead = (WEEKDAYS.index(found.date.value) - WEEKDAYS.index(announced.date.value)) % 7
    return 1 <= ahead <= 3


def around_midnight(a: EventFrame, b: EventFrame) -> bool:
    """Two weekdays a day apart where the earlier is "night" or "late" or the later
    "early": one event around midnight, dated either side of it."""
    if a.date.value not in WEEKDAYS or b.date.value not in WEEKDAYS:
        return False
    first, second = sorted((a, b), key=lambda f: WEEKDAYS.index(f.date.value))
    gap = WEEKDAYS.index(second.date.value) - WEEKDAYS.index(first.date.value)
    if gap == 6:  # sunday night / early monday: the week wraps
        first, second = second, first
    elif gap != 1:
        return False
    late = NEAR_MIDNIGHT.match(first.sentence.text[first.date.end - first.sentence.start :])
    early = EARLY_BEFORE.search(second.sentence.text[: second.date.start - second.sentence.start])
    return bool(late or early)


def one_day_each(frames: list[EventFrame]) -> dict[str, EventFrame]:
    """The frame of each source that gives one day for an event (a source with two
    days for one event tells two occasions, or a correction: not compared)."""
    by_doc: dict[str, list[EventFrame]] = defaultdict(list)
    for frame in frames:
        by_doc[frame.sentence.doc_id].append(frame)
    return {
        doc: group[0] for doc, group in by_doc.items() if len({f.date.value for f in group}) == 1
    }


def event_date_conflicts(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """Two sources that give one event different days, in sentences that need not align
    (:func:`event_frames`; module docstring for the gates)."""
    index: dict[tuple[str, str, str], list[EventFrame]] = defaultdict(list)
    announced: list[EventFrame] = []
    for document in cluster.documents:
        for k, sentence in enumerate(document.sentences):
            for frame in event_frames(sentence):
                index[(frame.event, frame.argument, _kind(frame))].append(frame)
            if told := announced_find(sentence, _clause_before(document.sentences, k)):
                announced.append(told)
    _pool_single_deaths(index)
    found = _announced_conflicts(announced, one_day_each(index[("find", "body", "weekday")]))
    # A single death is indexed under its person and, pooled, under "body": one pair of
    # frames is compared once.
    compared: set[tuple[SentenceRef, int, SentenceRef, int]] = set()
    for key in sorted(index):
        single = one_day_each(index[key])
        docs = sorted(single)
        for x, doc_a in enumerate(docs):
            for doc_b in docs[x + 1 :]:
                a, b = single[doc_a], single[doc_b]
                pair = (a.sentence.ref, a.date.start, b.sentence.ref, b.date.start)
                if pair in compared:
                    continue
                compared.add(pair)
                if not same_kind_of_date(a.date.value, b.date.value):
                    continue
                if compatible(a.date.value, b.date.value) or around_midnight(a, b):
                    continue
                if holds_date(a.sentence, b.date.value) or holds_date(b.sentence, a.date.value):
                    continue
                found.append((_observation(a), _observation(b)))
    return found


def _pool_single_deaths(index: dict[tuple[str, str, str], list[EventFrame]]) -> None:
    """Add to the frames of a body found those of each source that tells of one person
    found dead, whoever it names ("an Israeli hiker was found dead" / "the body of Tomer
    F. was found"): one source's words for the dead are rarely another's. A source that
    finds two or more people dead ("the boy's mother" Tuesday, "his sister" Friday) is
    compared person by person only."""
    dead: dict[str, set[str]] = defaultdict(set)
    named: list[EventFrame] = []
    for (event, arg, _), frames in index.items():
        if event == "find" and arg.startswith("dead "):
            named += frames
            for frame in frames:
                dead[frame.sentence.doc_id].add(arg)
    for (event, arg, _), frames in list(index.items()):
        if event == "find" and arg == "body":
            frames[:] = [f for f in frames if len(dead[f.sentence.doc_id]) <= 1]
    for frame in named:
        if len(dead[frame.sentence.doc_id]) == 1:
            index[("find", "body", _kind(frame))].append(frame)


def _kind(frame: EventFrame) -> str:
    """A weekday and a calendar date are two ways to give one day ("thursday, sept. 11"):
    each is compared with its own kind."""
    return "weekday" if frame.date.value in WEEKDAYS else "calendar"


def _announced_conflicts(
    announced: list[EventFrame], finds: dict[str, EventFrame]
) -> list[tuple[Observation, Observation]]:
    """A find announced before the day another source gives for it (one announcement per
    source, a source that also dates the find itself is read by its own date)."""
    found = []
    for doc, frame in sorted(one_day_each(announced).items()):
        if doc in finds:
            continue
        for other_doc, other in sorted(finds.items()):
            if other_doc != doc and announced_before(frame, other):
                found.append((_observation(frame), _observation(other)))
    return found


def _observation(frame: EventFrame) -> Observation:
    date = frame.date
    return Observation("date", about(frame), date.value, date.text, date.value, frame.sentence)


# What a reader is told the two days are of, by event: "day the report was released".
ABOUT = {
    "release": "day the {} was released",
    "file": "day the {} was filed",
    "arrest": "day {} was arrested",
    "die": "day {} died",
}


def about(frame: EventFrame) -> str:
    """The claim two days of one frame are of, in words ("day the mother was found dead",
    "day of the attack"); "date" where the frame names too little to say more."""
    event, arg = frame.event, frame.argument
    if event == "find":
        if arg == "body":  # an announced find is of a body too
            return "day the body was found"
        who = arg.removeprefix("dead ")
        names = {w for e in frame.sentence.entities if e.kind == "person" for w in e.key.split()}
        return f"day {'' if who in names else 'the '}{who} was found dead"
    if event in NOUN_EVENTS:
        return f"day of the {event}"
    if event == "arrest" and GROUP.fullmatch(arg):
        return f"day {arg} were arrested"
    if event in ABOUT and arg:
        return ABOUT[event].format(arg)
    return "date"
