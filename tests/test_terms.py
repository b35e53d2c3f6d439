"""Content terms: the compiled Snowball stemmer gives the pure-Python one's stems."""

from __future__ import annotations

import snowballstemmer

from accord.analyse import terms

WORDS = (
    "running runs ran connection connected connecting generously generalizations "
    "relational conditional rational valency hesitancy digitizer conformabli radicalli "
    "differentli vileli analogousli vietnamization predication operator feudalism "
    "decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate "
    "formative formalize electriciti electrical hopeful goodness revival allowance "
    "inference airliner gyroscopic adjustable defensible irritant replacement adjustment "
    "dependent adoption homologou communism activate angulariti homologous effective "
    "bowdlerize probate rate cease controll roll caresses ponies ties caress cats feed "
    "agreed plastered bled motoring sing conflated troubled sized hopping tanned falling "
    "hissing fizzed failing filing happy sky officials’ prosecutors' naïve café 1990s"
).split()


def test_stems_are_snowballs_porter() -> None:
    pure_python = snowballstemmer.PorterStemmer()
    assert [terms.stem(w) for w in WORDS] == [pure_python.stemWord(w) for w in WORDS]


def test_the_compiled_stemmer_does_the_work() -> None:
    # PyStemmer is a dependency for speed (the stems are the same, above): without it
    # snowballstemmer silently falls back to Python, 14 times slower.
    assert type(terms._stemmer).__module__ == "Stemmer"


def test_content_terms_drop_stop_words_and_stem() -> None:
    assert terms.content_terms("The officials said the fires were spreading") == (
        ["offici", "fire", "spread"]
    )
