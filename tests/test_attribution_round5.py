"""Attribution round 5: constructions read on PolNeAR train, on invented sentences.

A passive speech verb is said by its agent ("was asked by X"), and the one asked goes on
as the "he" who answers; a straight quotation holding a curly one closes after it, so a
statement quoted over several paragraphs stays one speaker's; quote marks glued to the
words beside them ('said,“Look') are tokens of their own before the parse.
"""

from __future__ import annotations

import pytest

from accord.analyse.glued_quotes import pieces
from accord.analyse.quotes import quote_spans
from tests.analysed import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The agent of a passive speech verb asked the question.
        (
            "Mayor Tove Lind was asked by radio host Erik Sand whether the new harbour fees "
            "would risk “driving every fishing boat away from the old town for good.”",
            ["Erik Sand"],
        ),
        # The one asked is who answers next, though the asker spoke last.
        (
            "Tove Lind was asked by host Erik Sand whether the fees would risk “driving every "
            "fishing boat away from the town.”\n\n“We will keep the fees as low as the budget "
            "allows this winter,” he said.",
            ["Erik Sand", "Tove Lind"],
        ),
        # Interrupted by a protester: no words of the protester's.
        (
            "Lind's speech was interrupted by a man wearing a shirt that read “Save the old "
            "harbour from the council.”",
            [None],
        ),
    ],
)
def test_passive_agent(text, expected):
    assert speakers(text) == expected


def test_straight_quotation_holding_a_curly_one():
    paragraph = '"The council is not about “fair fees” any more. It is about the budget.'
    (span,) = quote_spans(paragraph)
    assert (span.start, span.end, span.closed) == (0, len(paragraph), False)
    # A doubled opening mark is no outer quotation.
    doubled = '"“You do not win by counting towns,” Lind said before leaving."'
    first = quote_spans(doubled)[0]
    assert doubled[first.start : first.end] == '"“You do not win by counting towns,”'


def test_statement_over_paragraphs_with_inner_quotes():
    text = (
        "Mayor Maren Dahl stated:\n\n"
        '"The council is not about “fair fees for all” any more. It is about the budget '
        "and nothing else.\n\n"
        '"The latest example is the plan to close the “old harbour,” which feeds half the '
        "town.\n\n"
        '"The answer is not more fees but more boats. The council has gone far enough."'
    )
    assert speakers(text) == ["Maren Dahl"] * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nora Lind said,“Look, the harbour has no place for such boats. They must go.”",
            ["Nora Lind"],
        ),
        (
            "“I think it has been the hardest winter for the fishermen of the coast,”Lind said.",
            ["Lind"],
        ),
        (
            'Sen. Ada Holm (D-Ore.):"We have not heard anyone cite that figure before today."',
            ["Ada Holm"],
        ),
    ],
)
def test_glued_quote_marks(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("said,“Look", ["said", ",", "“", "Look"]),
        ('Ore.):"We', ["Ore", ".", ")", ":", '"', "We"]),
        ("5’2”", ["5’2”"]),  # an inch mark closes no quotation
        ('"Hello', ['"Hello']),  # the tokenizer's own prefix, left as it is
    ],
)
def test_glued_pieces(word, parts):
    assert pieces(word) == parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The parse lost the verb behind a dash; the words before "that" still say who.
        (
            "Closing the campaign with a long address -- Nora Lind told supporters Tuesday "
            'night that "we end one season of work and we start another," and she vowed to '
            "win.",
            ["Nora Lind"],
        ),
        (
            'Ada Holm told reporters that "the harbour will stay open for every boat that '
            'needs it."',
            ["Ada Holm"],
        ),
    ],
)
def test_speech_verb_then_that(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The one joined on stage goes on speaking, not the one who joined her.
        (
            "As the hall began to cheer, Nora Lind was joined on stage by Mayor Erik Sand "
            "and joked, “Harbour people, you are being far too kind tonight,” to loud "
            "applause.",
            ["Nora Lind"],
        ),
        # A passive inside what someone said is still that speaker's.
        (
            "Dahl said the choice was made by Sand and said, “Who else would you trust "
            "with the harbour and its boats?”",
            ["Dahl"],
        ),
    ],
)
def test_passive_conjunct_speaker(text, expected):
    assert speakers(text) == expected


def test_stating_goes_on_with_the_reporter():
    text = (
        'Holm said last week that Sand stands for "old harbour habits," stating during the '
        'debate that those are "slow, costly and closed to every new boat in the bay."'
    )
    assert speakers(text) == ["Holm"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # More speech verbs.
        ('"We will keep every school open this winter," exhorted Mayor Tove Lind.', ["Tove Lind"]),
        ('"I never read the harbour report at all," Tove Lind confessed.', ["Tove Lind"]),
        # An owner is not the one who speaks: "Lind's introducer, actress Maren Dahl".
        (
            '"It is about time the town had a new harbour," said Lind\'s introducer, actress '
            "Maren Dahl.",
            ["Maren Dahl"],
        ),
    ],
)
def test_verbs_and_owners(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name modifying the subject noun of the speech verb after the quotation.
        (
            '"I have been warning all year that the harbour is run by people who do not '
            'care," the Bergen councillor and Labour mayoral candidate said in a statement.',
            ["the Bergen councillor and Labour mayoral candidate"],
        ),
    ],
)
def test_role_subject_after_quotation(text, expected):
    assert speakers(text) == expected


def test_subject_with_a_clause_is_no_speaker_after_a_dash():
    text = (
        'Although Mayor Tove Lind lamented the plan - "does the council have to keep '
        'giving them so much to mock?" - fishermen in the port who watched the debate said '
        "they were unmoved."
    )
    assert speakers(text) != ["fishermen"]
