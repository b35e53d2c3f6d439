"""Compare: what the sources agree on, where they differ, and what only one states.

Discrepancies are found by comparing *slots* (numbers with what they count, places,
dates, speakers) of statements that align, never by sentence vectors alone: embeddings
and TF-IDF score "42 killed" and "57 killed" as near-identical and cannot see a
contradiction. A discrepancy reports the variants and their evidence; it does not decide
who is right.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from accord.align import SentenceSpace, StatementPair, statement_pairs
from accord.analyse.dates import compatible, parts
from accord.analyse.entities import entity_key, same_name
from accord.analyse.terms import STOP_WORDS as ENGLISH_STOP_WORDS
from accord.model import (
    Cluster,
    DateMention,
    Discrepancy,
    Evidence,
    Fact,
    Quantity,
    QuoteGroup,
    Sentence,
    SentenceRef,
    SingleSourceClaim,
    Variant,
)

SUPPORT_THRESHOLD = 0.38  # a source "states the same content" at this similarity
MAX_FACTS_PER_KIND = 10
MAX_SINGLE_SOURCE = 10
MAX_DISCREPANCIES = 8
# Two sentences whose words are this parallel (difflib ratio) and that swap one number,
# date or place for another state the same thing differently.
PARALLEL = 0.5
# Sentences this similar (TF-IDF cosine) that count the same noun compare their counts.
COUNTED_SIMILARITY = 0.3
# Sentences this similar compare mentions that stand between the same words.
SLOT_SIMILARITY = 0.15
CONTAINED = 0.5  # or most of the shorter sentence's content words are in the other
SLOT_WINDOW = 2
LOOSE_SIMILARITY = 0.05  # counts of one noun compare this loosely when their words agree
LOOSE_WINDOW = 5  # words each side of a mention that define its slot
SAME_FIGURE = 0.02  # bounds or estimates closer than this (relative) are one figure
QUOTE_SHINGLE = 3
QUOTE_OVERLAP = 0.5  # share of the shorter quote's word triples found in the longer one
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
REPORTED_ON = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|confirmed)"
    r"(?:\s+(?:late|early)?\s*(?:on\s+)?|(?:\s+[\w'’]+){1,3}\s+(?:late\s+|early\s+)?on\s+)$",
    re.I,
)
TWO_EVENTS = re.compile(
    r"\b(?:a|one|two|three|\w+)\s+(?:days?|weeks?|months?|hours?)\s+(?:after|before|later|earlier)\b"
    r"|\b(?:since|until)\b",
    re.I,
)
SLOT_WORD = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*")
STOPS = ENGLISH_STOP_WORDS
LOCATIVE_WORD = re.compile(r"\b(?:in|at|near|from|outside)\s+(?:the\s+)?([A-Za-z][\w-]+)")
LOCATIVE = {"in", "at", "near", "from", "outside", "across", "of", "to", "into"}
ACCUSATION = re.compile(
    r"\b(accus|alleg|den(y|ied|ies)|lie[sd]?\b|lying|claim|blame|condemn|war crime|violat|cover)",
    re.I,
)


def evidence(sentence: Sentence) -> Evidence:
    return Evidence(source=sentence.doc_id, sentence=sentence.index, text=sentence.text)


def canonical_sources(cluster: Cluster, doc_ids: Iterable[str]) -> list[str]:
    """Source ids in input order, each once."""
    wanted = set(doc_ids)
    return [d.id for d in cluster.documents if d.id in wanted]


def supporting_sentences(
    cluster: Cluster, space: SentenceSpace, ref: SentenceRef, threshold: float = SUPPORT_THRESHOLD
) -> list[SentenceRef]:
    """The sentence itself and, from each other source, its most similar sentence if close."""
    if not space.refs:
        return [ref]
    sims = space.similarities()[space.index(ref)]
    best: dict[str, tuple[float, SentenceRef]] = {}
    for k, other in enumerate(space.refs):
        if other.doc_id == ref.doc_id or sims[k] < threshold:
            continue
        if other.doc_id not in best or sims[k] > best[other.doc_id][0]:
            best[other.doc_id] = (float(sims[k]), other)
    refs = {ref, *cluster.group_of(ref), *(r for _, r in best.values())}
    return sorted(refs, key=lambda r: ([d.id for d in cluster.documents].index(r.doc_id), r.index))


# --- facts ------------------------------------------------------------------------------


def _quantity_key(quantity: Quantity) -> tuple[str, float, float]:
    return (quantity.counted, quantity.low or -1.0, quantity.high or -1.0)


def _most_common(texts: list[str]) -> str:
    counts: dict[str, int] = defaultdict(int)
    for text in texts:
        counts[text] += 1
    return max(counts, key=lambda t: (counts[t], len(t)))


def collect_facts(cluster: Cluster) -> list[Fact]:
    """Quantities, dates, places, people and organisations, with the sources stating each."""
    buckets: dict[tuple[str, object], list[tuple[str, Sentence]]] = defaultdict(list)
    values: dict[tuple[str, object], object] = {}
    for doc in cluster.documents:
        for sentence in doc.sentences:
            for q in sentence.quantities:
                if not q.counted:
                    continue
                key = ("quantity", _quantity_key(q))
                label = _quantity_text(q, sentence)
                buckets[key].append((label, sentence))
                values[key] = {
                    "value": q.value,
                    "low": q.low,
                    "high": q.high,
                    "qualifier": q.qualifier,
                    "counted": q.counted,
                }
            for d in sentence.dates:
                key = ("date", d.value)
                buckets[key].append((d.text, sentence))
                values[key] = d.value
            for e in sentence.entities:
                if e.kind == "group":
                    continue
                kind = {"place": "place", "person": "person", "organisation": "organisation"}[
                    e.kind
                ]
                key = (kind, e.key)
                buckets[key].append((e.text, sentence))
                values[key] = e.key
    facts: list[Fact] = []
    for key, mentions in buckets.items():
        kind = key[0]
        sources = canonical_sources(cluster, (s.doc_id for _, s in mentions))
        first_per_source: dict[str, Sentence] = {}
        for _, sentence in mentions:
            first_per_source.setdefault(sentence.doc_id, sentence)
        facts.append(
            Fact(
                kind=kind,  # type: ignore[arg-type]
                text=_most_common([t for t, _ in mentions]),
                value=values[key],
                sources=sources,
                evidence=[evidence(s) for s in first_per_source.values()],
            )
        )
    _merge_name_variants(facts)
    _merge_qualified_counts(facts)
    for fact in facts:
        fact.sources = canonical_sources(cluster, fact.sources)
    facts.sort(key=lambda f: (-len(f.sources), _first_position(cluster, f)))
    kept: list[Fact] = []
    per_kind: dict[str, int] = defaultdict(int)
    for fact in facts:
        if per_kind[fact.kind] < MAX_FACTS_PER_KIND:
            kept.append(fact)
            per_kind[fact.kind] += 1
    return kept


def _absorb(target: Fact, other: Fact) -> None:
    target.sources = [*target.sources, *(s for s in other.sources if s not in target.sources)]
    target.evidence.extend(
        e for e in other.evidence if e.source not in {x.source for x in target.evidence}
    )


def _merge_name_variants(facts: list[Fact]) -> None:
    """ "Amnesty" into "Amnesty International", "Luther" into "Philip Luther".

    A short name joins the longer one it begins or ends when exactly one fits; two fitting
    ("Smith" with "Anna Smith" and "John Smith") stay apart.
    """
    for kind in ("person", "organisation", "place"):
        named = [f for f in facts if f.kind == kind]
        for short in sorted(named, key=lambda f: len(str(f.value))):
            longer = [
                f
                for f in named
                if f is not short
                and len(str(f.value)) > len(str(short.value))
                and same_name(str(short.value), str(f.value))
            ]
            if len(longer) == 1:
                _absorb(longer[0], short)
                facts.remove(short)
                named.remove(short)


def _merge_qualified_counts(facts: list[Fact]) -> None:
    """ "200 civilians" into "at least 200 civilians": one count, stated with and without
    its qualifier. Merged only when a single qualified fact has that figure and noun."""
    counts = [f for f in facts if f.kind == "quantity"]
    for plain in [f for f in counts if f.value["qualifier"] == "exact"]:
        qualified = [
            f
            for f in counts
            if f is not plain
            and f.value["qualifier"] not in ("exact", "range")
            and f.value["counted"] == plain.value["counted"]
            and f.value["value"] == plain.value["value"]
        ]
        if len(qualified) == 1:
            _absorb(qualified[0], plain)
            facts.remove(plain)


def _first_position(cluster: Cluster, fact: Fact) -> float:
    positions = [
        e.sentence / max(1, len(cluster.document(e.source).sentences)) for e in fact.evidence
    ]
    return min(positions, default=1.0)


# --- discrepancies --------------------------------------------------------------------


@dataclass(slots=True)
class _Observation:
    """One source's value for one slot, as found in one sentence."""

    kind: str  # "quantity", "scope", "date", "place"
    about: str
    key: object  # values with equal keys are one variant
    text: str
    value: Any
    sentence: Sentence


