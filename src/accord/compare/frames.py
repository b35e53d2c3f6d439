"""Claim frames: what a figure is the figure of, so that only one claim's values compare.

A count in a sentence belongs to a frame: the thing counted, the event, who took part and
whether the sentence states it as fact. Two counts of one noun in related sentences are
often the figures of two different claims: a part and its whole ("10 charges, including
two counts of homicide"), a plan and a result ("hopes to eat a record 70" / "ate 61"),
the reporter's sourcing ("according to two people familiar with the matter"), a length
and its conversion ("95 km (60 miles)" / "100 km (62 miles)"), or one figure at two
precisions ("1.76 million" / "1.8 million"). :func:`different_claims` says when the
frames of two conflicting counts show that they are not one claim stated differently.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterator

from accord.analyse.entities import entity_key
from accord.analyse.gazetteer import nested
from accord.analyse.quantities import UNITS
from accord.analyse.terms import content_terms
from accord.compare.counts import Observation, same_span
from accord.model import Cluster, Quantity, Sentence, SentenceRef

# "including two counts", "among them 20 iranians", "12 of them children": a part.
PART_BEFORE = re.compile(
    r"\b(?:including|includes|include|among them|among whom|of whom|of them|of which)"
    r"\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
PART_AFTER = re.compile(
    r"^\s*(?:of them|of whom|among them|of the|of those|of these|of his|of her|of their)\b", re.I
)  # "three of the teens" are some of them
# "in the past 400 million years", "over the last two decades": a window of reference.
WINDOW_BEFORE = re.compile(r"\b(?:past|last|next|previous|coming)\s+$", re.I)
# "two people familiar with the matter", "three sources": who told the reporter.
SOURCING_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,2}?(?:people|officials|sources?|persons)"
    r"(?:\s+(?:familiar|briefed|close|with knowledge|who spoke|who asked|speaking))",
    re.I,
)
SOURCING_NOUN = re.compile(r"^\s*(?:[\w'’-]+\s+)?sources?\b", re.I)
# A figure hoped for, planned, possible or advised: "hopes to eat a record 70", "could face
# 400 years", "adults need 7.5 hours of sleep" (a norm, not what people get).
# "may" and "might" hedge a finding ("runners may live three years longer"): the figure is
# still the claim, stated with caution, and compares with the same finding stated plainly.
IRREALIS_BEFORE = re.compile(
    r"\b(?:hopes?|hoping|plans?|planning|aims?|aiming|wants?|expects?|expected|intends?|"
    r"would|could|maximum|up to|faced|faces|face|target|goal|record|"
    r"need|needs|should|recommended|recommends|recommend)\b"
    r"(?:\s+[\w'’,$€£¥-]+){0,6}\s*[$€£¥]?\s*$",  # "could have to pay $ 20 million"
    re.I,
)
# The figure as the subject of what could or would happen: "more than 20,000 people could
# become infected" (a projection, not a count of what happened).
IRREALIS_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,4}?(?:could|would)\s+(?:be|become|have)\b", re.I
)
# A figure in brackets right after another is the same length in other units.
CONVERSION_BEFORE = re.compile(r"\d[\d.,]*\s*[a-z.]*\s*\(\s*$", re.I)
CONVERSION_AFTER = re.compile(r"^[\s\w.]{0,12}\(\s*(?:about\s+)?\d", re.I)
CONVERSION_TOLERANCE = 0.05
NAME_WORD = re.compile(r"[a-z][a-z'’-]+")


def _before(sentence: Sentence, q: Quantity, width: int = 60) -> str:
    local = q.start - sentence.start
    return sentence.text[max(0, local - width) : local]


def _after(sentence: Sentence, q: Quantity, width: int = 60) -> str:
    local = q.end - sentence.start
    return sentence.text[local : local + width]


def is_part(sentence: Sentence, q: Quantity) -> bool:
    """A count stated as part of a larger one ("including two counts of homicide")."""
    return bool(PART_BEFORE.search(_before(sentence, q)) or PART_AFTER.match(_after(sentence, q)))


# "Seventeen of the boat's 31 passengers died": the figure after "N of the" is the whole.
WHOLE_BEFORE = re.compile(
    r"\b(?:\d[\d,]*|[a-z]+teen|[a-z]+ty|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|all|most|half|many|some)\s+of\s+(?:the|its|their|his|her|our)\s+"
    r"(?:[\w'’-]+\s+){0,2}$",
    re.I,
)


def is_whole(sentence: Sentence, q: Quantity) -> bool:
    """A count stated as the whole a part is taken from ("17 of the boat's 31 passengers")."""
    return WHOLE_BEFORE.search(_before(sentence, q)) is not None


# "in 2011, when 220 cases were reported": a figure of a year the sentence names.
YEAR_WHEN = re.compile(r"\b(?:in\s+)?((?:19|20)\d\d),?\s+when\s+(?:[\w'’-]+\s+){0,2}$", re.I)


def year_of(sentence: Sentence, q: Quantity) -> str:
    """The year a figure is told of, where the words just before it say so ("2008, when
    140 americans got measles"); "" otherwise."""
    found = YEAR_WHEN.search(_before(sentence, q, 30))
    return found.group(1) if found else ""


# A sentence length belongs to the one sentenced: "were sentenced to 71 months and 68
# months" of a couple is not "sentenced to 24 months" of their fence.
SENTENCED_BEFORE = re.compile(
    r"\bsentenced\s+(?:[\w'’-]+\s+){0,3}?to\s+(?:(?:a|an|nearly|about|more\s+than)\s+)?$"
    r"|\bsentenced\s+to\s+[^.;]{0,40}\band\s+$",
    re.I,
)


def sentence_of_someone(sentence: Sentence, q: Quantity) -> bool:
    return SENTENCED_BEFORE.search(_before(sentence, q, 60)) is not None


def is_sourcing(sentence: Sentence, q: Quantity) -> bool:
    """A count of the reporter's sources ("two people familiar with the plans")."""
    after = _after(sentence, q)
    return bool(SOURCING_AFTER.match(after) or SOURCING_NOUN.match(after))


def is_irrealis(sentence: Sentence, q: Quantity) -> bool:
    """A figure hoped for, planned, possible or at most: not what happened."""
    return (
        IRREALIS_BEFORE.search(_before(sentence, q, 50)) is not None
        or IRREALIS_AFTER.match(_after(sentence, q, 40)) is not None
    )


def is_conversion(sentence: Sentence, q: Quantity) -> bool:
    """A figure given with its conversion into other units, either side of the brackets."""
    return bool(
        CONVERSION_BEFORE.search(_before(sentence, q, 30))
        or CONVERSION_AFTER.match(_after(sentence, q, 30))
    )


CURRENCY_SIGNS = {"$": "dollar", "€": "euro", "£": "sterling"}
# A unit written after the figure: a currency or a measure that has a rival unit for the
# same amount ("12oz ( 0.34 litre )", "10,000 rupees ( $114 )"). "pound" is left out: a
# weight or a currency.
UNIT_AFTER = re.compile(
    r"^[\s-]*(?P<unit>dollars?|euros?|rupees?|yuan|yen|rubles?|roubles?|oz|ounces?|"
    r"lit(?:re|er)s?|ml|millilit(?:re|er)s?|gallons?|km|kilomet(?:re|er)s?|miles?|kg|"
    r"kilograms?|lbs?|grams?|metres?|meters?|feet|foot|ft|inch(?:es)?|cm|"
    r"centimet(?:re|er)s?)\b",
    re.I,
)
UNIT_NAMES = {
    "dollar": "dollar", "euro": "euro", "rupee": "rupee", "ruble": "rouble",
    "rouble": "rouble", "ounce": "oz", "liter": "litre", "milliliter": "ml",
    "millilitre": "ml", "kilometer": "km", "kilometre": "km", "kilogram": "kg",
    "meter": "metre", "foot": "feet", "ft": "feet", "inche": "inch", "centimeter": "cm",
    "centimetre": "cm",
}  # fmt: skip


def unit_of(sentence: Sentence, q: Quantity) -> str:
    """The currency or unit of measure a figure is written in ("$", "€", "oz", "litre"),
    or "" when none is written next to it."""
    before = _before(sentence, q, 3).rstrip()
    if before and before[-1] in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[before[-1]]
    inside = next((c for c in q.text if c in CURRENCY_SIGNS), "")
    if inside:
        return CURRENCY_SIGNS[inside]
    match = UNIT_AFTER.match(_after(sentence, q, 20))
    if match is None:
        return ""
    word = match.group("unit").lower()
    word = "lb" if word == "lbs" else word.removesuffix("s")
    return UNIT_NAMES.get(word, word)


RATE_UNITS = {
    "year": "year", "annually": "year", "yearly": "year", "annual": "year",
    "month": "month", "monthly": "month", "week": "week", "weekly": "week",
    "day": "day", "daily": "day", "night": "day", "hour": "hour", "hourly": "hour",
    "minute": "minute", "second": "second", "decade": "decade",
}  # fmt: skip
_RATE_UNIT = r"(?P<unit>year|month|week|day|night|hour|minute|second|decade)"
# "2,200 people a year", "six deaths every day", "$15 an hour", "kills 40 annually":
# within a few words after the figure, in its clause; not "a year ago", "a day after",
# nor "in a year", "for a week" (a time, a duration: NOT_RATE_BEFORE).
RATE_AFTER = re.compile(
    r"^(?P<words>(?:\s+(?!and\b|but\b|or\b)[\w'’$%-]+){0,4}?)\s+"
    r"(?:(?:a|an|per|each|every)\s+(?:single\s+)?" + _RATE_UNIT + r"\b"
    r"(?!\s+(?:ago|after|before|later|earlier|old|long)\b)(?!-)"
    r"|(?P<adverb>annually|yearly|daily|weekly|monthly|hourly)\b)",
    re.I,
)
NOT_RATE_BEFORE = frozenset("in for within than of half over once twice about nearly".split())
# "each year, 2,200 people die", "every day about six": the rate opens the clause.
RATE_BEFORE = re.compile(
    r"\b(?:each|every|per)\s+" + _RATE_UNIT + r",?\s+(?:[\w'’$-]+\s+){0,3}$", re.I
)


def rate_unit(sentence: Sentence, q: Quantity) -> str:
    """The time unit a figure is counted per ("2,200 a year" -> "year", "six a day" ->
    "day"), or "" for a figure that is no rate."""
    after = re.split(r"[,.;:!?()]", _after(sentence, q, 50), maxsplit=1)[0]
    if (m := RATE_AFTER.match(after)) and (
        m["adverb"] or (m["words"].split() or [""])[-1].lower() not in NOT_RATE_BEFORE
    ):
        return RATE_UNITS[(m["unit"] or m["adverb"]).lower()]
    if m := RATE_BEFORE.search(re.split(r"[.;:!?()]", _before(sentence, q, 50))[-1]):
        return RATE_UNITS[m["unit"].lower()]
    return ""


def different_rates(a: Sentence, qa: Quantity, b: Sentence, qb: Quantity) -> bool:
    """Two figures counted per different units of time, or a rate against a total: "2,200
    deaths a year" and "six deaths a day" are one toll told two ways (or two things), never
    two values of one claim."""
    return rate_unit(a, qa) != rate_unit(b, qb)


def significant_digits(value: float) -> int:
    """How many significant digits a figure is written with (to six): 1.8 million -> 2,
    1.76 -> 3, 300 -> 1. Read off the scientific form, so that figures of a million or
    more, which "%g" writes with an exponent ("1.8e+06"), count their digits too."""
    mantissa = f"{abs(value):.5e}".split("e")[0]
    return max(len(mantissa.replace(".", "").rstrip("0")), 1)


def figure_precision(value: float) -> float:
    """The rounding step a figure is written to: 1.8 million -> 100,000; 1.76 -> 0.01."""
    if value == 0:
        return 1.0
    magnitude = math.floor(math.log10(abs(value)))
    return 10.0 ** (magnitude - significant_digits(value) + 1)


def equal_at_precision(a: float, b: float) -> bool:
    """Whether two figures agree at the precision of the coarser one: "2,400" / "about
    2,000" (thousands) do, "2,400" / "about 2,300" (hundreds) do not."""
    coarse = max(figure_precision(a), figure_precision(b))
    return round(a / coarse) == round(b / coarse)


def rounded_or_cut(a: float, b: float) -> bool:
    """Whether the coarser figure, of two or more digits, is the finer one rounded half
    either way or cut to its precision: "1.35 million" is "1.3 million" to a writer who
    rounds down and "1.4 million" to one who rounds up; "$4.56 million" is cut to "$4.5
    million" (PROTOCOL, sample G: consistent rounding). A one-digit round figure
    ("300,000" against "250,000") is an estimate of its own, shown against the other."""
    coarse, fine = sorted((abs(a), abs(b)), key=figure_precision, reverse=True)
    step = figure_precision(coarse)
    if significant_digits(coarse) < 2 or figure_precision(fine) >= step:
        return False
    gap = fine - coarse
    return (gap >= -step / 2 or math.isclose(gap, -step / 2)) and gap < step


def same_after_rounding(a: float, b: float) -> bool:
    """One figure written to two precisions: "1.76 million" / "1.8 million"."""
    if max(figure_precision(a), figure_precision(b)) < 10:
        return False  # small counts are stated exactly: "18 hours" / "19 hours" differ
    return equal_at_precision(a, b) or rounded_or_cut(a, b)


def person_words(sentence: Sentence) -> set[str]:
    """Words of the people's names a sentence gives (the participants of its claim)."""
    return {w for e in sentence.entities if e.kind == "person" for w in NAME_WORD.findall(e.key)}


def states_figure(sentence: Sentence, q: Quantity, own: Quantity | None = None) -> bool:
    """Whether a sentence also states ``q``'s figure, of whatever noun: "1.8 million
    people ... only 1.4 million infections" has both figures in play. Small figures
    (under 10) recur by chance and count only of the same noun or bare ("the three are
    believed ... the massacre of 86 men" is about the three men too); an age never counts
    against a count: "a 13-year-old girl ... helped 13 people" states no count of 13."""
    return any(
        abs(x.value - q.value) < 1e-9
        and (x.counted == "age") == (q.counted == "age")
        and (q.value >= 10 or x.counted in ("", q.counted))
        and not same_span(x, own)  # the sentence's own figure, compared with q
        for x in sentence.quantities
    )


# "said son taseen jamal, 14": a relative named next to his age, not the man of the surname.
KIN = frozenset(
    "son daughter wife husband brother sister father mother grandson granddaughter nephew "
    "niece cousin uncle aunt".split()
)
KIN_BEFORE = re.compile(r"\b(" + "|".join(sorted(KIN)) + r")(?:,)?\s*$", re.I)


def same_subject(a: str, b: str) -> bool:
    from accord.analyse.entities import same_name

    kin_a, kin_b = a.split(" ", 1)[0] in KIN, b.split(" ", 1)[0] in KIN
    if kin_a != kin_b:
        bare = b if kin_a else a
        if len(bare.split()) == 1:
            return False  # "jamal, 55" / "son taseen jamal, 14": father and son
    a = a.split(" ", 1)[1] if kin_a and " " in a else a
    b = b.split(" ", 1)[1] if kin_b and " " in b else b
    return a == b or same_name(a, b) or a.rstrip("s") == b.rstrip("s")


def _distance(a: Quantity, b: Quantity) -> float:
    low_a, high_a = (
        a.low if a.low is not None else a.value,
        a.high if a.high is not None else a.value,
    )
    low_b, high_b = (
        b.low if b.low is not None else b.value,
        b.high if b.high is not None else b.value,
    )
    return abs(low_a - low_b) + abs(high_a - high_b)


def closer_figure(sentence: Sentence, q: Quantity, other: Quantity) -> bool:
    """The sentence gives another figure of the same noun that is nearer ``other`` than
    ``q`` is ("men need 7.8 hours and women 7.6" / "adults 7.7 hours"; "ruled 380–362 bc
    ... conquered in 332 bc" / "379 to 360 bc"): that one is its counterpart, if any."""
    return q.counted != "" and any(
        x is not q and x.counted == q.counted and _distance(x, other) < _distance(q, other)
        for x in sentence.quantities
    )


def is_window(sentence: Sentence, q: Quantity) -> bool:
    """A span of time a claim is measured over ("in the past 400 million years")."""
    return WINDOW_BEFORE.search(_before(sentence, q, 20)) is not None


# A bare figure: digits, or the number words of quantities from one to twelve.
_BARE = r"(?:\d+(?:\.\d+)?|" + "|".join(w for w, n in UNITS.items() if 1 <= n <= 12) + ")"
# "aged 13, 12, 10 and eight", "ages 4, 6 and 9": one figure of a list of bare figures,
# each another member's (another child's age, another year's count).
LIST_AFTER = re.compile(
    r"^\s*,\s*" + _BARE + r"\b(?!,\d)|^\s*,?\s*(?:and|or)\s+" + _BARE + r"\b(?![\w-])", re.I
)
LIST_BEFORE = re.compile(r"(?<![\w,.])" + _BARE + r"\s*(?:,|,?\s*and|,?\s*or)\s*$", re.I)


PERCENT = re.compile(r"%|\bper ?cent\b", re.I)
# "56 percent of americans said they hadn't packed": the group after "of" is who, the
# words after it what is measured of them.
SHARE_GROUP = re.compile(
    r"^\s*(?:%|per ?cent\b)?\s*(?:of\s+(?:the\s+|all\s+|those\s+)?[\w'’-]+)?", re.I
)


def share_terms(sentence: Sentence, q: Quantity) -> set[str]:
    """What a share measures: the content words after the figure and its group, to the
    end of the clause ("feel guilty for relaxing on vacation")."""
    after = _after(sentence, q, 90)
    after = after[SHARE_GROUP.match(after).end() :]
    after = re.split(r"[.;:(]|,\s*(?:compared|while|but|and)\b", after, maxsplit=1)[0]
    return set(content_terms(after))


def different_shares(a: Sentence, qa: Quantity, b: Sentence, qb: Quantity) -> bool:
    """Two percentages of different measures: "56 percent of americans hadn't packed"
    / "42 percent of americans feel guilty" are two questions of two surveys."""
    if not (PERCENT.search(qa.text) and PERCENT.search(qb.text)):
        return False
    terms_a, terms_b = share_terms(a, qa), share_terms(b, qb)
    return bool(terms_a and terms_b and not terms_a & terms_b)


def in_list(sentence: Sentence, q: Quantity) -> bool:
    """A figure listed with other bare figures of its kind: one member of several."""
    return bool(
        LIST_AFTER.match(_after(sentence, q, 20)) or LIST_BEFORE.search(_before(sentence, q, 20))
    )


AGE_NOUN = re.compile(r"^[\s-]*years?[\s-]+old\s+(?:[\w-]+\s+){0,2}?([a-z]+)\b", re.I)


def age_subject(sentence: Sentence, q: Quantity) -> str:
    """Whose age a figure is: the nearest person named within a few words, else the noun
    after "-year-old" ("a 16-year-old student" -> "student")."""
    nearest, distance, nearest_start = "", 30, 0
    for e in sentence.entities:
        if e.kind != "person":
            continue
        gap = q.start - e.end if e.end <= q.start else e.start - q.end
        if 0 <= gap < distance:
            nearest, distance, nearest_start = e.key, gap, e.start
    if nearest:
        kin = KIN_BEFORE.search(sentence.text[: max(0, nearest_start - sentence.start)])
        return f"{kin.group(1).lower()} {nearest}" if kin else nearest
    match = AGE_NOUN.match(_after(sentence, q))
    return match.group(1).lower() if match else ""


# "when she was 5 years old", "was 8 months old when he moved in", "who was 5 at the
# time": an age at a moment the sentence names, not the age the report gives now.
THEN_AGE_BEFORE = re.compile(r"\bwhen\s+(?:[\w'’-]+\s+){1,3}(?:was|were|turned)\s+$", re.I)
THEN_AGE_AFTER = re.compile(
    r"^[\s-]*(?:years?|months?|weeks?|days?)[\s-]+old\s+(?:when|at the time|back then)\b", re.I
)


def age_then(sentence: Sentence, q: Quantity) -> bool:
    """Whether an age is stated at an earlier moment ("rescued when she was 5 years old")
    rather than as the person's age now ("the 9-year-old dog died"): two different times."""
    return bool(
        THEN_AGE_BEFORE.search(_before(sentence, q, 40))
        or THEN_AGE_AFTER.match(_after(sentence, q, 40))
    )


# "in the 6400 block of south eberhart avenue": an address, the figure a house number.
# Two numbers of one street are one place told differently; of two streets, two places
# (two shootings of one weekend), whatever the sentences share.
ADDRESS_AFTER = re.compile(r"^\s*block\s+of\s+(?P<street>[\w\s.'’-]{1,40})", re.I)
STREET_SKIP = frozenset(
    "the south north east west southwest southeast northwest northeast s n e w sw se nw ne".split()
)


def street_of(sentence: Sentence, q: Quantity) -> str | None:
    """The street a house number is on ("6400 block of south eberhart" -> "eberhart"),
    "" for an address whose street is not written, None for a figure that is no address."""
    match = ADDRESS_AFTER.match(_after(sentence, q, 60))
    if match is None:
        return None
    words = [w.strip(".").lower() for w in match["street"].split()]
    return next((w for w in words if w not in STREET_SKIP), "")


# "the average size of the zone measured in at 5,309", "5 hours on average": a mean over
# many cases, not the one case another figure measures ("this year's zone, 8,776").
AVERAGE_BEFORE = re.compile(
    r"\b(?:average|averages|averaged|averaging|mean|median)\b(?:\s+[\w'’$%-]+){0,10}\s*[$€£]?\s*$",
    re.I,
)
AVERAGE_AFTER = re.compile(r"^(?:\s+[\w'’%-]+){0,3}\s+on\s+average\b", re.I)


def is_average(sentence: Sentence, q: Quantity) -> bool:
    """Whether a figure is stated as an average in its clause."""
    before = re.split(r"[,.;:!?()]", _before(sentence, q, 70))[-1]
    after = re.split(r"[,.;:!?()]", _after(sentence, q, 40), maxsplit=1)[0]
    return bool(AVERAGE_BEFORE.search(before) or AVERAGE_AFTER.match(after))


# Durations and distances belong to an event: "sentenced to 12 years" / "held for 4 years",
# "a 16-hour flight" / "stuck for 28 hours", "seen at a mall 20 miles away" / "caught 500
# miles away" are two events' measures, however alike the sentences.
MEASURES = frozenset(
    """second minute hour day week month year decade century mile kilometre kilometer km
    metre meter foot feet inch yard mph""".split()
)


EVENT_WINDOW = 6  # words either side of a figure where its event's verb may stand


def verb_near(sentence: Sentence, q: Quantity, lemma: str) -> bool:
    """Whether a form of ``lemma`` stands within ``EVENT_WINDOW`` words of the figure."""
    if len(lemma) < 3:
        return False
    words = [
        (m.start() + sentence.start, m.group(0).lower())
        for m in re.finditer(r"[A-Za-z]+", sentence.text)
    ]
    before = [w for at, w in words if at < q.start][-EVENT_WINDOW:]
    after = [w for at, w in words if at >= q.end][:EVENT_WINDOW]
    stem = lemma if len(lemma) <= 4 else lemma[:-1]  # "switch" -> "switched", "take" -> "taken"
    return any(w.startswith(stem) for w in before + after)


def different_events(a: Sentence, qa: Quantity, b: Sentence, qb: Quantity) -> bool:
    """Two durations or distances of different events: their nearest verbs differ and
    neither verb stands near the other figure ("switched off for 19 hours after
    undergoing surgery" / "was switched off for 18 hours" is one event; the nearest verb
    of a figure is a guess, so the other sentence is asked too)."""
    if qa.counted not in MEASURES or qb.counted not in MEASURES or qa.event == qb.event:
        return False
    if is_ago(a, qa) or is_ago(b, qb):
        return False  # "three years ago" dates the event: compared like a date
    return not (verb_near(b, qb, qa.event) or verb_near(a, qa, qb.event))


# "five weeks ago", "two billion years ago": a time back from the article's day.
TIME_AGO = re.compile(
    r"^[\s-]*(?:(?:million|billion)\s+)?(?:(?:years?|months?|weeks?|days?|decades?|hours?)\s+)?"
    r"ago\b",
    re.I,
)
# "five other people", "two more deaths", "the other three women", "another 20": a count
# beside someone or something already counted, not the whole.
OTHER_AFTER = re.compile(r"^\s*(?:other|others|more|additional|further)\b", re.I)
OTHER_BEFORE = re.compile(r"\b(?:other|another|additional|further)\s+$", re.I)


# "four people are dead, including the suspect": a toll that counts the attacker too.
WITH_PERPETRATOR = re.compile(
    r"^[^.;]{0,80}?\b(?:including|counting|among them|plus)\s+(?:the\s+)?"
    r"(?:suspected\s+)?(?:suspect|gunman|gunmen|shooter|attacker|bomber|assailant|perpetrator|killer)s?\b",
    re.I,
)


def counts_perpetrator(sentence: Sentence, q: Quantity) -> bool:
    """A toll stated with the attacker among the dead; another source's toll of the
    victims alone is another figure, one fewer."""
    return WITH_PERPETRATOR.match(_after(sentence, q, 100)) is not None


def is_ago(sentence: Sentence, q: Quantity) -> bool:
    """A figure that counts back from the article's day ("five weeks ago"): it dates an
    event rather than measuring one."""
    return TIME_AGO.match(_after(sentence, q, 30)) is not None


def is_other(sentence: Sentence, q: Quantity) -> bool:
    """A count of others beside some already named ("a technology executive and five other
    people"): it leaves someone out of the total another source gives."""
    return bool(
        OTHER_AFTER.match(_after(sentence, q, 20)) or OTHER_BEFORE.search(_before(sentence, q, 20))
    )


VAGUE_WORDS = re.compile(
    r"\b(?:dozens|scores|hundreds|thousands|millions|billions|several|a few|a handful)\b", re.I
)


def is_vague(q: Quantity) -> bool:
    """A count stated only as an order of size ("several dogs", "millions of euros",
    "thousands of people"): set against a figure it is a looser telling, not another
    value ("several dogs" / "12 dogs"; "millions of euros" / "at least 10.6m euros")."""
    return (
        q.qualifier == "range"
        and not any(c.isdigit() for c in q.text)
        and bool(VAGUE_WORDS.search(q.text))
    )


def different_claims(
    a: Sentence, qa: Quantity, b: Sentence, qb: Quantity, by_event: bool = True
) -> bool:
    """Whether two conflicting counts are figures of two claims, not one claim's two values.
    ``by_event=False`` leaves out the event rule, for a caller whose own evidence that the
    figures are one claim's is stronger than the verbs near them."""
    if is_window(a, qa) or is_window(b, qb):
        return True
    if is_vague(qa) or is_vague(qb):
        return True
    if is_ago(a, qa) != is_ago(b, qb):
        return True  # "five weeks ago" / "six weeks after he filed": two references
    if is_other(a, qa) != is_other(b, qb):
        return True  # "five other people" / "six people": one left out of the first
    if counts_perpetrator(a, qa) != counts_perpetrator(b, qb):
        return True  # "four dead, including the gunman" / "gunned down three people"
    if different_rates(a, qa, b, qb):
        return True
    if by_event and different_events(a, qa, b, qb):
        return True
    street_a, street_b = street_of(a, qa), street_of(b, qb)
    if (street_a is None) != (street_b is None) or street_a != street_b:
        return True  # a house number against a count, or the numbers of two streets
    if is_average(a, qa) != is_average(b, qb):
        return True  # an average against one case: "the average zone, 5,309" / "8,185"
    if age_then(a, qa) != age_then(b, qb):
        return True  # an age when something happened against the age now
    if (qa.counted == "age") != (qb.counted == "age"):
        return True  # an age against any other figure ("a three-year battle" / "Smith, 60")
    if qa.counted == qb.counted == "age":
        subject_a, subject_b = age_subject(a, qa), age_subject(b, qb)
        if subject_a and subject_b and not same_subject(subject_a, subject_b):
            return True  # the ages of two people
    if is_part(a, qa) != is_part(b, qb) or is_whole(a, qa) != is_whole(b, qb):
        return True  # a part against a whole
    year_a, year_b = year_of(a, qa), year_of(b, qb)
    if year_a and year_b and year_a != year_b:
        return True  # "in 2011, when 220 cases" / "1996, when some 500 cases": two years
    if sentence_of_someone(a, qa) and sentence_of_someone(b, qb):
        people_a, people_b = person_words(a), person_words(b)
        if not (people_a and people_b and people_a & people_b):
            return True  # two people's prison terms, or a term whose person is not named
    if different_shares(a, qa, b, qb):
        return True
    if in_list(a, qa) != in_list(b, qb):
        return True  # "aged 13, 12, 10 and eight" / "aged 8": one of several against one
    unit_a, unit_b = unit_of(a, qa), unit_of(b, qb)
    if unit_a and unit_b and unit_a != unit_b:
        return True  # "$110" / "£71", "12oz" / "0.34 litre": one amount in two units
    if is_sourcing(a, qa) or is_sourcing(b, qb):
        return True
    if is_irrealis(a, qa) != is_irrealis(b, qb):
        return True  # a plan or a maximum against what happened
    if states_figure(a, qb, qa) or states_figure(b, qa, qb):
        return True
    if (is_conversion(a, qa) or is_conversion(b, qb)) and abs(qa.value - qb.value) <= (
        CONVERSION_TOLERANCE * max(abs(qa.value), abs(qb.value))
    ):
        return True  # "100 km (62 miles)" / "95 km (60 miles)": rounding of one distance
    if qa.qualifier == qb.qualifier == "exact" and same_after_rounding(qa.value, qb.value):
        return True
    if closer_figure(a, qa, qb) or closer_figure(b, qb, qa):
        return True  # the sentence holds a better counterpart of the other's figure
    people_a, people_b = person_words(a), person_words(b)
    return bool(people_a and people_b and not people_a & people_b)  # other people's figures


# --- claims compared wherever each source states them ---------------------------------
#
# The detectors above compare sentences that align. Some claims are stated by two sources
# in sentences that share few words ("the conflict has killed more than 250,000 people" /
# "around 300,000 people are estimated to have become its victims"). These detectors
# index every sentence's frames by what they are about (the counted noun and its event;
# the event a list of places or a located place belongs to) and compare only frames that
# share that key: candidates are blocked, never all pairs of sentences.

DEATH_WORDS = re.compile(r"\b(?:kill\w*|dead|deaths?|died|die|victims?|toll|lives)\b", re.I)
INJURY_WORDS = re.compile(r"\b(?:injur\w*|wound\w*|hurt)\b", re.I)
DEATH_TERMS = content_terms("killed kill dead death deaths died victims toll lives people")
ESTIMATE_SPREAD = 0.1  # two estimates this far apart (relative) are two figures
# Two figures of one toll are estimates of one number: a figure many times another counts
# something else (one attack's dead against a whole war's), however alike the words.
ONE_TOLL_RATIO = 3.0
# An estimate ("about 100") compares with a bound or a plain figure of the same toll.
ESTIMATE_QUALIFIERS = ("approximately", "more_than", "at_least", "exact")
ATTACK_WORDS = {
    "attack": "attack", "attacks": "attack", "bombing": "attack", "bombings": "attack",
    "strike": "attack", "strikes": "attack", "airstrike": "attack", "airstrikes": "attack",
    "raid": "attack", "raids": "attack", "shelling": "attack", "bombardment": "attack",
}  # fmt: skip
# Any key of ATTACK_WORDS as a substring: a sentence without one has no event noun.
ATTACK_ANYWHERE = re.compile("|".join(map(re.escape, sorted(ATTACK_WORDS))))
PRECISE_PLACE = re.compile(
    r"\b(?:the\s+)?(?:centre|center|heart|outskirts|middle)\s+of\s+(?:the\s+)?"
    r"(?:(?:city|town|village)\s+of\s+)?(?P<name>[A-Za-z][\w'’-]+)",
    re.I,
)
LIST_GAP = re.compile(r"^\s*(?:,|and|,\s*and)\s*$")
AND_WORD = re.compile(r"\band\b")


def death_or_injury(sentence: Sentence, q: Quantity) -> str:
    """The class of event a count of people belongs to, from its sentence: "killed",
    "injured" or "" ("victims", "death toll" and "dead" are killings)."""
    from accord.compare.counts import EVENT_SET, event_class

    event = event_class(q.event)
    if event in EVENT_SET:
        return event
    deaths, injuries = DEATH_WORDS.search(sentence.text), INJURY_WORDS.search(sentence.text)
    if deaths and not injuries:
        return "killed"
    if injuries and not deaths:
        return "injured"
    return ""


def _context_terms(cluster_sentences: list[Sentence], k: int) -> set[str]:
    """Content terms of a sentence and the one before it (what "its victims" refers to)."""
    terms = set(cluster_sentences[k].terms)
    if k > 0:
        terms |= set(cluster_sentences[k - 1].terms)
    return terms


def estimates_of_one_total(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """Two estimates of one total by different sources: "more than 250,000 people" killed /
    "around 300,000" victims. Their intervals may overlap, yet a reader wants to see both
    figures (and who gives each).

    Frames are indexed by counted noun and event class (killed / injured; a toll with no
    noun, "the toll rose to 73", counts people); a pair is compared when at least one
    figure is an estimate ("about", "around"), the other an estimate, a lower bound or a
    plain figure ("rose to 73" / "killed about 100 people": the two need not overlap, and
    the sentences need not align), the figures differ by more than ``ESTIMATE_SPREAD``
    and by no more than a factor of ``ONE_TOLL_RATIO`` (10 dead in one attack and "around
    300,000 victims" of a war are two tolls),
    and the two sentences (with the sentence before each) share a word beyond the
    count's own.
    """
    from accord.compare.counts import quantity_observation

    index: dict[tuple[str, str], list[tuple[Sentence, Quantity, set[str]]]] = defaultdict(list)
    for doc in cluster.documents:
        for k, sentence in enumerate(doc.sentences):
            for q in sentence.quantities:
                noun = q.counted or ("people" if q.event == "kill" else "")  # "toll rose to 73"
                if q.qualifier not in ESTIMATE_QUALIFIERS or not noun:
                    continue
                event = death_or_injury(sentence, q)
                if event:
                    index[(noun, event)].append((sentence, q, _context_terms(doc.sentences, k)))
    found = []
    for frames in index.values():
        for x, (a, qa, terms_a) in enumerate(frames):
            for b, qb, terms_b in frames[x + 1 :]:
                if a.doc_id == b.doc_id or "approximately" not in (qa.qualifier, qb.qualifier):
                    continue
                if qa.qualifier == qb.qualifier == "exact":
                    continue
                low, high = sorted((qa.value, qb.value))
                if high - low <= ESTIMATE_SPREAD * high or high > ONE_TOLL_RATIO * low:
                    continue
                own = set(content_terms(f"{qa.counted} {qa.event} {qb.event}"))
                if not (terms_a & terms_b) - own - set(DEATH_TERMS):
                    continue
                if different_claims(a, qa, b, qb):
                    continue
                found.append((quantity_observation(qa, a), quantity_observation(qb, b)))
    return found


def _place_names(sentence: Sentence) -> list[tuple[str, int, int]]:
    """(key, start, end) of the places a sentence names: entities and gazetteer names."""
    from accord.analyse.gazetteer import place_mentions, place_word

    capitals = any(c.isupper() for c in sentence.text[1:])
    spans = [(e.key, e.start, e.end) for e in sentence.entities if e.kind == "place"]
    for start, end in place_mentions(sentence.text):
        start, end = sentence.start + start, sentence.start + end
        text = sentence.text[start - sentence.start : end - sentence.start]
        if any(s < end and start < e for _, s, e in spans):
            continue
        if place_word(text, capitals) and (not capitals or text[:1].isupper()):
            spans.append((entity_key(text), start, end))
    return sorted(spans, key=lambda s: s[1])


def place_lists(sentence: Sentence) -> list[tuple[list[str], int, int]]:
    """Lists of three or more places ("Homs, Hama, Idlib and Aleppo"), with their span."""
    separators = sentence.text.count(",") + len(AND_WORD.findall(sentence.text))
    if separators < 2:  # three names need two gaps (LIST_GAP): skip the gazetteer scan
        return []
    names = _place_names(sentence)
    lists: list[tuple[list[str], int, int]] = []
    run: list[tuple[str, int, int]] = []
    for name in names:
        if run and LIST_GAP.match(
            sentence.text[run[-1][2] - sentence.start : name[1] - sentence.start]
        ):
            run.append(name)
            continue
        if len(run) >= 3:
            lists.append(([n for n, _, _ in run], run[0][1], run[-1][2]))
        run = [name]
    if len(run) >= 3:
        lists.append(([n for n, _, _ in run], run[0][1], run[-1][2]))
    return lists


def _event_before(sentence: Sentence, start: int) -> str:
    """The class of the event noun just before a list ("six attacks in", "bombings in")."""
    words = re.findall(r"[a-z]+", sentence.text[: start - sentence.start].lower())[-6:]
    return next((ATTACK_WORDS[w] for w in reversed(words) if w in ATTACK_WORDS), "")


def _same(a: str, b: str) -> bool:
    from accord.analyse.gazetteer import same_place

    return a == b or same_place(a, b)


def list_conflicts(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """Two sources listing where the same events happened with different places: "attacks
    in Homs, Hama, Idlib, Latakia and Aleppo" / "six attacks in Homs, Idlib and Aleppo".

    Lists are compared as sets, only when they share two members or more and follow
    event nouns of one class (attacks, bombings, strikes); a list naming what the other
    leaves out, where the other source never names it, is a different list.
    """
    index: dict[str, list[tuple[Sentence, list[str], str]]] = defaultdict(list)
    for sentence in cluster.sentences():
        if not ATTACK_ANYWHERE.search(sentence.text.lower()):
            continue  # no event noun anywhere before a list: none of its lists is kept
        for names, start, end in place_lists(sentence):
            event = _event_before(sentence, start)
            if event:
                text = sentence.text[start - sentence.start : end - sentence.start]
                index[event].append((sentence, names, text))
    texts = {d.id: d.text.lower() for d in cluster.documents}
    found = []
    for frames in index.values():
        for x, (a, names_a, text_a) in enumerate(frames):
            for b, names_b, text_b in frames[x + 1 :]:
                if a.doc_id == b.doc_id:
                    continue
                shared = [n for n in names_a if any(_same(n, m) for m in names_b)]
                only_a = [n for n in names_a if not any(_same(n, m) for m in names_b)]
                only_b = [m for m in names_b if not any(_same(m, n) for n in names_a)]
                if len(shared) < 2 or not (only_a or only_b):
                    continue
                if any(n in texts[b.doc_id] for n in only_a) or any(
                    m in texts[a.doc_id] for m in only_b
                ):
                    continue  # the other source names the place too: detail, not a dispute
                key_a, key_b = tuple(sorted(names_a)), tuple(sorted(names_b))
                found.append(
                    (
                        Observation("place", "places listed", key_a, text_a, text_a, a),
                        Observation("place", "places listed", key_b, text_b, text_b, b),
                    )
                )
    return found


def precise_place_conflicts(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """One event located in the centre of two different places: "the centre of Ariha" /
    "the center of Idleb". The event is known by a count both sentences give with the
    same figure and noun ("killing 49 civilians" / "the death of 49 civilians"); frames
    are indexed by that count."""
    index: dict[tuple[float, str], list[tuple[Sentence, str, str]]] = defaultdict(list)
    for sentence in cluster.sentences():
        spots = []
        for match in PRECISE_PLACE.finditer(sentence.text):
            start = sentence.start + match.start("name")
            known = [k for k, s, _ in _place_names(sentence) if s == start]
            if known:
                spots.append((known[0], match.group(0)))
        if len(spots) != 1:
            continue
        for q in sentence.quantities:
            if q.counted and q.qualifier == "exact" and q.value >= 2:
                index[(q.value, q.counted)].append((sentence, spots[0][0], spots[0][1]))
    found = []
    seen: set[tuple[SentenceRef, SentenceRef]] = set()
    for frames in index.values():
        for x, (a, place_a, text_a) in enumerate(frames):
            for b, place_b, text_b in frames[x + 1 :]:
                if a.doc_id == b.doc_id or _same(place_a, place_b) or (a.ref, b.ref) in seen:
                    continue
                if nested(place_a, place_b):
                    continue
                seen.add((a.ref, b.ref))
                found.append(
                    (
                        Observation("place", "place", place_a, text_a, place_a, a),
                        Observation("place", "place", place_b, text_b, place_b, b),
                    )
                )
    return found


def magnitudes_of_one_quake(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """Two sources giving one earthquake different magnitudes ("a magnitude 3.0
    earthquake" / "a 3.4 magnitude quake"): a magnitude is one value of its event, stated
    by whoever measured it, so every two different figures of different sources compare,
    aligned or not. Frames are indexed by the counted "magnitude" (``analyse.quantities``);
    figures within 0.05 are one reading rounded."""
    from accord.compare.counts import quantity_observation

    frames = [
        (sentence, q)
        for sentence in cluster.sentences()
        for q in sentence.quantities
        if q.counted == "magnitude" and 0 < q.value < 10
    ]
    found = []
    seen: set[tuple[str, str, float, float]] = set()
    for x, (a, qa) in enumerate(frames):
        for b, qb in frames[x + 1 :]:
            if a.doc_id == b.doc_id or abs(qa.value - qb.value) <= 0.05:
                continue
            key = (a.doc_id, b.doc_id, qa.value, qb.value)
            if key in seen or different_claims(a, qa, b, qb):
                continue
            seen.add(key)
            found.append((quantity_observation(qa, a), quantity_observation(qb, b)))
    return found


PERSON_COUNT_GAP = 60  # characters from the name to the figure: "Shepard wrote more than 55"
NOT_A_TALLY = frozenset({"people", "percent", "age", "time", "dollar", "euro", "pound"})


def _surnames(cluster: Cluster) -> set[str]:
    """Surnames (last name words of three letters or more) of the cluster's people."""
    names = set()
    for sentence in cluster.sentences():
        for e in sentence.entities:
            if e.kind == "person":
                words = NAME_WORD.findall(e.key)
                if len(words) >= 2 and len(words[-1]) >= 3:
                    names.add(words[-1])
    return names


def counts_of_one_person(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """One person's tally of one thing given differently by two sources: "Shepard wrote
    more than 55 plays" / "Shepard is the author of forty-four plays", however unlike the
    sentences. Frames are indexed by (surname, counted noun) where the surname stands
    before the figure (within ``PERSON_COUNT_GAP`` characters, no other person between):
    the person is the subject of the tally. A source that gives two figures for one frame
    is not compared (a tally that changed, or two tallies); nor are durations, distances,
    ages, shares and money (counts of events, not of things someone has or made)."""
    from accord.compare.counts import GENERIC_COUNTS, overlap, quantity_observation

    surnames = _surnames(cluster)
    if not surnames:
        return []
    index: dict[tuple[str, str], dict[str, list[tuple[Sentence, Quantity]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for sentence in cluster.sentences():
        if not sentence.quantities:
            continue  # no tally to index
        lowered = sentence.text.lower()
        mentions = [
            (m.start(), m.group(0))
            for m in NAME_WORD.finditer(lowered)
            if m.group(0).removesuffix("'s") in surnames
        ]
        if not mentions:
            continue
        for q in sentence.quantities:
            noun = q.counted
            if not noun or noun in GENERIC_COUNTS or noun in MEASURES or noun in NOT_A_TALLY:
                continue
            if q.qualifier == "range" or q.value < 2:
                continue
            local = q.start - sentence.start
            before = [(at, w) for at, w in mentions if 0 < local - at <= PERSON_COUNT_GAP]
            if len({w for _, w in before}) != 1:
                continue
            index[(before[-1][1].removesuffix("'s"), noun)][sentence.doc_id].append((sentence, q))
    return [
        (quantity_observation(qa, a), quantity_observation(qb, b))
        for (a, qa), (b, qb) in one_figure_each(index)
        if not overlap(qa, qb) and not different_claims(a, qa, b, qb)
    ]


def one_figure_each(
    index: dict[object, dict[str, list[tuple[Sentence, Quantity]]]],
) -> Iterator[tuple[tuple[Sentence, Quantity], tuple[Sentence, Quantity]]]:
    """Pairs of (sentence, count) of one key from two sources that each give one figure
    for it (a source giving two figures tells a count that changed, or two counts)."""
    for by_doc in index.values():
        single = {
            doc: frames[0]
            for doc, frames in by_doc.items()
            if len({(q.low, q.high) for _, q in frames}) == 1
        }
        docs = sorted(single)
        for x, doc_a in enumerate(docs):
            for doc_b in docs[x + 1 :]:
                yield single[doc_a], single[doc_b]
