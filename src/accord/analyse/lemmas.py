"""spaCy's rule lemmatizer, with what it gave each word remembered and its word lists as sets.

The model's ``lemmatizer`` (rule mode) gives a token with no lemma yet (the attribute rules
set a few) the first of ``rule_lemmatize``'s forms, a function of the token's text, part of
speech and morphology alone. spaCy keeps those in a cache too, but reaching it costs a few
Python attribute look-ups per token (a morphology object made for the key, the lemma
string hashed back in); :class:`Lemmas` reads the three values of every token at once
(``Doc.to_array``), remembers each combination's lemma, and writes the lemmas back at once:
the same lemmas in a third of the time. ``index_lemmas`` makes the lemmatizer's
known-word lists sets (see there). Like the rest of the pipeline it runs under
``accord.analyse``'s lock (the memo is shared).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

NAME = "accord_lemmas"
MEMO_WORDS = 50_000  # (word, part of speech, morphology) combinations; then it starts again


class Lemmas:
    """What a rule-mode :class:`~spacy.pipeline.Lemmatizer` (``overwrite`` off) does."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.strings = lemmatizer.vocab.strings
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = array[:, 3].copy()
        memo = self.memo
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma:  # set by the attribute rules: kept, as the lemmatizer keeps it
                continue
            found = memo.get(key := (orth, pos, morph))
            if found is None:
                if len(memo) >= MEMO_WORDS:
                    memo.clear()
                found = memo[key] = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory(NAME)
def make_lemmas(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The pipeline's ``lemmatizer`` (which must be in it), remembered; as it is when it is
    not a rule lemmatizer that keeps lemmas already set."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return lemmatizer
    return Lemmas(lemmatizer)  # type: ignore[arg-type]


def use_lemmas(nlp: Language) -> None:
    """Put the remembering lemmatizer where the model's was, and switch that off."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    index_lemmas(nlp)
    nlp.add_pipe(NAME, after="lemmatizer")
    nlp.disable_pipe("lemmatizer")


def index_lemmas(nlp: Language) -> None:
    """Make the rule lemmatizer's known-word lists sets.

    For each word it has not lemmatised before, spaCy's lemmatizer looks every candidate
    lemma up in the list of known words of its part of speech (57,528 nouns) one entry at
    a time: 75 µs a new word, four times what the parser spends on a token. It only asks
    whether a form is in the list, so a set gives the same lemmas.
    """
    if "lemmatizer" not in nlp.component_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for part_of_speech, words in list(table.items()):
        table[part_of_speech] = frozenset(words)
