"""Claims compared where two sources state them in sentences that share few words.

The detectors of :mod:`.numbers` and :mod:`.roles` pair sentences that align, or that
share a word next to the figure. Some claims are worded apart by every source: "health
officials have confirmed 227 cases" / "the outbreak has now reached 223 cases", a thing's
age against how long ago it was made, a duration given in days by one outlet and in
months by another. Each detector here indexes frames by what they are the figure of,
compares only frames that share that key, and reports a pair only where every frame rule
of :mod:`.frames` agrees that the two figures are one claim's (precision first: most
figures of one noun in sentences that do not align are figures of two claims).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace

from accord.analyse.terms import STOP_WORDS, content_terms
from accord.compare.counts import (
    EVENT_CLASSES,
    GENERIC_COUNTS,
    Observation,
    opposite_bounds,
    overlap,
    quantity_observation,
    same_counted,
    states_value,
)
from accord.compare.frames import (
    MEASURES,
    NOT_A_TALLY,
    age_subject,
    different_claims,
    equal_at_precision,
    is_ago,
    is_other,
    is_part,
    one_figure_each,
    rate_unit,
    verb_near,
)
from accord.compare.roles import PERSONS, role_words
from accord.compare.statements import only_in_furniture
from accord.model import Cluster, Quantity, Sentence

Frame = tuple[Sentence, Quantity]

# --- counts of one thing, one figure per source ------------------------------------------

# Verbs of recording a count are one event: "confirmed 227 cases" / "223 cases reported".
RECORDED = "recorded"
RECORD_VERBS = frozenset(
    "confirm report record identify diagnose document register count tally".split()
)
# Nouns that name the outcome they count: what the verb says adds nothing ("227 cases
# have been reported" / "the outbreak has grown to 223 cases").
OUTCOME_NOUNS = frozenset(
    "case infection death fatality casualty victim injury arrest hospitalization".split()
)
# People named by the search they make: what the verb says adds nothing ("180 rescuers
# were deployed" / "130 rescuers scoured the forest"), unless it is what befell them.
SEARCH_NOUNS = frozenset("rescuer searcher firefighter volunteer responder".split())
# Margins and scores ("leads by six points") differ from poll to poll and game to game.
NOT_ONE_COUNT = frozenset({"point"})
# Verbs that say nothing of what happened to what is counted.
EMPTY_EVENTS = frozenset("be have say tell get make include".split())
ONE_CLAIM_RATIO = 3.0  # figures further apart count different things, however alike
MIN_COUNT = 2  # "one" is an article as often as a count


def count_event(q: Quantity) -> str:
    """The event class a count belongs to: the outcome noun itself ("cases"), a class of
    verbs (killed, injured, arrested, recorded), else the verb's own lemma; "" where the
    verb says nothing ("is", "has")."""
    head = q.counted.split()[-1]
    if head in OUTCOME_NOUNS:
        return head
    if q.event in RECORD_VERBS:
        return RECORDED
    if head in SEARCH_NOUNS and EVENT_CLASSES.get(q.event) is None:
        return head  # "180 rescuers deployed" / "among 130 rescuers scouring the area"
    if q.event in EMPTY_EVENTS:
        return ""
    return EVENT_CLASSES.get(q.event, q.event)


# "the number of measles cases has risen to 227": a bare figure whose noun went before it.
NUMBER_OF = re.compile(
    r"\b(?:number|total|tally|count)\s+of\s+(?P<words>(?:[a-z-]+\s+){0,2}?[a-z-]+?)s?"
    r"\s+(?:(?:in|across|at|among)\s+[\w' -]{1,30}?\s+)?"
    r"(?:has|have|had)?\s*(?:risen|rose|climbed|grew|grown|reached|hit|stands|stood|is|was)"
    r"(?:\s+(?:to|at))?\s*$",
    re.I,
)


def counted_of(sentence: Sentence, q: Quantity) -> Quantity:
    """The count with its noun: a bare figure after "the number of X has risen to" counts
    X ("the number of measles cases has risen to 227" counts cases)."""
    if q.counted:
        return q
    local = q.start - sentence.start
    match = NUMBER_OF.search(sentence.text[max(0, local - 90) : local])
    if match is None or match["words"].split()[-1] in STOP_WORDS:
        return q
    return replace(q, counted=match["words"].split()[-1].lower())


def _countable(sentence: Sentence, q: Quantity) -> bool:
    """A count of a specific thing, stated as a figure: not a generic noun (people,
    years), a measure, an age, a share, money, a range or an order of size."""
    noun = q.counted
    if not noun or noun in GENERIC_COUNTS or noun in NOT_A_TALLY or noun in NOT_ONE_COUNT:
        return False
    if noun.split()[-1] in MEASURES or q.qualifier == "range" or q.value < MIN_COUNT:
        return False
    if rate_unit(sentence, q) or is_part(sentence, q) or is_other(sentence, q):
        return False
    return not only_in_furniture(sentence, q.text)


def _own_terms(*quantities: Quantity) -> set[str]:
    words = " ".join(f"{q.counted} {q.event}" for q in quantities)
    return set(content_terms(words))


def same_event(qa: Quantity, qb: Quantity) -> bool:
    """Whether two counts belong to one event class (:func:`count_event`). A verb near
    the other figure is not enough here, where the sentences do not align: a noun of the
    same stem ("enough power to light up 1.3 million homes" / "enough to power 650,000
    homes") passes for it."""
    event = count_event(qa)
    return bool(event) and event == count_event(qb)


# "10 new infections", "five fresh cases": an increment, not the total another states.
INCREMENT_AFTER = re.compile(r"^\s*(?:new|fresh|newly)\b", re.I)


def is_increment(sentence: Sentence, q: Quantity) -> bool:
    return INCREMENT_AFTER.match(sentence.text[q.end - sentence.start :]) is not None


def group_of(sentence: Sentence, q: Quantity) -> str:
    """The named group a count is of, written between the figure and its noun ("750 fbi
    agents" -> "fbi", "200 iraqi soldiers"), or "" ("1,000 federal agents")."""
    head = q.counted.split()[-1][:4]
    local = q.end - sentence.start
    at = sentence.text.lower().find(head, local, local + 40)
    if at < 0:
        return ""
    stop = sentence.start + at
    return next(
        (e.key for e in sentence.entities if e.kind != "person" and q.end <= e.start < stop),
        "",
    )


def counts_of_one_thing(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """One count told with two figures by two sources, in sentences that need not align:
    "officials have confirmed 227 cases of the virus" / "223 cases were reported".

    Frames are indexed by the counted noun; a source that counts the noun with two
    figures anywhere is not compared (a count that changed, or two counts). A pair is
    reported when the counts belong to one event (:func:`same_event`), neither counts new
    ones only, both count one named group or none (:func:`group_of`), the figures do not
    overlap and are at most ``ONE_CLAIM_RATIO`` apart, the sentences share a content word
    beyond the count's own, neither states the other figure, and no frame rule of
    :func:`.frames.different_claims` tells two claims apart.
    """
    index: dict[object, dict[str, list[Frame]]] = defaultdict(lambda: defaultdict(list))
    for sentence in cluster.sentences():
        for q in sentence.quantities:
            q = counted_of(sentence, q)
            if _countable(sentence, q):
                index[q.counted.split()[-1]][sentence.doc_id].append((sentence, q))
    found = []
    for (a, qa), (b, qb) in one_figure_each(index):
        if not same_counted(qa.counted, qb.counted) or overlap(qa, qb):
            continue
        low, high = sorted((qa.value, qb.value))
        if high > ONE_CLAIM_RATIO * low or not same_event(qa, qb):
            continue
        if is_increment(a, qa) or is_increment(b, qb) or group_of(a, qa) != group_of(b, qb):
            continue  # "10 new infections" / "all 20"; "750 fbi agents" / "1,000 federal"
        if not (set(a.terms) & set(b.terms)) - _own_terms(qa, qb):
            continue
        if states_value(a, qb, qa) or states_value(b, qa, qb) or different_claims(a, qa, b, qb):
            continue
        found.append((quantity_observation(qa, a), quantity_observation(qb, b)))
    return found


# --- one dimension of one thing ---------------------------------------------------------

LENGTH_UNITS = {
    "foot": "foot", "feet": "foot", "ft": "foot", "mile": "mile", "metre": "metre",
    "meter": "metre", "km": "km", "kilometre": "km", "kilometer": "km", "inch": "inch",
    "yard": "yard",
}  # fmt: skip
# The dimension a length is of, written next to it: "stands 40 feet tall", "a 100-foot-high
# wave", "a height of 40 feet", "30 feet deep". Heights are one dimension however worded.
DIMENSIONS = {
    "tall": "height", "high": "height", "height": "height", "deep": "depth",
    "depth": "depth", "long": "length", "length": "length", "wide": "width",
    "width": "width", "thick": "thickness",
}  # fmt: skip
DIMENSION_AFTER = re.compile(
    r"^[\s-]*(?:foot|feet|ft|miles?|metres?|meters?|km|inch(?:es)?|yards?)?"
    r"[\s-]+(?P<word>tall|high|deep|long|wide|thick)\b",
    re.I,
)
DIMENSION_BEFORE = re.compile(
    r"\b(?P<word>height|depth|length|width)\s+of\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?$",
    re.I,
)


# Things a length before them is the height of ("the 20,300-foot peak"), each to its kind:
# a mountain is a peak is a summit, so two outlets' words for it are one thing measured.
TALL_THINGS = {
    **dict.fromkeys("mountain mountains peak peaks summit volcano".split(), "mountain"),
    **dict.fromkeys("tower skyscraper building".split(), "building"),
    **dict.fromkeys("cliff cliffs".split(), "cliff"),
    **dict.fromkeys("wave waves tsunami".split(), "wave"),
    **dict.fromkeys("waterfall falls".split(), "waterfall"),
}
TALL_THING_AFTER = re.compile(
    r"^[\s-]*(?:foot|feet|ft|metres?|meters?|m)?[\s-]+(?:(?:high|tall)[\s-]+)?(?P<word>[a-z]+)\b",
    re.I,
)


def tall_thing(sentence: Sentence, q: Quantity) -> str:
    """The kind of tall thing a length stands before ("mountain" for "the 20,320-foot
    peak"), or ""."""
    local_end = q.end - sentence.start
    m = TALL_THING_AFTER.match(sentence.text[local_end : local_end + 30])
    return TALL_THINGS.get(m["word"].lower(), "") if m else ""


def dimension(sentence: Sentence, q: Quantity) -> str:
    """The dimension a length measures ("height" for "40 feet tall", "a height of 40
    feet"; "height of mountain" for "the 20,320-foot peak"), or "" where the text does not say."""
    local_end, local_start = q.end - sentence.start, q.start - sentence.start
    if m := DIMENSION_AFTER.match(sentence.text[local_end : local_end + 20]):
        return DIMENSIONS[m["word"].lower()]
    if thing := tall_thing(sentence, q):
        # a mountain's height is not the height of a camp on it ("the 17,200-foot high camp")
        return f"height of {thing}"
    if m := DIMENSION_BEFORE.search(sentence.text[max(0, local_start - 30) : local_start]):
        return DIMENSIONS[m["word"].lower()]
    return ""


# Weights, keyed by their unit; a pound sign is money, not weight ("sold for £ 360").
WEIGHT_UNITS = {
    "ton": "ton", "tonne": "tonne", "kilogram": "kilogram", "kg": "kilogram",
    "pound": "pound", "lb": "pound",
}  # fmt: skip
# A length fallen is one dimension: "fell nearly 100ft onto a ledge" / "fell 100 feet".
FALL_VERBS = frozenset("fall plunge drop tumble plummet".split())
CURRENCY_SIGNS = re.compile(r"[$€£]")


def measure_key(sentence: Sentence, q: Quantity) -> tuple[str, str] | None:
    """What a measure is of, as (unit, dimension): ("foot", "height") for "40 feet tall",
    ("foot", "drop") for "fell 100 feet", ("ton", "weight") for "a 1.5-ton statue"; None
    for a length whose dimension the text does not say, money, or anything else."""
    # "20,320 foot mountain": the parse counts "foot mountain"; its unit is the first word
    if unit := LENGTH_UNITS.get(q.counted, "") or LENGTH_UNITS.get(q.counted.split(" ")[0], ""):
        side = dimension(sentence, q) or ("drop" if q.event in FALL_VERBS else "")
        return (unit, side) if side else None
    if (unit := WEIGHT_UNITS.get(q.counted, "")) and not CURRENCY_SIGNS.search(q.text):
        return unit, "weight"
    return None


def measures_of_one_thing(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """One thing's height (depth, length, width, drop, weight) given differently by two
    sources, worded apart: "the statue stands 40 feet tall" / "the 100-foot-tall statue
    was unveiled"; "the one-ton statue" / "a 1.5-ton bronze statue".

    Frames are indexed by (unit, dimension) (:func:`measure_key`); each source must give
    one figure for its key, the figures lie within ``ONE_CLAIM_RATIO`` and do not overlap,
    and the two measures share a content word within three words (the thing measured:
    :func:`.roles.role_words`). The dimension says what is measured, so the verbs
    ("stands" / "was unveiled") are not asked; every other frame rule is.
    """
    index: dict[object, dict[str, list[Frame]]] = defaultdict(lambda: defaultdict(list))
    for sentence in cluster.sentences():
        for q in sentence.quantities:
            if q.qualifier == "range" or only_in_furniture(sentence, q.text):
                continue
            if key := measure_key(sentence, q):
                index[key][sentence.doc_id].append((sentence, q))
    found = []
    for (a, qa), (b, qb) in one_figure_each(index):
        low, high = sorted((qa.value, qb.value))
        if overlap(qa, qb) or high > ONE_CLAIM_RATIO * low:
            continue
        roles = role_words(a, qa.start, qa.end) & role_words(b, qb.start, qb.end)
        units = f"{qa.counted} {qb.counted} tall high deep long wide ton tons"
        same_tall_thing = tall_thing(a, qa) and tall_thing(a, qa) == tall_thing(b, qb)
        if not same_tall_thing and not roles - set(content_terms(units)):
            continue
        one_event = replace(qb, event=qa.event)  # the dimension, not the verb, says what
        if states_value(a, qb, qa) or states_value(b, qa, qb):
            continue
        if different_claims(a, qa, b, one_event):
            continue
        pair = (quantity_observation(qa, a), quantity_observation(qb, b))
        if thing := tall_thing(a, qa):  # not "number of foot mountains"
            for observation in pair:
                observation.about = f"height of the {thing}"
        found.append(pair)
    return found


# --- one duration in two units ----------------------------------------------------------

DAYS_IN = {"day": 1.0, "week": 7.0, "month": 365.25 / 12, "year": 365.25}
UNIT_TERMS = set(content_terms("day days week weeks month months year years old long ago"))


def _durations(sentence: Sentence) -> list[Quantity]:
    """The durations of a sentence in days, weeks, months or years: not a time ago ("two
    years ago"), a rate ("twice a year"), an age, a range or a caption's."""
    return [
        q
        for q in sentence.quantities
        if q.counted in DAYS_IN
        and q.qualifier != "range"
        and not is_ago(sentence, q)
        and not rate_unit(sentence, q)
        and not only_in_furniture(sentence, q.text)
    ]


def _in_days(q: Quantity) -> tuple[float, float]:
    unit = DAYS_IN[q.counted]
    low = q.low if q.low is not None else q.value
    high = q.high if q.high is not None else q.value
    return low * unit, high * unit


def durations_differ(qa: Quantity, qb: Quantity) -> bool:
    """Two durations in different units whose converted values lie further apart than the
    coarser unit: "555 days" is about 18 months, so not "17 months"; "18 months" is "a
    year and a half", and "24 weeks" may be "nearly six months"."""
    coarse = max(DAYS_IN[qa.counted], DAYS_IN[qb.counted])
    (low_a, high_a), (low_b, high_b) = _in_days(qa), _in_days(qb)
    gap = max(low_a - high_b, low_b - high_a)
    return gap > coarse and max(high_a, high_b) <= ONE_CLAIM_RATIO * min(low_a, low_b)


def durations_in_two_units(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """One duration stated in two units by two sources that disagree once converted
    ("spent 555 days in orbit" / "after 17 months in orbit").

    A duration is compared only with the one duration of another source's sentence, in
    another unit, of the same event (one verb, or the verb of one near the other
    figure), next to the same content word (:func:`.roles.role_words`, the units left
    out: "in orbit"), where no frame rule tells two claims apart. The detectors of
    aligned sentences compare durations of one unit; these are never of one noun.
    """
    frames = [
        (sentence, durations[0])
        for sentence in cluster.sentences()
        if len(durations := _durations(sentence)) == 1
    ]
    found = []
    for x, (a, qa) in enumerate(frames):
        for b, qb in frames[x + 1 :]:
            if a.doc_id == b.doc_id or qa.counted == qb.counted or not durations_differ(qa, qb):
                continue
            if not qa.event or not (
                qa.event == qb.event or verb_near(b, qb, qa.event) or verb_near(a, qa, qb.event)
            ):
                continue
            roles = role_words(a, qa.start, qa.end) & role_words(b, qb.start, qb.end)
            if not roles - UNIT_TERMS or different_claims(a, qa, b, qb):
                continue
            found.append((quantity_observation(qa, a), quantity_observation(qb, b)))
    return found


# --- one measure bounded from either side ------------------------------------------------


def _bounded_measures(sentence: Sentence) -> list[Quantity]:
    """A sentence's measures ("20 hours", "200 feet") stated with a bound: "nearly",
    "more than", "at least"; not an age, a time ago, a rate, a range or a caption's."""
    return [
        q
        for q in sentence.quantities
        if q.counted.split()[-1:] and q.counted.split()[-1] in MEASURES
        and q.qualifier in ("approximately", "more_than", "at_least")
        and not is_ago(sentence, q)
        and not rate_unit(sentence, q)
        and not only_in_furniture(sentence, q.text)
    ]  # fmt: skip


def bounds_either_side(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """One measure that one source puts just under a figure and another over it
    ("trapped for nearly 20 hours" / "left for more than 20 hours"): the same figure and
    unit, bounded from opposite sides, cannot be one value. A measure has no event word
    to match ("found dead nearly 20 hours later"), so the shared figure and unit are the
    evidence, and each source must state that unit with one figure only."""
    index: dict[object, dict[str, list[Frame]]] = defaultdict(lambda: defaultdict(list))
    for document in cluster.documents:
        for sentence in document.sentences:
            for q in sentence.quantities:
                if q.counted.split()[-1:] and q.counted.split()[-1] in MEASURES:
                    index[q.counted.split()[-1]][document.id].append((sentence, q))
    found = []
    for (a, qa), (b, qb) in one_figure_each(index):
        if qa.value != qb.value:
            continue
        if qa not in _bounded_measures(a) or qb not in _bounded_measures(b):
            continue
        if not (opposite_bounds(qa, qb) or opposite_bounds(qb, qa)):
            continue
        if different_claims(a, qa, b, qb, by_event=False):
            continue  # "trapped" / "left" / "found dead ... later": one wait, three verbs
        found.append((quantity_observation(qa, a), quantity_observation(qb, b)))
    return found


# --- a thing's age and how long ago it was made ----------------------------------------

OLDEST = 120  # an age above any person's is a thing's: "a 2,400-year-old shrine"
ONE_AGE_RATIO = 1.5  # a thing's age and a time ago further apart date two things


def _ancient(sentence: Sentence, q: Quantity) -> str:
    """ "age" for a thing's age in years ("a 2,400-year-old shrine"), "ago" for a time ago
    in years ("about 2,300 years ago"), both beyond any person's age; else ""."""
    if q.value < OLDEST or q.qualifier == "range" or only_in_furniture(sentence, q.text):
        return ""
    if q.counted == "age" and age_subject(sentence, q) not in PERSONS:
        return "age"
    return "ago" if q.counted == "year" and is_ago(sentence, q) else ""


def differ_at_precision(a: float, b: float) -> bool:
    """Two figures that differ at the precision of the coarser one: "2,400" / "about
    2,300" (hundreds) differ; "2,400" / "about 2,000" (thousands) do not."""
    return not equal_at_precision(a, b)


def _bound(*quantities: Quantity) -> bool:
    """Whether any of the figures is open on one side ("more than 6,000", "up to 50")."""
    return any(q.low is None or q.high is None for q in quantities)


def age_against_ago(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """A thing's age set against how long ago it was made or used, by two sources: "a
    2,400-year-old shrine" / "a chapel used by a pharaoh about 2,300 years ago".

    Each source must give one such figure (a source dating two old things is not
    compared); the figures differ at the coarser one's precision and lie within
    ``ONE_AGE_RATIO``, a bound does not hold the other figure (compatible bounds), and the
    sentences share a content word beyond the figures' own.
    """
    by_doc: dict[str, list[tuple[Sentence, Quantity, str]]] = defaultdict(list)
    for sentence in cluster.sentences():
        for q in sentence.quantities:
            if kind := _ancient(sentence, q):
                by_doc[sentence.doc_id].append((sentence, q, kind))
    single = {
        doc: frames[0]
        for doc, frames in by_doc.items()
        if len({q.value for _, q, _ in frames}) == 1
    }
    ages = [f for f in single.values() if f[2] == "age"]
    agos = [f for f in single.values() if f[2] == "ago"]
    found = []
    for a, qa, _ in ages:
        for b, qb, _ in agos:
            low, high = sorted((qa.value, qb.value))
            if high > ONE_AGE_RATIO * low or not differ_at_precision(qa.value, qb.value):
                continue
            if _bound(qa, qb) and overlap(qa, qb):
                continue  # "more than 6,000 years ago" holds a 7,000-year-old find
            if (
                not (set(a.terms) & set(b.terms))
                - UNIT_TERMS
                - set(content_terms(f"{qa.text} {qb.text}"))
            ):
                continue
            found.append((quantity_observation(qa, a), quantity_observation(qb, b)))
    return found
