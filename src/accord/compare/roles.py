"""Roles: values that two statements of one fact put among the same words.

Paraphrase moves words around, drops some and adds others, so neither a word diff nor
the two words either side of a value line up "two young men carrying an 18-year-old
girl" with "five boys carrying an unconscious 18-year-old girl". What survives is the
*role*: the content words right next to the value ("carrying"). When two sentences of
different sources state one fact (most of the shorter one's content words are in the
other, not counting the values compared) and a number, or a date, in each stands next to
the same content word, and nothing else in the pair does, the sources give that fact
different values.

Each pairing must be the only one for both values: where a sentence holds two figures in
one role ("two counts of fraud; four counts of theft"), nobody can tell which one the
other source's figure matches.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

from accord.analyse.dates import compatible
from accord.analyse.terms import STOP_WORDS, content_terms, stem
from accord.compare.counts import (
    EVENT_SET,
    Observation,
    event_class,
    quantities_conflict,
    quantity_observation,
    same_counted,
    states_value,
)
from accord.compare.dates import (
    TWO_EVENTS,
    anchored_weekdays,
    different_events,
    reported_on,
    same_kind_of_date,
    same_verb_before,
)
from accord.model import DateMention, Quantity, Sentence

ROLE_WINDOW = 3  # content words this close to a value say what it is the value of
MIN_SHARED = 4  # one fact: at least this many content words in common ...
MIN_SHARE = 0.5  # ... and this share of the shorter sentence's, the values left out
ROLE_WORD = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*")
POSSESSIVE = re.compile(r"['’]s?$")  # "a woman's car" and "a woman" share "woman"
# Words that belong to a figure or a date, not to what it is about: "$1 billion fund" and
# "$4 billion deal" share "billion" whatever they count; "last friday" and "last week".
NOT_ROLES = frozenset(
    "hundred hundreds thousand thousands million millions billion billions trillion "
    "last next this early late night morning afternoon evening".split()
)

# Words for people by age or kinship; not "people" itself, nor roles ("civilians",
# "fighters"), which tell groups apart.
PERSONS = frozenset(
    "man woman boy girl child kid teen teenager youth adult brother sister son daughter "
    "sibling".split()
)

CURRENCIES = {"dollar": "$", "euro": "€", "pound": "£"}

V = TypeVar("V", Quantity, DateMention)


@lru_cache(maxsize=4096)
def _role_tokens(text: str, start: int) -> tuple[tuple[int, str], ...]:
    """(document offset, lower-cased word) of a sentence's words; cached: each value of a
    sentence, in every pair it is in, asks."""
    return tuple((start + m.start(), m.group(0).lower()) for m in ROLE_WORD.finditer(text))


def role_words(sentence: Sentence, start: int, end: int) -> set[str]:
    """Stemmed content words within ``ROLE_WINDOW`` words of the span, either side,
    possessives as their nouns."""
    words = _role_tokens(sentence.text, sentence.start)
    before = [w for at, w in words if at < start][-ROLE_WINDOW:]
    after = [w for at, w in words if at >= end][:ROLE_WINDOW]
    return {
        stem(POSSESSIVE.sub("", w))
        for w in before + after
        if w not in STOP_WORDS and w not in NOT_ROLES and w[0].isalpha()
    }


def one_fact(a: Sentence, b: Sentence, value_a: str, value_b: str) -> bool:
    """Whether two sentences state one fact: at least ``MIN_SHARED`` content words in
    common and ``MIN_SHARE`` of the shorter one's, not counting the values themselves
    (a changed value must not make the sentences look less alike)."""
    terms_a = set(a.terms) - set(content_terms(value_a))
    terms_b = set(b.terms) - set(content_terms(value_b))
    shared = len(terms_a & terms_b)
    return shared >= MIN_SHARED and shared >= MIN_SHARE * min(len(terms_a), len(terms_b))


def _unambiguous(pairs: list[tuple[V, V]]) -> list[tuple[V, V]]:
    """The pairings in which each value takes part only once."""
    count_a = Counter(id(x) for x, _ in pairs)
    count_b = Counter(id(y) for _, y in pairs)
    return [(x, y) for x, y in pairs if count_a[id(x)] == 1 and count_b[id(y)] == 1]


def _counted(value: Quantity | DateMention) -> set[str]:
    """What a count counts is part of its role, even when written inside the quantity's
    own text ("the 47 percent" / "the 75 percent")."""
    counted = getattr(value, "counted", "")
    return {stem(counted.split()[-1])} if counted else set()


def _paired_in_role(
    a: Sentence,
    b: Sentence,
    values_a: Sequence[V],
    values_b: Sequence[V],
    differ: Callable[[V, V], bool],
) -> list[tuple[V, V]]:
    """Values of the two sentences that differ and stand next to the same content word."""
    if not values_a or not values_b:
        return []
    roles_a = {id(x): role_words(a, x.start, x.end) | _counted(x) for x in values_a}
    roles_b = {id(y): role_words(b, y.start, y.end) | _counted(y) for y in values_b}
    pairs = [
        (x, y)
        for x in values_a
        for y in values_b
        if roles_a[id(x)] & roles_b[id(y)] and differ(x, y)
    ]
    return [(x, y) for x, y in _unambiguous(pairs) if one_fact(a, b, x.text, y.text)]


def money(sentence: Sentence, q: Quantity) -> bool:
    """Whether a figure is an amount of money: a currency sign in it or right before it
    (Multi-News spaces it off: "$ 999.99", "£ 40,000")."""
    before = sentence.text[: q.start - sentence.start].rstrip()
    return q.counted in CURRENCIES or before.endswith(tuple(CURRENCIES.values()))


def related_counts(a: str, b: str) -> bool:
    """Whether two counted nouns can name one group in one role: one noun (with or
    without a modifier: "star resort" / "star luxury resort" parse as "star resort" /
    "star luxury"), or two words for young or related people, which rewrites swap freely
    ("two young men carrying ..." / "two boys carrying ...", "teenagers" / "brothers")."""
    if same_counted(a, b) or set(a.split()) & set(b.split()):
        return True
    return a.split()[-1] in PERSONS and b.split()[-1] in PERSONS


def _counts_differ(a: Sentence, b: Sentence) -> Callable[[Quantity, Quantity], bool]:
    def differ(qa: Quantity, qb: Quantity) -> bool:
        if not quantities_conflict(qa, qb) or states_value(a, qb, qa) or states_value(b, qa, qb):
            return False  # "rose from 42 to 57" against "57": both figures are in play
        if (qa.counted == "percent") != (qb.counted == "percent"):
            return False
        if money(a, qa) != money(b, qb):
            return False  # "6,200 servings" / "$ 999.99"
        if qa.counted and qb.counted and not related_counts(qa.counted, qb.counted):
            return False  # "six attacks" / "a dozen fighters": other things counted
        ea, eb = event_class(qa.event), event_class(qb.event)
        return not (ea in EVENT_SET and eb in EVENT_SET and ea != eb)  # "12 killed" / "30 hurt"

    return differ


def role_number_conflicts(a: Sentence, b: Sentence) -> list[tuple[Observation, Observation]]:
    """Counts that two statements of one fact give differently in the same role."""
    found = []
    for qa, qb in _paired_in_role(a, b, a.quantities, b.quantities, _counts_differ(a, b)):
        observed_a, observed_b = quantity_observation(qa, a), quantity_observation(qb, b)
        about = observed_a.about if qa.counted or qa.event else observed_b.about
        observed_a.about = observed_b.about = about
        found.append((observed_a, observed_b))
    return found


def _dates_differ(a: Sentence, b: Sentence) -> Callable[[DateMention, DateMention], bool]:
    def differ(da: DateMention, db: DateMention) -> bool:
        if not same_kind_of_date(da.value, db.value) or compatible(da.value, db.value):
            return False
        if any(
            compatible(x.value, db.value) for x in a.dates if same_kind_of_date(x.value, db.value)
        ):
            return False  # each sentence also holds the other's date
        if any(
            compatible(x.value, da.value) for x in b.dates if same_kind_of_date(x.value, da.value)
        ):
            return False
        if not anchored_weekdays(a, da, b, db) or different_events(da, db):
            return False  # two days of a story ("arrested Monday" / "released Tuesday")
        reported = reported_on(a, da.start) or reported_on(b, db.start)
        return not reported or same_verb_before(a, da, b, db)

    return differ


def _holds(sentence: Sentence, date: DateMention) -> bool:
    """Whether the sentence also names a day that can be ``date``."""
    return any(
        same_kind_of_date(x.value, date.value) and compatible(x.value, date.value)
        for x in sentence.dates
    )


def role_date_conflicts(a: Sentence, b: Sentence) -> list[tuple[Observation, Observation]]:
    """Dates that two statements of one fact give differently in the same role.

    Not where either sentence dates two events ("returned home on Wednesday, a day after
    the fire"): its date may be of the other event.
    """
    if not a.dates or not b.dates:
        return []  # nothing to pair (and no need to look for two events)
    if TWO_EVENTS.search(a.text) or TWO_EVENTS.search(b.text):
        return []
    return [
        (
            Observation("date", "date", da.value, da.text, da.value, a),
            Observation("date", "date", db.value, db.text, db.value, b),
        )
        for da, db in _paired_in_role(a, b, a.dates, b.dates, _dates_differ(a, b))
    ]
