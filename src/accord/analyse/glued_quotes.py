"""Quote marks glued to the words around them come apart before the tagger runs.

Scraped text often drops the space at a quotation's edge: 'Ryan said,“Look, …',
'…,”Clinton said.', 'Rep. Trey Gowdy (R-S.C.):"I have …'. spaCy's tokenizer keeps
'said,“Look' one token, so the parse has no speech verb and no quote mark there, and the
quotation loses its speaker. This component splits such a token at the marks (the comma,
colon or full stop beside them included), each mark a token of its own, so the tagger and
the parser see 'said , “ Look'. The tokenizer stays the package's; only tokens with a
quote mark between a word and a letter change.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAME = "accord_glued_quotes"
# Punctuation holding a quote mark, between a letter or digit (or a closing bracket or
# stop) and a letter: ',“' in 'said,“Look', '):"' in '(R-S.C.):"I', '"' in 'about"joint'.
GLUED = re.compile(r"(?<=[\w.)])[,.!?:;)]*[“”\"][,.!?:;]*(?=[A-Za-z])")


def pieces(text: str) -> list[str]:
    """The token's words and marks, in order; [text] when nothing is glued."""
    found: list[str] = []
    last = 0
    for match in GLUED.finditer(text):
        if match.start() > last:
            found.append(text[last : match.start()])
        found.extend(match.group(0))
        last = match.end()
    if not found:
        return [text]
    found.append(text[last:])
    return found


@Language.component(NAME)
def glued_quotes(doc: Doc) -> Doc:
    splits = []
    for token in doc:
        if len(token.text) > 2 and any(m in token.text for m in '“”"'):
            parts = pieces(token.text)
            if len(parts) > 1:
                splits.append((token, parts))
    if splits:
        with doc.retokenize() as retokenizer:
            for token, parts in splits:
                retokenizer.split(token, parts, heads=[(token, 0)] * len(parts))
    return doc


def use_glued_quotes(nlp: Language) -> None:
    """Split glued quote marks first, before any component reads the tokens."""
    if NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, first=True)
