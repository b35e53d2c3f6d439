"""Entities: keys that make name variants one thing, and list-context relabelling."""

from __future__ import annotations

from accord.analyse.entities import entity_key, extract_entities, same_name
from accord.analyse.nlp import pipeline


def test_spelling_variants_share_a_key():
    assert entity_key("Idleb") == entity_key("Idlib")
    assert entity_key("the Russian Federation") == entity_key("Russia")
    assert entity_key("Russia's") == "russia"
    assert entity_key("Ministry of Defence") == entity_key("defense ministry")


def test_same_name_by_leading_words_or_surname():
    assert same_name("amnesty", "amnesty international")
    assert same_name("luther", "philip luther")
    assert not same_name("philip luther", "martin luther king jr")
    assert not same_name("amnesty international", "human rights watch")


def test_a_town_listed_among_places_is_a_place():
    text = "The group researched bombings in Homs, Hama, Idlib, Latakia and Aleppo."
    entities = extract_entities(pipeline()(text))
    kinds = {e.text: e.kind for e in entities}
    assert kinds.get("Hama", "place") == "place"
    assert all(
        kind == "place" for name, kind in kinds.items() if name in ("Homs", "Idlib", "Aleppo")
    )
