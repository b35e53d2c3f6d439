"""Counts: when two quantities count the same thing, when they disagree, and how to show them.

Also the :class:`Observation` every detector produces: one source's value for one slot.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from accord.model import (
    Quantity,
    QuantityValue,
    Sentence,
    VariantValue,
)

NON_SPACE = re.compile(r"\S+")

SAME_FIGURE = 0.02  # bounds or estimates closer than this (relative) are one figure
EVENT_CLASSES = {
    "kill": "killed",
    "die": "killed",
    "dead": "killed",
    "killed": "killed",
    "injure": "injured",
    "injured": "injured",
    "wound": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "arrest": "arrested",
    "arrested": "arrested",
    "detain": "arrested",
    "missing": "missing",
}
EVENT_SET = frozenset(EVENT_CLASSES.values())
EVENT_LABELS = {"killed": "killed", "injured": "injured", "arrested": "arrested"}
UNCOUNTED = {"people", "percent", "age", "police", "staff", "personnel", "equipment"}
# Counted nouns too general to compare across statements that are not aligned.
GENERIC_COUNTS = {"people", "year", "day", "time", "percent", "age", "month", "week", "hour"}
PLACE_PHRASE = re.compile(r"\s+(?:in|across|at)\s+[^.;:()]{1,80}")
CONTEXT_STOP = {
    "between",
    "from",
    "since",
    "which",
    "that",
    "who",
    "with",
    "to",
    "by",
    "when",
    "where",
    "was",
    "were",
    "is",
    "had",
    "has",
    "have",
    "over",
    "during",
    "on",
}


@dataclass(slots=True)
class Observation:
    """One source's value for one slot, as found in one sentence."""

    kind: str  # "quantity", "scope", "date", "place"
    about: str
    key: object  # values with equal keys are one variant
    text: str
    value: VariantValue
    sentence: Sentence


def _bounds(q: Quantity, other: Quantity | None = None) -> tuple[float, float]:
    """The interval a figure allows. "More than seven" of whole things starts at eight;
    against a fraction ("7.4 pounds") it is a measure, and starts just above seven."""
    low = q.low if q.low is not None else -math.inf
    high = q.high if q.high is not None else math.inf
    if other is not None and not float(other.value).is_integer():
        if q.qualifier == "more_than":
            low = q.value
        elif q.qualifier == "less_than":
            high = q.value
    return low, high


def _just_below(q: Quantity) -> bool:
    """ "nearly 100", "almost 100": a little under the figure (the interval ends at it)."""
    return q.qualifier == "approximately" and q.high == q.value


def _touch_only(below: Quantity, above: Quantity) -> bool:
    """ "nearly 100" against "at least 100" or "more than 100": the intervals share only the
    figure, which "nearly" leaves out."""
    return _just_below(below) and above.high is None and above.low == below.value


def overlap(a: Quantity, b: Quantity) -> bool:
    a_low, a_high = _bounds(a, b)
    b_low, b_high = _bounds(b, a)
    if _touch_only(a, b) or _touch_only(b, a):
        return False
    return a_low <= b_high and b_low <= a_high


def _bound_at_figure(exact: Quantity, bound: Quantity) -> bool:
    """ "two hours" against "more than 2 hours": both state one figure, one of them
    loosely; a careful reader sees no dispute."""
    return (
        exact.qualifier == "exact"
        and bound.qualifier in ("more_than", "at_least", "less_than", "at_most")
        and exact.value == bound.value
    )


def opposite_bounds(below: Quantity, above: Quantity) -> bool:
    """Whether one figure is bounded from under it ("nearly 100") and the same figure from
    over it ("at least 100", "more than 100"): a source that states 100 then states
    neither, and its figure of the same noun says nothing of the other's."""
    if below.value != above.value or below.low is None or below.high is None:
        return False
    return below.high <= below.value and below.low < below.value and above.high is None


def _direction(q: Quantity) -> str:
    return {"more_than": "at_least", "less_than": "at_most"}.get(q.qualifier, q.qualifier)


def quantities_conflict(a: Quantity, b: Quantity) -> bool:
    """Whether two counts of one thing disagree.

    Intervals that do not overlap disagree ("42" / "57", "at least 200" / "150"). Two bounds
    or estimates of the same kind disagree too when their figures differ ("at least 42" /
    "at least 57"): the sources report different tallies even if both could be true.
    """
    if consistent_rounding(a, b) or _bound_at_figure(a, b) or _bound_at_figure(b, a):
        return False
    if not overlap(a, b):
        return True
    if explicit_range(a) and explicit_range(b):  # "379 to 360 bc" / "380 – 362 bc"
        return (a.low, a.high) != (b.low, b.high)  # both ends are stated exactly
    if _direction(a) == _direction(b) and _direction(a) in ("at_least", "at_most", "approximately"):
        return abs(a.value - b.value) > SAME_FIGURE * max(abs(a.value), abs(b.value))
    return False


FIGURE = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _unit(q: Quantity) -> float | None:
    """The last place a figure is stated to: 1 for "105", 0.1 for "105.1", 100,000 for
    "3.2 million"; None where the figure is not written in digits or is not exact."""
    found = FIGURE.search(q.text)
    if q.qualifier != "exact" or not found or not q.value:
        return None
    try:
        literal = float(found.group(0).replace(",", ""))
    except ValueError:
        return None
    if not literal:
        return None
    decimals = len(found.group(1) or "")
    return (q.value / literal) * 10.0**-decimals


