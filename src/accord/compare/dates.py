"""Dates: event dates that aligned statements give differently (reporting days are ignored)."""

from __future__ import annotations

import re

from accord.analyse.dates import WEEKDAYS, compatible, is_century, parts
from accord.analyse.terms import STOP_WORDS, stem
from accord.compare.counts import Observation, in_span
from accord.compare.slots import CONTAINED, PARALLEL, comparable, context_words, same_slot
from accord.model import (
    DateMention,
    Sentence,
    StatementPair,
)

WORD = re.compile(r"[\w'’]+")
REPORTED_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|confirmed)"
    r"(?:\s+(?:late|early)?\s*(?:on\s+)?|(?:\s+[\w'’]+){1,3}\s+(?:late\s+|early\s+)?on\s+)"
    # "confirmed friday, july 7": the weekday and the date of one reporting day
    r"(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?$",
    re.I,
)
# Sentences this parallel (difflib ratio) that swap a date say the same thing on another day.
STRONG_PARALLEL = 0.6
SKIP_BEFORE_DATE = frozenset({"on", "late", "early", "last", "this"})
TWO_EVENTS = re.compile(
    r"\b(?:a|one|two|three|\w+)\s+(?:days?|weeks?|months?|hours?)\s+(?:after|before|later|earlier)\b"
    r"|\b(?:since|until)\b",
    re.I,
)


# "said his father, John Smith, on Sunday": the speaker put after the verb, the day last.
SAID_BY_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|confirmed)\s+[^.;:!?]{0,60},\s*"
    r"(?:late\s+|early\s+)?on\s+$",
    re.I,
)


def reported_on(sentence: Sentence, start: int) -> bool:
    """A date that tells when something was said ("said on Tuesday", "said his father,
    John Smith, on Sunday"), not when it happened."""
    before = sentence.text[max(0, start - sentence.start - 40) : start - sentence.start]
    if REPORTED_ON.search(before) is not None:
        return True
    wider = sentence.text[max(0, start - sentence.start - 90) : start - sentence.start]
    return SAID_BY_ON.search(wider) is not None


def _only_change(
    pair: StatementPair, a: Sentence, da: DateMention, b: Sentence, db: DateMention
) -> bool:
    """Whether two strongly parallel sentences swap one date for the other: the same
    announcement or quote put on different days ("responded friday" / "responded sunday")
    is a discrepancy a reader should see, even though a reporting day usually is not."""
    if pair.parallel >= STRONG_PARALLEL and any(
        in_span(da.start, da.end, ca) and in_span(db.start, db.end, cb) for ca, cb in pair.changes
    ):
        return True
    return pair.containment >= CONTAINED and same_verb_before(a, da, b, db)


def _verb_before(sentence: Sentence, date: DateMention) -> str:
    """The word a date follows, past "on", "late" and "early": "said" in "said late on friday"."""
    before = sentence.text[max(0, date.start - sentence.start - 40) : date.start - sentence.start]
    words = [w for w in WORD.findall(before.lower()) if w not in SKIP_BEFORE_DATE]
    return words[-1] if words else ""


def same_verb_before(a: Sentence, da: DateMention, b: Sentence, db: DateMention) -> bool:
    """Both dates follow the same verb ("responded friday" / "responded sunday")."""
    verb = _verb_before(a, da)
    return bool(verb) and verb == _verb_before(b, db) and verb not in STOP_WORDS


EVENT_WINDOW = 4  # words either side of a date that say what happened then
# Words by a date that say when, not what: "early on Monday", "on Tuesday morning".
TIME_WORDS = frozenset(
    "early late morning afternoon evening night overnight day week month year today "
    "yesterday tonight monday tuesday wednesday thursday friday saturday sunday".split()
)


def event_words(sentence: Sentence, date: DateMention) -> set[str]:
    """Content words within ``EVENT_WINDOW`` words either side of a date, past time words."""
    before, after = context_words(sentence, date.start, date.end, EVENT_WINDOW)
    return {w for w in before | after if len(w) > 1 and w not in TIME_WORDS}


