"""Dates: calendar dates, months, years and weekdays, normalised to ISO-like values.

"30 September", "September 30" and "Sept. 30" all become "--09-30"; "March 2011" becomes
"2011-03"; "in September" becomes "--09"; "Wednesday" becomes "wednesday". Relative
expressions ("last week", "earlier this month", "this weekend", "yesterday", "two years
ago") keep their words as their value and are marked ``relative``; both ends of a range
("from 1967 to 1979", "between 30 September and 29 November") are mentions, marked by
``bound``, and so are "since March 2011" (a start) and "up to 29 November" (an end).

:func:`resolve` places every mention against the article's date where it is known
(:func:`article_date`: the ``date`` of the document's metadata, or a dateline line at the
top of the text that is a full date): weekdays and relative expressions become days, ISO
weeks ("2015-11-23/2015-11-29"), months or years, and dates without a year get the year
that puts them nearest the article (past rather than future). It never guesses where
there is no article date: the mention then keeps only its stated value.

:func:`compatible` says whether two *stated* values can name the same day, so that a
partial date ("September") never contradicts a full one ("30 September") and a relative
expression never contradicts anything: "last week" in Monday's paper and "last week" in
the next Saturday's can be different weeks, and two resolved values that differ only
because the articles were published on different days are no disagreement either, so
the comparison of sources reads ``value``, never ``resolved``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from accord.analyse.quantities import UNITS

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token
from accord.model import DateMention

MONTH_NUMBERS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH = (
    r"(?P<{name}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A month on its own is only a date after a word that introduces a time: "may" and "march"
# are verbs far more often than months otherwise.
FULL_MONTH = (
    r"(?P<m5>january|february|march|april|may|june|july|august|september|october|november|"
    r"december|sept\.|oct\.|nov\.|dec\.|jan\.|feb\.|aug\.)"
)

YEAR_VALUE = re.compile(r"\d{4}")
ISO_VALUE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
MONTH_DAY_VALUE = re.compile(r"--(\d\d)(?:-(\d\d))?")
MONTH_CUE = r"(?:in|since|by|until|till|from|between|early|late|mid-?)"
# After a weaker cue, "may" and "march" are read as verbs: "and may amount to".
WEAK_CUE = r"(?:and|to|through|during|of)"
DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<{name}>1[89]\d\d|20\d\d)"
WEEKDAY = rf"(?P<weekday>{'|'.join(WEEKDAYS)})"

_DAY_MONTH = (
    rf"\b{DAY.format(name='d1')}\s+(?:of\s+)?{MONTH.format(name='m1')}"
    rf"(?:,?\s+{YEAR.format(name='y1')})?(?![\w])"
)
_MONTH_DAY = (
    rf"\b{MONTH.format(name='m2')}\s+{DAY.format(name='d2')}(?:,?\s+{YEAR.format(name='y2')})?\b"
    r"(?!\s*(?:%|per|million|thousand|billion|people|years?))"
)
_MONTH_YEAR = rf"\b{MONTH.format(name='m3')},?\s+(?:of\s+)?{YEAR.format(name='y3')}\b"
_YEAR = rf"\b(?:in|since|by|until|of|from|between|early|late|mid-?)\s+{YEAR.format(name='y4')}\b"
_WEAK_MONTH = FULL_MONTH.replace("m5", "m6")
_MONTH_ALONE = (
    rf"\b(?:{MONTH_CUE}\s+{FULL_MONTH}|{WEAK_CUE}\s+(?!may\b|march\b){_WEAK_MONTH})"
    r"(?![\w])(?!\s*(?:of\s+)?\d)(?!,\s*(?:1[89]|20)\d\d\b)"  # "in august, 2013": month and year
)

DATE = re.compile(
    "|".join([_DAY_MONTH, _MONTH_DAY, _MONTH_YEAR, _YEAR, _MONTH_ALONE, rf"\b{WEEKDAY}\b"]),
    re.I,
)
VALUE = re.compile(r"^(?P<y>\d{4}|-)?-?(?P<m>\d\d)?(?:-(?P<d>\d\d))?$")


# Days named by a fixed-date holiday: "on New Year's Day" is 1 January, so it can be
# set against another source's "Jan. 2". Holidays that move (Easter, Thanksgiving) need
# the year and are left out, and so are national days (whose nation?).
HOLIDAYS = {
    "new year's day": "--01-01",
    "new year's eve": "--12-31",
    "christmas day": "--12-25",
    "christmas eve": "--12-24",
    "boxing day": "--12-26",
    "valentine's day": "--02-14",
    "halloween": "--10-31",
    "st. patrick's day": "--03-17",
    "st patrick's day": "--03-17",
    "fourth of july": "--07-04",
    "bastille day": "--07-14",
}
HOLIDAY = re.compile(
    r"\b(?:" + "|".join(re.escape(h).replace("'", "['’]?") for h in HOLIDAYS) + r")(?![\w'’])",
    re.I,
)
ORDINAL_WORDS = {
    w: n
    for n, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
        "twentieth twenty-first".split(),
        start=1,
    )
}
# "the 12th century", "a 13th-century church", "the fifth century BC"
CENTURY = re.compile(
    r"\b(?:(?P<n>[12]?\d)(?:st|nd|rd|th)|(?P<w>" + "|".join(ORDINAL_WORDS) + r"))"
    r"[\s-]+century\b(?P<bc>\s*(?:bc\b|b\.c\.|bce\b))?",
    re.I,
)
CENTURY_VALUE = re.compile(r"c-?\d{1,2}")


def is_century(value: str) -> bool:
    return CENTURY_VALUE.fullmatch(value) is not None


def _holiday_value(text: str) -> str:
    """ "New Year's Day", "new years day", "New Year’s Day" -> "--01-01"."""
    key = " ".join(re.sub(r"['’]", "", text.lower()).split())
    return next((v for h, v in HOLIDAYS.items() if h.replace("'", "") == key), "")


def _century_value(match: re.Match[str]) -> str:
    number = int(match["n"]) if match["n"] else ORDINAL_WORDS[match["w"].lower()]
    return f"c{'-' if match['bc'] else ''}{number}"


def _month(text: str) -> int:
    return MONTH_NUMBERS[text[:3].lower()]


def normalise(match: re.Match[str]) -> str | None:
    """The ISO-like value of one date match, or None when it is not a real date."""
    groups = match.groupdict()
    for d, m, y in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if groups.get(d) and groups.get(m):
            day = int(groups[d])
            if not 1 <= day <= 31:
                return None
            month = _month(groups[m])
            year = groups.get(y)
            return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    if groups.get("m3"):
        return f"{groups['y3']}-{_month(groups['m3']):02d}"
    if groups.get("y4"):
        return groups["y4"]
    for name in ("m5", "m6"):
        if groups.get(name):
            return f"--{_month(groups[name]):02d}"
    if groups.get("weekday"):
        return groups["weekday"].lower()
    return None


def parts(value: str) -> tuple[int | None, int | None, int | None] | str:
    """(year, month, day) of a value, any of them None when unknown; a weekday or a
    century ("c12", "c-5" for the fifth century BC) as is."""
    if value in WEEKDAYS or CENTURY_VALUE.fullmatch(value):
        return value
    if YEAR_VALUE.fullmatch(value):
        return int(value), None, None
    if match := ISO_VALUE.fullmatch(value):
        year, month, day = match.groups()
        return int(year), int(month), int(day) if day else None
    if match := MONTH_DAY_VALUE.fullmatch(value):
        month, day = match.groups()
        return None, int(month), int(day) if day else None
    return None, None, None


def compatible(a: str, b: str) -> bool:
    """Whether two date values can name the same day (partial values match wider ones)."""
    pa, pb = parts(a), parts(b)
    if isinstance(pa, str) or isinstance(pb, str):
        # Two weekdays (two centuries) must agree; a weekday and a calendar date cannot be
        # compared without knowing the year, nor a century with a weekday.
        if isinstance(pa, str) and isinstance(pb, str) and is_century(pa) == is_century(pb):
            return pa == pb
        return True
    return all(x is None or y is None or x == y for x, y in zip(pa, pb, strict=True))


# "a week ago" ... "twelve years ago": the number words of quantities, one to twelve
NUMBER_WORDS = {"a": 1, "an": 1} | {w: n for w, n in UNITS.items() if 1 <= n <= 12}
RELATIVE = re.compile(
    r"\b(?P<rq>(?:(?:earlier|later|early|late)\s+)?(?:last|this|next))\s+"
    r"(?P<ru>week(?:end)?|month|year)\b(?!\s*'s\s+(?:top|best))"
    r"|\b(?P<rd>the\s+day\s+before\s+yesterday|yesterday|tomorrow)\b"
    rf"|\b(?P<rn>{'|'.join(NUMBER_WORDS)}|\d{{1,2}})\s+(?P<rnu>days?|weeks?|months?|years?)\s+ago\b",
    re.I,
)
WEEKDAY_QUALIFIER = re.compile(r"\b(?P<q>last|next|this|past)\s+$", re.I)
# Words before a weekday that put it ahead of the article: "will meet on Friday".
FUTURE = re.compile(
    r"\b(?:will|shall|is due|are due|is set to|are set to|is expected|are expected|"
    r"scheduled|plans? to|planned for|next|upcoming|until|by)\b[^.;!?]*$",
    re.I,
)
RANGE_START = re.compile(r"\b(?:from|between)\s+(?:the\s+)?$", re.I)
RANGE_JOIN = re.compile(r"\s*(?:to|and|through|till|until|-|–|—)\s*(?:the\s+)?", re.I)
YEAR_END = re.compile(r"\s*(?:to|and|through|till|until|-|–|—)\s*(?P<y>1[89]\d\d|20\d\d)\b", re.I)
# "since March 2011", "since it broke out in March 2011": the date opens a period that
# runs to the article's day.
OPEN_START = re.compile(
    r"\b(?:since\b[^,.;:!?]{0,60}?|(?:starting|beginning)(?:\s+(?:in|on))?\s+)"
    r"(?:the\s+\w+\s+of\s+|early\s+|late\s+|mid-?)?$",
    re.I,
)
OPEN_END = re.compile(
    r"\b(?:until|till|up\s+to|through)\s+(?:the\s+\w+\s+of\s+|early\s+|late\s+|mid-?)?$", re.I
)


def _relative_value(match: re.Match[str]) -> str:
    """The stated value of a relative expression: its words, lower-cased, one space apart."""
    return " ".join(match.group(0).lower().split())


def _bounds(text: str, found: list[DateMention]) -> list[DateMention]:
    """Mark the ends of ranges and open periods, adding a range's closing year if missing."""
    extra: list[DateMention] = []
    for n, mention in enumerate(found):
        before = text[max(0, mention.start - 70) : mention.start]
        nxt = found[n + 1] if n + 1 < len(found) else None
        if RANGE_START.search(before[-30:]):
            if nxt is not None and RANGE_JOIN.fullmatch(text[mention.end : nxt.start]):
                mention.bound, nxt.bound = "start", "end"
            elif YEAR_VALUE.fullmatch(mention.value) and (end := YEAR_END.match(text, mention.end)):
                mention.bound = "start"
                extra.append(
                    DateMention(end["y"], end["y"], end.start("y"), end.end("y"), bound="end")
                )
        elif not mention.bound and OPEN_START.search(before):
            mention.bound = "start"
        elif not mention.bound and OPEN_END.search(before[-30:]):
            mention.bound = "end"
    return sorted(found + extra, key=lambda m: m.start)


