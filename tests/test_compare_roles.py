"""Roles: values that two statements of one fact put next to the same content words."""

from __future__ import annotations

from accord.compare.roles import one_fact, role_date_conflicts, role_number_conflicts
from tests.analysed import sentences


def values(conflicts) -> list[tuple[str, str]]:
    return [(first.text, second.text) for first, second in conflicts]


def test_paraphrased_count_in_the_same_role_conflicts():
    a, b = sentences(
        "Rescuers pulled 14 miners alive from the flooded shaft near Dunmore late on Sunday.",
        "After a night underground, 19 miners were pulled alive from the flooded Dunmore shaft.",
    )
    assert values(role_number_conflicts(a, b)) == [("14 miners", "19 miners")]


def test_other_things_counted_do_not_conflict():
    a, b = sentences(
        "The storm destroyed 40 homes along the coast road north of Penhallow on Friday.",
        "The storm along the coast road north of Penhallow destroyed 12 boats on Friday.",
    )
    assert role_number_conflicts(a, b) == []


def test_two_figures_in_one_role_are_ambiguous():
    a, b = sentences(
        "The jury convicted him on three counts of fraud and two counts of theft at the court.",
        "At the court the jury convicted him on five counts of fraud and theft combined.",
    )
    assert role_number_conflicts(a, b) == []


def test_sentences_that_state_other_facts_are_not_compared():
    a, b = sentences(
        "The council approved 30 new homes for the old mill site in March.",
        "Neighbours opposed 45 homes planned by a developer, the paper reported.",
    )
    assert not one_fact(a, b, "30", "45")
    assert role_number_conflicts(a, b) == []


def test_rewritten_date_in_the_same_role_conflicts():
    a, b = sentences(
        "The museum reopened its galleries to visitors on Thursday after the roof repairs.",
        "After months of roof repairs the museum galleries reopened to visitors on Saturday.",
    )
    assert values(role_date_conflicts(a, b)) == [("Thursday", "Saturday")]


def test_a_date_of_another_event_is_not_compared():
    a, b = sentences(
        "Residents evacuated from the harbour homes returned on Wednesday, a day after the fire.",
        "Residents were evacuated from the harbour homes on Tuesday as the fire spread.",
    )
    assert role_date_conflicts(a, b) == []


def test_two_cities_of_one_country_conflict_in_a_strong_alignment():
    from accord.compare.places import anchored_place_conflicts

    a, b = sentences(
        "Nine people were killed in a shooting at a shopping centre in Munich, southern "
        "Germany, police said.",
        "Police said nine people were killed in a shooting at a busy shopping centre in "
        "Hamburg, Germany.",
    )
    texts = {a.doc_id: a.text.lower(), b.doc_id: b.text.lower()}
    found = anchored_place_conflicts(a, b, set(), texts)
    assert [(x.key, y.key) for x, y in found] == [("munich", "hamburg")]


def test_a_place_tagged_as_an_organisation_in_lower_case_still_swaps():
    from dataclasses import replace

    from accord.align import word_diff
    from accord.compare.swaps import swap_conflicts

    a, b = sentences(
        "yesterday, on my flight from bergen to dallas, two attendants let me sit in an "
        "empty first class seat while i pumped.",
        "yesterday, on my flight from atlanta to dallas, two attendants let me sit in an "
        "empty first class seat while i pumped.",
    )
    # The recogniser guesses kinds from context in lower-cased text; make its guess wrong.
    a.entities = [replace(e, kind="organisation") if e.key == "bergen" else e for e in a.entities]
    pair = word_diff(a, b, similarity=0.9)
    found = swap_conflicts(a, b, pair, set())
    assert [(x.key, y.key) for x, y in found] == [("bergen", "atlanta")]


def test_words_for_young_or_related_people_name_one_group():
    from accord.compare.roles import related_counts

    assert related_counts("man", "boy")
    assert related_counts("teenager", "brother")
    assert related_counts("star resort", "star luxury")
    assert not related_counts("civilian", "fighter")
    assert not related_counts("people", "child")


def test_a_rewritten_group_in_the_same_role_conflicts():
    a, b = sentences(
        "Officers arriving at the lake found two young men carrying the injured hiker.",
        "Arriving at the lake, officers found five boys carrying the injured hiker.",
    )
    found = role_number_conflicts(a, b)
    assert [(x.value.value, y.value.value) for x, y in found] == [(2, 5)]


def test_what_a_count_counts_is_part_of_its_role():
    a, b = sentences(
        "The senator's remarks about the 30 percent raised questions on tax credits for poor "
        "households.",
        "Members of the 45 percent pay no tax, the senator's remarks on credits for poor "
        "households implied.",
    )
    found = role_number_conflicts(a, b)
    assert [(x.value.value, y.value.value) for x, y in found] == [(30, 45)]


def test_money_is_not_compared_with_a_count():
    a, b = sentences(
        "The warehouse store sells a one-year emergency food kit with 6,200 servings of food.",
        "The warehouse store sells its one-year emergency food kit for $ 999 with shipping.",
    )
    assert role_number_conflicts(a, b) == []


def test_a_possessive_shares_its_noun_as_a_role():
    from accord.compare.roles import role_words

    (s,) = sentences("Police said he jumped into a woman's car on Monday night in the city centre.")
    at = s.text.index("Monday")
    assert "woman" in role_words(s, s.start + at, s.start + at + len("Monday"))
