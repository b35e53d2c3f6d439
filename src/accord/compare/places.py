"""Places: different places standing in the same slot of two statements of one fact."""

from __future__ import annotations

import re

from accord.analyse.entities import entity_key, same_name
from accord.analyse.gazetteer import (
    HONORIFICS,
    is_place,
    nested,
    place_mentions,
    place_word,
    same_place,
)
from accord.analyse.terms import STOP_WORDS as ENGLISH_STOP_WORDS
from accord.compare.counts import Observation, in_span
from accord.compare.roles import one_fact
from accord.compare.slots import LOCATIVE_WORD, PARALLEL, SLOT_WORD, STOPS, comparable
from accord.model import (
    Cluster,
    Sentence,
    StatementPair,
)

CAPITALISED_INSIDE = re.compile(r"(?<=[a-z,]\s)[A-Z][a-z]")


def cased(sentence: Sentence) -> bool:
    """Whether the sentence is written with capitals (not lower-cased like Multi-News)."""
    return CAPITALISED_INSIDE.search(sentence.text) is not None


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
    if key in HONORIFICS:
        return None  # "Sens. Smith": a title, whatever town shares its name
    if key in places or any(same_name(key, place) for place in places):
        return text, key, True
    if _real_place(text, cased(sentence)):
        return text, key, True
    lowered = [w.lower() for w in words]
    if any(w in ENGLISH_STOP_WORDS or not w.isalpha() for w in lowered):
        return None
    if cased(sentence) and not all(w[0].isupper() for w in words):
        return None  # in normally written text a name has capitals
    return text, key, False


def _real_place(text: str, capital_means_name: bool) -> bool:
    """A name the gazetteer knows as a place, not a common word: in lower-cased text the
    entity recogniser misses "from atlanta to dallas", the gazetteer does not; but there
    "the day" or "a bank" is no town (:func:`.gazetteer.place_word`)."""
    lowered = text.lower()
    return lowered not in ENGLISH_STOP_WORDS and place_word(text, capital_means_name)


def _place_candidates(
    a: Sentence, b: Sentence, pair: StatementPair
) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Spans that may hold the same place: swapped words, or names in the same slot."""
    spans = list(pair.changes) if pair.parallel >= PARALLEL else []
    if not comparable(pair):
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
        k for k, m in enumerate(words_a) if in_span(a.start + m.start(), a.start + m.end(), span)
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


def place_conflicts(
    a: Sentence,
    b: Sentence,
    pair: StatementPair,
    places: set[str],
    cluster_text: dict[str, str],
) -> list[tuple[Observation, Observation]]:
    """Different places standing in the same slot of two statements of one fact."""
    found = []
    seen: set[tuple[str, str]] = set()
    for ca, cb in _place_candidates(a, b, pair):
        if has_number_or_date(a, ca) or has_number_or_date(b, cb):
            continue
        name_a, name_b = _name_span(a, ca, places), _name_span(b, cb, places)
        if name_a is None or name_b is None or not (name_a[2] and name_b[2]):
            continue  # a place against a word that is no place: a rewrite, not a move
        if same_name(name_a[1], name_b[1]) or name_a[1] in name_b[1] or name_b[1] in name_a[1]:
            continue
        if same_place(name_a[1], name_b[1]) or nested(name_a[1], name_b[1]):
            continue  # "Idleb" / "Idlib"; a town and the country it lies in
        if (name_a[1], name_b[1]) in seen or _both_mention(cluster_text, a, b, name_a, name_b):
            continue
        seen.add((name_a[1], name_b[1]))
        found.append(
            (
                Observation("place", "place", name_a[1], name_a[0], name_a[1], a),
                Observation("place", "place", name_b[1], name_b[0], name_b[1], b),
            )
        )
    return found


def has_number_or_date(sentence: Sentence, span: tuple[int, int]) -> bool:
    return any(in_span(q.start, q.end, span) for q in sentence.quantities) or any(
        in_span(d.start, d.end, span) for d in sentence.dates
    )


def known_places(cluster: Cluster) -> set[str]:
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


ROLE_WINDOW = 3  # content words this close to a place tell what it is the place of


def _gazetteer_places(sentence: Sentence, people: set[str]) -> list[tuple[str, int, int]]:
    """(text, start, end) of real places a sentence names, whatever its casing."""
    taken = [(e.start, e.end) for e in sentence.entities if e.kind in ("person", "organisation")]
    found = []
    for start, end in place_mentions(sentence.text):
        start, end = sentence.start + start, sentence.start + end
        text = sentence.text[start - sentence.start : end - sentence.start]
        if entity_key(text) in people or any(in_span(s, e, (start, end)) for s, e in taken):
            continue
        if text.lower().strip(".") in ENGLISH_STOP_WORDS:
            continue  # "made sense to us.": a pronoun, not the United States
        if cased(sentence) and not text[:1].isupper():
            continue
        if not place_word(text, cased(sentence)):
            continue  # "a pit", "the day", "sens.": words and titles, not towns
        if re.match(r"['’]s\b", sentence.text[end - sentence.start :]):
            continue  # "china's news agency": an owner, not where anything happened
        found.append((text, start, end))
    return found


def _role(sentence: Sentence, start: int, end: int) -> set[str]:
    words = [
        (m.start() + sentence.start, m.group(0).lower()) for m in SLOT_WORD.finditer(sentence.text)
    ]
    before = [w for at, w in words if at < start][-ROLE_WINDOW:]
    after = [w for at, w in words if at >= end][:ROLE_WINDOW]
    return {w for w in before + after if w.isalpha() and w not in STOPS and not is_place(w)}


def anchored_place_conflicts(
    a: Sentence, b: Sentence, people: set[str], texts: dict[str, str]
) -> list[tuple[Observation, Observation]]:
    """Different real places in the same role of two strongly aligned statements.

    "17 people were shot at a school in florida" / "... at a bergen high school": each
    names a place the other does not, next to the same word ("school"). Places inside one
    another (a town and its state) detail, they do not contradict; a place both name is
    common ground ("in munich, southern germany" / "in lagos, germany": two cities).
    Strongly aligned is measured without the two places (:func:`.roles.one_fact`), so that
    the changed name does not make the sentences look less alike.
    """
    places_a, places_b = _gazetteer_places(a, people), _gazetteer_places(b, people)
    only_a = [p for p in places_a if not any(same_place(p[0], q[0]) for q in places_b)]
    only_b = [q for q in places_b if not any(same_place(q[0], p[0]) for p in places_a)]
    found = []
    for text_a, start_a, end_a in only_a:
        for text_b, start_b, end_b in only_b:
            if (
                nested(text_a, text_b)
                or any(nested(text_a, q[0]) for q in only_b)
                or any(nested(text_b, p[0]) for p in only_a)
            ):
                continue  # one names a town, the other its state; a shared state is no detail
            if not one_fact(a, b, text_a, text_b):
                continue
            if not _role(a, start_a, end_a) & _role(b, start_b, end_b):
                continue
            key_a, key_b = entity_key(text_a), entity_key(text_b)
            if _both_mention(texts, a, b, (text_a, key_a, True), (text_b, key_b, True)):
                continue
            found.append(
                (
                    Observation("place", "place", key_a, text_a, key_a, a),
                    Observation("place", "place", key_b, text_b, key_b, b),
                )
            )
    return found
