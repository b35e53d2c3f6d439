"""Numbers: counts that aligned (or closely related) statements of different sources give
differently, and totals over one period that frame the story differently (scope).
"""

from __future__ import annotations

import numpy as np

from accord.analyse.dates import parts
from accord.compare.counts import (
    GENERIC_COUNTS,
    Observation,
    in_span,
    overlap,
    plural,
    quantities_conflict,
    quantity_observation,
    same_thing,
    states_value,
)
from accord.compare.slots import (
    COUNTED_SIMILARITY,
    LOOSE_SIMILARITY,
    PARALLEL,
    STOPS,
    WORD_TOKEN,
    comparable,
    same_slot,
)
from accord.model import (
    Cluster,
    Quantity,
    Sentence,
    StatementPair,
)


def quantity_conflicts(
    a: Sentence, b: Sentence, pair: StatementPair
) -> list[tuple[Observation, Observation]]:
    """Counts of one thing that two aligned sentences give differently."""
    found = []
    for qa in a.quantities:
        for qb in b.quantities:
            swapped = any(
                in_span(qa.start, qa.end, ca) and in_span(qb.start, qb.end, cb)
                for ca, cb in pair.changes
            )
            slot = (
                (swapped and pair.parallel >= PARALLEL)
                or (same_thing(qa, qb) and pair.similarity >= COUNTED_SIMILARITY)
                or (comparable(pair) and same_slot(a, (qa.start, qa.end), b, (qb.start, qb.end)))
            )
            if not slot or not quantities_conflict(qa, qb):
                continue
            if states_value(a, qb, qa) or states_value(b, qa, qb):
                continue  # "rose from 42 to 57" against "57": both figures are in play
            if qa.counted != qb.counted and qa.counted and qb.counted:
                continue  # "49 civilians" / "63 children" changed more than the figure
            if (qa.counted == "percent") != (qb.counted == "percent"):
                continue
            found.append((quantity_observation(qa, a), quantity_observation(qb, b)))
    return found


# Words that belong to a figure, not to what it is about: "$1 billion" / "$4 billion" share
# "billion" whatever they count.
SCALE_WORDS = frozenset(
    "hundred hundreds thousand thousands million millions billion billions".split()
)


def counted_in_context(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """Counts of one noun, in loosely related sentences, with the same words around them.

    "Twelve people were taken to hospital" / "Fifteen people were treated in hospital":
    the sentences differ too much to align, but the count, its noun and "hospital" agree.
    Aligned pairs are looked at too: an aligned pair below ``COUNTED_SIMILARITY`` ("the 10
    most endangered rivers the organization has identified" / "the organization highlights
    16 rivers") has nothing else that compares its counts.
    """
    space = cluster.space
    if not space.refs:
        return []
    counted = [k for k, ref in enumerate(space.refs) if cluster.sentence(ref).quantities]
    found = []
    for x, i in enumerate(counted):
        # numpy picks the loosely similar ones among the later counted sentences
        later = np.array(counted[x + 1 :], dtype=int)
        similar = later[space.values(i, later) >= LOOSE_SIMILARITY]
        for j in similar.tolist():
            ra, rb = space.refs[i], space.refs[j]
            if ra.doc_id == rb.doc_id:
                continue
            a, b = cluster.sentence(ra), cluster.sentence(rb)
            for qa in a.quantities:
                for qb in b.quantities:
                    if not same_thing(qa, qb) or not quantities_conflict(qa, qb):
                        continue
                    if states_value(a, qb, qa) or states_value(b, qa, qb):
                        continue
                    if same_side_word(a, qa, b, qb):
                        found.append((quantity_observation(qa, a), quantity_observation(qb, b)))
    return found


NEAR_SIDE = 3  # content words on one side of a count that tell what it is the count of
# Words that belong to a measure, not to what it measures: "20 miles away" / "500 miles
# away", "two years ago", "a 6-foot tall".
MEASURE_WORDS = frozenset("away ago long old tall wide high deep later earlier per".split())


def same_side_word(a: Sentence, qa: Quantity, b: Sentence, qb: Quantity) -> bool:
    """Whether two counts of one noun share a content word on the same side, close by.

    "were taken to hospital" / "were treated in hospital": "hospital" after both. Words
    anywhere in a wide window ("the 21-year-old victim ... the accused, 26") join ages of
    different people; a word on one side of one count and the other side of the other
    rarely plays the same part. One-letter tokens ("p" of "p.m.", "u" of "u.s.") and
    scale words ("billion") are no words of the statement, nor the counted noun itself.
    The ``NEAR_SIDE`` nearest words are counted past those and past auxiliaries, which
    belong to the count's own phrase: "twelve people were taken to hospital" has
    "taken to hospital" next to it.
    """
    own = {*qa.counted.split(), *plural(qa.counted).split(), *qb.counted.split()}
    own |= {*plural(qb.counted).split()} | SCALE_WORDS | MEASURE_WORDS
    before_a, after_a = nearest_words(a, qa, own)
    before_b, after_b = nearest_words(b, qb, own)
    return bool((before_a & before_b) | (after_a & after_b))


# Auxiliaries next to a count ("people were taken", "have been treated") say nothing of
# what it is the count of.
AUXILIARIES = frozenset("is are was were be been being has have had".split())


def nearest_words(sentence: Sentence, q: Quantity, own: set[str]) -> tuple[set[str], set[str]]:
    """Content words among the ``NEAR_SIDE`` words nearest a count on each side, not
    counting the count's own words (``own``), auxiliaries or one-letter tokens."""

    tokens = [
        (m.start() + sentence.start, m.group(0).lower()) for m in WORD_TOKEN.finditer(sentence.text)
    ]
    kept = [(at, w) for at, w in tokens if len(w) > 1 and w not in own and w not in AUXILIARIES]
    before = [w for at, w in kept if at < q.start][-NEAR_SIDE:]
    after = [w for at, w in kept if at >= q.end][:NEAR_SIDE]

    def content(ws: list[str]) -> set[str]:
        return {w for w in ws if w not in STOPS and not w[0].isdigit()}

    return content(before), content(after)


def _month_anchor(sentence: Sentence) -> set[str]:
    return {
        d.value for d in sentence.dates if isinstance(parts(d.value), tuple) and parts(d.value)[1]
    }


def _same_period(a: Sentence, b: Sentence) -> bool:
    """Both sentences name a month-precise period, and the periods share a month."""
    anchors_a, anchors_b = _month_anchor(a), _month_anchor(b)
    if len(anchors_a) < 2 or len(anchors_b) < 2:
        return False
    return any(parts(x)[:2] == parts(y)[:2] for x in anchors_a for y in anchors_b)


def scope_conflicts(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """The same kind of thing counted over the same period, with totals that differ.

    "more than 25 attacks between 30 September and 29 November" and "six attacks between
    September and November" are not aligned sentences (they describe different work), but
    a reader should see both: the figures frame the story differently.
    """
    found = []
    sentences = [s for d in cluster.documents for s in d.sentences if s.quantities and s.dates]
    for k, a in enumerate(sentences):
        for b in sentences[k + 1 :]:
            if a.doc_id == b.doc_id or not _same_period(a, b):
                continue
            for qa in a.quantities:
                for qb in b.quantities:
                    if (
                        same_thing(qa, qb)
                        and qa.counted not in GENERIC_COUNTS
                        and not overlap(qa, qb)
                    ):
                        found.append(
                            (
                                quantity_observation(qa, a, "scope"),
                                quantity_observation(qb, b, "scope"),
                            )
                        )
    return found
