"""The gazetteer: real places on any casing, variants of one name, places inside others."""

from __future__ import annotations

from accord.analyse.gazetteer import is_place, nested, place_mentions, same_place


def test_places_on_any_casing_and_common_words_are_not_places():
    assert is_place("florida") and is_place("Bergen") and is_place("new york")
    assert not is_place("the") and not is_place("police") and not is_place("university")


def test_variants_of_one_name_are_one_place():
    assert same_place("Idleb", "Idlib")
    assert same_place("Russian Federation", "Russia")
    assert not same_place("Madrid", "Lima")


def test_a_town_lies_in_its_state_and_country():
    assert nested("parkland", "florida") and nested("homs", "syria")
    assert not nested("bergen", "florida")


def test_mentions_prefer_the_longest_name():
    text = "shot at a school in new york on friday"
    assert [text[s:e] for s, e in place_mentions(text)] == ["new york"]