# Steps up the parse from a date to the verb it dates: "on" -> "arrested" in "was
# arrested on Friday" is two; past a few, the verb is of a clause the date is not in.
EVENT_STEPS = 3
TIMES_OF_DAY = frozenset("morning afternoon evening night".split())


def _dated_verb(token: Token) -> Token | None:
    """The verb a date's head word hangs from, past prepositions ("on Friday"); None
    where a noun comes first ("the attack on Friday", "Friday's vote"): the date then
    dates a thing, and which verb that thing belongs to says nothing."""
    node = token
    if token.head.lower_ in TIMES_OF_DAY and token.head.i != token.i:
        token = node = token.head  # "died Wednesday afternoon": the part of the day is the date
    for _ in range(EVENT_STEPS):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ == "VERB":
            return node
        if node.pos_ != "ADP":
            # "on Tuesday" hung from a subject; not "Friday's storm", a thing's date
            return _verb_of_subject(node, token) if node.i != token.head.i else None
    return None


def _verb_of_subject(noun: Token, date: Token) -> Token | None:
    """News puts the day between the subject and its verb ("the council on Tuesday
    voted"), and the parser often hangs "on Tuesday" from the subject: the verb after it
    is the one it dates."""
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.pos_ == "VERB" and date.i < verb.i:
        return verb
    return None


