"""Sentence splitting with pysbd (it keeps "Dr. Smith" and quoted speech together)."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd
from pysbd.lang.english import English
from pysbd.processor import Processor
from pysbd.utils import TextSpan

from accord.model import Sentence

PARAGRAPH_BREAK = re.compile(r"\n+")
# pysbd leaves some runs of sentences joined (after a caption, around spaced-out quotes in
# lower-cased text, "preserved.then" with no space). A piece this long is split again at a
# full stop, question or exclamation mark followed by a capitalised word, or at a spaced
# quote mark after one (Multi-News style: `added. " the safety`), unless the word before
# the stop is an abbreviation.
LONG_PIECE_WORDS = 40
BOUNDARY = re.compile(
    r"(?<=[.!?])(?P<close>[\"”’']?)\s+(?=[\"“‘']?[A-Z])"
    r"|(?<=[a-z]{3}\.)(?=[a-z]{3,}\b)"
    r"|(?<=[.!?])\s+(?P<spaced>\")\s+(?=[a-z])"
)
ABBREVIATION = re.compile(
    r"(?:\b(?:mr|mrs|ms|dr|prof|gov|sen|rep|reps|gen|lt|col|capt|sgt|st|jr|sr|rev|hon|"
    r"no|vol|fig|inc|ltd|co|corp|vs|etc|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
    r"|\b[a-z]|\b(?:[a-z]\.)+[a-z])\.[\"”’']?$",
    re.I,
)


TRAILING_SPACE = re.compile(r"\s*")


class _Segmenter(pysbd.Segmenter):
    r"""pysbd's segmenter (pinned, 0.3.4) with its last step done by string search.

    pysbd finds each sentence it made in the original text by compiling the sentence itself
    into a pattern (``re.escape(sentence) + r"\s*"``) and taking the first match that ends
    after the previous sentence. Every sentence is a new pattern: they flooded ``re``'s cache
    (512 patterns), so pysbd's own fixed ones were compiled again and again, a fifth of the
    splitter's time on Multi-News. ``str.find`` finds the same non-overlapping occurrences,
    and the same ``\s*`` takes the spaces after them.
    """

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        if not all(sentences):  # an empty pattern matches everywhere: pysbd's own way
            return super().sentences_with_char_spans(sentences)
        text = self.original_text
        spans: list[TextSpan] = []
        prior_end = 0
        for sentence in sentences:
            at = text.find(sentence)
            while at >= 0:
                end = TRAILING_SPACE.match(text, at + len(sentence)).end()  # type: ignore[union-attr]
                if end > prior_end:
                    spans.append(TextSpan(text[at:end], at, end))
                    prior_end = end
                    break
                at = text.find(sentence, end)
        return spans

    def processor(self, text: str) -> Processor:
        return _Processor(text, self.language_module, char_span=self.char_span)


class _Processor(Processor):  # type: ignore[misc]
    def abbreviations_replacer(self) -> English.AbbreviationReplacer:
        return _AbbreviationReplacer(self.text, self.lang)


PREPOSITIVE, NUMBER, PERIOD = "prepositive", "number", "period"
_SUBSTITUTIONS = {  # pysbd's three, by the kind of abbreviation (abbreviation_replacer.py)
    PREPOSITIVE: r"(?<=\s{abbr})\.(?=(\s|:\d+))",
    NUMBER: r"(?<=\s{abbr})\.(?=(\s\d|\s+\())",
    PERIOD: r"(?<=\s{abbr})\.(?=((\.|\:|-|\?|,)|(\s([a-z]|I\s|I'm|I'll|\d|\())))",
}


@lru_cache(maxsize=4096)
def _substitution(kind: str, abbreviation: str) -> re.Pattern[str]:
    """pysbd's pattern for one abbreviation as written (raw, or escaped for a period)."""
    written = re.escape(abbreviation) if kind == PERIOD else abbreviation
    return re.compile(_SUBSTITUTIONS[kind].format(abbr=written))


