"""A quotation no speech verb introduces, inside the clause of a person: theirs.

'Clinton supports “appropriate pay raises”': the nearest verb above the quotation has a
named person as its subject. Invented sentences shaped like PolNeAR train; a passive, a
thing as subject, or a quotation that is part of the subject names no one.
"""

from __future__ import annotations

import pytest

from tests.analysed import speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mayor Lena Berg supports “a fair wage for every ferry worker on the coast” and "
            "opposes the cuts.",
            "Lena Berg",
        ),
        (
            "Olle Berg credited the victory to “a closed primary that shut out the independents.”",
            "Olle Berg",
        ),
    ],
)
def test_person_whose_clause_holds_the_quotation(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    [
        "Greta Holm was asked by the host whether the plan would risk “adding another "
        "expensive program to the county budget.”",
        "The new ferry timetable offers “a boat every hour for every island in the county.”",
    ],
)
def test_no_person_no_speaker(text: str) -> None:
    assert speakers(text) == [None]