# Dependents that name what a verb acts on: its object, or the subject of its passive.
ACTED_ON = ("dobj", "nsubjpass")


def _acted_on(verb: Token) -> str:
    """What a dated verb acts on, as a lemma: its object or passive subject ("the body of
    X was found"), the noun a participle describes ("the brief filed Friday"); "dead" when
    someone is found dead, followed by who where a noun says it ("dead mother" of "the
    boy's mother was found dead": a story with three bodies found on three days dates
    each death apart). "" where none is given: an intransitive verb, or a pronoun ("it was
    found") that only context resolves."""
    nouns = [child for child in verb.children if child.dep_ in ACTED_ON]
    predicates = ("oprd", "acomp", "xcomp")
    if any(child.lower_ == "dead" and child.dep_ in predicates for child in verb.children):
        who = [n for n in nouns if n.pos_ in ("NOUN", "PROPN")]
        if verb.dep_ in ("relcl", "acl") and not who and verb.head.pos_ in ("NOUN", "PROPN"):
            who = [verb.head]  # "a woman found dead", "the man who was found dead"
        return f"dead {str(who[0].lemma_).lower()}" if len(who) == 1 else "dead"
    if not nouns and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        nouns = [verb.head]
    if not nouns and verb.tag_ == "VBN" and verb.i > 0 and not _has_own_argument(verb):
        # a reduced relative the parser hung elsewhere: "their brief filed Friday"
        before = verb.doc[verb.i - 1]
        nouns = [before] if before.pos_ == "NOUN" else []
    if len(nouns) == 1 and verb.lemma_.lower() in GROUP_ACTS and (size := _group_size(nouns[0])):
        return f"{size} people"  # "two men were arrested" / "Smith and Doe were arrested"
    if len(nouns) != 1 or nouns[0].pos_ not in ("NOUN", "PROPN"):
        return ""
    if nouns[0].lower_ in REMAINS and (whose := _of_whom(nouns[0])):
        return f"dead {whose}"  # "the body of his uncle was found": the uncle found dead
    return str(nouns[0].lemma_).lower()


