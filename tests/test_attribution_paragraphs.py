"""The parse of one paragraph never hangs on another's; names given in an apposition.

Invented sentences shaped like the PolNeAR train quotations left without a speaker.
"""

from __future__ import annotations

from accord.analyse.nlp import pipeline
from tests.analysed import speakers


def test_a_paragraph_after_an_abbreviation_is_a_sentence_of_its_own() -> None:
    text = (
        "The Daily Ledger reports the mayor's last town meeting was held on Feb. 3.\n\n"
        "Ledger columnist Irma Vos, in an attempt to draw attention to the mayor's silence, "
        "wrote, "
        "“The mayor answered a grand total of four questions that night.”"
    )
    assert speakers(text) == ["Irma Vos"]
    parsed = pipeline()(text)
    second = text.index("Ledger columnist")
    assert any(s.start_char == second for s in parsed.sents)


def test_a_name_the_parse_hangs_on_the_thing_named() -> None:
    text = (
        "In a short statement, Ada Holm called the shooting that killed five officers "
        '"an attack on our whole country," but she also noted the deaths.'
    )
    assert speakers(text) == ["Ada Holm"]


def test_a_transcript_speaker_with_party_and_state_in_brackets() -> None:
    text = 'Sen. Ada Holm (D-Ore.): "I have not heard anyone other than you ever cite that figure."'
    assert speakers(text) == ["Ada Holm"]
    other = 'The report (page 4): "I have not heard anyone other than you ever cite that figure."'
    assert speakers(other) == [None]


def test_a_verb_the_parse_hangs_loosely_on_another_keeps_its_subject() -> None:
    text = (
        "Ada Holm waved as if to stop the noise, then leaned in and boomed: "
        "“Let’s beat them all in November.”"
    )
    assert speakers(text) == ["Ada Holm"]


def test_a_quotation_in_a_participle_clause_is_its_subject_s() -> None:
    text = (
        "Ada Holm celebrated in Ohio with her staff, declaring it “another super Tuesday "
        "for our campaign” before leaving."
    )
    assert speakers(text) == ["Ada Holm"]


def test_an_infinitive_of_purpose_speaks_for_its_verb_s_subject() -> None:
    text = (
        "The chairman, Rolf Dahl, stood up at the end to announce, "
        "“We will not sign this budget today.”"
    )
    assert speakers(text) == ["Rolf Dahl"]


def test_said_in_a_statement_that_hangs_the_quotation_on_the_statement() -> None:
    text = (
        "Council leader Rolf Dahl said in a statement that Holm’s “reckless plan has "
        "crossed every line we drew last year.”"
    )
    assert speakers(text) == ["Rolf Dahl"]
