"""Paragraphs begin sentences: the parse of one paragraph never hangs on another's.

spaCy's parser finds sentences itself, and after an abbreviation or a closing quotation
mark at a paragraph's end ('… held on Dec. 4.', '…,” he said."') it often runs the next
paragraph into the sentence before, so that a speech verb there ("Sullivan … wrote, “…”")
loses its subject to a verb of the paragraph before. The parser keeps sentence starts set
before it runs; this component sets one at the first word after every line break.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

NAME = "accord_paragraph_starts"


@Language.component(NAME)
def paragraph_starts(doc: Doc) -> Doc:
    after_break = False
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
            continue
        if token.is_space:
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = False
    return doc


def use_paragraph_starts(nlp: Language) -> None:
    """Set the paragraphs' sentence starts just before the parser runs."""
    if "parser" in nlp.pipe_names and NAME not in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
