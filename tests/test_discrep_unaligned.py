"""Recall rules for claims stated apart (issue 9, round 6): one count in sentences that
share few words, one duration in two units, a thing's age against a time ago.

Each rule is tested on invented sentences: what it must report, and what it must leave
alone.
"""

from __future__ import annotations

from accord.align import align
from accord.compare.unaligned import (
    age_against_ago,
    counts_of_one_thing,
    differ_at_precision,
    durations_differ,
    durations_in_two_units,
)
from accord.model import Cluster
from tests.analysed import brief, documents


def _cluster(*texts: str) -> Cluster:
    return align(Cluster(documents=documents(*texts)))


def _found(detector, *texts: str) -> list[tuple[str, str]]:
    return [(a.text, b.text) for a, b in detector(_cluster(*texts))]


def test_one_count_worded_apart_is_compared():
    texts = (
        "Health officials in Kelmouth have confirmed 227 cases of measles since January.",
        "The state has reported 223 cases of measles, most of them in unvaccinated children.",
    )
    assert _found(counts_of_one_thing, *texts) == [("227 cases", "223 cases")]
    assert any(d.kind == "quantity" for d in brief(*texts))


def test_a_source_with_two_figures_of_the_noun_is_not_compared():
    # a count that grew, told with both figures: which one is the claim's?
    assert not _found(
        counts_of_one_thing,
        "Health officials have confirmed 227 cases of measles, up from 150 cases last week.",
        "The state has reported 223 cases of measles, most of them in unvaccinated children.",
    )


def test_counts_of_two_events_are_not_compared():
    # one noun, two events: arrested and questioned are two counts of one story
    assert not _found(
        counts_of_one_thing,
        "Police in Belvar arrested four suspects over the robbery of the museum.",
        "Detectives have questioned almost 20 suspects and searched several homes.",
    )


def test_counts_far_apart_or_of_a_part_are_not_compared():
    assert not _found(
        counts_of_one_thing,
        "The Belvar clinic has confirmed 12 cases of the flu this winter.",
        "Across the country 4,000 cases of the flu were confirmed, officials said.",
    )
    assert not _found(
        counts_of_one_thing,
        "Officials confirmed 30 cases of the flu, including three cases in Belvar.",
        "The ministry confirmed five cases of the flu in the region on Friday.",
    )


def test_poll_margins_are_not_one_count():
    assert not _found(
        counts_of_one_thing,
        "Smith leads Jones by six points among likely voters in the latest Norland poll.",
        "A rival survey finding her leading Jones by nine points was welcomed by aides.",
    )


def test_one_duration_in_two_units():
    assert durations_differ(*_two_durations("555 days", "17 months"))
    assert not durations_differ(*_two_durations("540 days", "18 months"))
    assert not durations_differ(*_two_durations("24 weeks", "nearly six months"))
    assert _found(
        durations_in_two_units,
        "The Norland probe spent 555 days in orbit before its batteries failed, engineers said.",
        "Engineers said the probe had spent 17 months in orbit when contact was lost on Friday.",
    ) == [("555 days", "17 months")]


def _two_durations(a: str, b: str):
    (qa,) = documents(f"The probe spent {a} in orbit.")[0].sentences[0].quantities
    (qb,) = documents(f"The probe spent {b} in orbit.")[0].sentences[0].quantities
    return qa, qb


def test_durations_of_two_events_are_not_compared():
    # time served against a sentence: one role word ("jail"), two events
    assert not _found(
        durations_in_two_units,
        "He spent 30 days in jail before the trial, his lawyer said.",
        "The judge sentenced him to six months in jail on Friday.",
    )
    # how far into a pregnancy against how long before the due date
    assert not _found(
        durations_in_two_units,
        "The mother went into labour only 24 weeks into her pregnancy.",
        "She went into labour on March 2, nearly four months before her due date.",
    )


def test_a_things_age_against_how_long_ago_it_was_made():
    assert differ_at_precision(2400, 2300)
    assert not differ_at_precision(2400, 2000)
    assert _found(
        age_against_ago,
        "Archaeologists have discovered a 3,100-year-old granite altar beneath the old market.",
        "The altar was discovered near a temple built by a king about 3,300 years ago.",
    ) == [("3,100", "about 3,300 years")]


def test_ages_and_times_ago_of_other_things_are_not_compared():
    # "about 3,000" is "3,100" rounded to thousands
    assert not _found(
        age_against_ago,
        "Archaeologists have discovered a 3,100-year-old granite altar beneath the market.",
        "The altar was discovered near a temple built by a king about 3,000 years ago.",
    )
    # far apart: the altar's age and when the town was first settled
    assert not _found(
        age_against_ago,
        "Archaeologists have discovered a 3,100-year-old granite altar beneath the market.",
        "People first settled the valley where the altar was discovered 9,000 years ago.",
    )
    # a bound that holds the other figure: "more than 3,000 years ago" fits 4,000
    assert not _found(
        age_against_ago,
        "Archaeologists have discovered a 4,000-year-old granite altar beneath the market.",
        "The altar shows that granite was carved in the valley more than 3,000 years ago.",
    )
    # a person's age is no thing's age
    assert not _found(
        age_against_ago,
        "The 45-year-old farmer discovered the altar while ploughing his field.",
        "The farmer discovered an altar that was carved about 60 years ago.",
    )


def test_a_bare_figure_after_the_number_of_counts_that_noun():
    assert _found(
        counts_of_one_thing,
        "The number of measles cases in Kelmouth has risen to 227, health officials said.",
        "The state has reported 223 cases of measles, most of them in unvaccinated children.",
    ) == [("227", "223 cases")]


def test_one_height_worded_apart():
    from accord.compare.unaligned import measures_of_one_thing

    assert _found(
        measures_of_one_thing,
        "Crews said the bronze statue stands 40 feet tall above the harbour.",
        "The 100-foot-tall bronze statue was unveiled above the harbour on Friday.",
    ) == [("40", "100")]
    # a source giving two heights (the statue and a crane beside it) is not compared
    assert not _found(
        measures_of_one_thing,
        "The bronze statue stands 40 feet tall above the harbour, beside a 90-foot-tall crane.",
        "The 100-foot-tall bronze statue was unveiled above the harbour on Friday.",
    )
    # two waves: nothing measured is named next to both heights
    assert not _found(
        measures_of_one_thing,
        "The wave the surfer rode in 2011 was 78 feet high, a world record.",
        "On Monday another surfer may have ridden a 100-foot-high wave off the point.",
    )


def test_new_ones_named_groups_and_a_noun_of_the_verbs_stem_are_not_one_count():
    # an increment against the total
    assert not _found(
        counts_of_one_thing,
        "Officials said 10 new measles infections were confirmed at the Kelmouth school.",
        "Officials said all 20 measles infections were confirmed near the Kelmouth school.",
    )
    # a named group against a wider one
    assert not _found(
        counts_of_one_thing,
        "About 1,000 federal agents were flown to Belvar for the raids on Tuesday.",
        "Close to 750 FBI agents were flown to Belvar to help with the raids.",
    )
    # "power" the noun is no event of "to power 650,000 homes"
    assert not _found(
        counts_of_one_thing,
        "The two reactors were meant to generate enough power to light up 1.3 million homes.",
        "The reactor will produce enough electricity to power 650,000 homes in the valley.",
    )