def _bounds(q: Quantity) -> tuple[float, float]:
    return (
        q.low if q.low is not None else -math.inf,
        q.high if q.high is not None else math.inf,
    )


def _overlap(a: Quantity, b: Quantity) -> bool:
    a_low, a_high = _bounds(a)
    b_low, b_high = _bounds(b)
    return a_low <= b_high and b_low <= a_high


def _direction(q: Quantity) -> str:
    return {"more_than": "at_least", "less_than": "at_most"}.get(q.qualifier, q.qualifier)


def quantities_conflict(a: Quantity, b: Quantity) -> bool:
    """Whether two counts of one thing disagree.

    Intervals that do not overlap disagree ("42" / "57", "at least 200" / "150"). Two bounds
    or estimates of the same kind disagree too when their figures differ ("at least 42" /
    "at least 57"): the sources report different tallies even if both could be true.
    """
    if not _overlap(a, b):
        return True
    if _direction(a) == _direction(b) and _direction(a) in ("at_least", "at_most", "approximately"):
        return abs(a.value - b.value) > SAME_FIGURE * max(abs(a.value), abs(b.value))
    return False


def _event_class(word: str) -> str:
    return EVENT_CLASSES.get(word, word)


def _same_thing(a: Quantity, b: Quantity) -> bool:
    """Two quantities count the same thing: same counted noun and no contrary event."""
    if not a.counted or a.counted != b.counted:
        return False
    ea, eb = _event_class(a.event), _event_class(b.event)
    return not (ea in EVENT_SET and eb in EVENT_SET and ea != eb)


