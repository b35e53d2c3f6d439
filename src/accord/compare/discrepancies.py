"""Discrepancies: every detector's conflicts, assembled into one entry per subject.

Discrepancies are found by comparing *slots* (numbers with what they count, places,
dates, speakers) of statements that align, never by sentence vectors alone: embeddings
and TF-IDF score "42 killed" and "57 killed" as near-identical and cannot see a
contradiction. A discrepancy reports the variants and their evidence; it does not decide
who is right.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from itertools import pairwise

from accord.analyse.entities import same_name
from accord.compare.ages import ages_of_one_person
from accord.compare.claimants import first_claimant
from accord.compare.counts import (
    Observation,
    opposite_bounds,
    overlap,
    quantity_about,
    quantity_observation,
)
from accord.compare.dates import EVENT_VERBS, date_conflicts
from accord.compare.event_dates import event_date_conflicts
from accord.compare.frames import (
    age_subject,
    counts_of_one_person,
    different_claims,
    estimates_of_one_total,
    is_irrealis,
    is_other,
    list_conflicts,
    magnitudes_of_one_quake,
    person_words,
    precise_place_conflicts,
    same_after_rounding,
    same_subject,
)
from accord.compare.hometowns import hometowns_of_one_person
from accord.compare.numbers import counted_in_context, quantity_conflicts, scope_conflicts
from accord.compare.parties import Parties
from accord.compare.places import (
    anchored_place_conflicts,
    detail_of_one_place,
    is_neighbourhood,
    is_street,
    known_places,
    not_a_place,
    place_conflicts,
    place_role,
    roles_compatible,
)
from accord.compare.quotes import is_name, speaker_key
from accord.compare.regions import ordinal_conflicts, region_conflicts
from accord.compare.roles import role_date_conflicts, role_number_conflicts
from accord.compare.slots import PARALLEL
from accord.compare.statements import FURNITURE, only_in_furniture
from accord.compare.support import canonical_sources, evidence, most_common
from accord.compare.swaps import people_keys, swap_conflicts
from accord.compare.unaligned import (
    age_against_ago,
    bounds_either_side,
    counts_of_one_thing,
    durations_in_two_units,
    measures_of_one_thing,
)
from accord.model import (
    Cluster,
    Discrepancy,
    Document,
    Quantity,
    QuantityValue,
    QuoteGroup,
    Sentence,
    SentenceRef,
    Variant,
)


def slot_discrepancies(cluster: Cluster, parties: Parties | None = None) -> list[Discrepancy]:
    """Numbers, dates and places that aligned statements of different sources give
    differently; each variant's claimant is a party of ``parties`` (built when not given)."""
    places = known_places(cluster)
    texts = {d.id: d.text.lower() for d in cluster.documents}
    conflicts: list[tuple[Observation, Observation]] = []
    conflicts += counted_in_context(cluster)
    people = people_keys(cluster.sentences())
    # A value exchanged for another between the same words of one edited statement is
    # one claim by construction: the frame rules below are for looser pairings.
    swaps: list[tuple[Observation, Observation]] = []
    for pair in cluster.pairs:
        a, b = cluster.sentence(pair.a), cluster.sentence(pair.b)
        swaps += swap_conflicts(a, b, pair, people)
        conflicts += anchored_place_conflicts(a, b, people, texts)
        conflicts += quantity_conflicts(a, b, pair)
        conflicts += date_conflicts(a, b, pair)
        conflicts += place_conflicts(a, b, pair, places, texts)
        conflicts += role_number_conflicts(a, b)
        conflicts += role_date_conflicts(a, b)
    covered = {(o.kind, o.sentence.ref) for pair in conflicts + swaps for o in pair}
    conflicts += [
        c for c in scope_conflicts(cluster) if ("quantity", c[0].sentence.ref) not in covered
    ]
    conflicts = [c for c in conflicts if not any(_furniture(o) for o in c)]
    parallel = {frozenset((p.a, p.b)) for p in cluster.pairs if p.parallel >= PARALLEL}
    conflicts = [c for c in conflicts if _one_claim(c, parallel) and _one_place_role(c, parallel)]
    swaps = [
        c
        for c in swaps
        if _one_place_role(c, parallel)
        and not _ages_of_two(c)
        and not _projection(c)
        and not _reordered_places(c)
        and not _rounded_or_other(c)
    ]
    conflicts += [c for c in swaps if not any(_furniture(o) for o in c)]
    conflicts += estimates_of_one_total(cluster) + magnitudes_of_one_quake(cluster)
    conflicts += counts_of_one_person(cluster)
    conflicts += unaligned_conflicts(cluster)
    conflicts += [c for c in region_conflicts(cluster) if not _other_people(c)]
    conflicts += ordinal_conflicts(cluster)
    conflicts += list_conflicts(cluster) + precise_place_conflicts(cluster)
    if conflicts:  # both scan every sentence of the cluster: only when there is a conflict
        said = _sentences_of_sources(cluster)
        conflicts = [c for c in conflicts if not _said_by_both(c, said) and not _denies(c)]
        documents = {d.id: d for d in cluster.documents}
        conflicts = [c for c in conflicts if not _both_days_of_one_kind(c, documents)]
        figures = _figures_of_sources(cluster)
        exchanged = _exchanged_spans(cluster)
        conflicts = [c for c in conflicts if not _figure_stated_by_both(c, figures, exchanged)]
        parts = _parts_of_wholes(cluster)
        conflicts = [c for c in conflicts if not _part_and_whole(c, parts)]
    conflicts += _restatements(cluster, conflicts)
    return _assemble(conflicts, cluster, parties or Parties(cluster))


