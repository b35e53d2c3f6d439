import pytest

from accord.analyse.sentences import split_sentences
from accord.analyse.terms import content_terms
from accord.analyse.vectors import tfidf_sparse

TEXT = (
    "Dr. Jane Smith of the U.S. Geological Survey said the quake struck at 3 a.m. local time. "
    '"It was short. It was strong," she said.\n\n'
    "Aftershocks followed through the day."
)


def test_sentences_keep_abbreviations_and_quotes_together_with_exact_offsets():
    sentences = split_sentences("S1", TEXT)
    assert [s.text for s in sentences] == [
        "Dr. Jane Smith of the U.S. Geological Survey said the quake struck at 3 a.m. local time.",
        '"It was short. It was strong," she said.',
        "Aftershocks followed through the day.",
    ]
    for sentence in sentences:
        assert TEXT[sentence.start : sentence.end] == sentence.text
    assert [s.paragraph for s in sentences] == [0, 0, 1]
    assert [s.index for s in sentences] == [0, 1, 2]


def test_terms_are_stemmed_and_do_not_depend_on_case():
    assert content_terms("The Civilians were KILLED") == content_terms("the civilians were killed")
    assert content_terms("attacks on civilians") == ["attack", "civilian"]


def test_tfidf_rows_are_unit_length_and_similar_texts_are_close():
    matrix = tfidf_sparse(
        ["forty civilians were killed", "civilians killed in the strike", "the match ended 2-1"],
        content_terms,
    ).toarray()
    norms = (matrix**2).sum(axis=1)
    assert abs(norms[0] - 1) < 1e-9 and abs(norms[2] - 1) < 1e-9
    sims = matrix @ matrix.T
    assert sims[0, 1] > 0.3 > sims[0, 2]


def test_headlines_and_subheads_are_marked_as_headings():
    text = "Quake shakes towns\n\nThe quake struck at dawn.\n\nDamage assessed\n\nRoads shut."
    assert [s.heading for s in split_sentences("S1", text)] == [True, False, True, False]


def test_long_runs_pysbd_leaves_joined_are_split_again():
    run = (
        "Photo caption the new bridge would have carried trains across the estuary, "
        "linking the two towns that the ferry has served for a century and a half. "
        "A report by the port authority describes the project as the largest in the region "
        "since the harbour walls were built, and it would be paid for by the state and by "
        "the two towns together over thirty years.then the "
        "old ferry terminal will close. Mr. Hale and Dr. Ruiz met U.S. officials on friday."
    )
    sentences = split_sentences("S1", run)
    assert [s.text.split()[0] for s in sentences] == ["Photo", "A", "then", "Mr."]
    assert sentences[-1].text == "Mr. Hale and Dr. Ruiz met U.S. officials on friday."
    for sentence in sentences:
        assert run[sentence.start : sentence.end] == sentence.text


def test_a_spaced_quote_mark_goes_with_the_sentence_it_belongs_to():
    run = (
        'the mayor said the council would meet again next week to decide on the budget. " we '
        "have heard the residents and we will act on what they told us about the roads and the "
        'schools, " she added. " the money is there. " the council has 12 members and meets '
        "in the old town hall."
    )
    texts = [s.text for s in split_sentences("S1", run)]
    assert texts[0].endswith("the budget.")
    assert texts[1].startswith('" we have heard') and texts[1].endswith("she added.")
    assert texts[2].startswith('" the money is there.')


def test_short_pieces_are_left_to_pysbd():
    text = 'He called it "the worst in fifty years." Then he left.'
    assert [s.text for s in split_sentences("S1", text)] == [
        text.split(" Then")[0],
        "Then he left.",
    ]


def test_a_quotation_of_several_sentences_stays_with_its_attribution():
    text = (
        "\u201cThe river rose faster than any of us expected on the first night of the storm. "
        "We moved the families from the lower streets to the school before the water reached "
        "them,\u201d said Ana Ruiz, who leads the volunteer rescue team in the valley town."
    )
    assert [s.text for s in split_sentences("S1", text)] == [text]


# --- long paragraphs and long documents ---------------------------------------------------

STORY = (
    "Dr. Anne Byrne of the U.S. Coast Guard said {n} crew were rescued off Kelmouth. "
    "Officials in Brest said 2 men were taken to hospital on Monday. "
    '"It was rough," said Capt. Tom Ellis of Blue Isle Ferries.'
)


def test_a_long_paragraph_is_split_in_pieces_at_sentence_ends(monkeypatch):
    from accord.analyse import sentences

    paragraph = " ".join(STORY.format(n=n) for n in range(12))
    whole = split_sentences("S1", paragraph)
    monkeypatch.setattr(sentences, "PIECE_CHARS", 300)
    cut = sentences.pieces(paragraph)
    assert len(cut) > 3 and all(end - start <= 300 for start, end in cut)
    assert [(s.start, s.end) for s in split_sentences("S1", paragraph)] == [
        (s.start, s.end) for s in whole
    ]


def test_a_run_without_sentence_ends_or_spaces_is_cut_at_the_piece_size():
    from accord.analyse.sentences import pieces

    assert pieces("x" * 25, size=10) == [(0, 10), (10, 20), (20, 25)]
    assert pieces("aaaa bbbb cccc dddd", size=10) == [(0, 10), (10, 19)]