def _in_span(start: int, end: int, span: tuple[int, int]) -> bool:
    return start < span[1] and span[0] < end


def _plural(noun: str) -> str:
    if noun in UNCOUNTED or noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "es" if noun.endswith(("ch", "sh", "x")) else noun + "s"


def _quantity_about(q: Quantity) -> str:
    if q.counted:
        return f"number of {_plural(q.counted)}"
    event = _event_class(q.event)
    return f"number {EVENT_LABELS.get(event, event)}".strip() if event else "a figure"


def _quantity_context(q: Quantity, sentence: Sentence) -> str:
    """The count with its noun and the place phrase after it: "six attacks in Homs, Idlib"."""
    text = _quantity_text(q, sentence)
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


def _quantity_observation(q: Quantity, sentence: Sentence, kind: str = "quantity") -> _Observation:
    return _Observation(
        kind=kind,
        about=_quantity_about(q),
        key=(q.low, q.high, q.qualifier),
        text=_quantity_context(q, sentence) if kind == "scope" else _quantity_text(q, sentence),
        value={"value": q.value, "low": q.low, "high": q.high, "qualifier": q.qualifier},
        sentence=sentence,
    )


def _quantity_text(q: Quantity, sentence: Sentence) -> str:
    """The count as written, up to the noun it counts: "more than 25 Russian attacks"."""
    if not q.counted:
        return q.text
    local = q.start - sentence.start
    after = sentence.text[local + len(q.text) :]
    stem = q.counted.split()[0][:4]
    for match in re.finditer(r"\S+", after):
        if match.start() > 40:
            break
        if match.group(0).lower().startswith(stem):
            return (q.text + after[: match.end()]).strip(" ,.;:")
    return q.text


def _states_value(sentence: Sentence, q: Quantity) -> bool:
    return any(
        abs(x.value - q.value) < 1e-9 and x.counted == q.counted for x in sentence.quantities
    )


def _comparable(pair: StatementPair) -> bool:
    """Similar enough to compare mentions that stand in the same slot."""
    return pair.similarity >= SLOT_SIMILARITY or pair.containment >= CONTAINED


def _context(
    sentence: Sentence, start: int, end: int, window: int = 0
) -> tuple[set[str], set[str]]:
    """Content words just before and just after a mention: the slot it fills.

    "a dividend of $2.65 per share" and "dividend of $5.70 per share" put their figures in
    the same slot (after "dividend", before "share") however differently the rest reads.
    """
    words = [
        (m.start() + sentence.start, m.group(0).lower())
        for m in re.finditer(r"[\w'’-]+", sentence.text)
    ]
    window = window or SLOT_WINDOW
    before = [w for at, w in words if at < start][-window:]
    after = [w for at, w in words if at >= end][:window]

    def content(ws: list[str]) -> set[str]:
        return {w for w in ws if w not in ENGLISH_STOP_WORDS and not w[0].isdigit()}

    return content(before), content(after)


def same_slot(a: Sentence, span_a: tuple[int, int], b: Sentence, span_b: tuple[int, int]) -> bool:
    """Whether two mentions stand between the same words in their sentences."""
    before_a, after_a = _context(a, *span_a)
    before_b, after_b = _context(b, *span_b)
    return bool(before_a & before_b) or bool(after_a & after_b)


