"""One person's age told differently, where a source names no one beside the figure.

Outlets often give the age of a story's person through a role noun: "the 23-year-old
singer" in one report, "the singer, 22," or "Smith, 22," in another. The aligned-pair
detectors need the sentences to line up, and the frame rules read an age with no name
beside it as nobody's. Here an age is keyed by the role noun it describes (a closed list
of occupations and roles, never kin: "her 22-year-old son" is someone else in each
story) or by the person named beside it; and a role is that person only where the
cluster gives an age to exactly one named person.

Precision first: each source gives one age for its key; the ages lie within
``ONE_PERSON_GAP`` years (a birthday between two reports, or a slip; further apart, two
people); an age at an earlier moment ("when she was 5") is not compared; neither
sentence states the other age.
"""

from __future__ import annotations

import re
from collections import defaultdict

from accord.compare.counts import Observation, quantity_observation
from accord.compare.frames import age_then
from accord.compare.statements import only_in_furniture
from accord.model import Cluster, Quantity, Sentence

# Roles that name one person of a story (occupations and parts in it), not kin, not
# generic people ("man", "woman": a story has many).
ROLE_NOUNS = frozenset(
    """singer actor actress rapper musician star comedian model artist author writer
    director producer host presenter player quarterback pitcher golfer boxer driver pilot
    chef designer founder ceo billionaire mayor governor senator president candidate
    astronaut explorer climber athlete swimmer runner cyclist footballer striker""".split()
)
ONE_PERSON_GAP = 2  # years: a birthday between reports, or a slip; more is two people
AFTER_AGE = re.compile(r"^[\s-]*years?[\s-]+old\s+(?P<words>(?:[\w-]+\s+){0,2}[\w-]+)", re.I)
# "the singer, 22," / "the "Hello" singer, 22": a role noun in apposition to the age.
ROLE_BEFORE = re.compile(r"\b(?P<noun>[a-z]+)\s*[\"”’]?\s*,\s*$", re.I)
APPOSITIVE_AFTER = re.compile(r"^\s*[,)]")
NAME_REACH = 3  # characters between a name and its appositive age: "Smith, 23"


# A man or a woman is one person of a story only with the place that says which: "the
# 50-year-old Lavender Hill woman", "the 51-year-old woman from Lavender Hill".
GENERIC_PEOPLE = frozenset("man woman".split())
FROM_AFTER = re.compile(r"^\s+(?:from|of)\s+$", re.I)


def _placed_person(sentence: Sentence, q: Quantity, noun_at: int, noun: str) -> str:
    """ "woman of <place>" for a generic person noun at sentence offset ``noun_at`` that a
    place (or a name the recogniser took for an organisation) qualifies, right before it
    ("the 50-year-old Lavender Hill woman") or after "from"/"of"; "" otherwise."""
    noun_end = noun_at + len(noun)
    for e in sentence.entities:
        if e.kind not in ("place", "organisation"):
            continue
        start, end = e.start - sentence.start, e.end - sentence.start
        before = q.end - sentence.start < start and sentence.text[end:noun_at].strip() == ""
        after = start > noun_end and FROM_AFTER.match(sentence.text[noun_end:start])
        if before or after:
            return f"{noun} of {e.key}"
    return ""


def age_role(sentence: Sentence, q: Quantity) -> str:
    """The role noun an age describes: "the 23-year-old english singer" -> "singer", "the
    singer, 22," -> "singer", "the 50-year-old woman from Lavender Hill" -> "woman of
    lavender hill"; "" where the words say no role of ``ROLE_NOUNS`` and no placed man
    or woman."""
    local_start, local_end = q.start - sentence.start, q.end - sentence.start
    if m := AFTER_AGE.match(sentence.text[local_end : local_end + 40]):
        words = m["words"].lower().split()
        if role := next((w for w in words if w in ROLE_NOUNS), ""):
            return role
        for word in words:
            if word in GENERIC_PEOPLE:
                found = re.search(rf"\b{word}\b", m["words"].lower())
                at = local_end + m.start("words") + (found.start() if found else 0)
                return _placed_person(sentence, q, at, word)
        return ""
    before = ROLE_BEFORE.search(sentence.text[max(0, local_start - 30) : local_start])
    after = APPOSITIVE_AFTER.match(sentence.text[local_end : local_end + 3])
    if before and after and before["noun"].lower() in ROLE_NOUNS:
        return before["noun"].lower()
    return ""


def age_person(sentence: Sentence, q: Quantity) -> str:
    """The person an appositive age belongs to, by surname ("Smith, 23," -> "smith"): a
    name (a person, or a name the recogniser took for an organisation) ending right
    before the figure's comma."""
    for e in sentence.entities:
        between = sentence.text[e.end - sentence.start : q.start - sentence.start]
        named = e.kind in ("person", "organisation") and e.end < q.start
        if named and len(between) <= NAME_REACH and between.strip() == ",":
            return e.key.split()[-1]
    return ""


def _ages(cluster: Cluster) -> list[tuple[Sentence, Quantity, str, str]]:
    """(sentence, age, role, person) of every age a role or a name says whose."""
    found = []
    for sentence in cluster.sentences():
        for q in sentence.quantities:
            if q.counted != "age" or q.qualifier != "exact" or age_then(sentence, q):
                continue
            if only_in_furniture(sentence, q.text):
                continue
            role, person = age_role(sentence, q), age_person(sentence, q)
            if role or person:
                found.append((sentence, q, role, person))
    return found


def _key(role: str, person: str, only_person: str, text: str) -> str:
    """One key per person: the named person; a role is the one aged person of the cluster
    where its own document names that person too, else a role of its own."""
    if person:
        return person
    if only_person and re.search(rf"\b{re.escape(only_person)}\b", text):
        return only_person
    return f"the {role}"


def ages_of_one_person(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """One person's age given differently by two sources, through a role noun or a name
    beside the age (module docstring for the gates)."""
    ages = _ages(cluster)
    people = {person for _, _, _, person in ages if person}
    only_person = people.pop() if len(people) == 1 else ""
    by_key: dict[str, dict[str, list[tuple[Sentence, Quantity]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    texts = {d.id: d.text.lower() for d in cluster.documents}
    for sentence, q, role, person in ages:
        key = _key(role, person, only_person, texts[sentence.doc_id])
        by_key[key][sentence.doc_id].append((sentence, q))
    found = []
    for key in sorted(by_key):
        single = {
            doc: frames[0]
            for doc, frames in by_key[key].items()
            if len({q.value for _, q in frames}) == 1
        }
        docs = sorted(single)
        for x, doc_a in enumerate(docs):
            for doc_b in docs[x + 1 :]:
                (a, qa), (b, qb) = single[doc_a], single[doc_b]
                if qa.value == qb.value or abs(qa.value - qb.value) > ONE_PERSON_GAP:
                    continue
                if _states_age(a, qb.value) or _states_age(b, qa.value):
                    continue
                pair = (quantity_observation(qa, a), quantity_observation(qb, b))
                for observation in pair:
                    observation.about = f"age of {key}"  # "age of the woman of mill creek"
                found.append(pair)
    return found


def _states_age(sentence: Sentence, value: float) -> bool:
    return any(q.counted == "age" and q.value == value for q in sentence.quantities)