def dated_word(sentence: Sentence, date: DateMention) -> str:
    """The content word a date follows, past time and stop words: what it dates ("broke"
    in "the fire broke out early on Monday", "arrested" in "was arrested Thursday")."""
    low = max(0, date.start - sentence.start - 60)
    # a word of a name is who, not what happened (the recogniser tags "mug shot" a person)
    names = [(e.start - sentence.start, e.end - sentence.start) for e in sentence.entities]
    words = [
        m.group(0)
        for m in WORD.finditer(sentence.text.lower(), low, date.start - sentence.start)
        if len(m.group(0)) > 1
        and m.group(0) not in STOP_WORDS
        and m.group(0) not in TIME_WORDS
        and not any(s <= m.start() < e for s, e in names)
    ]
    return words[-1] if words else ""


def same_event(a: Sentence, da: DateMention, b: Sentence, db: DateMention) -> bool:
    """Whether two dates date one event: the word one date follows stands by the other
    date too ("the fire broke out early on Monday" / "on Tuesday after a fire broke out").
    A word shared elsewhere in the window is often the topic of two events ("arrested
    Thursday on a first-degree murder charge" / "an indictment on first-degree murder was
    filed Wednesday")."""
    head_a, head_b = dated_word(a, da), dated_word(b, db)
    return bool(head_a and head_a in event_words(b, db)) or bool(
        head_b and head_b in event_words(a, da)
    )


PREDICATE_WORDS = 3  # content words before a date that say what it dates


AGE_PHRASE = re.compile(r"\b[\w-]+?-years?-old\b|\b\w+\s+years?\s+old\b", re.I)


def predicate_words(sentence: Sentence, date: DateMention) -> set[str]:
    """The stems of the ``PREDICATE_WORDS`` content words before a date, past time words
    and names (a person or a town is who or where, not what happened): "groundhog",
    "holding", "traffic" in "shot a groundhog that was holding up traffic monday morning"."""
    low = max(sentence.start, date.start - 80)
    names = [(e.start, e.end) for e in sentence.entities]
    # a person's age ("17-year-old trevon johnson") says who, not what happened
    names += [
        (sentence.start + m.start(), sentence.start + m.end())
        for m in AGE_PHRASE.finditer(sentence.text)
    ]
    words = [
        m.group(0)
        for m in WORD.finditer(
            sentence.text.lower(), low - sentence.start, date.start - sentence.start
        )
        if len(m.group(0)) > 1
        and m.group(0) not in STOP_WORDS
        and m.group(0) not in TIME_WORDS
        and not any(s <= sentence.start + m.start() < e for s, e in names)
    ]
    return {stem(w.replace("’", "'").split("'")[0]) for w in words[-PREDICATE_WORDS:]}


# Verbs that tell one act in other words: sources write "killed" or "died", "found" or
# "discovered" for one event, so a date of each is a date of that one event. Acts that
# follow one another ("shot" then "died", "arrested" then "charged" or "arraigned") are
# kept apart: their days may rightly differ.
EVENT_VERBS = {
    "kill": "kill", "die": "kill", "slay": "kill", "murder": "kill",
    "find": "find", "discover": "find", "locate": "find",
    "arrest": "arrest", "detain": "arrest", "apprehend": "arrest",
    "say": "say", "tell": "say", "announce": "say", "state": "say",
    "disappear": "vanish", "vanish": "vanish",
}  # fmt: skip


def different_events(da: DateMention, db: DateMention) -> bool:
    """Whether the parse hangs two dates from verbs of two acts ("raised the prospect on
    Tuesday" / "walked it back on Wednesday", "arraigned Friday" / "arrested Wednesday"):
    two days of a story, not two days for one event. Unknown ("") on either side says
    nothing."""
    if not da.event or not db.event:
        return False
    return EVENT_VERBS.get(da.event, da.event) != EVENT_VERBS.get(db.event, db.event)


MONTH_ALONE = re.compile(r"--\d\d")