def _quantity_conflicts(
    a: Sentence, b: Sentence, pair: StatementPair
) -> list[tuple[_Observation, _Observation]]:
    """Counts of one thing that two aligned sentences give differently."""
    found = []
    for qa in a.quantities:
        for qb in b.quantities:
            swapped = any(
                _in_span(qa.start, qa.end, ca) and _in_span(qb.start, qb.end, cb)
                for ca, cb in pair.changes
            )
            slot = (
                (swapped and pair.parallel >= PARALLEL)
                or (_same_thing(qa, qb) and pair.similarity >= COUNTED_SIMILARITY)
                or (_comparable(pair) and same_slot(a, (qa.start, qa.end), b, (qb.start, qb.end)))
            )
            if not slot or not quantities_conflict(qa, qb):
                continue
            if _states_value(a, qb) or _states_value(b, qa):
                continue  # "rose from 42 to 57" against "57": both figures are in play
            if qa.counted != qb.counted and qa.counted and qb.counted:
                continue  # "49 civilians" / "63 children" changed more than the figure
            if (qa.counted == "percent") != (qb.counted == "percent"):
                continue
            found.append((_quantity_observation(qa, a), _quantity_observation(qb, b)))
    return found


def _counted_in_context(
    cluster: Cluster, space: SentenceSpace, paired: set[tuple[SentenceRef, SentenceRef]]
) -> list[tuple[_Observation, _Observation]]:
    """Counts of one noun, in loosely related sentences, with the same words around them.

    "Twelve people were taken to hospital" / "Fifteen people were treated in hospital":
    the sentences differ too much to align, but the count, its noun and "hospital" agree.
    """
    if not space.refs:
        return []
    sims = space.similarities()
    counted = [k for k, ref in enumerate(space.refs) if cluster.sentence(ref).quantities]
    found = []
    for x, i in enumerate(counted):
        for j in counted[x + 1 :]:
            ra, rb = space.refs[i], space.refs[j]
            if ra.doc_id == rb.doc_id or sims[i, j] < LOOSE_SIMILARITY or (ra, rb) in paired:
                continue
            a, b = cluster.sentence(ra), cluster.sentence(rb)
            for qa in a.quantities:
                for qb in b.quantities:
                    if not _same_thing(qa, qb) or not quantities_conflict(qa, qb):
                        continue
                    if _states_value(a, qb) or _states_value(b, qa):
                        continue
                    near_a = set().union(*_context(a, qa.start, qa.end, LOOSE_WINDOW))
                    near_b = set().union(*_context(b, qb.start, qb.end, LOOSE_WINDOW))
                    if near_a & near_b - {qa.counted, _plural(qa.counted)}:
                        found.append((_quantity_observation(qa, a), _quantity_observation(qb, b)))
    return found


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


def _scope_conflicts(cluster: Cluster) -> list[tuple[_Observation, _Observation]]:
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
                        _same_thing(qa, qb)
                        and qa.counted not in GENERIC_COUNTS
                        and not _overlap(qa, qb)
                    ):
                        found.append(
                            (
                                _quantity_observation(qa, a, "scope"),
                                _quantity_observation(qb, b, "scope"),
                            )
                        )
    return found


def _reported_on(sentence: Sentence, start: int) -> bool:
    """A date that tells when something was said ("said on Tuesday"), not when it happened."""
    before = sentence.text[max(0, start - sentence.start - 40) : start - sentence.start]
    return REPORTED_ON.search(before) is not None


def _same_kind_of_date(a: str, b: str) -> bool:
    """Weekday with weekday, day with day, month with month, year with year."""
    pa, pb = parts(a), parts(b)
    if isinstance(pa, str) or isinstance(pb, str):
        return isinstance(pa, str) and isinstance(pb, str)
    return [x is None for x in pa] == [x is None for x in pb]


def _sole_dates(a: Sentence, b: Sentence) -> list[tuple[DateMention, DateMention]]:
    """The one date of each kind (weekday, day, month, year) in two statements of one fact.

    "killed in an accident on Sunday" and "died on Friday after an accident" date the same
    event differently although the words around the dates differ.
    """
    if TWO_EVENTS.search(a.text) or TWO_EVENTS.search(b.text):
        return []  # "returned on Wednesday, a day after the fire": two events, two dates
    own_a = [d for d in a.dates if not _reported_on(a, d.start)]
    own_b = [d for d in b.dates if not _reported_on(b, d.start)]
    found = []
    for da in own_a:
        same_a = [x for x in own_a if _same_kind_of_date(x.value, da.value)]
        same_b = [x for x in own_b if _same_kind_of_date(x.value, da.value)]
        if len(same_a) == 1 and len(same_b) == 1:
            found.append((da, same_b[0]))
    return found


