"""Places: different places standing in the same slot of two statements of one fact."""

from __future__ import annotations

import re

from accord.analyse.entities import entity_key, same_name
from accord.analyse.gazetteer import (
    HONORIFICS,
    is_place,
    nested,
    place_kind,
    place_mentions,
    place_word,
    same_place,
)
from accord.analyse.terms import STOP_WORDS as ENGLISH_STOP_WORDS
from accord.compare.counts import Observation, in_span
from accord.compare.roles import MIN_SHARED, one_fact
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


# "north of springfield", "20 miles south-west of the capital": a position measured from a
# place, not the place itself, so it never contradicts the place an event is in.
RELATIVE_POSITION = re.compile(
    r"^(?:(?:just|due|far)\s+)?(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)?\s+of\b",
    re.I,
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
        if RELATIVE_POSITION.match(name_a[0]) or RELATIVE_POSITION.match(name_b[0]):
            continue  # "in chicopee, north of springfield" / "in chicopee, massachusetts"
        if same_place(name_a[0], name_b[0]) or nested(name_a[1], name_b[1]):
            continue  # "Idleb" / "Idlib"; "LA" / "Los Angeles"; a town in its country
        if may_lie_inside(name_a[1], name_b[1]) or may_lie_inside(name_b[1], name_a[1]):
            continue  # "a millis police officer" / "a massachusetts police officer"
        if may_hold(a, name_a[0], name_b[0]) or may_hold(b, name_b[0], name_a[0]):
            continue  # "a baltimore county high school" / "perry hall high school"
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


def may_lie_inside(town: str, region: str) -> bool:
    """Whether a name the gazetteer does not know (a small town, a county) may lie inside a
    state or country: the recogniser calls it a place, but nothing says it is elsewhere,
    so a state against it is a difference of detail, not of fact."""
    return place_kind(region) in ("country", "state") and not is_place(town)


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
    # Every conflict needs one_fact, which needs MIN_SHARED content words in common once
    # the places are left out: fewer in common with them in, and no gazetteer scan is worth
    # making; nor of b when a names no place.
    if len(set(a.terms) & set(b.terms)) < MIN_SHARED:
        return []
    places_a = _gazetteer_places(a, people)
    if not places_a:
        return []
    places_b = _gazetteer_places(b, people)
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
            if may_hold(a, text_a, text_b) or may_hold(b, text_b, text_a):
                continue  # "in lexington" / "in the shenandoah valley"
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


# --- the role a place plays in its sentence ------------------------------------------
#
# A place name is the *location* of an event only in some frames: "in Cairo", "near the
# border town of Rafah", "in Sonora, Mexico". "Chancellor of Germany", "Russia has
# violated", "Mackie Green of the rescue team" name an office, a participant or a
# person; "to the United States" and "from Mexico" are where someone went or came from,
# not where it happened; "a Massachusetts beach" or "a New Jersey Democrat" use the
# place to describe something else. Two places compare only in one role: the location
# of one event in both sources, or one kind of thing described by two places.

LOCATION_BEFORE = frozenset(
    "in at near outside inside on off across throughout within around over".split()
)
DIRECTION_BEFORE = frozenset("to into from toward towards".split())  # "from": an origin
PLACE_NOUN_OF = frozenset(
    """city town village province state county region district outskirts centre center
    heart middle north south east west suburb suburbs part parts capital area""".split()
)
SKIPPABLE = frozenset(
    """the a an southern northern eastern western central north south east west
    northeastern northwestern southeastern southwestern north-east north-west south-east
    south-west downtown rural suburban nearby neighbouring neighboring coastal remote
    rural eastern-most western-most""".split()
)
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december today yesterday
    tomorrow morning afternoon evening night last earlier later this that when where
    after before since during""".split()
)
# "a Massachusetts beach", "the Heliopolis temple": a determiner, the place, a noun.
ROLE_WORD = re.compile(r"[\w'’]+(?:[-.][\w'’]+)*|[,;:()—–-]")


def place_role(sentence: Sentence, text: str) -> str:
    """ "location", "direction", "modifier" or "" for the place ``text`` in ``sentence``
    (its first mention, case folded): see the comment above."""
    lowered = sentence.text.lower()
    name = re.sub(r"^(?:the|a|an)\s+", "", text.lower().strip())  # "a massachusetts"
    at = lowered.find(name)
    if at < 0 or not name:
        return ""
    before = ROLE_WORD.findall(lowered[:at])
    after = ROLE_WORD.findall(lowered[at + len(name) :])
    following = after[0] if after else ""
    if following.endswith(("'s", "’s")) or following in ("'s", "’s"):
        return ""  # "Russia's army": an owner
    if (
        before
        and before[-1] in ("a", "an", "the")
        and following.isalpha()
        and following not in ENGLISH_STOP_WORDS
        and following not in TIME_WORDS
        and following not in ("said", "says", "say", "told", "reported")
    ):
        return "modifier"
    words = list(before)
    skipped = 0
    while words and words[-1] in SKIPPABLE and skipped < 2:
        words.pop()
        skipped += 1
    if not words:
        return ""
    last = words[-1]
    if last in LOCATION_BEFORE and _origin_before(words[:-1]):
        return "origin"  # "from a village in Henan": where someone is from, told in detail
    if last in LOCATION_BEFORE:
        return "location"
    if last == "from":
        return "origin"
    if last in DIRECTION_BEFORE:
        return "direction"
    if last == "of" and len(words) >= 2 and words[-2] in PLACE_NOUN_OF:
        return "location"
    if last == ",":
        # "in Sonora, Mexico": a place in apposition to a located one.
        head = words[:-1]
        for k in range(len(head) - 1, max(-1, len(head) - 4), -1):
            if head[k] in LOCATION_BEFORE or head[k] in DIRECTION_BEFORE:
                return (
                    "location"
                    if head[k] in LOCATION_BEFORE
                    else "origin"
                    if head[k] == "from"
                    else "direction"
                )
            if head[k] in (",", ";", ":"):
                break
    if last in (",", "and", "or") and _listed_places(words[:-1]) >= 2:
        return "location"  # "batters Sierra Leone, Guinea and Liberia": where it happens
    return ""


ORIGIN_REACH = 5  # words back from "in" to a "from" whose place it details


def _origin_before(words: list[str]) -> bool:
    """Whether a "from" opens the few words before an "in" ("from a mountain county in
    Henan"): the place after "in" then details an origin, not where something happens."""
    for word in reversed(words[-ORIGIN_REACH:]):
        if word == "from":
            return True
        if not word.isalpha() or word in TIME_WORDS:
            return False
    return False


def _listed_places(words: list[str]) -> int:
    """How many places end ``words`` as a list ("sierra leone , guinea")."""
    count, k = 0, len(words)
    while k > 0:
        for size in (3, 2, 1):
            chunk = words[max(0, k - size) : k]
            name = " ".join(chunk)
            if (
                len(chunk) == size
                and all(w.isalpha() for w in chunk)
                and is_place(name)
                and name not in ENGLISH_STOP_WORDS
            ):
                break
        else:
            return count
        count += 1
        k -= size
        if k > 0 and words[k - 1] in (",", "and", "or"):
            k -= 1
        else:
            return count
    return count


# Where it happened, where someone is from and what a place describes are one fact told
# three ways ("the Paris attacks" / "the attacks in Dakar"; "a Kentucky clerk" / "the
# clerk from Delaware"); where someone went is another ("found in Sonora, Mexico" /
# "expelled to the United States"). A modifier may be either, but a place said with "in"
# and one said with "from" are two facts: a student *in* California comes *from* Egypt.
COMPATIBLE_ROLES = {"location", "origin", "modifier"}
TWO_FACTS = {"location", "origin"}


def _bare(text: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)


def site_noun(sentence: Sentence, text: str) -> str:
    """The noun a place describes ("a Massachusetts *beach*"), or ""."""
    lowered = sentence.text.lower()
    name = re.sub(r"^(?:the|a|an)\s+", "", text.lower().strip())
    at = lowered.find(name)
    if at < 0 or not name:
        return ""
    after = ROLE_WORD.findall(lowered[at + len(name) :])
    return after[0] if after and after[0].isalpha() else ""


def holds_site(sentence: Sentence, text: str, noun: str) -> bool:
    """Whether the place ``text`` of ``sentence`` names or holds a ``noun`` ("Jones Beach"
    is a beach; "a temple site in Cairo" holds the temple): then the other source's "the
    Heliopolis temple" or "a Massachusetts beach" may be that very one, described."""
    if not noun:
        return False
    lowered = sentence.text.lower()
    name = re.sub(r"^(?:the|a|an)\s+", "", text.lower().strip())
    if noun in name.split():
        return True
    at = lowered.find(name)
    if at < 0:
        return False
    return noun in ROLE_WORD.findall(lowered[:at])[-4:]


# A county, district or parish lies inside a state or country; the gazetteer holds only
# big places, so it cannot tell which, and a reader takes it as detail, not a contradiction.
SUBDIVISIONS = frozenset("county district parish borough township municipality".split())
WHOLES = ("state", "country")


def subdivision(sentence: Sentence, text: str) -> bool:
    """Whether ``sentence`` calls the place ``text`` a county, district, parish…"""
    words = _bare(text).lower().split()
    return bool(words and words[-1] in SUBDIVISIONS) or site_noun(sentence, text) in SUBDIVISIONS


# Land a town may lie in without the gazetteer knowing: "the Shenandoah Valley" holds
# Lexington, "Baltimore County" holds Perry Hall.
NATURAL_REGIONS = frozenset("valley coast peninsula basin delta region area highlands".split())


def region_like(sentence: Sentence, text: str) -> bool:
    """Whether ``sentence`` calls the place ``text`` a county, district, valley, coast…:
    an area that holds towns."""
    words = _bare(text).lower().split()
    noun = site_noun(sentence, text)
    return bool(words and words[-1] in SUBDIVISIONS | NATURAL_REGIONS) or (
        noun in SUBDIVISIONS | NATURAL_REGIONS
    )


def may_hold(region_sentence: Sentence, region: str, town: str) -> bool:
    """Whether the area ``region`` (:func:`region_like`) may hold the place ``town``: any
    place but a state or country may lie in a county or a valley."""
    return region_like(region_sentence, region) and place_kind(_bare(town)) not in WHOLES


def roles_compatible(first: Sentence, text_a: str, second: Sentence, text_b: str) -> bool:
    """Whether two places can be one fact's two values by the roles they play."""
    role_a, role_b = place_role(first, text_a), place_role(second, text_b)
    if not role_a or not role_b:
        return False
    if role_a != role_b and not {role_a, role_b} <= COMPATIBLE_ROLES:
        return False
    if {role_a, role_b} == TWO_FACTS:
        return False
    kind_a, kind_b = place_kind(_bare(text_a)), place_kind(_bare(text_b))
    if (kind_b in WHOLES and subdivision(first, text_a)) or (
        kind_a in WHOLES and subdivision(second, text_b)
    ):
        return False  # "a Cook County officer" / "an Illinois officer": a part, its whole
    if kind_a is not None and kind_a == kind_b:
        return True  # two cities, two states: peers, neither can hold the other's site
    if role_a == "modifier" and holds_site(second, text_b, site_noun(first, text_a)):
        return False
    return not (role_b == "modifier" and holds_site(first, text_a, site_noun(second, text_b)))


# Continents and world regions hold countries the gazetteer does not nest in them
# ("northern Tanzania" is in "East Africa"), so they never conflict with a place.
def world_region(text: str) -> bool:
    """A continent or world region ("East Africa", "the Middle East", "Latin America")."""
    return bool(WORLD_REGION.search(_bare(text)))


WORLD_REGION = re.compile(
    r"^(?:(?:north|south|east|west|central|southern|northern|eastern|western|sub-saharan|"
    r"southeast|south-east|northeast|north-east)\s+)?(?:africa|asia|europe|america|americas|"
    r"oceania|antarctica)$|^(?:middle|near|far)\s+east$|^latin\s+america$|^caribbean$|"
    r"^balkans$|^scandinavia$|^horn\s+of\s+africa$",
    re.IGNORECASE,
)


def detail_of_one_place(text_a: str, text_b: str) -> bool:
    """Two place names that are one place told in more or less detail: one inside the
    other once articles go ("the Kew" / "Kew Gardens"), or a world region against anything
    (it holds countries the gazetteer does not nest in it)."""
    a, b = _bare(text_a).lower(), _bare(text_b).lower()
    words_a, words_b = a.replace("-", " ").split(), b.replace("-", " ").split()
    short, long = sorted((words_a, words_b), key=len)
    peers = place_kind(a) is not None and place_kind(a) == place_kind(b)  # Sudan, South Sudan
    if short and not peers and f" {' '.join(short)} " in f" {' '.join(long)} ":
        return True
    return world_region(a) or world_region(b)


# "the belmont cragin neighborhood", "the back bay section": a part of some city, which
# the gazetteer does not hold; against a city or a state it is detail, not another place.
NEIGHBOURHOOD_AFTER = re.compile(
    r"^[\s'’s]*(?:neighbou?rhoods?|district|section|quarter|borough|enclave)\b", re.I
)


# "in muggleton road", "on Elm Street": a street, which lies in some town the text may not
# name; against a town it is detail, not another place.
STREET_NOUNS = frozenset(
    "road rd street st avenue ave lane drive boulevard blvd way highway parkway court".split()
)
STREET_AFTER = re.compile(
    r"^\s+(?:road|rd|street|st|avenue|ave|lane|drive|boulevard|blvd|highway|parkway)\b", re.I
)


def is_street(sentence: Sentence, text: str) -> bool:
    """Whether the place ``text`` is a street: its last word is a street noun, or one
    follows it in the sentence ("in Muggleton Road" tagged "Muggleton")."""
    words = _bare(text).lower().rstrip(".").split()
    if words and words[-1] in STREET_NOUNS:
        return True
    return _followed_by(sentence, text.lower(), STREET_AFTER)


COMPASS_ONLY = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast "
    "southwest northeastern northwestern southeastern southwestern central".split()
)
# "a quinnipiac university poll": a place's name that begins an institution's.
INSTITUTION_AFTER = re.compile(
    r"^\s+(?:university|college|institute|poll|polling)\b",
    re.I,
)


def not_a_place(sentence: Sentence, text: str) -> bool:
    """A "place" that is none: a compass word alone ("police in northern California" read
    as "northern"), or the first words of an institution's name ("a Quinnipiac University
    poll")."""
    bare = _bare(text).lower().strip(" .")
    if bare in COMPASS_ONLY:
        return True
    needle = _bare(text).lower().rstrip(".")
    return bool(needle) and _followed_by(sentence, needle, INSTITUTION_AFTER)


def is_neighbourhood(sentence: Sentence, text: str) -> bool:
    """Whether the sentence calls the place ``text`` a neighbourhood of a city."""
    return _followed_by(sentence, text.lower(), NEIGHBOURHOOD_AFTER)


def _followed_by(sentence: Sentence, needle: str, after: re.Pattern[str]) -> bool:
    """Whether some occurrence of ``needle`` (lower case) in the sentence is followed by
    words ``after`` matches ("Muggleton" + " Road", "Quinnipiac" + " University")."""
    lowered = sentence.text.lower()
    return any(after.match(lowered[m.end() :]) for m in re.finditer(re.escape(needle), lowered))
