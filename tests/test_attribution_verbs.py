"""Speech verbs and phrases beyond "said": "as X put it", "boomed", "barked", "mocked … for".

Invented sentences shaped like the PolNeAR train quotations left without a speaker.
"""

from __future__ import annotations

import pytest

from accord.analyse import analyse
from accord.model import Document
from tests.analysed import speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "As the columnist Signe Dahl puts it, the mayor is trying to make the council "
            '"an offer it cannot afford to turn down."',
            "Signe Dahl",
        ),
        (
            "The senator leaned in and Knut Aas boomed: “Let us win this district in November.”",
            "Knut Aas",
        ),
        ("“Go back to your own paper,” Knut Aas barked at the reporter.", "Knut Aas"),
        (
            "Mayor Lena Berg mocked Tor Lie for “having a very tough night at the polls” after "
            "the count.",
            "Lena Berg",
        ),
    ],
)
def test_speech_verbs(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_put_is_speech_only_as_put_it() -> None:
    text = 'Lena Berg put the box on the table and "it was heavier than all of us expected."'
    (doc,) = analyse([Document(id="a", raw=text, text=text)])
    assert not any(a.cue == "put" for a in doc.attributions)


def test_prepositional_phrase_between_speaker_and_verb() -> None:
    text = '"Will she be the next harbour master?" a union official in the hall wondered.'
    assert speakers(text) == ["a union official"]


def test_quotations_alone_after_someone_spoke() -> None:
    text = (
        "Lena Berg spoke only in short phrases during the interview.\n\n"
        "“We have to do something about the ferries and it is the only way.”\n\n"
        "“We have to be a lot tougher with the shipping companies this year.”"
    )
    assert speakers(text) == ["Lena Berg", "Lena Berg"]


def test_speaking_as_a_time_names_no_speaker() -> None:
    text = (
        "As Lena Berg spoke, the union was going into overdrive, whipping members against "
        "“any and all changes to the ferry timetable.”"
    )
    assert speakers(text) != ["Lena Berg"]


def test_surname_the_tagger_takes_for_another_word() -> None:
    from accord.analyse.attribution import PersonTracker
    from accord.analyse.nlp import pipeline
    from accord.model import Entity

    text = '"Our challenge was how to tackle those problems," From said.'
    doc = pipeline()(text)
    tracker = PersonTracker([Entity("Al From", "person", "al from", 0, 7)], text)
    surname = next(t for t in doc if t.text == "From")
    claimant = tracker.claimant(surname, doc)
    assert claimant is not None and claimant.name == "Al From"
    assert tracker.known_surname(next(t for t in doc if t.text == "Our")) is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Ola Berg's response was: “Is the ferry off on Sunday or on Monday this week?”",
            "Ola Berg",
        ),
        (
            "From Greta Holm's post: \"For the sake of the island, we must move past the "
            'quarrel over the harbour."',
            "Greta Holm",
        ),
    ],
)
def test_someones_own_words_before_a_colon(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_words_about_someone_are_not_theirs() -> None:
    text = (
        "Lena Berg was asked by the host, who dismissed the story about Tor Lie's letters, "
        "“Now, you said in the first debate that you were tired of hearing about them.”"
    )
    assert "Tor Lie" not in speakers(text)


def test_apposition_holding_a_quotation() -> None:
    text = (
        "“We have had far better conventions than this one,” county delegate Nils Dahl, "
        "wearing a wide hat and “Vote Holm” pins, said as the confetti fell."
    )
    assert speakers(text) == ["Nils Dahl"]


def test_clause_before_colon_inside_a_headline_quotation_is_no_speaker() -> None:
    text = (
        'ON STAGE—"Tor Lie is leaving the harbour revue next month," by the Herald\'s Eva '
        'Lund: "Tor Lie, the star of the harbour revue, is leaving the show next month."'
    )
    assert "Tor Lie" not in speakers(text)