def _date_conflicts(
    a: Sentence, b: Sentence, pair: StatementPair
) -> list[tuple[_Observation, _Observation]]:
    """Dates in the same place of two parallel sentences that cannot be the same day."""
    found = []
    candidates = [
        (da, db)
        for ca, cb in (pair.changes if pair.parallel >= PARALLEL else [])
        for da in a.dates
        if _in_span(da.start, da.end, ca)
        for db in b.dates
        if _in_span(db.start, db.end, cb)
    ]
    if _comparable(pair):
        candidates += [
            (da, db)
            for da in a.dates
            for db in b.dates
            if _same_kind_of_date(da.value, db.value)
            and same_slot(a, (da.start, da.end), b, (db.start, db.end))
        ]
    if _comparable(pair):
        candidates += _sole_dates(a, b)
    seen: set[tuple[int, int]] = set()
    for da, db in candidates:
        if (da.start, db.start) in seen or compatible(da.value, db.value):
            continue
        seen.add((da.start, db.start))
        if any(
            _same_kind_of_date(x.value, db.value) and compatible(x.value, db.value) for x in a.dates
        ) or any(
            _same_kind_of_date(x.value, da.value) and compatible(x.value, da.value) for x in b.dates
        ):
            continue  # each sentence also holds the other's date
        if _reported_on(a, da.start) or _reported_on(b, db.start):
            continue
        found.append(
            (
                _Observation("date", "date", da.value, da.text, da.value, a),
                _Observation("date", "date", db.value, db.text, db.value, b),
            )
        )
    return found


def _cased(sentence: Sentence) -> bool:
    """Whether the sentence is written with capitals (not lower-cased like Multi-News)."""
    return re.search(r"(?<=[a-z,]\s)[A-Z][a-z]", sentence.text) is not None


def _name_span(
    sentence: Sentence, span: tuple[int, int], places: set[str]
) -> tuple[str, str, bool] | None:
    """(text, key, is_place) when a replaced span is a name and nothing else.

    Only a name swapped for a name counts: "Russia started" / "the Kremlin began" rewrites
    the clause, it does not move the event. People and organisations are not places.
    """
    local = sentence.text[span[0] - sentence.start : span[1] - sentence.start]
    if "," in local.strip(" ,.;:"):
        return None  # a list of places details a wider one; it does not contradict it
    words = [w for w in local.strip(" ,.;:").split() if w.lower() not in ("the", "a")]
    if not words or len(words) > 3:
        return None
    inside = [e for e in sentence.entities if span[0] <= e.start and e.end <= span[1] + 1]
    if any(e.kind in ("person", "organisation") for e in inside):
        return None
    for entity in inside:
        if entity.kind == "place" and len(entity_key(entity.text).split()) >= len(words):
            return entity.text, entity.key, True
    text = " ".join(words)
    key = entity_key(text)
    if key in places or any(same_name(key, place) for place in places):
        return text, key, True
    lowered = [w.lower() for w in words]
    if any(w in ENGLISH_STOP_WORDS or not w.isalpha() for w in lowered):
        return None
    if _cased(sentence) and not all(w[0].isupper() for w in words):
        return None  # in normally written text a name has capitals
    return text, key, False


