"""One person's home town told differently: "Larry Hale of Dunmore" / "Hale, of Ashby".

Local news names a person with the town they live in ("Ann Reyes, 34, of Millbrook"),
and outlets that got it from different records disagree on it. The sentences that say so
share little else (one tells the arrest, the other the plea), so the aligned-pair
detectors never set them side by side. Here a home town is the place named after a
person and an "of" ("Reyes of Millbrook", "Reyes, 34, of Millbrook", "Reyes, of 12 Elm
Street in Millbrook"), keyed by the person's surname, and by the first name too where
both sources give it.

Precision first: each source gives one town for the person; the two towns are not one
place (spelling, abbreviation), not one inside the other (a town and its county, valley
or state), and neither source names the other's town anywhere (then both are known to it:
a move, or a place of work).
"""

from __future__ import annotations

import re
from collections import defaultdict

from accord.analyse.gazetteer import is_place, nested, same_place
from accord.compare.counts import Observation
from accord.compare.places import may_hold, may_lie_inside
from accord.compare.statements import only_in_furniture
from accord.model import Cluster, Entity, Sentence

# What may stand between a name and its town: an age ("Reyes, 34, of"), and after "of" a
# street the town follows ("of 12 Elm Street in Millbrook").
OF_TOWN = re.compile(
    r"^\s*(?:,\s*\d{1,3}\s*)?,?\s*of\s+(?:(?:[\w.'’-]+\s+){1,4}?in\s+)?$", re.IGNORECASE
)
TOWN_REACH = 45  # characters from the end of a name to its town


def _a_place(entity: Entity) -> bool:
    """A place, or a name the recogniser took for an organisation that the gazetteer
    knows as a place ("Ormsby, 41, of Burlington")."""
    return entity.kind == "place" or (entity.kind == "organisation" and is_place(entity.key))


def _town_after(sentence: Sentence, person: Entity) -> Entity | None:
    """The place named right after a person and an "of", or None."""
    for place in sentence.entities:
        if not _a_place(place) or place.start <= person.end:
            continue
        if place.start - person.end > TOWN_REACH:
            break
        between = sentence.text[person.end - sentence.start : place.start - sentence.start]
        if OF_TOWN.match(between):
            return place
    return None


def _hometowns(cluster: Cluster) -> dict[str, dict[str, list[tuple[Sentence, Entity, str]]]]:
    """surname -> document -> (sentence, town, first name or "") of every person told
    with a home town."""
    found: dict[str, dict[str, list[tuple[Sentence, Entity, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for sentence in cluster.sentences():
        for person in sentence.entities:
            if person.kind != "person" or not person.key.split():
                continue
            town = _town_after(sentence, person)
            if town is None or only_in_furniture(sentence, town.text):
                continue
            names = person.key.split()
            first = names[0] if len(names) > 1 else ""
            found[names[-1]][sentence.doc_id].append((sentence, town, first))
    return found


def _one_person(first_a: str, first_b: str) -> bool:
    return not first_a or not first_b or first_a == first_b


def hometowns_of_one_person(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """One person's home town given differently by two sources (module docstring)."""
    texts = {d.id: d.text.lower() for d in cluster.documents}
    found = []
    for surname, by_doc in sorted(_hometowns(cluster).items()):
        single = {
            doc: told[0] for doc, told in by_doc.items() if len({t.key for _, t, _ in told}) == 1
        }
        docs = sorted(single)
        for x, doc_a in enumerate(docs):
            for doc_b in docs[x + 1 :]:
                (a, town_a, first_a), (b, town_b, first_b) = single[doc_a], single[doc_b]
                if town_a.key == town_b.key or not _one_person(first_a, first_b):
                    continue
                if _one_place(a, town_a, b, town_b):
                    continue
                if town_b.key in texts[doc_a] or town_a.key in texts[doc_b]:
                    continue  # each source knows the other's town
                found.append((_observation(a, town_a, surname), _observation(b, town_b, surname)))
    return found


def _one_place(a: Sentence, town_a: Entity, b: Sentence, town_b: Entity) -> bool:
    """Whether two towns may be one place, one holding the other."""
    key_a, key_b = town_a.key, town_b.key
    return (
        key_a in key_b
        or key_b in key_a
        or same_place(town_a.text, town_b.text)
        or nested(key_a, key_b)
        or may_lie_inside(key_a, key_b)
        or may_lie_inside(key_b, key_a)
        or may_hold(a, town_a.text, town_b.text)
        or may_hold(b, town_b.text, town_a.text)
    )


def _observation(sentence: Sentence, town: Entity, surname: str) -> Observation:
    return Observation("place", f"home town of {surname}", town.key, town.text, town.key, sentence)
