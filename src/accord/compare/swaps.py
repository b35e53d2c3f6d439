"""Swaps: one value exchanged for another between the same words of two statements.

Wire copies and lightly edited rewrites keep most of a sentence word for word. When two
sources' sentences line up word by word (difflib on lower-cased tokens) and the only
difference at one point is a number for a number, a date for a date or a place for a
place, with the same words on both sides of it ("at a florida high school" / "at a bergen
high school"), the sources state one fact differently: strong evidence that needs no
capitals and no parse of the sentence.
"""

from __future__ import annotations

import re

from accord.analyse.dates import compatible
from accord.analyse.entities import entity_key
from accord.analyse.gazetteer import is_place, nested, place_word, same_place
from accord.analyse.quantities import CLOCK, parse_number
from accord.analyse.terms import STOP_WORDS
from accord.compare.counts import Observation, in_span, quantities_conflict, quantity_observation
from accord.compare.dates import reported_on
from accord.compare.frames import rate_unit
from accord.model import DateMention, Entity, Quantity, Sentence, StatementPair, Token

CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,]\s)[A-Z][a-z]")
MAX_SWAP = 3  # tokens on each side of a swap: more is a rewrite, not one value exchanged
CONTEXT = 4  # tokens each side of the swap that are looked at
MIN_SAME = 3  # of which at least this many are the same words, in the same order
MIN_CONTENT = 1  # and at least this many of those are content words
LOCATIVE = {"in", "at", "near", "from", "outside", "across", "to", "into", "of", "and", ","}
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# "around 10: 30 p.m.", "shortly after 4": a time given loosely (the hour or the minutes).
APPROXIMATE_TIME = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|shortly (?:after|before)|"
    r"just (?:after|before))\s+(?:\d{1,2}\s*:\s*)?$",
    re.I,
)
NUMBERISH = re.compile(r"^[$€£]?(\d[\d,.]*|[a-z]+)$")


def _same_context(
    ta: list[Token], tb: list[Token], blocks: list[tuple[int, int, int, int]], k: int
) -> bool:
    """Whether the swap at opcode ``k`` is framed by the same words on both sides."""
    before = blocks[k - 1] if k > 0 and blocks[k - 1][0] == "equal" else None
    after = blocks[k + 1] if k + 1 < len(blocks) and blocks[k + 1][0] == "equal" else None
    same: list[str] = []
    if before is not None:
        _, i1, i2, _, _ = before
        same += [t.text for t in ta[max(i1, i2 - CONTEXT) : i2]]
    if after is not None:
        _, i1, i2, _, _ = after
        same += [t.text for t in ta[i1 : min(i2, i1 + CONTEXT)]]
    content = [w for w in same if w.isalpha() and w not in STOP_WORDS]
    return len(same) >= MIN_SAME and len(content) >= MIN_CONTENT


def _span(side: list[Token]) -> tuple[int, int]:
    return side[0].start, side[-1].end


def _number(sentence: Sentence, side: list[Token]) -> Quantity | None:
    """The quantity a swapped span holds, when it is one number and nothing else."""
    words = [t.text for t in side if t.text not in ("$", "€", "£")]
    if len(words) != 1 or not NUMBERISH.match(words[0]) or YEAR.match(words[0]):
        return None
    value = parse_number(words[0])
    if value is None:
        return None
    start, end = _span(side)
    for q in sentence.quantities:
        if in_span(q.start, q.end, (start, end)):
            return q
    local, local_end = start - sentence.start, end - sentence.start
    clock = CLOCK.search(sentence.text[max(0, local - 4) : local]) or CLOCK.match(
        sentence.text[local_end : local_end + 6]
    )
    if clock and APPROXIMATE_TIME.search(sentence.text[max(0, local - 30) : local]):
        return None  # "around 10: 30 p.m." / "about 10: 35 p.m.": one time, told loosely
    text = sentence.text[local:local_end]
    return Quantity(text, value, value, value, "exact", "", start, end)


def _date(sentence: Sentence, side: list[Token]) -> DateMention | None:
    start, end = _span(side)
    inside = [d for d in sentence.dates if in_span(d.start, d.end, (start, end))]
    return inside[0] if len(inside) == 1 else None


def _place(sentence: Sentence, side: list[Token], people: set[str]) -> str | None:
    """The place a swapped span names: a place entity, or a gazetteer name (any casing)."""
    start, end = _span(side)
    text = sentence.text[start - sentence.start : end - sentence.start]
    for entity in sentence.entities:
        if entity.kind == "place" and entity.start <= start and end <= entity.end + 1:
            return entity.text if entity.end - entity.start >= end - start else None
    if any(
        e.kind in ("person", "organisation")
        and in_span(e.start, e.end, (start, end))
        and not _mistagged_place(sentence, e)
        for e in sentence.entities
    ):
        return None
    key = entity_key(text)
    if not all(t.text.isalpha() for t in side) or key in people:
        return None
    if any(w[:1].islower() for w in text.split()) and _cased(sentence):
        return None  # in normally written text a place name has capitals
    return text if place_word(text, _cased(sentence)) else None


def _mistagged_place(sentence: Sentence, entity: Entity) -> bool:
    """An "organisation" that is only a real place's name, in lower-cased text: there the
    entity recogniser guesses kinds from context alone ("on my flight from bergen to
    dallas" tags "bergen" an organisation). The swap's frame, the same words the other
    source has around its place, is the better evidence."""
    return (
        entity.kind == "organisation"
        and not _cased(sentence)
        and entity.text.lower() not in STOP_WORDS
        and is_place(entity.text.lower())
    )