def _place_candidates(
    a: Sentence, b: Sentence, pair: StatementPair
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Spans that may hold the same place: swapped words, or names in the same slot."""
    spans = list(pair.changes) if pair.parallel >= PARALLEL else []
    if not _comparable(pair):
        return spans
    keys_a = {e.key for e in a.entities}
    keys_b = {e.key for e in b.entities}
    for first, second, keys_other, flip in ((a, b, keys_b, False), (b, a, keys_a, True)):
        for entity in first.entities:
            if entity.kind != "place" or entity.key in keys_other:
                continue
            if entity.key in second.text.lower():
                continue
            gap = _fill_slot(first, (entity.start, entity.end), second)
            if gap is None:
                continue
            text = second.text[gap[0] - second.start : gap[1] - second.start].lower()
            if text in first.text.lower():
                continue
            spans.append(
                (gap, (entity.start, entity.end)) if flip else ((entity.start, entity.end), gap)
            )
    return spans


def _fill_slot(a: Sentence, span: tuple[int, int], b: Sentence) -> tuple[int, int] | None:
    """The words of ``b`` that stand where ``span`` stands in ``a``.

    "Sen. Menendez, a New Jersey Democrat" / "Sen. Menendez, a Bergen Democrat": the slot
    between "Menendez" and "Democrat"; "air force base in California." / "air force base
    in Hanoi.": the slot after "base in". Anchors are the words around the span, matched
    on both sides or as a pair of words on one side.
    """
    words_a = [m for m in SLOT_WORD.finditer(a.text)]
    words_b = [(m.group(0).lower(), m) for m in SLOT_WORD.finditer(b.text)]
    inside = [
        k for k, m in enumerate(words_a) if _in_span(a.start + m.start(), a.start + m.end(), span)
    ]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    lower = [m.group(0).lower() for m in words_a]
    before = lower[max(0, first - 2) : first]
    after = lower[last + 1 : last + 3]
    plain = [w for w, _ in words_b]
    for p, word in enumerate(plain):
        # Both neighbours: "menendez , a [X] democrat".
        if before and after and word == before[-1] and not {before[-1], after[0]} <= STOPS:
            for n in range(p + 2, min(len(plain), p + 5)):
                if plain[n] == after[0]:
                    return _gap(b, [m for _, m in words_b[p + 1 : n]])
        # Two words before: "base in [X]".
        if len(before) == 2 and plain[p : p + 2] == before and not set(before) <= STOPS:
            return _gap(b, _name_words(words_b[p + 2 : p + 5]))
        # Two words after: "[X] police officer".
        if len(after) == 2 and plain[p : p + 2] == after and not set(after) <= STOPS:
            return _gap(b, list(reversed(_name_words(list(reversed(words_b[max(0, p - 3) : p]))))))
    return None


def _name_words(words: list[tuple[str, re.Match[str]]]) -> list[re.Match[str]]:
    """The leading run of words that are not stop words."""
    run = []
    for word, match in words:
        if word in STOPS or not word.isalpha():
            break
        run.append(match)
    return run


def _gap(b: Sentence, gap: list[re.Match[str]]) -> tuple[int, int] | None:
    """The span of the slot's words, when they can be a name (no verb or adverb forms)."""
    if not gap or len(gap) > 3 or any(m.group(0).lower() in STOPS for m in gap):
        return None
    if any(m.group(0).lower().endswith(("ing", "ed", "ly")) for m in gap):
        return None
    return b.start + gap[0].start(), b.start + gap[-1].end()


def _name_like_spans(sentence: Sentence) -> list[tuple[int, int]]:
    """Place entities, and single words after a locative preposition ("in lagos")."""
    spans = [(e.start, e.end) for e in sentence.entities if e.kind == "place"]
    for match in LOCATIVE_WORD.finditer(sentence.text):
        word = match.group(1).lower()
        if word not in ENGLISH_STOP_WORDS and word.isalpha():
            spans.append((sentence.start + match.start(1), sentence.start + match.end(1)))
    return spans


def _both_mention(
    texts: dict[str, str],
    a: Sentence,
    b: Sentence,
    name_a: tuple[str, str, bool],
    name_b: tuple[str, str, bool],
) -> bool:
    """Each source names the other's place too: "in Syria" and "in Homs, Idlib and Aleppo"
    differ in detail, not in fact (without a gazetteer, containment shows this way)."""
    return (
        re.search(rf"\b{re.escape(name_b[0].lower())}\b", texts[a.doc_id]) is not None
        and re.search(rf"\b{re.escape(name_a[0].lower())}\b", texts[b.doc_id]) is not None
    )


def _place_conflicts(
    a: Sentence,
    b: Sentence,
    pair: StatementPair,
    places: set[str],
    cluster_text: dict[str, str],
) -> list[tuple[_Observation, _Observation]]:
    """Different places standing in the same slot of two statements of one fact."""
    found = []
    seen: set[tuple[str, str]] = set()
    for ca, cb in _place_candidates(a, b, pair):
        if _has_number_or_date(a, ca) or _has_number_or_date(b, cb):
            continue
        name_a, name_b = _name_span(a, ca, places), _name_span(b, cb, places)
        if name_a is None or name_b is None or not (name_a[2] or name_b[2]):
            continue
        if same_name(name_a[1], name_b[1]) or name_a[1] in name_b[1] or name_b[1] in name_a[1]:
            continue
        if (name_a[1], name_b[1]) in seen or _both_mention(cluster_text, a, b, name_a, name_b):
            continue
        seen.add((name_a[1], name_b[1]))
        found.append(
            (
                _Observation("place", "place", name_a[1], name_a[0], name_a[1], a),
                _Observation("place", "place", name_b[1], name_b[0], name_b[1], b),
            )
        )
    return found


def _has_number_or_date(sentence: Sentence, span: tuple[int, int]) -> bool:
    return any(_in_span(q.start, q.end, span) for q in sentence.quantities) or any(
        _in_span(d.start, d.end, span) for d in sentence.dates
    )


def _known_places(cluster: Cluster) -> set[str]:
    """Keys of every place named anywhere in the cluster.

    In lower-cased text the entity recogniser misses most names, but a place it finds
    once (at the start of a sentence, say) is the same place wherever else it is written.
    """
    return {
        e.key
        for d in cluster.documents
        for s in d.sentences
        for e in s.entities
        if e.kind == "place"
    }


def slot_discrepancies(cluster: Cluster, space: SentenceSpace) -> list[Discrepancy]:
    """Numbers, dates and places that aligned statements of different sources give differently."""
    places = _known_places(cluster)
    texts = {d.id: d.text.lower() for d in cluster.documents}
    conflicts: list[tuple[_Observation, _Observation]] = []
    pairs = statement_pairs(cluster, space)
    conflicts += _counted_in_context(cluster, space, {(p.a, p.b) for p in pairs})
    for pair in pairs:
        a, b = cluster.sentence(pair.a), cluster.sentence(pair.b)
        conflicts += _quantity_conflicts(a, b, pair)
        conflicts += _date_conflicts(a, b, pair)
        conflicts += _place_conflicts(a, b, pair, places, texts)
    covered = {(o.kind, o.sentence.ref) for pair in conflicts for o in pair}
    conflicts += [
        c for c in _scope_conflicts(cluster) if ("quantity", c[0].sentence.ref) not in covered
    ]
    conflicts += _restatements(cluster, conflicts)
    return _assemble(conflicts, cluster)


def _restatements(
    cluster: Cluster, conflicts: list[tuple[_Observation, _Observation]]
) -> list[tuple[_Observation, _Observation]]:
    """Other sources that state a conflicting figure too, so each variant lists them all."""
    extra = []
    seen = {o.sentence.ref for pair in conflicts for o in pair}
    for first, second in list(conflicts):
        if first.kind not in ("quantity", "scope"):
            continue
        for observation in (first, second):
            value = observation.value
            for doc in cluster.documents:
                for sentence in doc.sentences:
                    if sentence.ref in seen:
                        continue
                    for q in sentence.quantities:
                        if (
                            (q.low, q.high, q.qualifier) == observation.key
                            and q.counted
                            and _quantity_about(q) == observation.about
                            and q.value == value["value"]
                        ):
                            seen.add(sentence.ref)
                            kind = observation.kind
                            extra.append((first, _quantity_observation(q, sentence, kind)))
    return extra


def _assemble(
    conflicts: list[tuple[_Observation, _Observation]], cluster: Cluster
) -> list[Discrepancy]:
    """One discrepancy per subject, its variants grouped by value with all their sources."""
    by_subject: dict[tuple[str, str], list[_Observation]] = defaultdict(list)
    for first, second in conflicts:
        by_subject[(first.kind, first.about)] += [first, second]
    found = []
    for (kind, about), observations in by_subject.items():
        by_value: dict[object, list[_Observation]] = defaultdict(list)
        for observation in observations:
            by_value[observation.key].append(observation)
        variants = []
        for items in by_value.values():
            first_per_source: dict[str, Sentence] = {}
            for item in items:
                first_per_source.setdefault(item.sentence.doc_id, item.sentence)
            variants.append(
                Variant(
                    text=_most_common([i.text for i in items]),
                    value=items[0].value,
                    sources=canonical_sources(cluster, first_per_source),
                    evidence=[evidence(s) for s in first_per_source.values()],
                )
            )
        if len({tuple(v.sources) for v in variants}) < 2 and len(variants) < 2:
            continue
        variants.sort(key=lambda v: (-len(v.sources), str(v.value)))
        found.append(Discrepancy(about=about, kind=kind, variants=variants))
    found.sort(key=lambda d: (-sum(len(v.sources) for v in d.variants), d.kind, d.about))
    return found[:MAX_DISCREPANCIES]


def quantity_discrepancies(cluster: Cluster, space: SentenceSpace) -> list[Discrepancy]:
    """Kept for callers of the first version: all slot discrepancies (numbers, dates, places)."""
    return slot_discrepancies(cluster, space)


def speaker_discrepancies(
    quotes: list[QuoteGroup], speakers: dict[int, dict[str, SpeakerVariant]]
) -> list[Discrepancy]:
    """Quotations that different sources give to different named people."""
    found: list[Discrepancy] = []
    for number, by_speaker in speakers.items():
        named = [v for v in by_speaker.values() if v.name and _is_name(v.name)]
        distinct: list[SpeakerVariant] = []
        for variant in named:
            match = next((d for d in distinct if same_name(_key(d.name), _key(variant.name))), None)
            if match is None:
                distinct.append(variant)
        if len(distinct) < 2:
            continue
        found.append(
            Discrepancy(
                about=f"who said \u201c{_shorten(quotes[number].text)}\u201d",
                kind="speaker",
                variants=[
                    Variant(text=v.name or "", value=v.name, sources=v.sources, evidence=v.evidence)
                    for v in distinct
                ],
            )
        )
    return found


def discrepancies(
    cluster: Cluster,
    space: SentenceSpace,
    quotes: list[QuoteGroup],
    speakers: dict[int, dict[str, SpeakerVariant]],
) -> list[Discrepancy]:
    """Every kind of discrepancy, slot conflicts first."""
    return slot_discrepancies(cluster, space) + speaker_discrepancies(quotes, speakers)


def _shorten(text: str, words: int = 12) -> str:
    parts_ = text.split()
    return " ".join(parts_[:words]) + ("…" if len(parts_) > words else "")


# --- quotes -----------------------------------------------------------------------------


@dataclass(slots=True)
class SpeakerVariant:
    """Who the sources that carry one quotation give it to."""

    name: str | None
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


def _key(name: str | None) -> str:
    return entity_key(name) if name else ""


def _is_name(speaker: str) -> bool:
    """A named speaker, not a description ("a police spokesman") or a pronoun."""
    lowered = speaker.lower()
    return not lowered.startswith(("the ", "a ", "an ")) and lowered not in ("he", "she", "they")


def _quote_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[k : k + QUOTE_SHINGLE]) for k in range(len(words) - QUOTE_SHINGLE + 1)}


