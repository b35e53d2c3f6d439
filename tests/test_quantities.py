"""Quantities: numbers in digits and words, qualifiers as intervals, what they count."""

from __future__ import annotations

import pytest

from accord.analyse.nlp import pipeline
from accord.analyse.quantities import extract_quantities, parse_number, parse_words


def quantities(text: str):
    return extract_quantities(text, pipeline()(text))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("forty-nine", 49),
        ("a dozen", 12),
        ("half a dozen", 6),
        ("two hundred and five", 205),
        ("five and a half", 5.5),
        ("2,132", 2132),
        ("1.5 million", 1_500_000),
        ("3bn", 3e9),
    ],
)
def test_numbers_in_words_and_digits(text, value):
    assert parse_number(text) == pytest.approx(value)


def test_words_that_are_not_numbers_are_refused():
    assert parse_words("dog") is None


def test_qualifiers_become_intervals():
    found = {
        q.text.lower(): q
        for q in quantities(
            "At least 200 civilians, more than 25 attacks, about 300 fighters, up to 40 drones "
            "and nearly 50 wounded were reported."
        )
    }
    assert (found["at least 200"].low, found["at least 200"].high) == (200, None)
    assert found["more than 25"].low == 26 and found["more than 25"].high is None
    assert found["about 300"].low == pytest.approx(270) and found[
        "about 300"
    ].high == pytest.approx(330)
    assert (found["up to 40"].low, found["up to 40"].high) == (None, 40)
    assert found["nearly 50"].high == 50 and found["nearly 50"].low < 50


def test_vague_counts_are_ranges():
    (hundreds,) = quantities("Hundreds of civilians fled the town.")
    assert hundreds.qualifier == "range" and (hundreds.low, hundreds.high) == (200, 999)
    assert hundreds.counted == "civilian"


def test_what_is_counted_keeps_civilians_apart_from_attacks():
    found = quantities("The strikes killed 200 civilians in 25 attacks.")
    counted = {q.value: q.counted for q in found}
    assert counted == {200: "civilian", 25: "attack"}


def test_years_days_times_scores_and_ordinals_are_not_counts():
    found = quantities("On March 3 2011 at 10:30 the 5-4 vote was the 2nd in a row.")
    assert found == []


def test_ages_are_counted_as_age():
    (age,) = quantities("A 17-year-old was arrested.")
    assert age.value == 17 and age.counted == "age"


def test_a_toll_before_its_number_names_the_event():
    (toll,) = quantities("The death toll rose to 57 on Monday.")
    assert toll.value == 57 and toll.event == "kill"


def test_a_name_before_the_counted_noun_modifies_it():
    (count,) = quantities("Police said 5 florida hunters caught the alligator near a lake.")
    assert count.counted == "hunter"


def test_m_after_its_figure_is_millions_and_after_thousands_metres():
    values = {
        q.text: q.value for q in quantities("The club paid £3m for him and 1.5m people watched.")
    }
    assert values["£3m"] == pytest.approx(3e6)
    assert values["1.5m"] == pytest.approx(1.5e6)
    deep = quantities("The wreck lies about 3,000m ( two miles ) below the surface.")
    assert all(q.value < 1e6 for q in deep)
    assert all(q.value < 1e6 for q in quantities("She won the 400 m final in Belvar."))
