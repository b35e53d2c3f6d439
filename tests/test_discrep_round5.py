"""Precision rules for unseen coverage (issue 9, round 5): initialisms of places, ranks,
"half a million", amounts in two units.

Each rule is tested on invented sentences: one case it must leave alone, one it must
still report.
"""

from __future__ import annotations

from accord.analyse.gazetteer import initials_of, same_place
from tests.analysed import brief


def _values(*texts: str) -> list[set[str]]:
    return [{str(v.value) for v in d.variants} for d in brief(*texts)]


def test_a_place_written_as_its_initials_is_the_same_place():
    assert initials_of("LA", "Los Angeles")
    assert initials_of("N.Y.C.", "New York City")
    assert not initials_of("la", "Los Angeles")  # a word, not an initialism
    assert not initials_of("LA", "Lagos")
    assert same_place("LA", "Los Angeles")
    assert not brief(
        "The singer was seen at a party in LA on Monday night with friends.",
        "The singer was seen at a party in Los Angeles on Monday night with friends.",
    )


def test_two_different_places_are_still_compared():
    assert brief(
        "The singer was seen at a party in Chicago on Monday night with friends.",
        "The singer was seen at a party in Los Angeles on Monday night with friends.",
    )
