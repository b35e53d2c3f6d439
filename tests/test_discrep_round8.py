"""Recall rules for unseen coverage (issue 9, round 8): figures written as Multi-News and
real outlets print them, and measures of one thing stated in sentences that share few words.

Each rule is tested on invented sentences: one case it must report, one it must leave alone.
"""

from __future__ import annotations

from accord.analyse.nlp import pipeline
from accord.analyse.quantities import extract_quantities
from accord.compare.counts import overlap, quantities_conflict
from accord.compare.unaligned import measures_of_one_thing
from tests.test_discrep_unaligned import _found


def _quantities(text: str) -> list[tuple[str, float, str]]:
    return [(q.text, q.value, q.counted) for q in extract_quantities(text, pipeline()(text))]


def test_money_with_its_sign_apart_from_the_figure():
    assert _quantities("The brooch sold for £ 420 at the auction.") == [("£ 420", 420.0, "pound")]
    assert _quantities("It fetched $ 2.5 million.") == [("$ 2.5 million", 2_500_000.0, "dollar")]


def test_units_written_onto_their_figure():
    assert _quantities("The hiker fell nearly 80ft down the gully.")[0][1:] == (80.0, "foot")
    found = _quantities("A 12kg parcel and a 5km walk.")
    assert [(v, c) for _, v, c in found] == [(12.0, "kilogram"), (5.0, "km")]


def test_an_m_before_a_dimension_is_metres_and_elsewhere_millions():
    assert _quantities("The lock will be 31.5m wide.")[0][1:] == (31.5, "metre")
    assert _quantities("The club paid £40m for him.")[0][1] == 40_000_000.0


def test_one_unit_of_a_measure_is_a_figure_but_one_alone_is_an_article():
    assert _quantities("They hoisted the one-ton bell into the tower.")[0][1:] == (1.0, "ton")
    assert _quantities("One of the men ran.") == []


def test_nearly_a_figure_and_at_least_that_figure_exclude_each_other():
    (nearly,) = extract_quantities("nearly 100 feet")
    (at_least,) = extract_quantities("at least 100 feet")
    (plain,) = extract_quantities("100 feet")
    assert not overlap(nearly, at_least) and quantities_conflict(nearly, at_least)
    assert overlap(nearly, plain)  # "nearly 100" and "100": rounding, not a dispute


def test_one_weight_worded_apart():
    assert _found(
        measures_of_one_thing,
        "The foundry cast the two-ton bell for the cathedral tower last spring.",
        "Workers lifted a 3.5-ton bronze bell into the cathedral's north tower.",
    ) == [("two", "3.5")]
    # money in pounds is not a weight
    assert not _found(
        measures_of_one_thing,
        "The bell, which weighs two tons, was raised into the cathedral tower.",
        "The cathedral paid £ 3,500 for the bell and its frame.",
    )


def test_one_fall_worded_apart():
    assert _found(
        measures_of_one_thing,
        "Out on a morning climb, the teenager fell nearly 60ft onto a narrow ledge.",
        "A climber who fell at least 60 feet was winched off the cliff by a helicopter crew.",
    ) == [("nearly 60ft", "at least 60")]
    # two people's falls told by one source are not compared
    assert not _found(
        measures_of_one_thing,
        "The teenager fell 60 feet onto a ledge; his friend fell 20 feet and walked away.",
        "A climber who fell 90 feet was winched off the cliff by a helicopter crew.",
    )


def test_figures_far_apart_in_sentences_that_are_not_one_statement_count_two_things():
    from accord.compare.discrepancies import _far_apart
    from tests.analysed import brief

    (small,) = extract_quantities("almost 800 volunteers")
    (large,) = extract_quantities("around 20,000 volunteers")
    (near,) = extract_quantities("950 volunteers")
    assert _far_apart(small, large) and not _far_apart(small, near)
    # the same sentence edited keeps its figures compared, however far apart
    assert brief(
        "Police said 4 people were arrested after the match in Kelmouth on Saturday.",
        "Police said 40 people were arrested after the match in Kelmouth on Saturday.",
    )