@lru_cache(maxsize=1024)
def _abbreviation_search(abbreviation: str) -> re.Pattern[str]:
    """pysbd's pattern for where one of its abbreviations starts a word, as it writes it
    (compiled when first needed: most are found by :func:`_word_starts`)."""
    return re.compile(rf"(?:^|\s|\r|\n){abbreviation}", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _next_word(abbreviation: str) -> re.Pattern[str]:
    """pysbd's pattern for the first character after an abbreviation, as it writes it."""
    return re.compile(r"(?<={" + str(re.escape(abbreviation)) + "} ).{1}")


# The characters other than ASCII letters that ``re.IGNORECASE`` matches to one ("İ", "ı",
# "ſ", the Kelvin sign; tests/test_sentences.py checks every code point), and the ASCII
# capitals lower-cased alone: where a line holds none of the former, a letter-only
# abbreviation matches case-insensitively exactly where it occurs in the line so lowered.
CASE_MATCHES_ASCII = frozenset("\u0130\u0131\u017f\u212a")
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _word_starts(text: str, folded: str, abbreviation: str) -> list[str]:
    r"""What pysbd's ``(?:^|\s|\r|\n)abbreviation`` finds (case-insensitive) in ``text``,
    for a letter-only abbreviation, by string search in ``folded`` (``text`` with its ASCII
    capitals lower-cased and none of ``CASE_MATCHES_ASCII``): each occurrence at the start
    or after a space character (``\s`` is ``str.isspace``), with that character. Such
    occurrences cannot overlap, so they are the pattern's matches, in order."""
    found: list[str] = []
    size = len(abbreviation)
    at = folded.find(abbreviation)
    while at >= 0:
        if at == 0:
            found.append(text[:size])
        elif text[at - 1].isspace():
            found.append(text[at - 1 : at + size])
        at = folded.find(abbreviation, at + 1)
    return found


class _AbbreviationReplacer(English.AbbreviationReplacer):  # type: ignore[misc]
    """pysbd's abbreviation replacer (pinned, 0.3.4), the same replacements made once.

    For each of its 200 abbreviations found in a line, pysbd takes every place the
    abbreviation starts a word (every word beginning with "p", for the abbreviation "p")
    and for each runs a substitution over the whole line: the same substitution again and
    again, with patterns made from strings, so that ``re``'s cache of 512 overflowed and
    they were compiled again too. Its substitutions only turn a full stop into "∯" where
    the pattern matches, and a pattern without "∯" in it cannot match where one was made,
    so running one a second time changes nothing: here each runs once a line, compiled
    once a process (half of pysbd's time on Multi-News). And the places a letter-only
    abbreviation starts a word are found by string search (:func:`_word_starts`).
    """

    def search_for_abbreviations_in_string(self, text: str) -> str:
        lowered = text.lower()
        # Substitutions only turn full stops into "∯": letters and spaces stay where they are.
        folded = None if CASE_MATCHES_ASCII.intersection(text) else text.translate(ASCII_LOWER)
        done: set[tuple[str, str]] = set()
        for abbr in self.lang.Abbreviation.ABBREVIATIONS:
            stripped = abbr.strip()
            if stripped not in lowered:
                continue
            if folded is not None and stripped.isascii() and stripped.isalpha():
                found = _word_starts(text, folded, stripped)
            else:
                found = _abbreviation_search(stripped).findall(text)
            if not found:
                continue
            # pysbd's pattern for the next word wants the abbreviation in braces ("{p} "):
            # it finds nothing in a line without a brace, so it is not run on one.
            next_chars = _next_word(stripped).findall(text) if "{" in text else []
            for index, written in enumerate(found):
                kind = self._kind(written, next_chars[index] if index < len(next_chars) else "")
                if kind is None:
                    continue
                key = (kind, written.strip())
                if key in done:
                    continue
                if "∯" not in key[1]:
                    done.add(key)
                text = _substitution(*key).sub("∯", " " + text)[1:]
        return text

    def _kind(self, written: str, next_char: str) -> str | None:
        """Which of pysbd's substitutions ``scan_for_replacements`` runs, if any."""
        word = written.strip().lower()
        prepositive = self.lang.Abbreviation.PREPOSITIVE_ABBREVIATIONS
        if next_char.isupper() and word not in prepositive:
            return None
        if word in prepositive:
            return PREPOSITIVE
        if word in self.lang.Abbreviation.NUMBER_ABBREVIATIONS:
            return NUMBER
        return PERIOD


def _segmenter() -> pysbd.Segmenter:
    """A new segmenter for each paragraph: pysbd keeps the text it splits on the instance
    (``original_text``), so one shared between threads hands out other threads' sentences.
    Making one costs a microsecond or two (a dictionary look-up)."""
    return _Segmenter(language="en", clean=False, char_span=False)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line-delimited paragraph."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text + "\n"):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    return spans


def split_paragraph(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    for p_start, p_end in pieces(text):
        piece_text = text[p_start:p_end]
        cursor = 0
        for sentence in _segmenter().segment(piece_text):
            sentence = sentence.strip()
            if not sentence:
                continue
            start = piece_text.find(sentence, cursor)
            if start < 0:  # pysbd normalised something; fall back to the cursor
                start = cursor
            end = start + len(sentence)
            for a, b in resplit(piece_text[start:end]):
                a, b = p_start + start + a, p_start + start + b
                if (
                    spans
                    and SPEECH_TAIL.match(text[a:b])
                    and ABBREVIATION.search(text[spans[-1][0] : spans[-1][1]])
                ):
                    spans[-1] = (spans[-1][0], b)  # "... Joseph D. Early Jr. Said Monday."
                else:
                    spans.append((a, b))
            cursor = end
    return spans


# A speech verb and its day cut off after a name's abbreviation ("district attorney Joseph
# D. Early Jr. Said wednesday night."; Multi-News capitalises each sentence's first word):
# the tail of the sentence before, not a sentence.
SPEECH_TAIL = re.compile(
    r"^(?:said|says|told|added|wrote)\b(?:\s+[\w'’,-]+){0,6}\s*[.!?]?[\"”’']?$", re.I
)


# pysbd's time grows with the square of the text it is given (a paragraph of 1,000
# sentences takes it 24 s, of 4,000 171 s), so a long paragraph is cut into pieces of at
# most this many characters first, at a sentence end that pysbd would cut at too: a full
# stop, question or exclamation mark (and any closing quote or bracket), a space and a
# capital, not after an abbreviation. News paragraphs are far shorter (Multi-News documents
# are at most 3,000 characters in all), so this changes nothing on them.
PIECE_CHARS = 4_000
PIECE_CUT = re.compile(r"[.!?][\"”’')\]]*(?P<space>\s+)(?=[\"“‘'(\[]?[A-Z])")
SPACE = re.compile(r"\s+")


def pieces(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of a paragraph, each at most ``size`` characters
    (default ``PIECE_CHARS``): cut at the last sentence end in the second half of each
    window, else at the last space, else (a run without one) where the window ends."""
    size = size or PIECE_CHARS
    found: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        window_end = start + size
        cut = None
        for match in PIECE_CUT.finditer(text, start + size // 2, window_end):
            end = match.start("space")
            if not ABBREVIATION.search(text[max(start, end - 30) : end]):
                cut = match.end("space")
        if cut is None or cut > window_end:
            spaces = [m.end() for m in SPACE.finditer(text, start + 1, window_end)]
            cut = spaces[-1] if spaces else window_end
        found.append((start, cut))
        start = cut
    found.append((start, len(text)))
    return found


def resplit(piece: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences of a piece pysbd returned: itself unless it is long
    and holds clear sentence boundaries."""
    if len(piece.split()) <= LONG_PIECE_WORDS:
        return [(0, len(piece))]
    spans: list[tuple[int, int]] = []
    start = 0
    for match in BOUNDARY.finditer(piece):
        end, next_start = _cut(piece, match)
        before = piece[start:end]
        if ABBREVIATION.search(before) or len(before.split()) < 3:
            continue
        if not match.group("spaced") and _inside_quote(piece[:end]):
            continue  # a quotation of several sentences stays with its attribution
        spans.append((start, end))
        start = next_start
    spans.append((start, len(piece)))
    return [(a, b) for a, b in spans if piece[a:b].strip()]


def _inside_quote(text: str) -> bool:
    """Whether a quotation opened in ``text`` is still open at its end."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _cut(piece: str, match: re.Match[str]) -> tuple[int, int]:
    """Where the sentence before a boundary ends and the next begins. A closing quote
    stays with the sentence it closes; a spaced straight quote closes one when an odd
    number of quotes comes before it, and opens the next sentence otherwise."""
    if match.group("spaced"):
        quote = match.start("spaced")
        if piece.count('"', 0, quote) % 2 == 1:
            return quote + 1, match.end()
        return match.start(), quote
    close = match.group("close") or ""
    return match.start() + len(close), match.end()


SENTENCE_END = re.compile(r"[.!?…:;\"”’')\]]\s*$")
MAX_HEADING_WORDS = 25


def is_heading(paragraph: str) -> bool:
    """A headline or subhead: short, and without the punctuation that ends a sentence."""
    return len(paragraph.split()) <= MAX_HEADING_WORDS and not SENTENCE_END.search(paragraph)


def split_sentences(doc_id: str, text: str) -> list[Sentence]:
    sentences: list[Sentence] = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        spans = split_paragraph(text[p_start:p_end])
        heading = len(spans) == 1 and is_heading(text[p_start:p_end])
        for start, end in spans:
            sentences.append(
                Sentence(
                    doc_id=doc_id,
                    index=len(sentences),
                    text=text[p_start + start : p_start + end],
                    start=p_start + start,
                    end=p_start + end,
                    paragraph=number,
                    heading=heading,
                )
            )
    return sentences
