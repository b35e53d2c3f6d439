"""Attribution round 9: constructions read on PolNeAR train, on invented sentences.

The named author of a document that speaks ("a court document filed by X said"); the
named reporter of a role's words; a quotation opening in the sentence where the one
before it ended; an apposition whose closing comma is missing; the name in a role's
apposition as the "he" of later quotations; speech verbs that elaborate, reference,
refer to something as, or sing.
"""

from __future__ import annotations

import pytest

from tests.analysed import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“Although there was cause to close the harbour, the evidence cannot prove that "
            "the boats were unsafe,” according to a court document filed by state attorney "
            "Ada Holm.",
            ["Ada Holm"],
        ),
        (
            'In selling the boats, Tom Berg released a marketing video that said, "We are '
            'going to have captains who are absolutely terrific at their jobs."',
            ["Tom Berg"],
        ),
        (
            "In addition, a fundraising email sent out by Holm on Tuesday night warned of "
            'the fight ahead: "There are four votes on the harbour over the next three '
            'weeks."',
            ["Holm"],
        ),
        (
            'The Bergen Times recently ran a piece that noted his "harbour plan would help '
            'rich owners more than it would help the fishermen."',
            ["The Bergen Times"],
        ),
        # A document with no named author speaks for itself.
        (
            'The report said that "the harbour has lost half of its boats since the fire."',
            ["The report"],
        ),
    ],
)
def test_document_author(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Pastor Ada Holm said the town lost a voice that said "hope in spite of fear is '
            'the greatest power that people can have."',
            ["Ada Holm"],
        ),
        (
            "Tom Berg, a harbour master, said Tuesday that according to its count, the "
            'party has won most seats, but "we are still counting the boats."',
            ["Tom Berg"],
        ),
        # A role speaking on its own keeps the quotation.
        (
            'A spokesman said "the harbour will reopen in the spring after the repairs."',
            ["A spokesman"],
        ),
    ],
)
def test_role_inside_named_words(text, expected):
    assert speakers(text) == expected


def test_second_quotation_of_one_sentence():
    text = (
        'And, in a clip that Judge Ada Holm called "distasteful," Tom Berg expressed a '
        'wish to "close the harbour and sell all the boats to the council."'
    )
    assert speakers(text) == ["Tom Berg"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "“The harbour needs a plan for the boats [of the old town] and the fishermen,” "
            "Ada Holm, the polling guru who founded harbourwatch.com tweeted on Wednesday. "
            "“They are clearly drawing more from the north side of the town now.”",
            ["Ada Holm", "Ada Holm"],
        ),
        # The relative clause's own speech verb is no end of the apposition.
        (
            "“The harbour needs a plan for the boats and the fishermen,” Ada Holm, the "
            "expert who said the town was lost, told reporters.",
            ["Ada Holm"],
        ),
    ],
)
def test_apposition_without_closing_comma(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harbour master Tom Berg, during two interviews on Thursday, referred to Mayor "
            "Ada Holm as “the most valuable player” for the fishing lobby.",
            ["Tom Berg"],
        ),
        (
            "Moreover, as part of the exchange with Holm, Berg referenced an inspector "
            'general\'s report that "less than one percent of the harbour boats" were '
            "inspected.",
            ["Berg"],
        ),
        (
            'As the Harbour Singers sang back in the 1980s, "They will turn us all into '
            'beggars because they are easier to please."',
            ["the Harbour Singers"],
        ),
        (
            "Tom Berg elaborated in an opinion piece for The Bergen Times that the "
            "councillors, even those who voted before the fire began, may reconsider.\n\n"
            "“A win for the fishermen would show how weak the mayor is as a candidate in "
            "the election.”",
            ["Tom Berg"],
        ),
    ],
)
def test_speech_verbs(text, expected):
    assert speakers(text) == expected


def test_subject_role_with_named_apposition():
    """The "he" of later quotations is the name a role stands beside, not the role."""
    from accord.analyse.attribution import PersonTracker
    from accord.analyse.nlp import pipeline

    text = "That's where author and liberal firebrand Carl Holm took the conversation."
    spacy_doc = pipeline()(text)
    tracker = PersonTracker([], text)
    for token in spacy_doc:
        if token.dep_ == "nsubj" and any(c.dep_ == "appos" for c in token.children):
            tracker.observe_subject(token, spacy_doc)
    assert tracker.people == ["Carl Holm"]


def test_participle_after_time_clause():
    """A speech participle the parse hung on an "after" clause goes on with the speech
    verb that clause dates."""
    text = (
        '"Tom Berg won tonight and I was very glad to see that. I think we need him back in '
        'the council," Ada Holm said during a panel on her show after the first-term '
        'councillor easily won his primary, remarking that while there are "still some '
        'fishermen angry over the harbour plan," Berg already "paid a very heavy political '
        'price in this primary on that issue."'
    )
    assert speakers(text) == ["Ada Holm", "Ada Holm", "Ada Holm"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name in what the speaker goes on to say in the same sentence is no new speaker.
        (
            "Carl Olsen, who came from Oslo to help the campaign, says there is a “long road "
            "ahead” but he feels confident that Holm will “blow away all the expectations "
            "of the town.”",
            ["Carl Olsen"],
        ),
        # A sentence that ends between the two quotations leaves the run as it was.
        (
            '"We are going to start winning again and we are going to win so much," Holm '
            "said at her party in Bergen, two hours after news outlets declared her the "
            'winner of the harbour vote. "You are going to be so happy with the boats."',
            ["Holm", "Holm"],
        ),
    ],
)
def test_second_quotation_runs_on(text, expected):
    assert speakers(text) == expected


def test_reporter_governs_the_cue():
    """A clause the parse hung on the cue ('After Berg asked …, Olsen replied') does not
    report the quotation."""
    text = (
        "After the radio host Tom Berg asked the activist who she thought would win the "
        "vote, Olsen replied, “If I had to bet now, I regret to say, I would bet on the "
        "mayor.”"
    )
    assert speakers(text)[0] != "Tom Berg"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An answer after a question introduces the answer, not the question.
        (
            "Holm answers Berg with, “Why now? That was on my way to the harbour?” Berg "
            "then writes back, “You look very tired today, my friend.”",
            ["Holm", "Berg"],
        ),
        # A plain speech verb after a question goes on with its speaker.
        (
            "“Why would the council close the harbour now?” Berg said, “It makes no sense at all.”",
            ["Berg", "Berg"],
        ),
        # The one asked is not the one who asks.
        (
            "In an interview with The Bergen Times published online Wednesday, Ada Holm was "
            "asked, “What is the most dangerous harbour in the world you have been to?”",
            [None],
        ),
    ],
)
def test_questions_and_answers(text, expected):
    assert speakers(text) == expected


def test_a_term_quoted_in_passing_passes_no_speaker_to_the_next_quotation():
    from accord.analyse import analyse
    from accord.model import Document

    text = (
        'The senator pressed the inquiry, which Mayor Dunn has often called a "fishing trip." '
        '"We have handed over every file and we want this over," the senator told reporters.'
    )
    (doc,) = analyse([Document(id="S1", raw=text, text=text)])
    (speech,) = [q for q in doc.quotes if "every file" in q.text]
    assert speech.speaker != "Dunn"
