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


def _speaker_in(clause: str, clause_start: int, entities: list[Entity], verb_at: int) -> str | None:
    """The named speaker nearest the speech verb in an attribution clause."""
    best: tuple[int, str] | None = None
    for entity in entities:
        if entity.kind not in ("person", "organisation"):
            continue
        local_start = entity.start - clause_start
        if 0 <= local_start < len(clause):
            distance = abs(local_start - verb_at)
            # People outrank organisations ("Luther, director of ... at Amnesty").
            score = distance + (0 if entity.kind == "person" else 200)
            if best is None or score < best[0]:
                best = (score, entity.text)
    if best:
        return best[1]
    words = re.findall(r"[A-Za-z']+", clause)
    lowered = [w.lower() for w in words]
    for pronoun in PRONOUNS:
        if pronoun in lowered:
            return pronoun
    subject = re.search(
        r"\b(the|a|an)\s+([a-z]+(?:\s+[a-z]+){0,3})\s+(?:" + SPEECH_VERBS + r")\b", clause, re.I
    )
    if subject:
        return f"the {subject.group(2)}"
    return None


def _attribution(
    paragraph: str,
    span: _Span,
    next_span_start: int,
    previous_end: int,
    entities: list[Entity],
    offset: int,
) -> str | None:
    after = paragraph[span.end : min(next_span_start, span.end + ATTRIBUTION_WINDOW)]
    after_clause = re.split(r"(?<=[.!?])\s", after, maxsplit=1)[0]
    if (verb := SPEECH.search(after_clause)) and verb.start() < MAX_VERB_DISTANCE:
        speaker = _speaker_in(after_clause, offset + span.end, entities, verb.start())
        if speaker:
            return speaker
    before = paragraph[max(previous_end, span.start - ATTRIBUTION_WINDOW) : span.start]
    before_clause = re.split(r"(?<=[.!?])\s", before)[-1]
    if verb := SPEECH.search(before_clause):
        clause_start = offset + span.start - len(before_clause)
        return _speaker_in(before_clause, clause_start, entities, verb.start())
    return None


def _last_person_before(entities: list[Entity], position: int, speakers: list[str]) -> str | None:
    """A pronoun speaker is the last person the article named before the quote."""
    people = [e for e in entities if e.kind == "person" and e.end <= position]
    if people:
        return _full_name(people[-1].text, speakers + [e.text for e in people])
    return speakers[-1] if speakers else None


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
    speakers: list[str] = []
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
                speaker = _last_person_before(entities, p_start + span.start, speakers)
            elif speaker and not speaker.startswith("the "):
                speaker = _full_name(speaker, speakers)
                speakers.append(speaker)
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
