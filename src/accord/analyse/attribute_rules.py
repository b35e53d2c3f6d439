"""spaCy's attribute ruler (coarse part of speech, morphology and exceptions from the
fine-grained tags) with its rules looked up instead of matched one by one.

The model's ``attribute_ruler`` runs its 179 token patterns through spaCy's ``Matcher``,
which tries every pattern at every token: a tenth of a briefing's time on Multi-News, more
than the tagger and parser together. The patterns are plain: one or two tokens, each a
conjunction of tests on ``TAG``, ``LOWER``, ``DEP`` and ``IS_SPACE`` (equal, in, not in, a
regular expression). :class:`AttributeRules` indexes them by a value one of their tests
requires, so a token is tested only against the few patterns it can be part of; remembers
what a token with the same attributes matched (tags, dependencies and named words recur;
the words no pattern names are all one to it); and hands the matches, ordered as the
ruler orders them, to the ruler's own ``set_annotations``: the tokens get the same
attributes, in a twelfth of the time. A ruler with any other kind of pattern is run as it
is. Like the rest of the pipeline it runs under ``accord.analyse``'s lock (the memo is
shared).
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
# What a token's row leads to: the (key, match id) of the single-token patterns it matches,
# and the longer patterns to try.
Known = tuple[tuple[tuple[int, int], ...], tuple[Candidate, ...]]


# What a token matches depends on its tag, dependency and space-ness, and on its word only
# where a pattern names the word: other words are all one (OTHER_WORD) to the memo, which
# remembers what a token matched for this many distinct rows (and words), then starts again.
MEMO_ROWS = 50_000
OTHER_WORD = -1  # no hash is negative


class AttributeRules:
    """The patterns of an :class:`~spacy.pipeline.AttributeRuler`, indexed."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        # Per column, value -> the patterns one of whose tokens requires that value there;
        # patterns of one token and of several apart.
        self.single: list[dict[int, list[Candidate]]] = [{} for _ in COLUMNS]
        self.several: list[dict[int, list[Candidate]]] = [{} for _ in COLUMNS]
        # The patterns no token of which requires one value: of one token, of several.
        self.anywhere: tuple[list[Candidate], list[Candidate]] = ([], [])
        self.memo: dict[tuple[int, ...], Known] = {}
        # The words patterns name (in tests on LOWER of any kind), and each word seen: its
        # hash when a pattern names it, else OTHER_WORD.
        self.named_words: set[int] = set()
        self.word_patterns: list[re.Pattern[str]] = []
        self.words: dict[int, int] = {}
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
                        if attr == "LOWER":
                            self._name_words(value)
                        test, anchor = _test(attr, value, ruler.vocab.strings)
                        if anchor:
                            anchors.append((len(tests), position, *anchor))
                        tests.append((position, test))
                length = len(token_specs)
                index = self.single if length == 1 else self.several
                if not anchors:  # tried at every token
                    self.anywhere[index is self.several].append(
                        (key, match_id, 0, length, tuple(tests))
                    )
                    continue
                # Index by the test the fewest values pass; the others are checked.
                which, position, column, values = min(anchors, key=lambda a: len(a[3]))
                rest = tuple((p - position, t) for k, (p, t) in enumerate(tests) if k != which)
                for value in values:
                    candidate = (key, match_id, position, length, rest)
                    index[column].setdefault(value, []).append(candidate)

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What ``AttributeRuler.match`` returns: (key, match id, start, end), sorted."""
        rows: list[list[int]] = doc.to_array(ARRAY_ATTRS).tolist()
        found: list[tuple[int, int, int, int]] = []
        memo, words = self.memo, self.words
        for i, row in enumerate(rows):
            word = words.get(row[1])
            if word is None:
                word = self._word(row[1])
            known = memo.get(row_key := (row[0], word, row[2], row[3]))
            if known is None:
                known = self._of_row(row)
                if len(memo) >= MEMO_ROWS:
                    memo.clear()
                memo[row_key] = known
            single, several = known
            for key, match_id in single:
                found.append((key, match_id, i, i + 1))
            for key, match_id, position, length, rest in several:
                start = i - position
                if start < 0 or start + length > len(rows):
                    continue
                if all(test(rows[i + offset]) for offset, test in rest):
                    found.append((key, match_id, start, start + length))
        found.sort()
        return found

    def _name_words(self, spec: Any) -> None:
        if isinstance(spec, str):
            self.named_words.add(get_string_id(spec))
        elif isinstance(spec, dict):
            for operator, values in spec.items():
                if operator == "REGEX" and isinstance(values, str):
                    self.word_patterns.append(re.compile(values))
                elif isinstance(values, list):
                    self.named_words.update(get_string_id(v) for v in values if isinstance(v, str))

    def _word(self, word: int) -> int:
        """The word as the memo keys it: itself if a pattern names it, else OTHER_WORD."""
        text = self.ruler.vocab.strings[word]
        named = word in self.named_words or any(p.search(text) for p in self.word_patterns)
        if len(self.words) >= MEMO_ROWS:
            self.words.clear()
        self.words[word] = key = word if named else OTHER_WORD
        return key

    def _of_row(self, row: Row) -> Known:
        """The single-token patterns a token with these attributes matches, and the longer
        patterns to try with it in the place of the token they are indexed by."""
        single = tuple(
            (key, match_id)
            for key, match_id, _, _, rest in _candidates(self.single, row) + self.anywhere[0]
            if all(test(row) for _, test in rest)
        )
        return single, tuple(_candidates(self.several, row) + self.anywhere[1])

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc


def _candidates(index: list[dict[int, list[Candidate]]], row: Row) -> list[Candidate]:
    return [c for column, value in enumerate(row) for c in index[column].get(value, ())]


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