def _loose(value: str) -> bool:
    """A weekday or a month without its year ("in june"): many events of one story share
    one, so it names the day of one event only where its words say which."""
    return value in WEEKDAYS or MONTH_ALONE.fullmatch(value) is not None


def anchored_weekdays(a: Sentence, da: DateMention, b: Sentence, db: DateMention) -> bool:
    """Whether two weekdays (or two months without a year) date one event. A story's
    days are many (arrested on Monday, the mugshot released on Tuesday; acquired in June,
    disclosed in December) and sentences about one person share his name and town
    whichever day they tell; so two such dates compare only where the words before them
    share what happened ("shot a groundhog that was holding up traffic monday" /
    "fatally shot a groundhog in eldersburg on sunday"), or :func:`same_event` holds.
    Other dates name a day of the calendar and are compared as stated."""
    if not (_loose(da.value) and _loose(db.value)):
        return True
    return same_event(a, da, b, db) or bool(predicate_words(a, da) & predicate_words(b, db))


# "said in a statement Thursday", "announced in a news release on Monday": the day of one
# written announcement.
STATEMENT_DAY = re.compile(
    r"\b(?:said|says|announced|stated)\s+in\s+(?:a|an|its|his|her|their)\s+"
    r"(?:[\w-]+\s+)?(?:statement|release)\s+(?:late\s+|early\s+)?(?:on\s+)?$",
    re.I,
)
SPEAKER_WORDS = 8  # words before the verb that name who made the announcement
MIN_SPEAKER_SHARED = 2  # "the agriculture department" / "agriculture department director"


def _announcer(sentence: Sentence, date: DateMention) -> set[str] | None:
    """The content words of who put out the written announcement a date dates, or None
    where the date is not of one ("said in a statement Thursday")."""
    before = sentence.text[max(0, date.start - sentence.start - 200) : date.start - sentence.start]
    match = STATEMENT_DAY.search(before)
    if match is None:
        return None
    words = WORD.findall(before[: match.start()].lower())[-SPEAKER_WORDS:]
    return {stem(w) for w in words if w not in STOP_WORDS and len(w) > 1}


def one_announcement(a: Sentence, da: DateMention, b: Sentence, db: DateMention) -> bool:
    """Whether two dates are given for one written announcement: each sentence says its
    speaker said it "in a statement" (or release) that day, and the speakers share their
    words ("the agriculture department said in a statement Thursday" / "agriculture
    department spokesman Ann Lee said in a release Wednesday"). A reporting day is no
    event, but two days for the one announcement of the story disagree (PROTOCOL,
    sample F)."""
    speaker_a, speaker_b = _announcer(a, da), _announcer(b, db)
    if speaker_a is None or speaker_b is None:
        return False
    return len(speaker_a & speaker_b) >= MIN_SPEAKER_SHARED


def same_kind_of_date(a: str, b: str) -> bool:
    """Weekday with weekday, day with day, month with month, year with year, century
    with century."""
    pa, pb = parts(a), parts(b)
    if isinstance(pa, str) or isinstance(pb, str):
        return isinstance(pa, str) and isinstance(pb, str) and is_century(pa) == is_century(pb)
    return [x is None for x in pa] == [x is None for x in pb]


# "found dead after going missing on Friday": the day of the act an "after" or "before"
# clause tells, not of the sentence's own event.
PRIOR_ACT = re.compile(r"\b(?:after|before)\s+(?:[\w'’]+\s+){0,3}?(?:on\s+)?$", re.I)


def of_prior_act(sentence: Sentence, date: DateMention) -> bool:
    """Whether a date dates the act of an "after"/"before" clause ("after going missing
    on Friday"), which is another event than the one the sentence reports."""
    local = date.start - sentence.start
    return PRIOR_ACT.search(sentence.text[max(0, local - 40) : local]) is not None


