"""Rules of the cross-check that keep real coverage's look-alikes apart (issue 9, round 2).

Each rule is tested on invented sentences: one case it must leave alone, one it must
still report.
"""

from __future__ import annotations

from accord.compare.discrepancies import speaker_discrepancies
from accord.compare.quotes import merge_quotes
from accord.model import Cluster
from tests.analysed import documents


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