REMAINS = frozenset("body remains corpse".split())
# Acts done to people that reports tell of a group as a count or as a list of names.
GROUP_ACTS = frozenset("arrest detain".split())
PEOPLE_NOUNS = frozenset(
    "people persons men women teens teenagers boys girls suspects adults juveniles".split()
)


def _group_size(noun: Token) -> int:
    """How many people a subject names, where it names two or more: a count ("two men",
    "the two") or names joined by "and" ("Smith, 42, and Doe, 67"); 0 otherwise."""
    if noun.pos_ == "NUM" and noun.lower_ in NUMBER_WORDS:
        return NUMBER_WORDS[noun.lower_] if NUMBER_WORDS[noun.lower_] >= 2 else 0
    if noun.lower_ in PEOPLE_NOUNS:
        counts = [c for c in noun.children if c.dep_ == "nummod" and c.lower_ in NUMBER_WORDS]
        size = NUMBER_WORDS[counts[0].lower_] if len(counts) == 1 else 0
        return size if size >= 2 else 0
    if noun.pos_ == "PROPN" or noun.ent_type_ == "PERSON":
        names = [t for t in noun.subtree if t.dep_ == "conj" and t.pos_ == "PROPN"]
        return 1 + len(names) if names else 0
    return 0


def _of_whom(noun: Token) -> str:
    """Whose body a noun is, as a lemma: the object of its "of" ("the body of a
    9-year-old boy", "the remains of Smith"); "" where none."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            if len(objects) == 1 and objects[0].pos_ in ("NOUN", "PROPN"):
                return str(objects[0].lemma_).lower()
    return ""


def _has_own_argument(verb: Token) -> bool:
    return any(child.dep_ in ("nsubj", "nsubjpass", "dobj", "auxpass") for child in verb.children)


MODALS = frozenset("will shall would could may might 'll".split())


def _planned(verb: Token) -> bool:
    """Whether a dated verb tells a plan: it has a modal ("will appear Monday") or is an
    infinitive ("expected to vote Tuesday", "remanded to appear in court on Monday"), or
    hangs from one ("will be sentenced and fined Monday")."""
    for node in (verb, verb.head):
        for child in node.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in MODALS:
                return True
            if child.dep_ == "aux" and child.lower_ == "to" and child.i < node.i:
                return True
        if node.dep_ != "conj":
            break
    return False


RELATIVE_SUBJECTS = frozenset("that which who".split())


def _ambiguous_relative(verb: Token) -> bool:
    """Whether a date at the end of a relative clause whose subject is the relative
    pronoun may date the main verb as well: "shot a groundhog that was holding up traffic
    Monday morning" tells when it was shot; the parse says nothing either way."""
    return verb.dep_ == "relcl" and any(
        child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in RELATIVE_SUBJECTS
        for child in verb.children
    )