def same_quotation(a: str, b: str) -> bool:
    """Whether one quotation is (mostly) the other or a part of it, word for word.

    Word sequences, not bags of terms: "banned cluster munitions and unguided bombs" and
    "unlawfully used unguided bombs ... cluster munitions" share their words but are
    different quotations.
    """
    wa, wb = _quote_words(a), _quote_words(b)
    short, long = sorted((wa, wb), key=len)
    if not short:
        return False
    if len(short) < QUOTE_SHINGLE + 1:
        return f" {' '.join(short)} " in f" {' '.join(long)} "
    shared = _shingles(short) & _shingles(long)
    return len(shared) / max(1, len(_shingles(short))) >= QUOTE_OVERLAP


def _better_speaker(current: str | None, candidate: str | None) -> str | None:
    """Keep the fullest name; a description or nothing gives way to a name."""
    if candidate is None:
        return current
    if current is None or (not _is_name(current) and _is_name(candidate)):
        return candidate
    if same_name(_key(current), _key(candidate)) and len(candidate) > len(current):
        return candidate
    return current


def merge_quotes(
    cluster: Cluster,
) -> tuple[list[QuoteGroup], dict[int, dict[str, SpeakerVariant]]]:
    """One group per quotation, however many sources carry it (whole or in part)."""
    groups: list[QuoteGroup] = []
    speakers: dict[int, dict[str, SpeakerVariant]] = defaultdict(dict)
    for doc in cluster.documents:
        for quote in doc.quotes:
            if not _quote_words(quote.text):
                continue
            match = next(
                (k for k, g in enumerate(groups) if same_quotation(quote.text, g.text)), None
            )
            if match is None:
                groups.append(QuoteGroup(speaker=None, text=quote.text, sources=[]))
                match = len(groups) - 1
            group = groups[match]
            if doc.id not in group.sources:
                group.sources.append(doc.id)
            if len(quote.text) > len(group.text):
                group.text = quote.text
            group.speaker = _better_speaker(group.speaker, quote.speaker)
            sentence = doc.sentences[quote.sentence_index] if doc.sentences else None
            if sentence is not None and all(
                (e.source, e.sentence) != (doc.id, sentence.index) for e in group.evidence
            ):
                group.evidence.append(evidence(sentence))
            variant = _speaker_variant(speakers[match], quote.speaker)
            if doc.id not in variant.sources:
                variant.sources.append(doc.id)
                if sentence is not None:
                    variant.evidence.append(evidence(sentence))
    for group in groups:
        group.sources = canonical_sources(cluster, group.sources)
    return groups, speakers