def _annotated(text: str):
    from accord.analyse import analyse
    from accord.model import Document

    (doc,) = analyse([Document(id="S1", raw=text, text=text)])
    return doc


def _mentions(doc):
    return [
        (
            s.index,
            [(e.text, e.start, e.key) for e in s.entities],
            [(q.text, q.start, q.value, q.counted) for q in s.quantities],
            [(d.text, d.start) for d in s.dates],
        )
        for s in doc.sentences
    ]


def test_a_document_over_spacys_limit_is_analysed_in_pieces_with_true_offsets(monkeypatch):
    from accord.analyse.nlp import pipeline

    text = "\n\n".join(STORY.format(n=n) for n in range(20))
    whole = _annotated(text)
    monkeypatch.setattr(pipeline(), "max_length", 700)  # spaCy raises E088 past this
    pieced = _annotated(text)
    assert _mentions(pieced) == _mentions(whole)
    people = [e for s in pieced.sentences for e in s.entities if e.kind == "person"]
    assert len(people) >= 20
    for sentence in pieced.sentences:
        for item in (*sentence.entities, *sentence.quantities):
            assert text[item.start : item.end] == item.text
    assert [q.speaker for q in pieced.quotes] == [q.speaker for q in whole.quotes]


def test_pieces_of_a_long_document_begin_at_paragraphs_when_they_can(monkeypatch):
    import accord.analyse as analyse_module

    text = "\n\n".join(STORY.format(n=n) for n in range(6))
    doc = _annotated(text)
    paragraph_starts = {
        s.start for s in doc.sentences if s.index == 0 or text[s.start - 2 : s.start] == "\n\n"
    }
    cut = analyse_module.spacy_pieces(doc, 500)
    assert all(end - start <= 500 for start, end in cut)
    assert {start for start, _ in cut} <= paragraph_starts
    assert cut[-1][1] == len(text)


def test_more_sentences_than_a_briefing_can_hold_are_refused_with_a_message(monkeypatch):
    import accord
    import accord.analyse as analyse_module
    from accord.errors import InputError
    from tests.conftest import EXAMPLE

    monkeypatch.setattr(analyse_module, "MAX_SENTENCES", 20)
    with pytest.raises(
        InputError, match=r"coastal-courier\.txt: is too long to brief: \d+ sentences"
    ):
        accord.brief([EXAMPLE])


@pytest.mark.parametrize(
    "text",
    [
        TEXT,
        "It rained. It rained. It rained.  Then it stopped.\n",  # repeated sentences
        "Mr. Lee met Gov. Ortiz at 9 a.m. on Jan. 5. They spoke (briefly). Done!",
        "aaa. aaa. aa. a.",  # sentences that occur inside others
        "   Leading spaces. And\u00a0a no-break space.\u2003 Then an em space.",
        # abbreviations, many times over, of every kind pysbd replaces (each once here)
        'Dr. Smith met Mr. Jones at 5 p.m. on Jan. 5. He said: "No. 5 is Gen. Lee\'s." '
        "e.g. this, i.e. that. U.S. Sen. A. B. Carr... p. 45 v. Smith. St. Louis, Mo. ver. 2",
        "a. b. c. d. e. f. p. q. The end. A p.m. x. Ph.D. d.phil. dr.phil. e\u222fg. e.g\u222f "
        "E.G. u.s. U.S. etc. vs. Vs. fig. 3 No. 9 nos. 4 pp. 7 and pp. 8, pa. pb. pc. St. st.",
        "The {p} Next. {dr} Who. {no} 5. {st} Louis. p. {e.g} X. {mr} a.",  # pysbd's next word
    ],
)
def test_sentences_are_found_in_the_text_as_pysbd_finds_them(text):
    # The segmenter finds pysbd's sentences by string search instead of pysbd's one
    # regular expression per sentence, and runs each abbreviation substitution once a line
    # instead of once per word it could start: the same pieces, whitespace and all.
    import pysbd

    from accord.analyse.sentences import _segmenter

    original = pysbd.Segmenter(language="en", clean=False, char_span=False)
    assert _segmenter().segment(text) == original.segment(text)


def test_letter_abbreviations_are_found_where_pysbds_pattern_finds_them():
    import random
    import re
    import sys

    from accord.analyse.sentences import ASCII_LOWER, CASE_MATCHES_ASCII, _word_starts

    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]
    letters = "|".join("abcdefghijklmnopqrstuvwxyz")  # as pysbd's patterns hold them
    assert set(re.findall(letters, every[128:], re.IGNORECASE)) == CASE_MATCHES_ASCII
    rng = random.Random(7)
    alphabet = "pPnNoOsStT .\t\n\r\u00a0\u2003é’∯"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        folded = text.translate(ASCII_LOWER)
        for abbreviation in ("p", "no", "st", "nos", "pp"):
            pattern = re.compile(rf"(?:^|\s|\r|\n){abbreviation}", re.IGNORECASE)
            assert _word_starts(text, folded, abbreviation) == pattern.findall(text), text
