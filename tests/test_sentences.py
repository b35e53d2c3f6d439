from accord.analyse.sentences import split_sentences
from accord.analyse.terms import content_terms
from accord.analyse.vectors import tfidf_matrix

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
    matrix = tfidf_matrix(
        ["forty civilians were killed", "civilians killed in the strike", "the match ended 2-1"],
        content_terms,
    )
    norms = (matrix**2).sum(axis=1)
    assert abs(norms[0] - 1) < 1e-9 and abs(norms[2] - 1) < 1e-9
    sims = matrix @ matrix.T
    assert sims[0, 1] > 0.3 > sims[0, 2]


def test_headlines_and_subheads_are_marked_as_headings():
    text = "Quake shakes towns\n\nThe quake struck at dawn.\n\nDamage assessed\n\nRoads shut."
    assert [s.heading for s in split_sentences("S1", text)] == [True, False, True, False]