def date_events(mentions: list[DateMention], spacy_doc: SpacyDoc, offset: int = 0) -> None:
    """Set each mention's ``event`` (the verb it dates) and ``argument`` (what that verb
    acts on), from the parse of the text it was found in (``offset``: where that text
    starts). Two sources that date two different acts ("arraigned Friday" / "arrested
    Wednesday") then are not set against each other
    (:func:`accord.compare.dates.different_events`), and one act told in sentences that
    share few words is still one act (:mod:`accord.compare.event_dates`)."""
    for mention in mentions:
        span = spacy_doc.char_span(
            mention.start - offset, mention.end - offset, alignment_mode="expand"
        )
        verb = _dated_verb(span.root) if span is not None else None
        if verb is not None and not _ambiguous_relative(verb):
            mention.event = str(verb.lemma_).lower()
            mention.argument = _acted_on(verb)
            mention.planned = _planned(verb)


def extract_dates(text: str, offset: int = 0, reference: str | None = None) -> list[DateMention]:
    """Every date mention in ``text``, with offsets shifted by ``offset``.

    ``reference`` is the article's ISO date where known: the mentions are then resolved
    against it (:func:`resolve`).
    """
    found: list[DateMention] = []
    for match in DATE.finditer(text):
        value = normalise(match)
        if value is None:
            continue
        start, end = match.span()
        groups = match.groupdict()
        if groups.get("y4"):
            start = match.start("y4")
        elif groups.get("m5") or groups.get("m6"):
            start = match.start("m5" if groups.get("m5") else "m6")
        relative = value in WEEKDAYS
        if relative and (q := WEEKDAY_QUALIFIER.search(text, max(0, start - 6), start)):
            start = q.start("q")  # "last Tuesday": the qualifier belongs to the date
        found.append(DateMention(text[start:end], value, start, end, relative=relative))
    for match in RELATIVE.finditer(text):
        start, end = match.span()
        if any(m.start < end and start < m.end for m in found):
            continue
        found.append(DateMention(text[start:end], _relative_value(match), start, end, True))
    for match in HOLIDAY.finditer(text):
        start, end = match.span()
        value = _holiday_value(match.group(0))
        if value and not any(m.start < end and start < m.end for m in found):
            found.append(DateMention(text[start:end], value, start, end))
    for match in CENTURY.finditer(text):
        start, end = match.span()
        if not any(m.start < end and start < m.end for m in found):
            found.append(DateMention(text[start:end], _century_value(match), start, end))
    found = _bounds(text, sorted(found, key=lambda m: m.start))
    if reference is not None:
        resolve(text, found, reference)
    for mention in found:
        mention.start += offset
        mention.end += offset
    return found


