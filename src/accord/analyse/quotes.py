"""Direct quotations and who the article says spoke them.

Handles the usual news patterns: "…," said Philip Luther; "…," Luther said; Luther said: "…";
"…," according to Luther; a quote split by its attribution ("…," he said. "…"); a pronoun
resolved to the last named speaker; a quote that runs over several paragraphs (opening
marks repeated, closing mark only at the end).
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass

from accord.analyse.terms import STOP_WORDS as ENGLISH_STOP_WORDS
from accord.model import Document, Entity, Quote

OPEN_CLOSE = {"“": "”", '"': '"', "«": "»", "„": "“"}
QUOTE_MARK = re.compile(r"[“\"«„]")
SPEECH_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|warned|warns|explained|explains|"
    r"noted|notes|wrote|writes|insisted|insists|asked|asks|declared|declares|claimed|claims|"
    r"argued|argues|continued|continues|recalled|recalls|remarked|commented|comments|"
    r"acknowledged|admitted|announced|replied|responded|stressed|urged|cautioned|concluded"
)
SPEECH = re.compile(rf"\b({SPEECH_VERBS})\b|\baccording to\b", re.I)
PRONOUNS = {"he", "she", "they"}
NAME_PHRASE = r"[\w'’.-]+(?:\s+[\w'’.-]+){0,4}"
# Words that end a speaker phrase after the verb: "said Luther on Monday", "told X in ...".
AFTER_NAME = r"on|in|at|to|after|before|during|when|who|while|of|from|that|about|last|this"
# Words that never belong to a speaker phrase: they mean the clause is not an attribution.
NOT_SPEAKER = {
    "it",
    "is",
    "was",
    "were",
    "has",
    "had",
    "have",
    "that",
    "this",
    "which",
    "what",
    "not",
    "i",
    "we",
    "you",
    "there",
    "to",
    "of",
    "in",
    "on",
    "be",
    "who",
}
APPOSITIVE = re.compile(
    r"(?:^|(?<=[.!?\"”\n]\s)|(?<=\n))([A-Za-z][\w'-]+(?:\s+[A-Za-z][\w'-]+){1,2}),\s+"
    r"(?:the|a|an|who|[a-z]+'s)\b"
)
MIN_QUOTE_WORDS = 4
ATTRIBUTION_WINDOW = 200  # characters around a quote where its attribution may stand
MAX_VERB_DISTANCE = 150  # "…," Philip Luther, director of …, said: the title can be long


@dataclass(slots=True)
class _Span:
    start: int
    end: int  # after the closing mark (or the paragraph end when unclosed)
    closed: bool


def quote_spans(paragraph: str) -> list[_Span]:
    spans: list[_Span] = []
    i = 0
    while match := QUOTE_MARK.search(paragraph, i):
        opener = match.group(0)
        closer = OPEN_CLOSE[opener]
        close = paragraph.find(closer, match.end())
        if close < 0:
            spans.append(_Span(match.start(), len(paragraph), closed=False))
            break
        spans.append(_Span(match.start(), close + 1, closed=True))
        i = close + 1
    return spans


def _inner(text: str) -> str:
    return text.strip().strip('“”"«»„').strip().rstrip(",").strip()


def _merge_adjacent(entities: list[Entity]) -> list[Entity]:
    """Join people named back to back: "harbour master" + "Ewan Doyle" is one speaker."""
    merged: list[Entity] = []
    for entity in entities:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.kind == entity.kind == "person"
            and 0 <= entity.start - last.end <= 1
        ):
            merged[-1] = Entity(
                text=entity.text, kind="person", key=entity.key, start=last.start, end=entity.end
            )
        else:
            merged.append(entity)
    return merged


def _clean_phrase(phrase: str) -> str | None:
    """A speaker phrase next to a speech verb, or None when it cannot be one."""
    words = phrase.strip(" ,;:.").split()
    while words and words[0].lower() in ("and", "but", "as", "while", "so"):
        words = words[1:]
    if not words or len(words) > 6:
        return None
    lowered = [w.lower().strip(",") for w in words]
    if len(words) == 1 and lowered[0] in PRONOUNS:
        return lowered[0]
    if any(w in NOT_SPEAKER for w in lowered) or any(not re.search(r"[a-z]", w) for w in lowered):
        return None
    if lowered[0] in ("the", "a", "an"):
        if len(words) < 2:
            return None
        return " ".join(words)
    return " ".join(words)


def _phrase_speaker(clause: str, verb: re.Match[str], after_quote: bool) -> str | None:
    """The words that stand next to the verb as its subject, when no named entity does.

    ``"…," okonkwo said`` and ``said maria fonseca, chief economist`` name their speaker
    even when the text is lower-cased and the entity recogniser sees no one.
    """
    before = clause[: verb.start()]
    if after_quote:
        candidate = before if re.fullmatch(rf"\s*,?\s*{NAME_PHRASE}\s*", before) else ""
        if not candidate.strip():
            following = re.match(
                rf"\s*({NAME_PHRASE}?)(?=\s*(?:[,.;:!?]|$|\s+(?:{AFTER_NAME})\b))",
                clause[verb.end() :],
            )
            candidate = following.group(1) if following else ""
    else:
        tail = re.search(rf"({NAME_PHRASE})\s*$", before)
        candidate = tail.group(1) if tail else ""
        if candidate and not re.search(r"\s*[:,]?\s*$", clause[verb.end() :]):
            candidate = ""
    return _clean_phrase(candidate) if candidate else None


def _speaker_in(
    clause: str,
    clause_start: int,
    entities: list[Entity],
    verb: re.Match[str],
    after_quote: bool,
) -> str | None:
    """The named speaker nearest the speech verb in an attribution clause."""
    phrase = _phrase_speaker(clause, verb, after_quote)
    best: tuple[int, str] | None = None
    for entity in _merge_adjacent(entities):
        if entity.kind not in ("person", "organisation"):
            continue
        local_start = entity.start - clause_start
        if 0 <= local_start < len(clause):
            local_end = local_start + (entity.end - entity.start)
            distance = min(abs(local_start - verb.end()), abs(local_end - verb.start()))
            # People outrank organisations ("Luther, director of ... at Amnesty").
            score = distance + (0 if entity.kind == "person" else 200)
            if best is None or score < best[0]:
                best = (score, entity.text)
    if best and (phrase is None or best[0] <= 2 or best[1] in phrase):
        return best[1]
    # The words next to the verb beat a name further off: in "…," said A, while his
    # neighbour B said: "…" the second quote is B's even when B is not recognised.
    return phrase or (best[1] if best else None)


def _attribution(
    paragraph: str,
    span: _Span,
    next_span_start: int,
    previous_end: int,
    entities: list[Entity],
    offset: int,
) -> str | None:
    """Who the text around a quote gives it to: the clause after it, else the one before."""
    after = paragraph[span.end : min(next_span_start, span.end + ATTRIBUTION_WINDOW)]
    after_clause = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
    if (verb := SPEECH.search(after_clause)) and verb.start() < MAX_VERB_DISTANCE:
        speaker = _speaker_in(after_clause, offset + span.end, entities, verb, after_quote=True)
        if speaker:
            return speaker
    before = paragraph[max(previous_end, span.start - ATTRIBUTION_WINDOW) : span.start]
    before_clause = re.split(r"(?<=[.!?])\s", before)[-1]
    verbs = list(SPEECH.finditer(before_clause))
    if verbs:
        clause_start = offset + span.start - len(before_clause)
        # The verb nearest the quote introduces it: "…," said A, while B said: "…".
        start = max(0, verbs[-1].start() - MAX_VERB_DISTANCE)
        if len(verbs) > 1:
            start = max(start, verbs[-2].end())
        clause = before_clause[start:]
        verb = SPEECH.search(clause, verbs[-1].start() - start)
        assert verb is not None
        return _speaker_in(clause, clause_start + start, entities, verb, after_quote=False)
    return None


def _appositive_people(text: str, position: int) -> list[tuple[int, str]]:
    """Names introduced with an apposition before ``position``: "greta nyberg, the captain,".

    Works without capitals, where the entity recogniser finds no one in lower-cased text.
    """
    found = []
    for match in APPOSITIVE.finditer(text, 0, position):
        words = match.group(1).lower().split()
        if not any(w in ENGLISH_STOP_WORDS or w in NOT_SPEAKER for w in words):
            found.append((match.start(1), match.group(1)))
    return found


def _last_person_before(
    entities: list[Entity], position: int, speakers: list[tuple[int, str]], text: str
) -> str | None:
    """A pronoun speaker is the last person the article named before the quote."""
    candidates = [(e.start, e.text) for e in _merge_adjacent(entities) if e.kind == "person"]
    candidates += _appositive_people(text, position)
    candidates += speakers
    candidates = [(at, name) for at, name in candidates if at < position]
    if not candidates:
        return None
    _, name = max(candidates, key=lambda c: c[0])
    return _full_name(name, [n for _, n in sorted(candidates)])


def _people(entities: list[Entity]) -> list[str]:
    return [e.text for e in _merge_adjacent(entities) if e.kind == "person"]


def _full_name(speaker: str, known: list[str]) -> str:
    """ "Luther" -> "Philip Luther" when the article named him in full before."""
    for name in reversed(known):
        if name != speaker and name.split()[-1] == speaker.split()[-1] and len(name) > len(speaker):
            return name
    return speaker


def extract_quotes(doc: Document, entities: list[Entity]) -> list[Quote]:
    """Quotes of a document whose sentences and entities are already annotated."""
    from accord.analyse.sentences import paragraphs

    quotes: list[Quote] = []
    speakers: list[tuple[int, str]] = []  # (position, name) of each named speaker so far
    sentence_starts = [s.start for s in doc.sentences]
    pending: Quote | None = None  # an unclosed quote that continues in the next paragraph
    for p_start, p_end in paragraphs(doc.text):
        paragraph = doc.text[p_start:p_end]
        spans = quote_spans(paragraph)
        previous_end = 0
        previous_speaker: str | None = None
        for k, span in enumerate(spans):
            next_start = spans[k + 1].start if k + 1 < len(spans) else len(paragraph)
            text = _inner(paragraph[span.start : span.end])
            if len(text.split()) < MIN_QUOTE_WORDS:
                previous_end = span.end
                continue
            speaker = _attribution(paragraph, span, next_start, previous_end, entities, p_start)
            if speaker is None and previous_speaker and k > 0:
                speaker = previous_speaker  # "…," he said. "…" — the split quote goes on
            if speaker is None and pending is not None and k == 0:
                speaker = pending.speaker
            if speaker in PRONOUNS:
                speaker = _last_person_before(entities, p_start + span.start, speakers, doc.text)
            elif speaker and not speaker.lower().startswith(("the ", "a ", "an ")):
                speaker = _full_name(speaker, [n for _, n in speakers] + _people(entities))
                speakers.append((p_start + span.start, speaker))
            if speaker and pending is not None and pending.speaker is None and k == 0:
                pending.speaker = speaker  # a quote over paragraphs, attributed at its end
            sentence = max(0, bisect_right(sentence_starts, p_start + span.start) - 1)
            quote = Quote(
                text=text,
                speaker=speaker,
                doc_id=doc.id,
                sentence_index=sentence,
                start=p_start + span.start,
                end=p_start + span.end,
            )
            quotes.append(quote)
            previous_end = span.end
            previous_speaker = speaker
            pending = quote if not span.closed else None
        if not spans:
            pending = None
    _resolve_forward(quotes)
    return quotes


def _resolve_forward(quotes: list[Quote]) -> None:
    """An unattributed quote right before one by a named speaker in a run is theirs."""
    for earlier, later in itertools.pairwise(quotes):
        if earlier.speaker is None and later.speaker and later.start - earlier.end < 3:
            earlier.speaker = later.speaker