def consistent_rounding(a: Quantity, b: Quantity) -> bool:
    """One exact figure is the other rounded to the places it states ("105" / "105.1",
    "3 million" / "3.2 million"): a careful reader sees one value told less precisely.
    Two figures stated to the same place ("50" / "51") are not rounding."""
    unit_a, unit_b = _unit(a), _unit(b)
    if unit_a is None or unit_b is None or unit_a == unit_b:
        return False
    coarse, fine, unit = (a, b, unit_a) if unit_a > unit_b else (b, a, unit_b)
    rounded = int(fine.value / unit + 0.5) * unit
    return abs(rounded - coarse.value) <= 1e-9 * max(1.0, abs(coarse.value))


EXPLICIT_RANGE = re.compile(r"\d.*(?:\bto\b|-|–|\band\b).*\d|\w+\s+(?:to|and)\s+\w+", re.I)


def explicit_range(q: Quantity) -> bool:
    """A range written with both ends ("seven to nine", "30 to 60"), not "hundreds"."""
    return q.qualifier == "range" and EXPLICIT_RANGE.search(q.text) is not None


def event_class(word: str) -> str:
    return EVENT_CLASSES.get(word, word)


def same_counted(a: str, b: str) -> bool:
    """One noun, or one noun with a modifier the other source left out: "police officer" /
    "officer", "investment fund" / "fund" (never "police officer" / "fire officer")."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short == long_ or long_.endswith(" " + short)


def same_thing(a: Quantity, b: Quantity) -> bool:
    """Two quantities count the same thing: same counted noun and no contrary event."""
    if not same_counted(a.counted, b.counted):
        return False
    ea, eb = event_class(a.event), event_class(b.event)
    return not (ea in EVENT_SET and eb in EVENT_SET and ea != eb)


def in_span(start: int, end: int, span: tuple[int, int]) -> bool:
    return start < span[1] and span[0] < end


IRREGULAR_PLURALS = {
    "man": "men", "woman": "women", "child": "children", "person": "people",
    "foot": "feet", "tooth": "teeth", "mouse": "mice", "goose": "geese",
}  # fmt: skip


def plural(noun: str) -> str:
    if noun in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[noun]
    if " " in noun:  # "police officer" -> "police officers"
        head, _, last = noun.rpartition(" ")
        return f"{head} {plural(last)}"
    if noun in UNCOUNTED or noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "es" if noun.endswith(("ch", "sh", "x")) else noun + "s"


def quantity_about(q: Quantity) -> str:
    if q.counted == "age":  # "Carter, 52" is an age, not a "number of age"
        return "age"
    if q.counted:
        return f"number of {plural(q.counted)}"
    event = event_class(q.event)
    return f"number {EVENT_LABELS.get(event, event)}".strip() if event else "a figure"


def _quantity_context(q: Quantity, sentence: Sentence) -> str:
    """The count with its noun and the place phrase after it: "six attacks in Homs, Idlib"."""
    text = quantity_text(q, sentence)
    rest = sentence.text[q.start - sentence.start + len(text) :]
    match = PLACE_PHRASE.match(rest)
    if not match:
        return text
    words: list[str] = []
    for word in match.group(0).split():
        if word.lower().strip(",") in CONTEXT_STOP:
            break
        words.append(word)
        if word.endswith(","):
            continue
    return (text + " " + " ".join(words)).strip(" ,")


def quantity_observation(q: Quantity, sentence: Sentence, kind: str = "quantity") -> Observation:
    return Observation(
        kind=kind,
        about=quantity_about(q),
        key=(q.low, q.high, q.qualifier),
        text=_quantity_context(q, sentence) if kind == "scope" else quantity_text(q, sentence),
        value=QuantityValue(q.value, q.low, q.high, q.qualifier),
        sentence=sentence,
    )


def quantity_text(q: Quantity, sentence: Sentence) -> str:
    """The count as written, up to the noun it counts: "more than 25 Russian attacks"."""
    if not q.counted:
        return q.text
    local = q.start - sentence.start
    after = sentence.text[local + len(q.text) :]
    stem = q.counted.split()[0][:4]
    for match in NON_SPACE.finditer(after):
        if match.start() > 40:
            break
        if match.group(0).lower().startswith(stem):
            return (q.text + after[: match.end()]).strip(" ,.;:")
    return q.text


def same_span(x: Quantity, own: Quantity | None) -> bool:
    """Whether ``x`` is the count ``own`` (perhaps a copy with another event)."""
    return own is not None and (x.start, x.end) == (own.start, own.end)


def states_value(sentence: Sentence, q: Quantity, own: Quantity | None = None) -> bool:
    """Whether the sentence states ``q``'s figure of the same noun, in another count than
    its ``own`` (the one compared: "nearly 100 feet" / "at least 100 feet" share the figure
    and still differ)."""
    return any(
        abs(x.value - q.value) < 1e-9 and x.counted == q.counted and not same_span(x, own)
        for x in sentence.quantities
    )
