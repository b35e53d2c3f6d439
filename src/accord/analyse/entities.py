"""Named people, organisations, places and groups, from spaCy's NER.

Names are normalised to a ``key`` so that variants of one name are the same thing:
accents and case folded, a leading "the" and a possessive dropped, and known variants
("Idleb", "Russian Federation") mapped to one spelling.
"""

from __future__ import annotations

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
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(ascii_text.lower().replace("’", "'").split())


def entity_key(text: str) -> str:
    key = POSSESSIVE.sub("", LEADING.sub("", fold(text))).strip(" .,-")
    key = ALIASES.get(key, key)
    return key.replace("defence", "defense")


def extract_entities(spacy_doc: SpacyDoc, offset: int = 0) -> list[Entity]:
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
    return entities