# --- resolution against the article's date ----------------------------------------------

ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
# A line at the top of an article that is its date: "Published: 2 December 2015 10:31 GMT",
# "Wednesday, Dec. 2, 2015", "BEIRUT, Dec 2, 2015 -".
DATELINE_WORDS = frozenset(
    "published posted updated last on at am pm gmt utc bst cet edt est pst cdt et by "
    "a.m p.m".split()
) | frozenset(WEEKDAYS)
FUTURE_COST = 8  # a day ahead of the article counts as this many days behind it
DATELINE_CITY = re.compile(r"^[A-Z][A-Z .'’-]{1,30},\s*$")


def _day(value: str | None) -> date | None:
    if not value or not (match := ISO_DAY.fullmatch(value.strip()[:10])):
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def article_date(text: str, meta: dict[str, str] | None = None) -> str | None:
    """The article's own date (ISO day): ``meta["date"]``, else a dateline at the top.

    A dateline is one of the first three lines that holds a full date with its year and
    nothing else but publication words, a time or a capitalised city ("BEIRUT,"); a date
    inside a sentence is never taken for the article's, and there is no guess without one.
    """
    if meta and (day := _day(meta.get("date"))):
        return day.isoformat()
    for line in [line for line in text.splitlines() if line.strip()][:3]:
        if len(line) > 120:
            continue
        for mention in extract_dates(line):
            if not ISO_DAY.fullmatch(mention.value):
                continue
            rest = (line[: mention.start] + " " + line[mention.end :]).strip(" -—–|:,()")
            words = re.findall(r"[A-Za-z.]+", rest.lower())
            city = DATELINE_CITY.match(line[: mention.start].strip(" -—–|:(,") + ",")
            if all(w.strip(".") in DATELINE_WORDS for w in words) or (
                city and not line[mention.end :].strip(" -—–:")
            ):
                return mention.value if _day(mention.value) else None
    return None