def _speaker_variant(variants: dict[str, SpeakerVariant], speaker: str | None) -> SpeakerVariant:
    """The variant for this speaker, merging "Luther" into "Philip Luther"."""
    key = _key(speaker)
    for existing_key, variant in variants.items():
        if key and existing_key and same_name(key, existing_key):
            variant.name = _better_speaker(variant.name, speaker)
            return variant
    return variants.setdefault(key, SpeakerVariant(speaker))


# --- single-source claims ----------------------------------------------------------------


def is_salient(sentence: Sentence) -> bool:
    named = any(e.kind in ("person", "place", "organisation") for e in sentence.entities)
    counted = any(q.counted for q in sentence.quantities)
    return (counted or ACCUSATION.search(sentence.text) is not None or named) and len(
        sentence.text.split()
    ) >= 6


def single_source_claims(cluster: Cluster, space: SentenceSpace) -> list[SingleSourceClaim]:
    claims: list[tuple[float, SingleSourceClaim]] = []
    duplicates = {d.id for d in cluster.documents if d.duplicate_of}
    if len(cluster.documents) - len(duplicates) < 2:
        return []
    for doc in cluster.documents:
        if doc.id in duplicates:
            continue
        for sentence in doc.sentences:
            if not is_salient(sentence) or not re.search(r"[.!?”\"]\s*$", sentence.text):
                continue
            support = supporting_sentences(cluster, space, sentence.ref, threshold=0.25)
            if any(r.doc_id != doc.id for r in support):
                continue
            weight = (
                2.0 * bool(any(q.counted for q in sentence.quantities))
                + 1.5 * bool(ACCUSATION.search(sentence.text))
                + 1.0 * bool(sentence.entities)
                - sentence.index / max(1, len(doc.sentences))
            )
            claims.append(
                (
                    weight,
                    SingleSourceClaim(text=sentence.text, source=doc.id, sentence=sentence.index),
                )
            )
    claims.sort(key=lambda c: -c[0])
    return [claim for _, claim in claims[:MAX_SINGLE_SOURCE]]
