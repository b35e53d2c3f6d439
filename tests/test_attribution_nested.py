"""Speakers of quotations inside or after what someone else is reported to have said.

Invented sentences shaped like the errors read on PolNeAR train: a participle or a second
verb the parse hangs on the reported clause ("Paul said the plan would …, and called him
“…”") belongs to the one who reports it, not to the clause's subject; "…," saying X is
no inverted "said X".
"""

from __future__ import annotations

import pytest

from tests.analysed import speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A second verb hung on the reported clause: a plan calls no one.
        (
            "Sen. Ola Berg said Lund's transit plan would cost more than the bridge, and "
            "called him “the loudest friend of every idle contractor in the county.”",
            "Ola Berg",
        ),
        # A participle hung on the clause after "denied the notion that …".
        (
            "Reached by phone, Nils Dahl denied the notion that a shakeup is coming, "
            "explaining that he was “taking a long weekend away with the family.”",
            "Nils Dahl",
        ),
        # A speech participle hung on a reported clause goes on with its reporter.
        (
            "Nils Dahl told the radio that Tor Lie had a foolish plan for the harbour, "
            "adding, “He lost every fisherman in the county with that one.”",
            "Nils Dahl",
        ),
        # A participle hung on the reported clause, its subject a thing.
        (
            "Greta Holm said the delay proves her point, explaining, “because nobody in the "
            "county office ever reads the letters we send.”",
            "Greta Holm",
        ),
    ],
)
def test_reported_clause_passes_its_reporter(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_participle_after_quote_is_no_inversion() -> None:
    text = (
        "Mayor Edda Lind gave a long defense of “harbour town values,” saying the old port "
        "embodied the “courage and the heart of the whole coast.”"
    )
    assert "the old port" not in speakers(text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A quotation alone after a paragraph whose last cue is part of what another said.
        (
            "Eva Strand said that for years some critics had been predicting the end of the "
            "ferry service, but this would not happen.\n\n“That is because this island, home "
            "to half the county, remains the most important route that we run.”",
            "Eva Strand",
        ),
        # A quotation-only verb in a clause of what the speaker said introduces nothing.
        (
            "Sen. Tor Vik said that once the council goes on its summer recess, “I intend to "
            "visit every village that asked me to come.”",
            "Tor Vik",
        ),
    ],
)
def test_cue_inside_reported_speech_is_the_reporters(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]