def _week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _interval(a: date, b: date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _month_shift(year: int, month: int, by: int) -> str:
    n = year * 12 + month - 1 + by
    return f"{n // 12:04d}-{n % 12 + 1:02d}"


def _weekday(value: str, stated: str, ref: date, future: bool) -> date:
    """The day a weekday names: the latest on or before the article's day, or the next one
    after it where the sentence looks ahead ("will meet on Friday", "next Friday")."""
    target = WEEKDAYS.index(value)
    qualifier = stated.split()[0].lower() if " " in stated else ""
    if qualifier == "next" or (future and qualifier not in {"last", "past"}):
        return ref + timedelta(days=(target - ref.weekday() - 1) % 7 + 1)
    back = (ref.weekday() - target) % 7
    if qualifier in {"last", "past"} and back == 0:
        back = 7
    return ref - timedelta(days=back)


def _relative(value: str, ref: date) -> str | None:
    """The resolved value of a relative expression (see :data:`RELATIVE`)."""
    words = value.split()
    if words[-1] == "ago":
        n = int(words[0]) if words[0].isdigit() else NUMBER_WORDS[words[0]]
        unit = words[1].rstrip("s")
        if unit == "day":
            return (ref - timedelta(days=n)).isoformat()
        if unit == "week":
            return _interval(*_week(ref - timedelta(weeks=n)))
        if unit == "month":
            return _month_shift(ref.year, ref.month, -n)
        return f"{ref.year - n:04d}"
    if value in {"yesterday", "tomorrow", "the day before yesterday"}:
        shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2}[value]
        return (ref + timedelta(days=shift)).isoformat()
    which, unit = words[-2], words[-1]
    shift = {"last": -1, "this": 0, "next": 1}[which]
    if unit == "week":
        monday, sunday = _week(ref + timedelta(weeks=shift))
        return _interval(monday, sunday)
    if unit == "weekend":
        if shift == 0:
            # "this weekend" in a Saturday, Sunday or Monday paper is the one just past or
            # under way; from Tuesday to Friday it could be either: left unresolved.
            if ref.weekday() in (5, 6, 0):
                saturday = ref - timedelta(days=(ref.weekday() - 5) % 7)
                return _interval(saturday, saturday + timedelta(days=1))
            return None
        saturday = (
            ref - timedelta(days=(ref.weekday() - 5) % 7 or 7)
            if shift < 0
            else (ref + timedelta(days=(5 - ref.weekday()) % 7 or 7))
        )
        return _interval(saturday, saturday + timedelta(days=1))
    if unit == "month":
        return _month_shift(ref.year, ref.month, shift)
    return f"{ref.year + shift:04d}"


def _complete_year(value: str, ref: date) -> str | None:
    """A month or day without its year, given the year that puts it nearest the article,
    the past strongly preferred ("--11-29" in December 2015 -> "2015-11-29"; "--12" in
    January 2016 -> "2015-12"): reports look back far more often than ahead."""
    match = MONTH_DAY_VALUE.fullmatch(value)
    if not match:
        return None
    month, day = int(match[1]), int(match[2]) if match[2] else None

    def cost(year: int) -> int:
        try:
            delta = (date(year, month, day or 15) - ref).days
        except ValueError:
            return 10**6
        return -delta if delta <= 0 else FUTURE_COST * delta

    year = min((ref.year - 1, ref.year, ref.year + 1), key=cost)
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def resolve(text: str, mentions: list[DateMention], reference: str) -> None:
    """Fill ``resolved`` of each mention against the article's date ``reference``.

    Offsets are those of ``text`` (before any shift). Calendar dates with a year resolve
    to themselves; nothing resolves without a valid reference.
    """
    ref = _day(reference)
    if ref is None:
        return
    for mention in mentions:
        value = mention.value
        if value in WEEKDAYS:
            before = text[max(0, mention.start - 80) : mention.start]
            future = FUTURE.search(before) is not None
            mention.resolved = _weekday(value, mention.text, ref, future).isoformat()
        elif mention.relative:
            mention.resolved = _relative(value, ref)
        elif value.startswith("--"):
            mention.resolved = _complete_year(value, ref)
        elif is_century(value):
            continue  # a century is no day of the article's calendar
        else:
            mention.resolved = value


def interval(value: str | None) -> tuple[date, date] | None:
    """The first and last day a resolved or stated value can mean; None without a year."""
    if not value:
        return None
    if "/" in value:
        a, b = (_day(v) for v in value.split("/", 1))
        return (a, b) if a and b else None
    found = parts(value)
    if isinstance(found, str) or found[0] is None:
        return None
    year, month, day = found
    if day is not None and month is not None:
        try:
            one = date(year, month, day)
        except ValueError:
            return None
        return one, one
    if month is not None:
        last = (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
        return date(year, month, 1), last
    return date(year, 1, 1), date(year, 12, 31)
