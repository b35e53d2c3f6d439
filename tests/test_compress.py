"""Light compression: only whole spans go, the source's words stay in order."""

from __future__ import annotations

import pytest

from accord.summarise.compress import compress, is_faithful


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "But on Wednesday the council voted to close the old ferry pier for repairs.",
            "On Wednesday the council voted to close the old ferry pier for repairs.",
        ),
        (
            "However, the ferry company has not said when the new boats will arrive.",
            "The ferry company has not said when the new boats will arrive.",
        ),
        (
            "The old pier ( the third on the site ) will stay closed until the spring.",
            "The old pier will stay closed until the spring.",
        ),
        (
            "Advertisement in its report the council blamed years of storms for the damage.",
            "In its report the council blamed years of storms for the damage.",
        ),
        (
            "Harbourtown ( AP ) — a storm damaged the old ferry pier overnight, officials said.",
            "A storm damaged the old ferry pier overnight, officials said.",
        ),
    ],
)
def test_compress_removes_spans_that_carry_no_event(text: str, expected: str) -> None:
    assert compress(text) == expected
    assert is_faithful(text, compress(text))


@pytest.mark.parametrize(
    "text",
    [
        # a claim keeps who made it
        "The pier was built in 1902, the council's engineer said on Tuesday.",
        "Repairs will cost about four million euros, according to the city budget office.",
        # "So far" is not a connective
        "So far the council has spent two million euros on the pier.",
        # nothing to remove
        "The council voted to close the old ferry pier for repairs.",
        # what would remain is too short to stand as a sentence
        "But the pier closed today.",
    ],
)
def test_compress_leaves_sentences_it_cannot_shorten_safely(text: str) -> None:
    assert compress(text) == text


def test_is_faithful_requires_the_source_words_in_order() -> None:
    original = "The council, after a long debate, voted to close the pier."
    assert is_faithful(original, "The council voted to close the pier.")
    assert not is_faithful(original, "The pier voted to close the council.")
    assert not is_faithful(original, "The council voted to open the pier.")
