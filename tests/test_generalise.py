"""Rules of the cross-check that keep real coverage's look-alikes apart (issue 9, round 2).

Each rule is tested on invented sentences: one case it must leave alone, one it must
still report.
"""

from __future__ import annotations

from accord.compare.discrepancies import speaker_discrepancies
from accord.compare.places import place_role, roles_compatible
from accord.compare.quotes import merge_quotes
from accord.model import Cluster
from tests.analysed import brief, documents, sentence


def _speaker_items(*texts: str):
    cluster = Cluster(documents=documents(*texts))
    cluster.quotes = merge_quotes(cluster)
    return speaker_discrepancies(cluster.quotes, cluster)


def test_two_named_people_for_one_quotation_are_reported():
    (found,) = _speaker_items(
        '"We will rebuild the school by autumn," said Maria Lopez.',
        '"We will rebuild the school by autumn," said Peter Novak.',
    )
    assert {v.text for v in found.variants} == {"Maria Lopez", "Peter Novak"}


def test_speaker_reached_through_a_pronoun_is_not_compared():
    assert not _speaker_items(
        'Maria Lopez toured the site. "We will rebuild the school by autumn," said Peter Novak.',
        'Maria Lopez met Peter Novak there. "We will rebuild the school by autumn," he said.',
    )


def test_group_or_role_is_not_a_named_speaker():
    assert not _speaker_items(
        'He was charged with "driving a vehicle in a reckless manner," police said.',
        'He was charged with "driving a vehicle in a reckless manner," said Peter Novak.',
    )


def test_two_speakers_of_one_surname_are_not_compared():
    assert not _speaker_items(
        '"It was the happiest year of my life," Anna Brook said on Monday.',
        'Actor Paul Brook died in May. "It was the happiest year of my life," Brook said.',
    )


def _places(*texts: str) -> list[set[str]]:
    return [{str(v.value) for v in d.variants} for d in brief(*texts) if d.kind == "place"]


def test_place_role_reads_the_frame():
    s = sentence(
        "Police in Sonora, Mexico, found the van and sent the driver to Texas on a Tuesday."
    )
    assert place_role(s, "Mexico") == "location"
    assert place_role(s, "Texas") == "direction"
    assert place_role(sentence("A Vermont farmer found the calf on Monday."), "Vermont") == (
        "modifier"
    )
    assert place_role(sentence("The president of Chile met the visitors."), "Chile") == ""
    assert place_role(sentence("Peru has closed the pass to trucks."), "Peru") == ""


def test_places_in_different_roles_are_not_one_fact():
    # Where the man was found and where he was sent are both true.
    assert not _places(
        "The fugitive was arrested in Sonora, Mexico, and deported by the police last week.",
        "The fugitive was arrested and deported to Texas by the police last week.",
    )


def test_places_in_one_role_still_conflict():
    assert _places(
        "A bus carrying 30 pilgrims overturned in Ohio on Sunday, police said.",
        "A bus carrying 30 pilgrims overturned in Nevada on Sunday, police said.",
    ) == [{"ohio", "nevada"}]


def test_place_role_of_a_described_site():
    s = sentence("The whale washed up on a Vermont beach near the old pier.")
    assert place_role(s, "a Vermont") == "modifier"


def test_a_place_that_describes_and_a_place_where_are_one_fact():
    assert roles_compatible(
        sentence("Nobody has claimed the Denver shooting that killed two guards."),
        "Denver",
        sentence("Nobody has claimed the shooting in Houston that killed two guards."),
        "Houston",
    )
    assert roles_compatible(
        sentence("The clerk, a Vermont notary, refused to sign."),
        "Vermont",
        sentence("The clerk from Ohio refused to sign."),
        "Ohio",
    )
    assert not roles_compatible(
        sentence("The fugitive was arrested in Sonora, Mexico, last week."),
        "Mexico",
        sentence("The fugitive was deported to Texas last week."),
        "Texas",
    )


def test_a_described_site_and_the_place_that_holds_it_do_not_conflict():
    assert not roles_compatible(
        sentence("Divers found a steamer off a Maine beach near the lighthouse."),
        "a Maine",
        sentence("Divers found a steamer off Wells Beach on Friday."),
        "Wells Beach",
    )
    assert not roles_compatible(
        sentence("Diggers found a chapel in the Karnak temple."),
        "the Karnak",
        sentence("Diggers found a chapel at a temple site in Luxor."),
        "Luxor",
    )


def test_a_listed_place_is_where_it_happens():
    s = sentence("The fever continues to batter Guinea, Mali and Liberia this year.")
    assert place_role(s, "Liberia") == "location"
    assert place_role(sentence("Chile and Peru vetoed the text."), "Peru") == ""
