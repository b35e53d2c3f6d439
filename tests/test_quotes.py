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
    groups = merge_quotes(Cluster(documents=[a, b, c]))
    assert len(groups) == 1 and groups[0].sources == ["a", "b", "c"]
    (found,) = speaker_discrepancies(groups)
    names = {v.text: v.sources for v in found.variants}
    assert names == {"Maria Lopez": ["a", "c"], "Peter Novak": ["b"]}


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"We will not raise the toll this year," Gov. Rick Alvarez said.', "Rick Alvarez"),
        ('"The count is not finished yet," said Mrs. Odile Brandt on Tuesday.', "Odile Brandt"),
        (
            '"Nobody warned us about the closure," Ines Carvalho, a baker whose shop faces '
            "the square, said on Friday.",
            "Ines Carvalho",
        ),
        ('"Our members will vote on the offer next week," the union said.', "the union"),
        (
            'Harbour authority spokesman Lars Eklund said: "The channel reopens at dawn."',
            "Lars Eklund",
        ),
    ],
)
def test_titles_are_stripped_and_the_subject_is_the_speaker(text, speaker):
    (quote,) = quotes_of(text)
    assert quote.speaker == speaker


def test_quote_goes_to_the_subject_not_to_the_person_it_is_about():
    found = quotes_of(
        "Mayor Teodor Lind met Clara Moss at the depot. "
        '"Clara Moss has done more for this line than anyone," Lind said on Monday.'
    )
    assert found[0].speaker == "Teodor Lind"


def test_a_weekday_or_adverb_is_never_a_speaker():
    found = quotes_of(
        '"We have run out of sandbags on the east bank," Thursday morning brought no relief.'
    )
    assert found[0].speaker is None


def test_pronoun_resolves_to_the_last_person_who_was_a_subject():
    found = quotes_of(
        "Ruth Okoye chairs the transport committee. The report criticised Tom Hale, her deputy. "
        '"We should have acted two years ago," she said.'
    )
    assert found[0].speaker == "Ruth Okoye"


def test_a_new_subject_between_quotes_ends_the_continuation():
    found = quotes_of(
        '"The pumps failed at midnight," said Karl Weber. Nina Roth disagrees with him. '
        '"They were switched off on purpose by the contractor."'
    )
    assert found[0].speaker == "Karl Weber"
    assert found[1].speaker is None


def test_statement_announced_in_the_paragraph_before():
    found = quotes_of(
        "After the vote, Senator Paula Greaves issued the following statement:\n\n"
        '"Today the chamber chose the families of this state over the lobbyists."'
    )
    assert found[0].speaker == "Paula Greaves"


def _attributions(text: str):
    (doc,) = analyse([Document(id="a", raw=text, text=text)])
    return doc.attributions


def test_indirect_speech_gets_a_claimant_cue_and_content():
    (found,) = [a for a in _attributions("Norland has denied shelling the border villages.")]
    assert found.kind == "indirect"
    assert found.source == "Norland"
    assert found.cue == "denied"
    assert found.content == "shelling the border villages"


def test_indirect_speech_with_a_relative_who_and_according_to():
    found = _attributions(
        "Fishermen, who said the new quota would ruin them, blocked the port. "
        "According to the coast guard, three boats were turned back."
    )
    by_cue = {a.cue: a for a in found}
    assert by_cue["said"].source == "Fishermen"
    assert "quota would ruin them" in by_cue["said"].content
    assert by_cue["According"].source == "the coast guard"
    assert "three boats were turned back" in by_cue["According"].content


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "After the vote the mayor, Ilse Brandner, issued a statement, "
            '"The council has let down every family on the waiting list."',
            "Ilse Brandner",
        ),
        (
            '"Our figures are audited twice a year by an outside firm," Koval is quoted as saying.',
            "Koval",
        ),
        (
            'Marek Olsen: "We learned about the leak from the neighbours, not the company."',
            "Marek Olsen",
        ),
    ],
)
def test_statement_quoted_as_and_transcript_speakers(text, speaker):
    (quote,) = quotes_of(text)
    assert quote.speaker == speaker


def test_a_quotation_paragraph_goes_on_from_the_report_before_it():
    found = quotes_of(
        "Farah Idris praised the volunteers who cleared the river banks.\n\n"
        '"We need more people like them in every town along this valley."'
    )
    assert found[0].speaker == "Farah Idris"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            '"Does anyone believe that timetable?" former Halvard adviser Jonas Berg asked '
            "on Twitter.",
            "Jonas Berg",
        ),
        (
            '"The board knew about the cracks in March," said a person close to the inquiry.',
            "a person close to the inquiry",
        ),
    ],
)
def test_the_head_of_the_phrase_after_the_quote_is_the_speaker(text, speaker):
    (quote,) = quotes_of(text)
    assert quote.speaker == speaker


def test_names_alone_before_colons_speak_in_turn():
    found = quotes_of(
        'Both reject the plan. Marta Lind: "Our goal is not to contain the flood but to stop '
        'it." Jonas Berg: "The mission is to rebuild the dikes before winter."'
    )
    assert [q.speaker for q in found] == ["Marta Lind", "Jonas Berg"]


def test_quote_speakers_are_parties_and_a_report_without_an_owner_is_none():
    import accord

    briefing = accord.brief(
        [
            "Philip Luther, a director at Amnesty International, spoke in London on Monday. "
            '"The strikes hit homes and a market," Luther said. '
            '"Such attacks may be war crimes," the report said.',
            '"The strikes hit homes and a market," Amnesty said on Monday. '
            '"Water supplies were cut for weeks," the Amnesty report said.',
        ]
    )
    speakers = {q.text.strip('“”",. '): q.speaker for q in briefing.quotes}
    assert speakers["The strikes hit homes and a market"] == "Philip Luther"
    assert speakers["Such attacks may be war crimes"] is None
    # the report's owner speaks, named as positions name it
    parties = {p.party for p in briefing.positions}
    assert speakers["Water supplies were cut for weeks"] in parties
    assert speakers["Water supplies were cut for weeks"].startswith("Amnesty")
    # Amnesty and the man speaking for it are one party: no speaker discrepancy
    assert not [d for d in briefing.discrepancies if d.kind == "speaker"]


def test_a_name_the_parties_do_not_know_still_speaks():
    import accord

    # lower-cased scraped text: "kelpol" is a name as the text gives it, and two sources
    # giving the quote to two names is a speaker discrepancy
    briefing = accord.brief(
        [
            'the suspect "pulled a knife from his coat and waved it at staff," kelpol said.',
            'The suspect "pulled a knife from his coat and waved it at staff," police chief '
            "Mitch Orlan said on Tuesday.",
        ]
    )
    knife = [q for q in briefing.quotes if "knife" in q.text]
    assert knife and {v.text for v in knife[0].speakers} == {"kelpol", "Mitch Orlan"}
    assert [d for d in briefing.discrepancies if d.kind == "speaker"]
