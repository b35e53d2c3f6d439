"""Precision rules for unseen coverage (issue 9, round 7).

Each rule is tested on invented sentences: one case it must leave alone, one it must
still report.
"""

from __future__ import annotations

from accord.analyse.quantities import extract_quantities
from accord.compare.frames import rounded_or_cut
from accord.compare.statements import only_in_furniture
from tests.analysed import brief, sentence


def _values(*texts: str) -> list[set[str]]:
    return [{str(v.value) for v in d.variants} for d in brief(*texts)]


def test_two_ages_one_source_states_both_are_two_people():
    # The second report gives the driver's age and the boy's: two people, not a dispute.
    assert not brief(
        "Police said the driver, 52, hit the boy on his bike near the school on Friday.",
        "A boy of 9 riding home from class was struck by a van, officers told reporters. "
        "The driver, 52, stopped at once.",
    )


def test_a_part_and_its_whole_stated_by_one_source_are_not_a_dispute():
    assert not brief(
        "The lorry crashed into a school bus near the bridge, killing nine people on Sunday.",
        "Witnesses said three people on board were killed when the lorry hit the bus head-on. "
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


def test_a_figure_rounded_half_either_way_or_cut_is_one_figure():
    assert rounded_or_cut(1_300_000, 1_350_000)
    assert rounded_or_cut(1_850_000, 1_800_000)
    assert rounded_or_cut(1_250_000, 1_300_000)  # half up
    assert rounded_or_cut(4_560_000, 4_500_000)  # cut
    assert not brief(
        "An appeals court on Monday threw out the $ 1.3 million award to the former mayor.",
        "The former mayor lost his $ 1.35 million award when a divided appeals court ruled.",
    )


def test_figures_neither_rounded_nor_cut_still_compare():
    assert not rounded_or_cut(1_300_000, 1_400_000)
    assert not rounded_or_cut(4_500_000, 4_620_000)  # not 4.5 cut nor rounded
    assert not rounded_or_cut(300_000, 250_000)  # a one-digit round estimate
    assert brief(
        "An appeals court on Monday threw out the $ 1.3 million award to the former mayor.",
        "The former mayor lost his $ 1.45 million award when a divided appeals court ruled.",
    )


def test_an_edited_statement_rounded_or_counting_others_is_one_claim():
    assert not brief(
        "The court threw out the $ 1.3 million award to the former mayor on Monday.",
        "The court threw out the $ 1.35 million award to the former mayor on Monday.",
    )
    assert not brief(
        "Rangers said poachers killed five rhinos in the same park in March.",
        "Rangers said poachers killed four other rhinos in the same park in March.",
    )


def test_an_edited_statement_with_another_figure_still_compares():
    assert brief(
        "The court threw out the $ 1.3 million award to the former mayor on Monday.",
        "The court threw out the $ 1.6 million award to the former mayor on Monday.",
    )
    assert brief(
        "Rangers said poachers killed five rhinos in the same park in March.",
        "Rangers said poachers killed nine rhinos in the same park in March.",
    )


def test_the_day_a_picture_was_taken_is_furniture():
    caption = sentence(
        "The old mill, where the fire began, is photographed from the bridge on thursday."
    )
    assert only_in_furniture(caption, "thursday")


def test_the_day_of_what_happened_is_no_caption():
    told = sentence("The old mill, where the fire began, was closed by the council on thursday.")
    assert not only_in_furniture(told, "thursday")


def test_an_age_is_never_compared_with_another_figure():
    # a duration written as a compound ("three-year") against a man's age
    assert not brief(
        "The actor's daughter died of cancer after a three-year battle, his family said.",
        "My daughter passed away peacefully, the actor, 60, told a magazine after a battle.",
    )


def test_a_year_compound_counts_years():
    (found,) = extract_quantities("She died after a three-year battle with cancer.")
    assert found.counted == "year"
