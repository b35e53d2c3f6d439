"""Quotes: the speaker in the usual news patterns, and merging across sources."""

from __future__ import annotations

import pytest

from accord.analyse import analyse
from accord.compare.discrepancies import speaker_discrepancies
from accord.compare.quotes import merge_quotes, same_quotation
from accord.model import Cluster, Document


def quotes_of(text: str, doc_id: str = "a"):
    (doc,) = analyse([Document(id=doc_id, raw=text, text=text)])
    return doc.quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The bridge stays shut until the spring," said Anna Berg.', "Anna Berg"),
        ('"The bridge stays shut until the spring," Anna Berg said.', "Anna Berg"),
        ('Anna Berg said: "The bridge stays shut until the spring."', "Anna Berg"),
        (
            '"The bridge stays shut until the spring," Anna Berg, director of roads at the '
            "city council, said.",
            "Anna Berg",
        ),
        (
            'The bridge will stay shut "until the engineers sign it off," according to Anna Berg.',
            "Anna Berg",
        ),
        ('"the bridge stays shut until the spring, " berg said.', "berg"),
    ],
)
def test_speaker_patterns(text, speaker):
    (quote,) = quotes_of(text)
    assert quote.speaker == speaker


def test_split_quote_and_pronoun_go_to_the_named_speaker():
    found = quotes_of(
        'Tomas Reyes runs the shelter. "We have no beds left tonight," he said. '
        '"Families are sleeping in the corridor."'
    )
    assert [q.speaker for q in found] == ["Tomas Reyes", "Tomas Reyes"]


def test_quote_over_two_paragraphs_keeps_its_speaker():
    found = quotes_of(
        'Nora Lind said: "The river rose faster than anyone expected.\n\n'
        '"By midnight the lower town was under water."'
    )
    assert [q.speaker for q in found] == ["Nora Lind", "Nora Lind"]


def test_surname_resolves_to_the_full_name():
    found = quotes_of(
        "Philippa Stone, the fire chief, arrived first. "
        '"The roof had already gone when we got here," Stone said.'
    )
    assert found[0].speaker == "Philippa Stone"


def test_same_quotation_is_word_order_not_word_bag():
    assert same_quotation(
        "Such attacks may amount to war crimes",
        "Some things. Such attacks may amount to war crimes.",
    )
    assert not same_quotation(
        "banned cluster munitions and unguided bombs",
        "unlawfully used unguided bombs in populated areas and cluster munitions",
    )


def test_merged_quote_and_speaker_discrepancy():
    a = analyse(
        [Document(id="a", raw="", text='"We will rebuild the school by autumn," said Maria Lopez.')]
    )[0]
    b = analyse(
        [Document(id="b", raw="", text='"We will rebuild the school by autumn," said Peter Novak.')]
    )[0]
    c = analyse(
        [Document(id="c", raw="", text='"We will rebuild the school by autumn," Lopez said.')]
    )[0]
    groups, speakers = merge_quotes(Cluster(documents=[a, b, c]))
    assert len(groups) == 1 and groups[0].sources == ["a", "b", "c"]
    (found,) = speaker_discrepancies(groups, speakers)
    names = {v.text: v.sources for v in found.variants}
    assert names == {"Maria Lopez": ["a", "c"], "Peter Novak": ["b"]}