def _sole_dates(a: Sentence, b: Sentence) -> list[tuple[DateMention, DateMention]]:
    """The one date of each kind (weekday, day, month, year) in two statements of one fact.

    "killed in an accident on Sunday" and "died on Friday after an accident" date the same
    event differently although the words around the dates differ.
    """
    if not a.dates or not b.dates:
        return []  # no date of its own on one side: nothing to pair
    if TWO_EVENTS.search(a.text) or TWO_EVENTS.search(b.text):
        return []  # "returned on Wednesday, a day after the fire": two events, two dates
    own_a = [d for d in a.dates if not reported_on(a, d.start) and not of_prior_act(a, d)]
    own_b = [d for d in b.dates if not reported_on(b, d.start) and not of_prior_act(b, d)]
    found = []
    for da in own_a:
        same_a = [x for x in own_a if same_kind_of_date(x.value, da.value)]
        same_b = [x for x in own_b if same_kind_of_date(x.value, da.value)]
        if len(same_a) == 1 and len(same_b) == 1:
            found.append((da, same_b[0]))
    return found


def _as_precise(value: str, than: str) -> bool:
    """Whether a date gives every part another gives: "april 11, 2016" is as precise as
    "april 11"; "2016" is not as precise as "april 11, 2016"."""
    pv, pt = parts(value), parts(than)
    if isinstance(pv, str) or isinstance(pt, str):
        return same_kind_of_date(value, than)
    return all(v is not None for v, t in zip(pv, pt, strict=True) if t is not None)


def holds_date(sentence: Sentence, value: str) -> bool:
    """Whether a sentence also names ``value``, as precisely or more ("april 11, 2016"
    holds "april 11"; "in 2016" does not hold "april 11, 2016")."""
    return any(_as_precise(d.value, value) and compatible(d.value, value) for d in sentence.dates)


def date_conflicts(
    a: Sentence, b: Sentence, pair: StatementPair
) -> list[tuple[Observation, Observation]]:
    """Dates in the same place of two parallel sentences that cannot be the same day."""
    found = []
    candidates = [
        (da, db)
        for ca, cb in (pair.changes if pair.parallel >= PARALLEL else [])
        for da in a.dates
        if in_span(da.start, da.end, ca)
        for db in b.dates
        if in_span(db.start, db.end, cb)
    ]
    if comparable(pair):
        candidates += [
            (da, db)
            for da in a.dates
            for db in b.dates
            if same_kind_of_date(da.value, db.value)
            and same_slot(a, (da.start, da.end), b, (db.start, db.end))
        ]
    if pair.containment >= CONTAINED:
        # The one date of each sentence is compared where the sentences state one fact;
        # in two loosely similar sentences ("the blast on Tuesday" / "the inquiry on
        # Wednesday") the dates are often of two events, so there only where the words
        # by each date name one event ("the fire broke out early on Monday" / "evacuated
        # on Tuesday after a fire broke out"), or both date one speaker's announcement.
        candidates += _sole_dates(a, b)
    elif comparable(pair):
        candidates += [
            (da, db)
            for da, db in _sole_dates(a, b)
            if same_event(a, da, b, db) or one_announcement(a, da, b, db)
        ]
    seen: set[tuple[int, int]] = set()
    for da, db in candidates:
        if (da.start, db.start) in seen or compatible(da.value, db.value):
            continue
        if da.planned != db.planned:
            continue  # "to appear in court Monday" / "appeared in court Saturday": two acts
        if different_events(da, db) or not (
            anchored_weekdays(a, da, b, db) or one_announcement(a, da, b, db)
        ):
            continue  # two days of a story: "custody Monday" / "photo released Tuesday"
        seen.add((da.start, db.start))
        if holds_date(a, db.value) or holds_date(b, da.value):
            continue  # each sentence also holds the other's date
        if (reported_on(a, da.start) or reported_on(b, db.start)) and not _only_change(
            pair, a, da, b, db
        ):
            continue
        found.append(
            (
                Observation("date", "date", da.value, da.text, da.value, a),
                Observation("date", "date", db.value, db.text, db.value, b),
            )
        )
    return found
