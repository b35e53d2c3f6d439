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
    assert initials_of("la", "los angeles")  # lower-cased copy
    assert not initials_of("Los", "Los Angeles")
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


def test_a_number_sign_marks_a_rank_not_a_count():
    from accord.analyse.quantities import extract_quantities

    assert not extract_quantities("data scientists ( #2 ) and cloud engineers ( # 9 )")
    assert [q.value for q in extract_quantities("2 data scientists")] == [2.0]


def test_half_a_million_is_half_a_million():
    from accord.analyse.quantities import extract_quantities

    (q,) = extract_quantities("The album sold more than half a million copies.")
    assert q.value == 500_000
    assert not _values(
        "The album sold more than half a million copies in its first week.",
        "The album sold 566,000 copies in its first week.",
    )
    assert _values(
        "The album sold half a million copies in its first week.",
        "The album sold 300,000 copies in its first week.",
    )


def test_one_amount_in_two_units_is_not_two_values():
    from accord.compare.frames import unit_of
    from tests.analysed import sentence

    s = sentence("The fine was 10,000 rupees ( $114; £71 ) each.")
    assert [unit_of(s, q) for q in s.quantities] == ["rupee", "dollar", "sterling"]
    assert not brief(
        "The judge also imposed a fine of 10,000 rupees ( $110 ) on each of the women.",
        "The judge imposed a fine of 10,000 rupees ( $114; £71 ) on each of the women.",
    )
    assert not brief(
        "Walkers at a campsite in Mirow found 50 euro notes falling from a tree.",
        "Walkers at a campsite in Mirow found £142,000 in notes falling from a tree.",
    )


def test_one_unit_two_amounts_are_still_compared():
    assert brief(
        "The firm paid $110 for each can of the new drink.",
        "The firm paid $140 for each can of the new drink.",
    )


def test_the_day_of_a_file_photo_is_furniture():
    assert not brief(
        "In this Sept. 10, 2014 file photo, Attorney General Bill Smart speaks in Kelmouth.",
        "Attorney General Bill Smart will announce the charges on Jan. 21, 2015 in Kelmouth.",
    )
    assert brief(
        "Attorney General Bill Smart announced the charges in Kelmouth on Sept. 10, 2014.",
        "Attorney General Bill Smart announced the charges in Kelmouth on Jan. 21, 2015.",
    )


def _variant(name: str, evidence: str):
    from accord.model import Evidence, Variant

    return Variant(name, name, ["S1"], [Evidence("S1", 0, evidence)])


def test_halves_of_one_name_are_one_speaker():
    from accord.compare.discrepancies import _parts_of_one_name

    shum, ping = _variant("Shum", "said shum."), _variant("Ping", "said mr ping.")
    assert _parts_of_one_name([shum, ping], ["shum ping", "jane doe"])
    assert not _parts_of_one_name([shum, ping], ["shum lee", "ping chan"])


def test_a_name_in_a_photo_credit_did_not_say_the_quote():
    from accord.compare.discrepancies import _named_person

    credit = _variant("Damien Meyer", '( photo: damien meyer, afp ) he wrote "no."')
    assert not _named_person(credit, ["damien meyer"])
    said = _variant("Damien Meyer", '"no," damien meyer wrote.')
    assert _named_person(said, ["damien meyer"])


def test_one_figure_of_a_list_is_one_member_of_several():
    from accord.compare.frames import in_list
    from tests.analysed import sentence

    s = sentence("Four children aged 13, 12, 10 and eight were among the dead.")
    assert [in_list(s, q) for q in s.quantities] == [False, True, True, True, True]
    s = sentence("Police said 5 people died and 12 were hurt.")
    assert not any(in_list(s, q) for q in s.quantities)
    assert _values(
        "The police said 13 children were found dead at the farm near the river.",
        "The police said eight children were found dead at the farm near the river.",
    )


def test_a_relative_named_by_his_age_is_not_the_man_of_the_surname():
    from accord.compare.frames import same_subject

    assert not same_subject("jamal", "son taseen jamal")
    assert same_subject("taseen jamal", "son taseen jamal")
    assert same_subject("jamal", "jamal")


def test_a_word_of_a_name_does_not_date_an_event():
    # "mug shot" (tagged a person) is no act; "shot him" after the other day is
    assert not _values(
        "Police have released 17-year-old Trevon Johnson's name and mug shot Friday afternoon.",
        "Seventeen-year-old Trevon Johnson died Thursday night after Jenrette shot him once, "
        "according to police.",
    )
    assert {"monday", "sunday"} in _values(
        "A deputy shot a goose that was blocking traffic Monday morning near the Belvar bridge.",
        "A deputy fatally shot a goose near the Belvar bridge on Sunday, drivers said.",
    )


def test_a_lower_cased_initialism_is_the_place_too():
    assert not brief(
        "Privatefly flies you back in time from sydney to la in a jet to celebrate twice.",
        "Privatefly flies you back in time from sydney to los angeles in a jet to celebrate twice.",
    )


def test_scare_quotes_do_not_hide_the_counted_noun():
    from tests.analysed import sentence

    s = sentence('Police said three " longarm " firearms were found at the farm.')
    assert [q.counted for q in s.quantities] == ["longarm"]


def test_shares_of_different_measures_are_not_compared():
    from accord.compare.frames import different_shares
    from tests.analysed import sentence

    a = sentence("A study found 56 percent of Americans had not packed a suitcase in a year.")
    b = sentence("A survey revealed that 42 percent of Americans feel guilty for relaxing.")
    c = sentence("A study found 48 percent of Americans had not packed a suitcase in a year.")
    assert different_shares(a, a.quantities[0], b, b.quantities[0])
    assert not different_shares(a, a.quantities[0], c, c.quantities[0])
    assert _values(
        "A study by the travel firm found 56 percent of Americans had not packed a suitcase.",
        "A study by the travel firm found 48 percent of Americans had not packed a suitcase.",
    )


def test_a_position_from_a_place_is_not_the_place():
    from accord.compare.places import RELATIVE_POSITION

    assert RELATIVE_POSITION.match("north of springfield")
    assert RELATIVE_POSITION.match("South-west of the capital")
    assert not RELATIVE_POSITION.match("North Carolina")
    assert not brief(
        "The winning ticket was sold at the Pride store in Chicopee, north of Springfield.",
        "The winning ticket was sold at the Pride store in Chicopee, Massachusetts.",
    )
    assert brief(
        "The winning ticket was sold at the Pride store in Chicopee, Ohio, officials said.",
        "The winning ticket was sold at the Pride store in Chicopee, Massachusetts, police said.",
    )
