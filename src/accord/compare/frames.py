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

from accord.model import Quantity, Sentence

# "including two counts", "among them 20 iranians", "12 of them children": a part.
PART_BEFORE = re.compile(
    r"\b(?:including|includes|include|among them|among whom|of whom|of them|of which)"
    r"\s+(?:[\w'’-]+\s+){0,2}$",
    re.I,
)
PART_AFTER = re.compile(r"^\s*(?:of them|of whom|among them)\b", re.I)
# "two people familiar with the matter", "three sources": who told the reporter.
SOURCING_AFTER = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,2}?(?:people|officials|sources?|persons)"
    r"(?:\s+(?:familiar|briefed|close|with knowledge|who spoke|who asked|speaking))",
    re.I,
)
SOURCING_NOUN = re.compile(r"^\s*(?:[\w'’-]+\s+)?sources?\b", re.I)
# A figure hoped for, planned, possible: "hopes to eat a record 70", "could face 400 years".
IRREALIS_BEFORE = re.compile(
    r"\b(?:hopes?|hoping|plans?|planning|aims?|aiming|wants?|expects?|expected|intends?|"
    r"would|could|might|may|maximum|up to|faced|faces|face|target|goal|record)\b"
    r"(?:\s+[\w'’,-]+){0,6}\s*$",
    re.I,
)
# A figure in brackets right after another is the same length in other units.
CONVERSION_BEFORE = re.compile(r"\d[\w.,]*\s*[a-z.]*\s*\(\s*$", re.I)
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


def is_sourcing(sentence: Sentence, q: Quantity) -> bool:
    """A count of the reporter's sources ("two people familiar with the plans")."""
    after = _after(sentence, q)
    return bool(SOURCING_AFTER.match(after) or SOURCING_NOUN.match(after))


def is_irrealis(sentence: Sentence, q: Quantity) -> bool:
    """A figure hoped for, planned, possible or at most: not what happened."""
    return IRREALIS_BEFORE.search(_before(sentence, q, 50)) is not None


def is_conversion(sentence: Sentence, q: Quantity) -> bool:
    """A figure given with its conversion into other units, either side of the brackets."""
    return bool(
        CONVERSION_BEFORE.search(_before(sentence, q, 30))
        or CONVERSION_AFTER.match(_after(sentence, q, 30))
    )


def _precision(value: float) -> float:
    """The rounding step a figure is written to: 1.8 million -> 100,000; 1.76 -> 10,000."""
    if value == 0:
        return 1.0
    digits = f"{abs(value):.6g}".replace(".", "").rstrip("0").lstrip("0")
    magnitude = math.floor(math.log10(abs(value)))
    return 10.0 ** (magnitude - max(len(digits), 1) + 1)


def same_after_rounding(a: float, b: float) -> bool:
    """One figure written to two precisions: "1.76 million" / "1.8 million"."""
    coarse = max(_precision(a), _precision(b))
    if coarse < 10:  # small counts are stated exactly: "18 hours" / "19 hours" differ
        return False
    return round(a / coarse) == round(b / coarse)


def person_words(sentence: Sentence) -> set[str]:
    """Words of the people's names a sentence gives (the participants of its claim)."""
    return {
        w for e in sentence.entities if e.kind == "person" for w in NAME_WORD.findall(e.key)
    }


def states_figure(sentence: Sentence, q: Quantity) -> bool:
    """Whether a sentence also states ``q``'s figure, of whatever noun: "1.8 million
    people ... only 1.4 million infections" has both figures in play. Small figures
    (under 10) recur by chance and do not count."""
    return q.value >= 10 and any(abs(x.value - q.value) < 1e-9 for x in sentence.quantities)


def _distance(a: Quantity, b: Quantity) -> float:
    low_a, high_a = a.low if a.low is not None else a.value, a.high if a.high is not None else a.value
    low_b, high_b = b.low if b.low is not None else b.value, b.high if b.high is not None else b.value
    return abs(low_a - low_b) + abs(high_a - high_b)


def closer_figure(sentence: Sentence, q: Quantity, other: Quantity) -> bool:
    """The sentence gives another figure of the same noun that is nearer ``other`` than
    ``q`` is ("men need 7.8 hours and women 7.6" / "adults 7.7 hours"; "ruled 380–362 bc
    ... conquered in 332 bc" / "379 to 360 bc"): that one is its counterpart, if any."""
    return q.counted != "" and any(
        x is not q and x.counted == q.counted and _distance(x, other) < _distance(q, other)
        for x in sentence.quantities
    )


def different_claims(a: Sentence, qa: Quantity, b: Sentence, qb: Quantity) -> bool:
    """Whether two conflicting counts are figures of two claims, not one claim's two values."""
    if is_part(a, qa) != is_part(b, qb):
        return True  # a part against a whole
    if is_sourcing(a, qa) or is_sourcing(b, qb):
        return True
    if is_irrealis(a, qa) != is_irrealis(b, qb):
        return True  # a plan or a maximum against what happened
    if states_figure(a, qb) or states_figure(b, qa):
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
