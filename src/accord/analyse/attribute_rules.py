"""spaCy's attribute ruler (coarse part of speech, morphology and exceptions from the
fine-grained tags) with its rules looked up instead of matched one by one.

The model's ``attribute_ruler`` runs its 179 token patterns through spaCy's ``Matcher``,
which tries every pattern at every token: a tenth of a briefing's time on Multi-News, more
than the tagger and parser together. The patterns are plain: one or two tokens, each a
conjunction of tests on ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE`` (equal, in, not in, a
regular expression). :class:`AttributeRules` indexes them by an equality their first token
requires, so each token is tested only against the few patterns it can start, and hands
the matches, ordered as the ruler orders them, to the ruler's own ``set_annotations``: the
tokens get the same attributes. A ruler with any other kind of pattern is run as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.strings import StringStore, get_string_id

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

NAME = "accord_attribute_rules"
COLUMNS = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}
ARRAY_ATTRS = [TAG, LOWER, DEP, IS_SPACE]

Row = list[int]  # a token's TAG, LOWER and DEP hashes and IS_SPACE, as COLUMNS
Test = Callable[[Row], bool]


class Unsupported(ValueError):
    """A pattern this module does not read; the ruler then runs as spaCy made it."""


def _value(attr: str, value: Any) -> int:
    if attr == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        return int(value)
    if not isinstance(value, str):
        raise Unsupported(f"{attr} {value!r}")
    return get_string_id(value)


def _test(
    attr: str, spec: Any, strings: StringStore
) -> tuple[Test, tuple[int, frozenset[int]] | None]:
    """One token test, as spaCy's ``Matcher`` reads it, and (column, hashes) when the
    test requires one of those values."""
    if attr not in COLUMNS:
        raise Unsupported(attr)
    column = COLUMNS[attr]
    if not isinstance(spec, dict):
        wanted = _value(attr, spec)
        return (lambda row: row[column] == wanted), (column, frozenset([wanted]))
    if len(spec) != 1:
        raise Unsupported(f"{attr} {spec!r}")
    ((operator, values),) = spec.items()
    if operator == "REGEX" and attr == "LOWER" and isinstance(values, str):
        pattern = re.compile(values)
        return (lambda row: pattern.search(strings[row[column]]) is not None), None
    if operator not in ("IN", "NOT_IN") or not isinstance(values, list):
        raise Unsupported(f"{attr} {spec!r}")
    hashes = frozenset(_value(attr, v) for v in values)
    if operator == "IN":
        return (lambda row: row[column] in hashes), (column, hashes)
    return (lambda row: row[column] not in hashes), None


# A pattern as tried at one token: its key and match id (what the ruler sorts and applies),
# the position in it of the token that led to it, its length, and the tests still to pass
# as (offset from that token, test); the test the token was found by is not repeated.
Candidate = tuple[int, int, int, int, tuple[tuple[int, Test], ...]]


class AttributeRules:
    """The patterns of an :class:`~spacy.pipeline.AttributeRuler`, indexed."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        # Per column, value -> the patterns one of whose tokens requires that value there.
        self.index: list[dict[int, list[Candidate]]] = [{} for _ in COLUMNS]
        self.anywhere: list[Candidate] = []  # patterns no token of which requires one value
        for key in range(len(ruler.attrs)):
            match_id = ruler.vocab.strings[str(key)]
            _, token_patterns = ruler.matcher.get(match_id)
            for token_specs in token_patterns:
                if not token_specs:
                    raise Unsupported("an empty pattern")
                tests: list[tuple[int, Test]] = []
                anchors: list[tuple[int, int, int, frozenset[int]]] = []
                for position, spec in enumerate(token_specs):
                    for attr, value in spec.items():
                        test, anchor = _test(attr, value, ruler.vocab.strings)
                        if anchor:
                            anchors.append((len(tests), position, *anchor))
                        tests.append((position, test))
                length = len(token_specs)
                if not anchors:
                    self.anywhere.append((key, match_id, 0, length, tuple(tests)))
                    continue
                # Index by the test the fewest values pass; the others are checked.
                which, position, column, values = min(anchors, key=lambda a: len(a[3]))
                rest = tuple((p - position, t) for k, (p, t) in enumerate(tests) if k != which)
                for value in values:
                    candidate = (key, match_id, position, length, rest)
                    self.index[column].setdefault(value, []).append(candidate)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (key, match id, start, end), sorted."""
        rows: list[list[int]] = doc.to_array(ARRAY_ATTRS).tolist()
        count = len(rows)
        found: list[tuple[int, int, int, int]] = []
        tags, lowers, deps, spaces = self.index
        nothing: list[Candidate] = []
        for i, row in enumerate(rows):
            for candidates in (
                tags.get(row[0], nothing),
                lowers.get(row[1], nothing),
                deps.get(row[2], nothing),
                spaces.get(row[3], nothing),
                self.anywhere,
            ):
                for key, match_id, position, length, rest in candidates:
                    start = i - position
                    if start < 0 or start + length > count:
                        continue
                    if all(test(rows[i + offset]) for offset, test in rest):
                        found.append((key, match_id, start, start + length))
        found.sort()
        return found

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc


@Language.factory(NAME)
def make_attribute_rules(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The indexed rules of the pipeline's ``attribute_ruler`` (which must be in it)."""
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        return AttributeRules(ruler)  # type: ignore[arg-type]
    except Unsupported:
        return ruler


def use_attribute_rules(nlp: Language) -> None:
    """Put the indexed rules where the model's attribute ruler was, and switch it off."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    nlp.add_pipe(NAME, after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
