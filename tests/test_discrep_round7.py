"""Precision rules for unseen coverage (issue 9, round 7).

Each rule is tested on invented sentences: one case it must leave alone, one it must
still report.
"""

from __future__ import annotations

from tests.analysed import brief


def _values(*texts: str) -> list[set[str]]:
    return [{str(v.value) for v in d.variants} for d in brief(*texts)]


def test_two_ages_one_source_states_both_are_two_people():
    # The second report gives the driver's age and the boy's: two people, not a dispute.
    assert not brief(
        "Police said the driver, 52, hit the boy on his bike near the school on Friday.",
        "Police said the boy, 9, was hit on his bike near the school on Friday. "
        "The driver, 52, stopped at once.",
    )


def test_a_part_and_its_whole_stated_by_one_source_are_not_a_dispute():
    assert not brief(
        "The lorry crashed into a school bus near the bridge, killing nine people on Sunday.",
        "The lorry crashed into a school bus near the bridge, killing three people. "
        "Nine people were killed in all, three on the bus and six in the lorry.",
    )


def test_a_figure_only_one_source_gives_is_still_compared():
    assert brief(
        "The nurse, Harriet Quill, 41, was arrested at her home in Dorset on Monday.",
        "The nurse, Harriet Quill, 43, was arrested at her home in Dorset on Monday.",
    )


def test_rival_magnitudes_one_source_reports_are_still_compared():
    # A report that gives both agencies' readings shows their disagreement.
    assert brief(
        "The island's survey office said the quake measured magnitude 5.8 on Friday.",
        "The island's survey office said the quake measured magnitude 6.1 on Friday, "
        "while a foreign agency put it at magnitude 5.8.",
    )


def test_the_same_age_of_another_person_does_not_hide_a_dispute():
    # The second report's 41 is another man's: Quill's age still differs.
    assert brief(
        "Harriet Quill, 41, was arrested at her home in Dorset on Monday after a long inquiry.",
        "Harriet Quill, 29, was arrested at her home in Dorset on Monday. "
        "Tom Arden, 41, had been in her care.",
    )