def unaligned_conflicts(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """Claims stated apart (:mod:`.unaligned`, :mod:`.event_dates`, :mod:`.ages`,
    :mod:`.hometowns`): one count, one duration in two units, a thing's age against a time
    ago, the day of one event, one person's age or home town, each compared wherever the
    sources state it."""
    found = counts_of_one_thing(cluster) + measures_of_one_thing(cluster)
    found += durations_in_two_units(cluster) + age_against_ago(cluster)
    found += hometowns_of_one_person(cluster) + bounds_either_side(cluster)
    return found + event_date_conflicts(cluster) + ages_of_one_person(cluster)


def _quantity_of(observation: Observation) -> Quantity | None:
    value = observation.value
    if not isinstance(value, QuantityValue):
        return None
    # Of one sentence's figures with the same value ("a 13-year-old girl ... helped 13
    # people"), the one of the observation's noun.
    same = [
        q
        for q in observation.sentence.quantities
        if (q.low, q.high, q.qualifier) == observation.key and q.value == value.value
    ]
    return next((q for q in same if quantity_about(q) == observation.about), None) or next(
        iter(same), None
    )


def _one_claim(
    conflict: tuple[Observation, Observation], parallel: set[frozenset[SentenceRef]]
) -> bool:
    """Whether two conflicting counts are one claim's values (:mod:`.frames`).

    Two bounds of one direction ("at least 22" / "at least 39") are both true of a total
    that grew; they are shown only where the sentences are one statement edited (parallel
    wording), not where two stories report the toll at different times.
    """
    first, second = conflict
    qa, qb = _quantity_of(first), _quantity_of(second)
    if qa is None or qb is None:
        return True
    if different_claims(first.sentence, qa, second.sentence, qb):
        return False
    bounds = qa.qualifier != "range" and qb.qualifier != "range"
    edited = frozenset((first.sentence.ref, second.sentence.ref)) in parallel
    if first.kind == "quantity" and not edited and _far_apart(qa, qb):
        return False
    return not (bounds and overlap(qa, qb) and not edited)


# Two figures of one noun further apart than this, in sentences that are not one edited
# statement, count two things ("almost 800 registered" / "around 20,000 registered";
# "three retired" / "343 firefighters"), however alike their words.
FAR_APART = 4.0


def _far_apart(qa: Quantity, qb: Quantity) -> bool:
    low, high = sorted((abs(qa.value), abs(qb.value)))
    return low > 0 and high > FAR_APART * low


def _ages_of_two(conflict: tuple[Observation, Observation]) -> bool:
    """Two ages exchanged between the same words are still two people's when the text says
    whose each is ("the 43-year-old woman" / "the 18-year-old driving")."""
    qa, qb = _quantity_of(conflict[0]), _quantity_of(conflict[1])
    if qa is None or qb is None or not qa.counted == qb.counted == "age":
        return False
    subject_a = age_subject(conflict[0].sentence, qa)
    subject_b = age_subject(conflict[1].sentence, qb)
    return bool(subject_a and subject_b and not same_subject(subject_a, subject_b))


def _reordered_places(conflict: tuple[Observation, Observation]) -> bool:
    """A place exchanged for another where one sentence names both ("guinea, liberia and
    sierra leone" / "including liberia, guinea, nigeria and sierra leone"): the words line
    up across a reordered list, and the sentence naming both does not deny the other's."""
    a, b = conflict
    if a.kind != "place":
        return False
    named = (
        re.search(rf"\b{re.escape(o.text.lower())}\b", other.sentence.text.lower())
        for o, other in ((a, b), (b, a))
    )
    return any(named)


def _projection(conflict: tuple[Observation, Observation]) -> bool:
    """One figure of what could happen against one of what did, exchanged between the same
    words ("more than 20,000 people could become infected" / "has killed more than 1,552
    people"): a projection and a count are two claims even where the words line up."""
    qa, qb = _quantity_of(conflict[0]), _quantity_of(conflict[1])
    if qa is None or qb is None:
        return False
    return is_irrealis(conflict[0].sentence, qa) != is_irrealis(conflict[1].sentence, qb)


def _rounded_or_other(conflict: tuple[Observation, Observation]) -> bool:
    """Two figures exchanged between the same words that are still one figure or two
    counts: one figure at two precisions ("$ 1.3 million" / "$ 1.35 million": rounded or
    cut, :func:`.frames.same_after_rounding`), or a count of others against a total
    ("four other elephants" / "five elephants": the first leaves some out)."""
    qa, qb = _quantity_of(conflict[0]), _quantity_of(conflict[1])
    if qa is None or qb is None:
        return False
    a, b = conflict[0].sentence, conflict[1].sentence
    if is_other(a, qa) != is_other(b, qb):
        return True
    exact = qa.qualifier == qb.qualifier == "exact"
    return exact and same_after_rounding(qa.value, qb.value)


def _other_people(conflict: tuple[Observation, Observation]) -> bool:
    """Two sentences that name people, none the same: a place of each is where a
    different person is ("his ranch in northern California" / "a dealer in southern
    California"), not two accounts of one thing's place."""
    people_a, people_b = (person_words(o.sentence) for o in conflict)
    return bool(people_a and people_b and not people_a & people_b)


# "five of the six suspects", "three of its four reactors": a part and its whole.
PART_OF = re.compile(r"^\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|his\s+|her\s+)?$", re.I)


def _parts_of_wholes(cluster: Cluster) -> set[frozenset[float]]:
    """Pairs of figures some source states as a part and its whole ("charge five of six
    suspects"): another pair of sources giving one each ("charged five men" / "attacked
    by six men") tell the part and the whole, not two counts of one thing."""
    found = set()
    for sentence in cluster.sentences():
        figures = sorted(sentence.quantities, key=lambda q: q.start)
        for first, second in pairwise(figures):
            between = sentence.text[first.end - sentence.start : second.start - sentence.start]
            if PART_OF.match(between) and first.value != second.value:
                found.add(frozenset((first.value, second.value)))
    return found


def _part_and_whole(
    conflict: tuple[Observation, Observation], parts: set[frozenset[float]]
) -> bool:
    qa, qb = _quantity_of(conflict[0]), _quantity_of(conflict[1])
    return qa is not None and qb is not None and frozenset((qa.value, qb.value)) in parts


def _sentences_of_sources(cluster: Cluster) -> dict[str, set[str]]:
    """Each source's sentences, lower-cased with white space collapsed."""
    return {d.id: {_normalised(s.text) for s in d.sentences} for d in cluster.documents}


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


def _said_by_both(conflict: tuple[Observation, Observation], said: dict[str, set[str]]) -> bool:
    """Whether one side's sentence stands word for word in the other source too: that
    source then states both values (two interviews aired on two days, a mother's age and
    her daughter's), so the difference is between two of its own claims, not between
    the sources."""
    first, second = conflict
    a, b = first.sentence, second.sentence
    return _normalised(a.text) in said.get(b.doc_id, set()) or _normalised(b.text) in said.get(
        a.doc_id, set()
    )


# Acts of one kind for the rule below: a court's acts are one kind ("arraigned Wednesday",
# "appeared Thursday for a detention hearing": two appearances of one case).
ACT_KINDS = {**EVENT_VERBS, "appear": "court", "arraign": "court", "plead": "court"}


def _act_kind(sentence: Sentence, value: str) -> tuple[str, str] | None:
    """The kind of act a sentence's date of ``value`` dates, with what it acts on ("find",
    "dead mother"), from the parse; None if none."""
    acts = {(d.event, d.argument) for d in sentence.dates if d.value == value and d.event}
    if len(acts) != 1:
        return None
    event, argument = acts.pop()
    return (ACT_KINDS[event], argument) if event in ACT_KINDS else None


def _both_days_of_one_kind(
    conflict: tuple[Observation, Observation], documents: dict[str, Document]
) -> bool:
    """Whether the source of one day also dates an act of the same kind on the other's
    day ("appeared Thursday for a detention hearing" and "arraigned Wednesday" in one
    report, "appeared Wednesday" in another): that source tells two occasions, and the
    other source one of them. Finds of two people found dead are two acts."""
    first, second = conflict
    if first.kind != "date":
        return False
    for own, other in ((first, second), (second, first)):
        kinds = {_act_kind(own.sentence, str(own.key)), _act_kind(other.sentence, str(other.key))}
        kinds.discard(None)
        if kinds and any(
            _act_kind(sentence, str(other.key)) in kinds
            for sentence in documents[own.sentence.doc_id].sentences
        ):
            return True
    return False


def _denies(conflict: tuple[Observation, Observation]) -> bool:
    """Whether one side's sentence sets the other's value aside itself ("shot seven times
    - not eight"; "on Monday, not Sunday"): that source reports the other claim and
    corrects it, so a reader learns nothing from seeing the two set side by side."""
    first, second = conflict
    return any(
        re.search(
            rf"\bnot\s+(?:on\s+|the\s+)?{re.escape(other.text.lower())}\b",
            own.sentence.text.lower(),
        )
        for own, other in ((first, second), (second, first))
        if other.text
    )


# A quake has one magnitude, and reports give each agency's reading side by side ("China
# said 3.4 … South Korea put it at 3.0"): a source stating two readings reports the
# agencies' disagreement, so the rule below leaves readings on such a scale alone.
RIVAL_READINGS = frozenset({"magnitude"})


Figures = dict[str, dict[tuple[str, float], list[Sentence]]]


def _figures_of_sources(cluster: Cluster) -> Figures:
    """Where each source states each counted figure: (what is counted, value) -> sentences."""
    found: Figures = {}
    for doc in cluster.documents:
        figures = found.setdefault(doc.id, defaultdict(list))
        for sentence in doc.sentences:
            for q in sentence.quantities:
                if q.counted:
                    figures[(q.counted, q.value)].append(sentence)
    return found


def _states_too(figures: Figures, doc_id: str, q: Quantity, stated: Sentence) -> bool:
    """Whether source ``doc_id`` states ``q``'s figure (stated in ``stated`` by another
    source) of the same noun, in a sentence that does not name other people than
    ``stated`` does ("Tom Arden, 41" is not "Harriet Quill, 41")."""
    people = person_words(stated)
    return any(
        not (people and (theirs := person_words(sentence)) and not people & theirs)
        for sentence in figures[doc_id].get((q.counted, q.value), [])
    )


Span = tuple[int, int]
Exchanged = dict[frozenset[SentenceRef], list[dict[SentenceRef, Span]]]


def _exchanged_spans(cluster: Cluster) -> Exchanged:
    """For each aligned pair of sentences, the spans its word diff replaced one by the
    other (document offsets, by sentence)."""
    return {
        frozenset((pair.a, pair.b)): [{pair.a: a, pair.b: b} for a, b in pair.changes]
        for pair in cluster.pairs
    }


def _exchanged(conflict: tuple[Observation, Observation], exchanged: Exchanged) -> bool:
    """Whether two figures are words one aligned sentence replaced by the other ("three
    infants were found" / "six infants were found"): one statement edited."""
    first, second = conflict
    qa, qb = _quantity_of(first), _quantity_of(second)
    if qa is None or qb is None:
        return False
    ref_a, ref_b = first.sentence.ref, second.sentence.ref
    return any(
        _overlaps(change[ref_a], qa) and _overlaps(change[ref_b], qb)
        for change in exchanged.get(frozenset((ref_a, ref_b)), [])
    )


def _overlaps(span: Span, q: Quantity) -> bool:
    return span[0] < q.end and q.start < span[1]


def _figure_stated_by_both(
    conflict: tuple[Observation, Observation], figures: Figures, exchanged: Exchanged
) -> bool:
    """Whether the source of one figure also states the other's, of the same counted
    noun, anywhere in its text ("megan, 15" and "mr forrest, 30" in one report; "six
    killed" and "two in her car"): that source gives both values, so they are two of its
    own claims (two people's ages, a part and its whole), not a point where the sources
    differ. One statement edited (the figure exchanged for the other between aligned words)
    is one claim by construction: there
    the other figure elsewhere in the source is its own slip, and the sources still
    differ, unless each source states both figures. A date or a place is left to its own
    rules: one report names many days."""
    first, second = conflict
    if first.kind not in ("quantity", "scope"):
        return False
    qa, qb = _quantity_of(first), _quantity_of(second)
    if qa is None or qb is None or not qa.counted or not qb.counted:
        return False
    if qa.counted in RIVAL_READINGS or qb.counted in RIVAL_READINGS:
        return False
    if opposite_bounds(qa, qb) or opposite_bounds(qb, qa):
        return False  # "nearly 100 feet" / "at least 100 feet": one figure, bounds apart
    a, b = first.sentence, second.sentence
    a_too, b_too = _states_too(figures, a.doc_id, qb, b), _states_too(figures, b.doc_id, qa, a)
    if a_too and b_too:
        return True  # both sources give both figures: two brothers' counts, not one edited
    return (a_too or b_too) and not _exchanged(conflict, exchanged)


def _one_place_role(
    conflict: tuple[Observation, Observation], parallel: set[frozenset[SentenceRef]]
) -> bool:
    """Two places compare only in compatible roles of their sentences (where it happened,
    where someone is from, what a place describes; never against where someone went:
    :func:`.places.roles_compatible`). In one statement edited (parallel wording) the frame
    is the same on both sides by construction, so "the president of Chile" / "the
    president of Peru" compare there; elsewhere a place with no locative frame ("Russia
    has violated", "chancellor of Germany") is no location."""
    first, second = conflict
    if first.kind != "place":
        return True
    if detail_of_one_place(first.text, second.text):
        return False
    if is_neighbourhood(first.sentence, first.text) != is_neighbourhood(
        second.sentence, second.text
    ):
        return False  # a city's neighbourhood against the city: one place in detail
    if is_street(first.sentence, first.text) != is_street(second.sentence, second.text):
        return False  # a street against a town: the street lies in some town
    if any(not_a_place(o.sentence, o.text) for o in conflict):
        return False
    if frozenset((first.sentence.ref, second.sentence.ref)) in parallel:
        return place_role(first.sentence, first.text) == place_role(second.sentence, second.text)
    return roles_compatible(first.sentence, first.text, second.sentence, second.text)


def _furniture(observation: Observation) -> bool:
    """A value from a caption, a "published on" line or a dateline: not a claim."""
    return only_in_furniture(observation.sentence, observation.text)


def _restatements(
    cluster: Cluster, conflicts: list[tuple[Observation, Observation]]
) -> list[tuple[Observation, Observation]]:
    """Other sources that state a conflicting figure too, so each variant lists them all."""
    extra = []
    seen = {o.sentence.ref for pair in conflicts for o in pair}
    # The sentences (in cluster order) with counted quantities of each (low, high,
    # qualifier): each observation looks at those, not at every sentence of the cluster.
    by_key: dict[object, list[tuple[Sentence, list]]] = defaultdict(list)
    for doc in cluster.documents:
        for sentence in doc.sentences:
            for q in sentence.quantities:
                if q.counted:
                    entries = by_key[(q.low, q.high, q.qualifier)]
                    if not entries or entries[-1][0] is not sentence:
                        entries.append((sentence, []))
                    entries[-1][1].append(q)
    for first, second in list(conflicts):
        if first.kind not in ("quantity", "scope"):
            continue
        for observation in (first, second):
            value = observation.value
            if not isinstance(value, QuantityValue):
                continue
            for sentence, quantities in by_key.get(observation.key, []):
                if sentence.ref in seen:
                    continue
                for q in quantities:
                    if quantity_about(q) == observation.about and q.value == value.value:
                        seen.add(sentence.ref)
                        kind = observation.kind
                        extra.append((first, quantity_observation(q, sentence, kind)))
    return extra


def _claims(
    conflicts: list[tuple[Observation, Observation]],
) -> list[list[Observation]]:
    """The conflicting observations, one group per claim: observations joined by a
    conflict (directly or through a restatement) are one claim's values.

    Grouping by subject alone ("place", "date", "number of people") pooled every place or
    date conflict of a cluster into one item, so one false pairing hid a real one.
    """
    node: dict[tuple[str, SentenceRef, object], int] = {}
    parent: list[int] = []
    members: list[Observation] = []

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def index(o: Observation) -> int:
        kind = "quantity" if o.kind == "scope" else o.kind
        key = (kind, o.sentence.ref, repr(o.key))
        if key not in node:
            node[key] = len(parent)
            parent.append(len(parent))
            members.append(o)
        return node[key]

    for first, second in conflicts:
        x, y = find(index(first)), find(index(second))
        if x != y:
            parent[max(x, y)] = min(x, y)
    groups: dict[int, list[Observation]] = defaultdict(list)
    for k, observation in enumerate(members):
        groups[find(k)].append(observation)
    return list(groups.values())


def _assemble(
    conflicts: list[tuple[Observation, Observation]], cluster: Cluster, parties: Parties
) -> list[Discrepancy]:
    """One discrepancy per claim, its variants grouped by value with all their sources and
    every sentence of each source that states the value."""
    found = []
    for observations in _claims(conflicts):
        kind = observations[0].kind
        about = most_common([o.about for o in observations])
        by_value: dict[object, list[Observation]] = defaultdict(list)
        for observation in observations:
            by_value[observation.key].append(observation)
        variants = []
        for items in by_value.values():
            sentences: dict[SentenceRef, Sentence] = {}
            for item in items:
                sentences.setdefault(item.sentence.ref, item.sentence)
            by_source: dict[str, Sentence] = {}
            for sentence in sentences.values():
                by_source.setdefault(sentence.doc_id, sentence)
            sources = canonical_sources(cluster, by_source)
            stating = [s for s in sorted(sentences.values(), key=_order) if s.doc_id in sources]
            text = most_common([i.text for i in items])
            variants.append(
                Variant(
                    text=text,
                    value=items[0].value,
                    sources=sources,
                    evidence=[evidence(s) for s in stating],
                    claimant=first_claimant(cluster, parties, stating, text),
                )
            )
        if len({tuple(v.sources) for v in variants}) < 2 and len(variants) < 2:
            continue
        variants.sort(key=lambda v: (-len(v.sources), str(v.value)))
        found.append(Discrepancy(about=about, kind=kind, variants=variants))
    found.sort(key=lambda d: (-sum(len(v.sources) for v in d.variants), d.kind, d.about))
    return found


def _order(sentence: Sentence) -> tuple[str, int]:
    return sentence.doc_id, sentence.index


NAME_WORDS = re.compile(r"[a-z][a-z'’-]+")


def _people(cluster: Cluster) -> list[str]:
    """Folded names of the people the cluster's recogniser tagged as persons."""
    return [e.key for s in cluster.sentences() for e in s.entities if e.kind == "person"]


def _named_person(variant: Variant, people: list[str]) -> bool:
    """A speaker a reader can check: a person's name (not "police", a headline word, a
    photo credit or "his wife"), named in the sentence of the quotation itself ('"…,"
    Riehl said'), not reached through "he said" or a continued quotation, where a wrong
    antecedent gives the quote to the person it is about."""
    key = speaker_key(variant.text)
    words = NAME_WORDS.findall(key)
    if not words:
        return False
    if not any(same_name(key, p) or key == p for p in people):
        return False
    surname = words[-1]
    # a name only in a photo's credit ("( photo: jane doe, afp )") did not say the quotation
    return any(
        re.search(rf"\b{re.escape(surname)}\b", FURNITURE.sub(" ", e.text.lower()))
        for e in variant.evidence
    )


def _parts_of_one_name(variants: list[Variant], people: list[str]) -> bool:
    """Whether every speaker is words of one person's name in the cluster: "said Shum" /
    "said Mr Ping" of a man named in full as "Shum Ping" (a family name written first, or
    either half taken for the surname)."""
    words = [set(NAME_WORDS.findall(speaker_key(v.text))) for v in variants]
    return any(
        all(w and w <= set(NAME_WORDS.findall(p)) for w in words)
        for p in people
        if len(NAME_WORDS.findall(p)) >= 2
    )


def _one_speaker(a: str, b: str) -> bool:
    """Variants of one name, or one inside the other word for word ("showrunner Rob Thomas
    tweeted", an attribution that kept the words around the name, and "Rob Thomas")."""
    key_a, key_b = speaker_key(a), speaker_key(b)
    if same_name(key_a, key_b):
        return True
    short, long = sorted((NAME_WORDS.findall(key_a), NAME_WORDS.findall(key_b)), key=len)
    return len(short) >= 2 and f" {' '.join(short)} " in f" {' '.join(long)} "


def _surname(variant: Variant) -> str:
    words = NAME_WORDS.findall(speaker_key(variant.text))
    return words[-1] if words else ""


def speaker_discrepancies(
    quotes: list[QuoteGroup], cluster: Cluster | None = None
) -> list[Discrepancy]:
    """Quotations that different sources give to different named people.

    With the cluster, each speaker must be a person it names, named at the quotation
    (:func:`_named_person`), and two speakers of one surname ("Robin Williams" / "Susan
    Williams") are not compared: "Williams said" completed to the wrong relative is far
    likelier than two relatives credited with one quotation.
    """
    people = _people(cluster) if cluster is not None else None
    found: list[Discrepancy] = []
    for quote in quotes:
        named = [v for v in quote.speakers if v.text and is_name(v.text)]
        if people is not None:
            named = [v for v in named if _named_person(v, people)]
        distinct: list[Variant] = []
        for variant in named:
            match = next((d for d in distinct if _one_speaker(d.text, variant.text)), None)
            if match is None:
                distinct.append(variant)
        if len(distinct) < 2:
            continue
        if people is not None and len({_surname(v) for v in distinct}) < len(distinct):
            continue
        if people is not None and _parts_of_one_name(distinct, people):
            continue
        found.append(
            Discrepancy(
                about=f"who said \u201c{shorten(quote.text)}\u201d",
                kind="speaker",
                variants=[
                    replace(v, sources=list(v.sources), evidence=list(v.evidence)) for v in distinct
                ],
            )
        )
    return found


def discrepancies(cluster: Cluster, parties: Parties | None = None) -> list[Discrepancy]:
    """Every kind of discrepancy, slot conflicts first; ``cluster.quotes`` must be merged."""
    return slot_discrepancies(cluster, parties) + speaker_discrepancies(cluster.quotes, cluster)


def shorten(text: str, words: int = 12) -> str:
    parts_ = text.split()
    return " ".join(parts_[:words]) + ("…" if len(parts_) > words else "")
