"""Claim frames and the precision rules of issue 9 (compare/frames.py, compare/statements.py,
the gazetteer's common words), each on invented sentences."""

from __future__ import annotations

import pytest

from accord.analyse.gazetteer import place_word, same_place
from accord.analyse.quantities import extract_quantities


def _brief(*texts: str):
    import accord

    return accord.brief(list(texts))


def _kinds(briefing) -> list[tuple[str, list[str]]]:
    return [(d.kind, [v.text for v in d.variants]) for d in briefing.discrepancies]


def test_a_common_word_is_no_place_in_lower_cased_text():
    assert not place_word("day", capital_means_name=False)
    assert not place_word("bank", capital_means_name=False)
    assert not place_word("sens.", capital_means_name=False)
    assert place_word("kerch", capital_means_name=False)


def test_state_abbreviations_are_the_state():
    assert same_place("Fla.", "Florida")
    assert same_place("Wash.", "Washington")
    assert same_place("southern Ohio", "Ohio") or same_place("Ohio", "Ohio")


def test_ranges_keep_both_ends_and_comparatives_are_bounds():
    (hours,) = extract_quantities("doctors advise six to eight hours of rest")
    assert (hours.low, hours.high, hours.qualifier) == (6.0, 8.0, "range")
    (speed,) = extract_quantities("the van went faster than 90 mph")
    assert speed.qualifier == "more_than"
    assert extract_quantities("output grew 12-fold in a decade") == []
    assert extract_quantities("the alarm rang at 10: 15 p.m. sharp") == []
    (members,) = extract_quantities("the 2.35-million member union")
    assert members.value == 2_350_000


def test_appositive_age():
    quantities = extract_quantities("Marta Olsen, 44, was arrested.")
    assert [q.counted for q in quantities] == ["age"]


@pytest.mark.slow
def test_a_part_is_not_its_whole():
    briefing = _brief(
        "Prosecutors said Dana Voss faces 12 charges, including three counts of fraud, "
        "after the collapse of the Lindell fund.",
        "Dana Voss faces 12 charges. Prosecutors listed eight counts of theft and other "
        "charges after the collapse of the Lindell fund.",
    )
    assert not [k for k in _kinds(briefing) if "count" in str(k)]


@pytest.mark.slow
def test_two_estimates_of_one_total_are_shown():
    briefing = _brief(
        "The drought in the region has killed more than 40,000 cattle since it began in 2019.",
        "Farmers met the minister on Monday. The drought has lasted three years. Around "
        "60,000 cattle are thought to be its victims, the farmers' union said.",
    )
    assert any(
        {"more than 40,000 cattle", "Around 60,000 cattle"} <= set(texts)
        for _, texts in _kinds(briefing)
    )


@pytest.mark.slow
def test_a_caption_date_is_not_compared():
    briefing = _brief(
        "A firefighter walks past a burned barn near Tulsa, Oklahoma, on Monday, May 4, 2015.",
        "A firefighter walks past a burned barn near Tulsa, Oklahoma, on Tuesday, May 5, 2015.",
    )
    assert not [k for k, _ in _kinds(briefing) if k == "date"]


@pytest.mark.slow
def test_place_lists_compare_as_sets():
    briefing = _brief(
        "Inspectors said the raids in Lyon, Lille, Nantes and Marseille were unlawful.",
        "The inspectors' report covers four raids in Lyon, Lille and Marseille.",
    )
    assert any(k == "place" and len(v) == 2 for k, v in _kinds(briefing))
