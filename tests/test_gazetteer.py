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


def test_place_kind_is_by_own_name_and_size():
    from accord.analyse.gazetteer import place_kind

    assert place_kind("georgia") == "country" and place_kind("florida") == "state"
    assert place_kind("houston") == "city" and place_kind("new york") == "state"
    # small towns, and alternate spellings that are also ordinary words, are not big places
    assert place_kind("steubenville") is None and place_kind("cup") is None