def _cased(sentence: Sentence) -> bool:
    return CAPITALISED_INSIDE.search(sentence.text) is not None


def _swap(
    a: Sentence, b: Sentence, sa: list[Token], sb: list[Token], people: set[str]
) -> tuple[Observation, Observation] | None:
    """The conflict one swap shows, if both sides are values of one kind that differ."""
    da, db = _date(a, sa), _date(b, sb)
    if da is not None or db is not None:
        if da is None or db is None or compatible(da.value, db.value):
            return None
        if reported_on(a, da.start) or reported_on(b, db.start):
            return None  # when something was said, not when it happened
        if da.planned != db.planned:
            return None  # "to appear in court Monday" / "appeared Saturday": two acts
        return (
            Observation("date", "date", da.value, da.text, da.value, a),
            Observation("date", "date", db.value, db.text, db.value, b),
        )
    qa, qb = _number(a, sa), _number(b, sb)
    if qa is not None and qb is not None:
        if not quantities_conflict(qa, qb):
            return None
        if qa.counted and qb.counted and qa.counted != qb.counted:
            return None
        unit_a, unit_b = rate_unit(a, qa), rate_unit(b, qb)
        if unit_a and unit_b and unit_a != unit_b:
            return None  # "12,000 times a day" / "20 times a minute": two rates
        observed_a, observed_b = quantity_observation(qa, a), quantity_observation(qb, b)
        about = observed_a.about if qa.counted or qa.event else observed_b.about
        observed_a.about = observed_b.about = about
        return observed_a, observed_b
    if qa is not None or qb is not None:
        return None
    pa, pb = _place(a, sa, people), _place(b, sb, people)
    if pa is None or pb is None or same_place(pa, pb) or nested(pa, pb):
        return None  # one name for one place, or a town and the country it lies in
    ka, kb = entity_key(pa), entity_key(pb)
    return (
        Observation("place", "place", ka, pa, ka, a),
        Observation("place", "place", kb, pb, kb, b),
    )


def swap_conflicts(
    a: Sentence, b: Sentence, pair: StatementPair, people: set[str]
) -> list[tuple[Observation, Observation]]:
    """Values exchanged for others between the same words of two aligned statements."""
    ta, tb, blocks = pair.tokens_a, pair.tokens_b, pair.opcodes
    found = []
    for k, (op, i1, i2, j1, j2) in enumerate(blocks):
        if op != "replace" or i2 - i1 > MAX_SWAP or j2 - j1 > MAX_SWAP:
            continue
        if not _same_context(ta, tb, blocks, k):
            continue
        conflict = _unit_swap(a, b, ta, tb, (i1, i2, j1, j2)) or _swap(
            a, b, ta[i1:i2], tb[j1:j2], people
        )
        if conflict is not None:
            found.append(conflict)
    return found


# Units of time, to the unit: "a few days later" / "a few weeks later" is one interval.
TIME_UNITS = {
    **dict.fromkeys(("minute", "minutes"), "minute"),
    **dict.fromkeys(("hour", "hours"), "hour"),
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("week", "weeks"), "week"),
    **dict.fromkeys(("month", "months"), "month"),
    **dict.fromkeys(("year", "years"), "year"),
}
LOOSE_COUNTS = frozenset("few several many couple".split())


def _unit_swap(
    a: Sentence, b: Sentence, ta: list[Token], tb: list[Token], span: tuple[int, int, int, int]
) -> tuple[Observation, Observation] | None:
    """One interval told loosely in two units between the same words: "a few days later" /
    "a few weeks later". The count before the unit must be the same loose word, so that
    "two weeks" / "14 days" (one interval, converted) is not read as a dispute."""
    i1, i2, j1, j2 = span
    if i2 - i1 != 1 or j2 - j1 != 1 or i1 == 0 or j1 == 0:
        return None
    unit_a, unit_b = TIME_UNITS.get(ta[i1].text.lower()), TIME_UNITS.get(tb[j1].text.lower())
    count = ta[i1 - 1].text.lower()
    if not unit_a or not unit_b or unit_a == unit_b or count not in LOOSE_COUNTS:
        return None
    if tb[j1 - 1].text.lower() != count:
        return None
    text_a, text_b = _loose_interval(a, ta, i1), _loose_interval(b, tb, j1)
    about = "how long after"
    return (
        Observation("quantity", about, ("interval", unit_a), text_a, text_a, a),
        Observation("quantity", about, ("interval", unit_b), text_b, text_b, b),
    )


def _loose_interval(sentence: Sentence, tokens: list[Token], unit: int) -> str:
    """The words of a loose interval ending in the unit at ``unit``: "a few days"."""
    first = unit - 2 if unit >= 2 and tokens[unit - 2].text.lower() == "a" else unit - 1
    return sentence.text[tokens[first].start - sentence.start : tokens[unit].end - sentence.start]


def people_keys(sentences: list[Sentence]) -> set[str]:
    """Every word of every person's name: "jackson" said is a person, not a city."""
    return {
        word
        for s in sentences
        for e in s.entities
        if e.kind == "person"
        for word in [e.key, *e.key.split()]
    }
