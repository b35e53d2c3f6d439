"""Attribution round 10: constructions read on PolNeAR train, on invented sentences.

A speech verb the quotation hangs on other than as its content; a speech participle
hung on the name the parse made the root; a surname the recogniser missed, once the
article has named the person in full; a verb that is speech only beside a quotation,
with no one named as its subject, at the end of the paragraph before; "him" or "her" as
the object of a speech verb that a reported clause would give its subject; a speech verb
the tagger took for a noun; a study that "found" a quotation; after an exclamation, a verb
whose object is what it is about; a role that reports in the sentence before, or
is the own claimant of the one cue of its sentence; a count of people ("Hundreds of
fishermen") as a subject.
"""

from __future__ import annotations

import pytest

from tests.analysed import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A new radio ad released on Friday accuses the mayor of selling the harbour "
            "“in a long scheme of favours going back years.”",
            ["A new radio ad"],
        ),
        (
            "The Bergen Times described the council's slow road to the vote as a “march "
            "from anger and doubt to quiet acceptance of the harbour plan.”",
            ["The Bergen Times"],
        ),
    ],
)
def test_speech_verb_governs_the_quotation(text, expected):
    assert speakers(text) == expected


def test_inherited_role_governs_nothing():
    """A thing is no speaker through a relative clause: the town's rule says nothing."""
    text = (
        "The town has a rule that warns visitors about the boats “in the strongest terms "
        "the council could find.”"
    )
    assert speakers(text) == [None]


def test_thinking_is_no_speech():
    text = (
        "After the meeting, the columnist Ada Holm imagined the mayor was thinking: “What "
        "on earth have I done to this town?”"
    )
    assert speakers(text) != ["the mayor"]


def test_participle_on_a_person():
    """'Ada Holm, the activist, backed the plan, saying …': the participle is hers, even
    where the parse hangs it on her name."""
    text = (
        "Mira Olsen, the famous harbour campaigner and lawyer, backed the council's plan on "
        "Monday, saying she had not yet asked for the mayor's resignation because she "
        "believed “we have to put all of our effort into helping the fishermen of Bergen.”"
    )
    assert speakers(text) == ["Mira Olsen"]


def test_surname_the_recogniser_missed_is_observed():
    """A subject that is the surname of a person the article named in full is that
    person, as the "she" of the next quotation, whatever the recogniser tagged it."""
    from spacy.tokens import Span

    from accord.analyse.attribution import PersonTracker
    from accord.analyse.nlp import pipeline
    from accord.model import Entity

    text = "In May, Lindqvist ended her meeting with the board on a happy note."
    spacy_doc = pipeline()(text)
    surname = next(t for t in spacy_doc if t.text == "Lindqvist")
    spacy_doc.ents = [Span(spacy_doc, surname.i, surname.i + 1, label="ORG")]
    tracker = PersonTracker([Entity("Carla Lindqvist", "person", "carla lindqvist", 0, 15)], text)
    tracker.observe_subject(surname, spacy_doc)
    assert tracker.people == ["Carla Lindqvist"]


def test_surname_subject_of_the_clause():
    text = (
        "Former mayor Tom Lindqvist left the council in May.\n\n"
        "Lindqvist hit back in June, attacking the mayor for “the waste, the boasting, the "
        "silly games of the harbour board” of his term."
    )
    assert speakers(text) == ["Tom Lindqvist"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A verb that is speech only beside a quotation, with a thing as its subject,
        # reports nothing for the next paragraph's quotation.
        (
            "The vote on the harbour was close. Then the fishing season began.\n\n"
            "“We will need many more boats before the summer comes to the town.”",
            [None],
        ),
        # One with a person as its subject does.
        (
            "Holm also spoke about the harbour case in her speech.\n\n"
            "“It is the most important case this town has seen in many years.”",
            ["Holm"],
        ),
    ],
)
def test_quote_only_verb_in_paragraph_before(text, expected):
    assert speakers(text) == expected


def test_object_pronoun_is_not_the_speaker():
    """'Holm said Berg is to blame and accused him of …': the one accused is not the one
    who accuses, so the speech verb goes on with the reporter."""
    text = (
        "The mayor, Ada Holm, said Tom Berg was responsible for what happened at the docks "
        "and accused him of “stirring up angry and dangerous crowds at the harbour.”"
    )
    assert speakers(text) == ["Ada Holm"]


def test_speech_verb_tagged_a_noun():
    """'“…,” the Danes state in the paper': the tagger's noun is the speech verb."""
    text = (
        "“Today the town is one of the leading ports in fighting smuggling, and has been "
        "working closely with its allies,” the Danes state in the white paper."
    )
    assert speakers(text) == ["Danes"]


def test_noun_after_a_name_is_no_cue():
    """A noun that only looks like a speech verb, with a noun after it, is part of a
    name's phrase ("the council report office"), not a verb."""
    text = "“We will open the harbour again in the spring,” the council report office."
    assert speakers(text) == [None]


def test_finding_quoted_as_object():
    """'A report found “no evidence …”': what a study found, quoted, is its own."""
    text = (
        "A 2019 council report found “no sign that there was either a closure order or a "
        "lack of available boats.”"
    )
    assert speakers(text) == ["A 2019 council report"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After an exclamation, a verb whose object is what it is about begins a sentence
        # of its own: the fishermen praise, they do not say the quotation.
        (
            "“Mayor, open up this harbour!” Fishermen still praise her refusal to accept "
            "the closure.",
            [None],
        ),
        # A question asked of an audience is still the asker's.
        ("“Why close the harbour now?” Holm asked the council.", ["Holm"]),
    ],
)
def test_sentence_after_an_exclamation(text, expected):
    assert speakers(text) == expected


def test_role_in_the_sentence_before():
    """A role that reports in the sentence before a quotation opening its own sentence
    goes on speaking, as a name does."""
    text = (
        "The harbour master further explained that it had struck him that the next boat "
        "would be the town's fiftieth. “I felt the sea tell me to look at the old charts to "
        "see what the fiftieth boat should be.”"
    )
    assert speakers(text) == ["The harbour master"]


def test_role_of_the_sentence():
    """The one cue of a quotation's sentence may be a role when it is the verb's own
    (here "according to"'s) claimant."""
    text = (
        "According to the new harbour rulebook, the guards were told, "
        '"You do not guard the boats. You guard the trust of the town."'
    )
    assert speakers(text) == ["the new harbour rulebook"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hundreds of angry fishermen marched through the old town on Monday, chanting "
            '"Open the harbour, save the boats," as the council met.',
            ["Hundreds of angry fishermen"],
        ),
        (
            'Two of the councillors said "the harbour will stay closed for the whole winter."',
            ["Two of the councillors"],
        ),
        # A count of no one named is no speaker.
        ('Thousands said "the harbour will stay closed for the whole winter."', [None]),
    ],
)
def test_count_of_people(text, expected):
    assert speakers(text) == expected
