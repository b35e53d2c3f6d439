"""A quotation standing alone, signed by the next paragraph: '“…” ¶ - Name.'

Fact checks and convention notebooks print a claim, then who made it on a line of its own.
Invented text shaped like PolNeAR train.
"""

from __future__ import annotations

from tests.analysed import speakers


def test_signed_quotation() -> None:
    text = (
        "Here are the claims we checked.\n\n"
        '"Almost every new ferry ticket sold this year went to the island routes."\n\n'
        "- Marta Lund.\n\n"
        "The figure is out of date. The council changed its count in the summer."
    )
    assert speakers(text) == ["Marta Lund"]


def test_signature_with_a_place_after_it() -> None:
    text = (
        "Voices from the floor.\n\n"
        '"The whole idea of a harbour tax is something we hear about, and it needs to '
        'stop."\n\n'
        "-Olle Berg, Malmo.\n\n"
        "The hall emptied after the vote."
    )
    assert speakers(text) == ["Olle Berg"]


def test_a_dash_line_that_is_no_name_signs_nothing() -> None:
    text = (
        "Voices from the floor.\n\n"
        '"The whole idea of a harbour tax is something we hear about, and it needs to '
        'stop."\n\n'
        "- and then the vote.\n\n"
        "The hall emptied after the vote."
    )
    assert speakers(text) == [None]


def test_name_after_a_dash_before_a_colon_outranks_the_clause() -> None:
    text = (
        "Pollsters agree - Marta Lund: “One of the biggest lessons was a simple one: keep "
        "contacting the voters as late as you can.”"
    )
    assert speakers(text) == ["Marta Lund"]


def test_stage_directions_do_not_end_a_run_of_quotations() -> None:
    text = (
        "“We are calling from the harbour campaign tonight. How are you?” Eva Lund said "
        "into the phone.\n\nShe pauses.\n\n“Well, thank you so much for your time this "
        "evening.”"
    )
    assert speakers(text) == ["Eva Lund", "Eva Lund"]


def test_a_transcript_heading_ends_the_run() -> None:
    text = (
        "“We are calling from the harbour campaign tonight, as we promised,” Eva Lund said."
        "\n\nTranscript as follows:\n\n“HOST: Did you promise the islanders a new ferry "
        "this year?”"
    )
    assert speakers(text)[1] != "Eva Lund"
