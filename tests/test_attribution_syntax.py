"""Who said a quotation when the parse alone does not tie it to its speech verb.

Each rule of :mod:`accord.analyse.quotes` and :mod:`accord.analyse.attribution` on one
invented sentence shaped like the failures read on PolNeAR train: the quotation after a
short one, the one named claimant of the sentence (or of the sentence before), inverted
"…, said X", one person before a colon, and the cases where no speaker is right.
"""

from __future__ import annotations

import pytest

from accord.analyse import analyse
from accord.model import Document
from tests.analysed import speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A short quotation is no quote of its own, but its speaker goes on speaking.
        (
            '"Roads matter," Kelda Moss said. "Look at the potholes on every street in the '
            'old town."',
            "Kelda Moss",
        ),
        # An opening mark typed where the closing one belongs.
        (
            "“It is unusual,“ said Lars Ekberg, a lawyer. “It is a hard thing to pull off "
            "without crossing a line.”",
            "Lars Ekberg",
        ),
        # The one named claimant of the sentence, the parse having tied the quote elsewhere.
        (
            "Henrik Moss said he had received offers for the land, but “the offers were from "
            "people I did not trust.”",
            "Henrik Moss",
        ),
        # Inverted "…, said X" after a long clause.
        (
            "The promise to “close the harbour for good” frightens the fishermen of the "
            "coast, said Ingrid Holm, a historian at the port museum.",
            "Ingrid Holm",
        ),
        # A parenthesis after the name.
        (
            '"We will rebuild every school before the winter," Rep. Jim Hollis (D-Ore.) said.',
            "Jim Hollis",
        ),
        # A quotation that opens a sentence after a sentence reporting one claimant.
        (
            "Rita Halvorsen added that the council wants the vote over before the summer. "
            '"They do not like to talk about it, but they will move for political reasons."',
            "Rita Halvorsen",
        ),
        # One person named before a colon.
        (
            "The surge does not surprise pollster Dana Weir: “Lesser-known candidates often "
            "gain the most after the early contests.”",
            "Dana Weir",
        ),
        # "Trump said." after a quotation closed with a full stop.
        ('"Ask the voters what they think of the new tax." Oskar Lindgren said.', "Oskar Lindgren"),
        # Two spaces between the closing mark and the name.
        ('"Like the old port. Or the mill on the river,"  Oskar Lindgren said.', "Oskar Lindgren"),
        # "pointed out".
        (
            "As analyst Maja Berglund pointed out in May, “no campaign has to worry about the "
            "delegates yet.”",
            "Maja Berglund",
        ),
    ],
)
def test_the_speaker_where_the_parse_does_not_say(text, speaker):
    # endswith: a role the recogniser folds into an organisation's name stays in front
    # ("analyst Maja Berglund"); the name is what is tested here.
    assert (speakers(text)[-1] or "").endswith(speaker)


def test_a_named_subject_before_the_verb_is_the_speaker_not_the_name_after_it():
    found = speakers(
        'Steve Arnott, a former engineer, said Mara Quist "was deeply involved in every '
        'design decision."'
    )
    assert found == ["Steve Arnott"]


def test_a_verb_with_an_infinitive_is_no_cue_of_its_own():
    # "will continue to be" is no speech: the quote is Nora Falk's, not Tom Brand's.
    found = speakers(
        'Nora Falk said she is sure Tom Brand will continue to be "a champion for the '
        'farmers of the valley."'
    )
    assert found == ["Nora Falk"]


def test_the_audience_of_a_speech_verb_is_not_its_speaker():
    assert speakers('"We have no plans to sell the old mill," Carl Dunmore told Radio North.') == [
        "Carl Dunmore"
    ]
    # '"…," thanked X': X is thanked, and no one else is named.
    assert speakers('"Thanks for keeping the shelter open all night," thanked Mira Olsen.') != [
        "Mira Olsen"
    ]


def test_two_people_before_a_colon_give_no_speaker():
    found = speakers(
        "Mark Lundqvist attacked Dana Weir: “Lesser-known candidates often gain the most "
        "after the early contests.”"
    )
    assert found != ["Dana Weir"]


def test_the_words_of_the_next_paragraph_never_attribute_a_quotation():
    found = speakers(
        '"Why should anyone be surprised by any of this?"\n\n'
        "The ministry of roads said it would answer the letter next week."
    )
    assert found == [None]


def _indirect(text: str):
    (doc,) = analyse([Document(id="a", raw=text, text=text)])
    return [a for a in doc.attributions if a.kind == "indirect"]


def test_the_claimant_mention_spans_its_role_and_the_name_stays_clean():
    text = "City council spokesman Tomas Varga said the bridge would reopen in May."
    (found,) = _indirect(text)
    assert found.source == "Tomas Varga"
    assert text[found.source_start : found.source_end] == "City council spokesman Tomas Varga"


def test_a_relative_who_is_the_mention_and_its_antecedent_the_claimant():
    text = "Fishermen, who said the new quota would ruin them, blocked the port."
    (found,) = [a for a in _indirect(text) if a.cue == "said"]
    assert found.source == "Fishermen"
    assert text[found.source_start : found.source_end] == "who"


def test_content_stays_in_its_paragraph_without_edge_punctuation():
    text = "The mayor said the bridge would reopen in May, before the harvest.\n\nIt did not."
    (found,) = [a for a in _indirect(text) if a.cue == "said"]
    assert "\n" not in found.content
    assert found.content[-1] not in ",;:"


def test_she_skips_a_man_the_article_calls_he():
    # Without the article's own pronouns, "she" would be the last subject, Karl Bergman.
    found = speakers(
        "Maria Lindqvist praised the plan, and her staff agreed. Karl Bergman opposed it, "
        "and his aides left the hall. Maria Lindqvist called her allies on Sunday. Karl "
        "Bergman phoned his lawyer.\n\nKarl Bergman rejected the offer on Monday.\n\n"
        '"We will not give up on the valley or on the people who live in it," she said.'
    )
    assert found == ["Maria Lindqvist"]
