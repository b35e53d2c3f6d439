"""Attribution round 6: constructions read on PolNeAR train, on invented sentences.

Quotations left without a speaker where the parse lost the subject of the speech verb
(a role hung as an apposition on the noun before, a surname tagged as an adverb, a name
behind a bracketed aside or a time), where the subject is counted ("One of …, Name,"),
where what was said hangs on the audience ("groused to a crowd that …"), where a name
inside another quotation was taken for a new speaker, and verbs that name or cite.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from accord.analyse import attribution
from accord.analyse.nlp import pipeline
from tests.analysed import speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The parse made the official an apposition of "plan"; the speech verb after
        # the official's relative clause has no subject of its own.
        (
            "Although there is no such plan for the harbour, a council official who spoke "
            'on condition of anonymity to discuss the budget said Wednesday, "Certainly '
            'there are talks between the council and the fishermen."',
            ["a council official"],
        ),
        # A counted subject is the person of its apposition.
        (
            "One of the firm's owners, Ada Holm, later testified in court that \"none of the "
            'boats at the pier" were inspected by the council.',
            ["Ada Holm"],
        ),
        # Names inside another quotation bring in no new speaker.
        (
            "The promise to “keep the harbour open” and “make Bergen great again” appeals "
            "to older fishermen who want the old town back, said Ada Holm, a historian at "
            "the university.",
            ["Ada Holm", "Ada Holm"],
        ),
        # A verb that names: what the paper called the plan is the paper's.
        (
            "The Bergen Times characterized the plan as “a slow retreat from the harbour and "
            "all its boats.”",
            ["The Bergen Times"],
        ),
    ],
)
def test_new_speakers(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A dash introduces a sentence-like quotation as a colon does, though the parse
        # hangs the clause before it on the quotation's verb.
        (
            'Nora Dahl also embraced the new harbour fees -- "I think the fees are small '
            'compared to what the boats cost us."',
            ["Nora Dahl"],
        ),
        # A fragment between dashes goes only to a speech verb's claimant.
        (
            'Lind boasted to reporters of her campaign - "the best in the whole region" - and '
            "stressed the town's importance.",
            ["Lind"],
        ),
        # The writer's "and I quote" quotes what the speech verb's subject said.
        ('No wonder Sand said, and I quote, "We love the harbour more than anyone."', ["Sand"]),
        # A subject tagged an adverb that heads a noun phrase all the same.
        (
            '"In Norway, the fishermen are just beyond reproach - hard-working people," this '
            "Sand look-alike declared in Bergen.",
            ["this Sand look-alike"],
        ),
        # A light verb and a noun of saying: "made the point that", "expressed confidence".
        (
            "Holm also made the point that the council's plan would make the harbour “a third "
            "home for the same old boats” within a year.",
            ["Holm"],
        ),
        (
            "In the interview, Dahl expressed confidence that the fees would not be a problem "
            "“that is going to hurt either the town or my campaign.”",
            ["Dahl"],
        ),
    ],
)
def test_introductions(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What a study found, quoted, is the study's to say.
        (
            "In 2014, the Harbour Institute found that “about twice as many fishermen said it "
            "was more important to keep the pier open.”",
            ["the Harbour Institute"],
        ),
        # Two subjects of one verb: the one next to it speaks; the other is fronted from
        # what was said.
        (
            'Or maybe Ola Berg, harbour consultant Kari Lind says. "Several boats and long '
            'talks suggest a second look is happening for Berg in the north."',
            ["Kari Lind"],
        ),
        # A quoted title the parse made a second subject is not the nearer one.
        (
            "Ola Berg, star of television’s “Harbour,” thanked Sand for “taking these steps "
            "to make us ALL safer.”",
            ["Ola Berg"],
        ),
        # An aside in brackets at the end of a paragraph reports no one: the quotation
        # alone after it goes on with the speaker before the aside.
        (
            "Holm also spoke about the harbour case now before the court. (The rules require "
            "that captains have permits, and many boats want new ones.)\n\n“The harbour "
            "belongs to everyone. But I believe firmly that it is no right if you cannot "
            "reach it.”",
            ["Holm"],
        ),
    ],
)
def test_findings_subjects_and_asides(text, expected):
    assert speakers(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A subject that is a thing stays no speaker, though a role precedes the verb.
        (
            "The report, a long list of harbour fees, said “the council can no longer pay "
            "for the old pier.”",
            ["The report"],
        ),
        # A finding inside what someone wrote is theirs; "find it" is a judgement.
        (
            "In his long ruling, Judge Holm wrote that the title, history and text of the law "
            'showed it to be "the council\'s attempt to put fishermen back in their place."',
            ["Holm"],
        ),
        (
            'Of Sand, Lind said a lot of voters in her town would find it "very hard to look '
            'past" his record on the harbour.',
            ["Lind"],
        ),
        # A thing makes no case: "these reasons make the best case" is no speech.
        (
            "Holm concludes that these reasons make the best case for the harbour, and that "
            "it is not an option to “refuse to vote for the only person who can save it.”",
            ["Holm"],
        ),
        # The counted subject without a person stays no name.
        ('One of them said "the harbour will be closed by the end of the winter."', [None]),
    ],
)
def test_no_new_wrong_speakers(text, expected):
    assert speakers(text) == expected


def test_participle_takes_no_stranded_apposition():
    # "…, endorsed Sand's approach Saturday, saying": a clause the parse made a noun
    # phrase is no speaker.
    text = (
        "Ada Holm, the famous harbour activist and lawyer, endorsed Sand’s approach "
        "Saturday, saying she had not yet called for the mayor’s resignation because she "
        "believed “we need to focus all of our energy on helping the fishermen.”"
    )
    assert not any(s and "endorsed" in s for s in speakers(text))


LEMMAS = {"groused": "grouse", "called": "call", "stated": "state"}


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A hand-made parse, to test a rule on a mistake the parser makes only sometimes."""
    vocab = pipeline().vocab
    lemmas = [LEMMAS.get(w, w.lower()) for w in words]
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_said_to_clause_hung_on_the_audience():
    # "Holm groused to a crowd that NRK “ignores me”": the parse made the that-clause a
    # relative clause of "crowd"; "that" as a conjunction marks it a complement.
    words = ["Holm", "groused", "to", "a", "crowd", "that", "NRK", "“", "ignores", "me", "”"]
    heads = [1, 1, 1, 4, 2, 8, 8, 8, 4, 8, 8]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "mark", "nsubj", "punct", "relcl"]
    deps += ["dobj", "punct"]
    pos = ["PROPN", "VERB", "ADP", "DET", "NOUN", "SCONJ", "PROPN", "PUNCT", "VERB"]
    pos += ["PRON", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    content = attribution._content(doc[1])
    assert {6, 8, 9} <= content
    # A relative "that" (the clause's subject) opens no complement.
    deps_relative = [*deps[:5], "nsubj", "dobj", *deps[7:]]
    doc = _parsed(words, heads, deps_relative, pos)
    assert 8 not in attribution._content(doc[1])


def test_name_before_a_subjectless_cue():
    # "… the candidate (D-Ore.) on Tuesday stated": the bracket and the time are skipped.
    words = ["Ada", "Holm", "(", "D", ")", "on", "Tuesday", "stated", "that", "x"]
    heads = [1, 7, 3, 1, 3, 7, 5, 7, 9, 7]
    deps = ["compound", "dep", "punct", "appos", "punct", "prep", "pobj", "ROOT", "mark"]
    deps += ["ccomp"]
    pos = ["PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "ADP", "PROPN", "VERB", "SCONJ"]
    pos += ["NOUN"]
    doc = _parsed(words, heads, deps, pos)
    doc.ents = [Span(doc, 0, 2, label="PERSON"), Span(doc, 6, 7, label="DATE")]
    found = attribution._name_before(doc[7])
    assert found is not None and found.i == 1


def test_mistagged_surname_before_a_cue():
    # "And Skelly called": a capitalised adverb mid-sentence before a subjectless verb is
    # offered as a name (the tracker accepts it only as a known surname).
    words = ["And", "Lindqvist", "called", "Sand", "“", "sharp", "”"]
    heads = [2, 2, 2, 2, 5, 2, 5]
    deps = ["cc", "advmod", "ROOT", "oprd", "punct", "oprd", "punct"]
    pos = ["CCONJ", "ADV", "VERB", "PROPN", "PUNCT", "ADJ", "PUNCT"]
    doc = _parsed(words, heads, deps, pos)
    found = attribution._name_before(doc[2])
    assert found is not None and found.i == 1


def test_capitalised_nouns_after_a_dash_are_a_name():
    # "… are problematic - Pew Research: “…”" with the name tagged as common nouns.
    words = ["problematic", "-", "Holm", "Research", ":", "“", "All"]
    heads = [0, 3, 3, 0, 3, 6, 3]
    deps = ["ROOT", "punct", "compound", "attr", "punct", "punct", "dep"]
    pos = ["ADJ", "PUNCT", "NOUN", "NOUN", "PUNCT", "PUNCT", "DET"]
    doc = _parsed(words, heads, deps, pos)
    found = attribution._transcript_speaker(list(doc[0:4]), doc[4], dashed_only=True)
    assert found is not None and found[2] is not None and found[2].name == "Holm Research"
    # Lower-case words are no name.
    words[2:4] = ["the", "research"]
    doc = _parsed(words, heads, deps, ["ADJ", "PUNCT", "DET", "NOUN", "PUNCT", "PUNCT", "DET"])
    assert attribution._transcript_speaker(list(doc[0:4]), doc[4], dashed_only=True) is None
