"""Named people, organisations, places and groups, from spaCy's NER.

Names are normalised to a ``key`` so that variants of one name are the same thing:
accents and case folded, a leading "the" and a possessive dropped, and known variants
("Idleb", "Russian Federation") mapped to one spelling.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from typing import TYPE_CHECKING

from accord.model import Entity, EntityKind

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

LABELS: dict[str, EntityKind] = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}

# Spelling and naming variants that news agencies use for the same thing. Keys and values
# are already folded (lower case, no accents).
ALIASES = {
    "idleb": "idlib",
    "russian federation": "russia",
    "the russian federation": "russia",
    "moskva": "moscow",
    "halab": "aleppo",
    "hims": "homs",
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
    "u.s.a.": "united states",
    "america": "united states",
    "uk": "united kingdom",
    "u.k.": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "un": "united nations",
    "u.n.": "united nations",
    "eu": "european union",
    "dprk": "north korea",
    "kyiv": "kiev",
    "defence ministry": "defense ministry",
    "ministry of defence": "defense ministry",
    "ministry of defense": "defense ministry",
}
LEADING = re.compile(r"^(the|a|an)\s+")
POSSESSIVE = re.compile(r"['’]s?$")


def fold(text: str) -> str:
    if text.isascii():  # nothing to decompose (the gazetteer folds every word it looks up)
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(ascii_text.lower().replace("’", "'").split())


DOTTED_INITIALS = re.compile(r"(?:[a-z]\.){1,3}[a-z]")  # after the last stop is stripped


def entity_key(text: str) -> str:
    key = POSSESSIVE.sub("", LEADING.sub("", fold(text))).strip(" .,-")
    if DOTTED_INITIALS.fullmatch(key):
        key = key.replace(".", "")  # "U.K." is "UK", "U.N." "UN"
    key = ALIASES.get(key, key)
    return key.replace("defence", "defense")


LIST_GAP = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or)\s*$")


def _relabel_lists(entities: list[Entity], text: str, offset: int) -> None:
    """Names listed with places are places: "Homs, Hama, Idlib" tags Hama ORG otherwise.

    spaCy's small model often mislabels a lesser-known town inside an enumeration; a list
    of names joined by commas and "and" almost always holds names of one kind.
    """
    for _ in range(2):  # twice, so the label travels along a chain of three or more
        for a, b in itertools.pairwise(entities):
            gap = text[a.end - offset : b.start - offset]
            if not LIST_GAP.match(gap) or a.kind == b.kind:
                continue
            if a.kind == "place" and b.kind in ("organisation", "group"):
                b.kind = "place"
            elif b.kind == "place" and a.kind in ("organisation", "group"):
                a.kind = "place"


def same_name(a: str, b: str) -> bool:
    """Whether two entity keys name one thing: equal, or one is the other's leading words
    or surname ("amnesty" / "amnesty international", "luther" / "philip luther")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    short_words, long_words = short.split(), long.split()
    if not short_words or len(short_words) >= len(long_words):
        return False
    return (
        long_words[: len(short_words)] == short_words
        or long_words[-len(short_words) :] == short_words
    )


def extract_entities(spacy_doc: SpacyDoc, offset: int = 0) -> list[Entity]:
    """People, organisations, places and groups that spaCy finds, with normalised keys."""
    entities: list[Entity] = []
    for ent in spacy_doc.ents:
        kind = LABELS.get(ent.label_)
        if kind is None:
            continue
        text = ent.text.strip()
        if not any(c.isalpha() for c in text):
            continue
        entities.append(
            Entity(
                text=text,
                kind=kind,
                key=entity_key(text),
                start=offset + ent.start_char,
                end=offset + ent.start_char + len(text),
            )
        )
    _relabel_lists(entities, spacy_doc.text, offset)
    return entities
