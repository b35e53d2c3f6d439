"""Direct quotations, who the article says spoke them, and its indirect attributions.

Quotation spans come from the quote marks of each paragraph (a quote that runs over
several paragraphs repeats its opening mark and closes only at its end). Who said each is
decided on the dependency parse (:mod:`accord.analyse.attribution`): the quotation is the
content of a speech verb ("…," said Philip Luther; Luther said: "…"; "…," according to
Luther; Luther said the attacks "may amount to war crimes"), and its speaker is that
verb's subject, titles stripped, surname completed, pronoun resolved. A quotation with no
verb of its own continues the one before it (a split quote, "…," he said. "…"; a quote
left open at the end of a paragraph; a short one, '"Elections matter," Kelly said.',
passes its speaker on); failing that it is the one named claimant's of its sentence, or,
when it opens a sentence, of the sentence before; an unattributed one right before an
attributed one is that speaker's.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.analyse.attribution import (
    RELATIVE,
    Cue,
    PersonTracker,
    clean_name,
    find_cues,
    is_cue,
    lexical_cue,
    reporter,
)
from accord.model import Attribution, Document, Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

# Closing marks each opening mark accepts: scraped text mixes curly and straight marks
# ('“…," Sanders said').
OPEN_CLOSE = {"“": '”"', '"': '"”', "«": "»", "„": "“”"}
QUOTE_MARK = re.compile(r"[“\"«„]")
MIN_QUOTE_WORDS = 4
ASIDES, ASIDE_WORDS = 2, 5  # paragraphs of stage directions a run of quotations crosses
# A sentence ending between two quotations: '… primary. "You …'.
SENTENCE_END = re.compile(r"[.!?][\"”’]*\s+[\"“]?[A-Z]")
NAMED_KINDS = ("person", "organisation", "group", "place")
# An opening mark typed where a closing one belongs: '“It's unusual,“ said Noble'.
MISTYPED_CLOSE = re.compile(r"(?<=[,.!?])“(?=\s)")


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
        close = _close(paragraph, opener, match.end())
        if close < 0:
            spans.append(_Span(match.start(), len(paragraph), closed=False))
            break
        spans.append(_Span(match.start(), close + 1, closed=True))
        i = close + 1
    return spans


def _close(paragraph: str, opener: str, start: int) -> int:
    """Where the quotation an ``opener`` at ``start`` opens closes, or -1.

    A straight quotation holding a curly one ('"It isn't about “Equal Justice” any more.')
    closes at a mark after the inner one's "”", not at it."""
    while True:
        closes = [k for c in OPEN_CLOSE[opener] if (k := paragraph.find(c, start)) >= 0]
        if opener == "“" and (mistyped := MISTYPED_CLOSE.search(paragraph, start)):
            closes.append(mistyped.start())
        close = min(closes) if closes else -1
        inner = paragraph.find("“", start, close) if opener == '"' and close >= 0 else -1
        # Not a doubled opening ('"“You don't win …,” Rubio said."'): the inner quotation
        # stands after some words of the outer one.
        if inner < 0 or paragraph[close] != "”" or not paragraph[start:inner].strip():
            return close
        start = close + 1


def _inner(text: str) -> str:
    return text.strip().strip('“”"«»„').strip().rstrip(",").strip()


def extract_quotes(
    doc: Document, entities: list[Entity], spacy_doc: SpacyDoc | None = None
) -> list[Quote]:
    """Quotes of a document whose sentences and entities are already annotated."""
    return extract_attributions(doc, entities, spacy_doc)[0]


@dataclass(slots=True)
class _Located:
    span: _Span  # in document offsets
    paragraph: int
    first: bool  # the first quotation of its paragraph
    bounds: tuple[int, int]  # of its paragraph


def _document_spans(text: str) -> list[_Located]:
    from accord.analyse.sentences import paragraphs

    found = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        for k, span in enumerate(quote_spans(text[p_start:p_end])):
            found.append(
                _Located(
                    _Span(p_start + span.start, p_start + span.end, span.closed),
                    number,
                    k == 0,
                    (p_start, p_end),
                )
            )
    return found


def extract_attributions(
    doc: Document, entities: list[Entity], spacy_doc: SpacyDoc | None = None
) -> tuple[list[Quote], list[Attribution]]:
    """Quotes and attributions of a document whose sentences are annotated.

    Each quotation goes to the cue whose content (in the parse) it is part of; one with no
    cue of its own continues the quotation before it in its paragraph, or the one left
    open at the end of the paragraph before; one right before an attributed quotation is
    that speaker's too. Every other cue with a claimant and a content is an indirect
    attribution.
    """
    if spacy_doc is None:
        from accord.analyse.nlp import pipeline

        spacy_doc = pipeline()(doc.text)
    from accord.analyse.sentences import paragraphs

    located = _document_spans(doc.text)
    paragraph_bounds = paragraphs(doc.text)
    tracker = PersonTracker(entities, doc.text)
    cues = find_cues(spacy_doc, [(q.span.start, q.span.end) for q in located], tracker)
    token_starts = [t.idx for t in spacy_doc]
    by_token = {cue.token.i: cue for cue in cues}
    quoted_tokens: set[int] = set()
    for q in located:
        quoted_tokens |= set(
            range(bisect_left(token_starts, q.span.start), bisect_left(token_starts, q.span.end))
        )
    sentence_starts = [s.start for s in doc.sentences]

    def sentence_of(offset: int) -> int:
        return max(0, bisect_right(sentence_starts, offset) - 1)

    def tokens_in(start: int, end: int) -> set[int]:
        return set(range(bisect_left(token_starts, start), bisect_left(token_starts, end)))

    quotes: list[Quote] = []
    attributions: list[Attribution] = []
    used: set[int] = set()
    weak: set[int] = set()  # quotes given the speaker of the paragraph before
    previous: tuple[_Located, Quote, int] | None = None  # and where its attribution ends
    for item in located:
        span = item.span
        text = _inner(doc.text[span.start : span.end])
        # A short quotation ("Elections matter," Kelly said.) is no quote of its own, but
        # who said it is who goes on speaking in the quotations after it.
        short = len(text.split()) < MIN_QUOTE_WORDS
        inside = tokens_in(span.start, span.end)
        best: tuple[int, int, int, int] | None = None
        for number, cue in enumerate(cues):
            shared = len(cue.content & inside)
            # "Rubio said that once the Senate goes on recess, “…”": a quotation-only
            # verb ("goes", "continues") inside what someone said introduces nothing.
            nested = (
                cue.quote_only
                and any(c.dep_ == "mark" for c in cue.token.children)
                and reporter(cue, cues) is not cue
            )
            if shared and not nested and _may_introduce(cue, item, quoted_tokens, spacy_doc):
                distance = min(abs(cue.token.idx - span.start), abs(cue.token.idx - span.end))
                # The cue whose content is most nearly this quote: '"…?" asked Dunn' over a
                # "Moscow denies" the parser hangs the whole sentence on.
                tight = round(10 * shared / len(cue.content))
                key = (tight, shared, -distance, number)
                if best is None or key > best:
                    best = key
        speaker: str | None = None
        cue: Cue | None = None
        if best is not None:
            cue = cues[best[3]]
            if not short:
                used.add(best[3])
        if (
            cue is None
            or cue.claimant is None
            or cue.claimant.name is None
            or cue.token.idx < span.start
        ):
            # The parse tied no named subject to the quote, or only one before it: the
            # words right after it ('"…?" asked Dunn') are stronger evidence.
            cue = (
                lexical_cue(spacy_doc, span.start, span.end, tracker, by_token, token_starts) or cue
            )
        if cue is not None:
            cue = _outer_named(cue, cues)
        if cue is not None and cue.claimant is not None:
            speaker = cue.claimant.name
        # A cue with no subject at all (the parse took a quoted word for it) says nothing
        # of who spoke; one whose subject is the writer ("I") or a pronoun left unresolved
        # does: no one named.
        # A short one is too often a title or a scare quote ("Scandal") to pass on
        # anything but a speaker a cue gives it.
        open_cue = not short and (cue is None or (cue.claimant is None and not cue.author))
        signed = None
        if open_cue and _alone(item):
            signed = _signature(doc.text, item, paragraph_bounds, spacy_doc, token_starts)
        if signed is not None:  # '“…” ¶ - Bernie Sanders.'
            speaker, open_cue = tracker.full_name(signed), False
        if open_cue and previous is not None:
            speaker = _continued(
                item,
                previous,
                span.start,
                doc,
                entities,
                cues,
                sentence_of,
                spacy_doc,
                token_starts,
            )
        if speaker is None and open_cue:
            found = _sentence_cue(cues, item, doc, sentence_of, quoted_tokens - inside)
            # A name in what the claimant said ("Yepez said Perez was right to urge …")
            # is no new speaker; one outside it may be.
            if found is not None and not _new_name(
                entities,
                _between(found, span),
                found.claimant.name,
                spacy_doc,
                token_starts,
                # Nor is a name inside another quotation ('The promise to “take our
                # country back” and “make America great again” appeals to …, said X').
                ignore=found.content | quoted_tokens,
            ):
                cue, speaker = found, found.claimant.name  # type: ignore[union-attr]
        if speaker is None and open_cue:
            found = _sentence_before(cues, item, previous, doc, sentence_of)
            if found is not None:
                cue, speaker = found, found.claimant.name  # type: ignore[union-attr]
        if speaker is None and open_cue and _alone(item):
            reported = _last_report_before(cues, item, previous, paragraph_bounds)
            if reported is not None:
                cue = reported
                speaker = reported.claimant.name if reported.claimant else None
                weak.add(len(quotes))
        if speaker is None and open_cue and not short:
            speaker = _clause_subject(spacy_doc, inside, quoted_tokens, tracker, by_token)
        if cue is not None and not short:
            attributions.append(_attribution(doc, cue, "direct", span.start, span.end, sentence_of))
        quote = Quote(
            text=text,
            speaker=speaker,
            doc_id=doc.id,
            sentence_index=sentence_of(span.start),
            start=span.start,
            end=span.end,
        )
        if not short:
            quotes.append(quote)
        attribution_end = 0
        if cue is not None:
            attribution_end = cue.token.idx + len(cue.token.text)
            if cue.claimant is not None:
                attribution_end = max(attribution_end, cue.claimant.end)
        if not short or speaker is not None:  # a title ("This Week") passes on nothing
            previous = (item, quote, attribution_end)
    _resolve_forward(quotes, weak)
    quoted = [(q.span.start, q.span.end) for q in located]
    for number, cue in enumerate(cues):
        if number in used or cue.quote_only or not cue.content or cue.claimant is None:
            continue
        first, last = min(cue.content), max(cue.content)
        start = spacy_doc[first].idx
        end = spacy_doc[last].idx + len(spacy_doc[last].text)
        if any(a <= start and end <= b for a, b in quoted):
            continue
        attributions.append(_attribution(doc, cue, "indirect", start, end, sentence_of))
    attributions.sort(key=lambda a: (a.cue_start, a.content_start))
    return quotes, attributions


def _outer_named(cue: Cue, cues: list[Cue]) -> Cue:
    """The named reporter of a cue whose claimant is only a role or no one, when the cue is
    part of what that reporter said: 'Holm said the town lost a voice that said "…"',
    'Berg said that according to its count, "…"'. The article quotes the named speaker,
    who reports the role's words; a named claimant of its own keeps the cue."""
    claimant = cue.claimant
    if cue.author or (claimant is not None and claimant.kind != "role" and claimant.name):
        return cue
    outer = reporter(cue, cues)
    named = outer.claimant is not None and outer.claimant.name
    if outer is cue or not named or outer.claimant.kind not in NAMED_KINDS:  # type: ignore[union-attr]
        return cue
    # The reporting verb governs the cue; a clause the parse merely hung its "content"
    # on ('After Holm asked …, Berg replied, “…”') reports nothing.
    if not any(a.i == outer.token.i for a in cue.token.ancestors):
        return cue
    return outer


TERM_WORDS = 4  # a quotation shorter than this is a term or a scare quote, not a speech
TERM_ENDS = re.compile(r"[.!?]\W*$")


def _continued(
    item: _Located,
    previous: tuple[_Located, Quote, int],
    start: int,
    doc: Document,
    entities: list[Entity],
    cues: list[Cue],
    sentence_of: Callable[[int], int],
    spacy_doc: SpacyDoc,
    token_starts: list[int],
) -> str | None:
    """The speaker of the quotation before, when this one goes on with it.

    In the same paragraph with no one else named in between ('"…," Smith said. "…"'); the
    next paragraph of a quotation left open; a paragraph that is only a quotation, after
    a paragraph that ended with the quotation before and brought in no one else.
    """
    before, quote, attributed_to = previous
    if quote.speaker is None:
        return None
    same_paragraph = before.paragraph == item.paragraph
    continued = not before.span.closed and item.first and before.paragraph + 1 == item.paragraph
    # Names in the sentence that ends the quotation before are its attribution; but when
    # this quotation opens in that same sentence ('a clip Mosman called "distasteful,"
    # Santilli expressed a desire to "…"'), the words between the two are not.
    sentence = doc.sentences[sentence_of(before.span.end - 1)] if doc.sentences else None
    same_sentence = (
        sentence is not None
        and start < sentence.end
        and not SENTENCE_END.search(doc.text, before.span.end - 2, start + 2)
    )
    if same_sentence and len(quote.text.split()) < TERM_WORDS and TERM_ENDS.search(quote.text):
        # a term quoted at the end of a sentence the splitter did not end ('what Trump has
        # called a "witch hunt." "Our administration …"') is no speech the next quotation
        # goes on with; a term within a sentence ('says there is a "long road ahead" but
        # he feels …') may be
        return None
    sentence_end = sentence.end if sentence is not None and not same_sentence else 0
    between = (max(before.span.end, sentence_end, attributed_to), start)
    # Within one sentence, names in the clauses of the speaker's own verbs ('says there's
    # a "long road" but he feels Cruz will "…"', 'Rubio was hurt by going "…"') bring in
    # no one else; another speech verb's claimant still does.
    own = {
        t.i
        for c in cues
        if c.claimant is not None and c.claimant.name == quote.speaker
        for t in c.token.subtree
    }
    ignore = own if same_sentence else None
    new_name = _new_name(entities, between, quote.speaker, spacy_doc, token_starts, ignore) or any(
        between[0] <= c.token.idx < between[1]
        and c.claimant is not None
        and c.claimant.name != quote.speaker
        and not (c.quote_only and ignore and c.token.i in ignore)
        for c in cues
    )
    # Short paragraphs of stage directions between ("She pauses.", "Pause.") do not end
    # the run of one speaker's quotations.
    asides = [p for p in doc.text[before.bounds[1] : item.bounds[0]].split("\n") if p.strip()]
    stage = len(asides) <= ASIDES and all(
        len(p.split()) <= ASIDE_WORDS and not QUOTE_MARK.search(p) and p.rstrip()[-1:] == "."
        for p in asides  # not "Transcript as follows:", which brings in new speakers
    )
    after_last = (
        before.paragraph + 1 + len(asides) == item.paragraph
        and stage
        and not _new_name(
            entities, (before.span.end, item.bounds[0]), quote.speaker, spacy_doc, token_starts
        )
    )
    if (same_paragraph and not new_name) or continued or (_alone(item) and after_last):
        return quote.speaker
    return None


def _sentence_cue(
    cues: list[Cue],
    item: _Located,
    doc: Document,
    sentence_of: Callable[[int], int],
    quoted: set[int],
) -> Cue | None:
    """The one speech cue of a quotation's sentence, when the parse tied it elsewhere.

    'Zimmerman said he had received offers, but “the offers were …”'; 'The promise to
    “take our country back” appeals to …, said Alan Abramowitz': one named claimant
    speaks in the sentence, and the quotation is part of what they said. Two claimants,
    or none: no speaker.
    """
    if not doc.sentences:
        return None
    sentence = doc.sentences[sentence_of(item.span.start)]
    if sentence.end < item.span.end - 1:
        return None  # a quotation running over sentences: not this sentence's alone
    found = [
        c
        for c in cues
        if sentence.start <= c.token.idx < sentence.end
        and c.token.i not in quoted
        and not c.cognitive
        and not c.quote_only
        and item.bounds[0] <= c.token.idx < item.bounds[1]
        and c.claimant is not None  # "… to answer questions": no one speaks
    ]
    if len(found) != 1 or found[0].claimant is None or not found[0].claimant.name:
        return None
    # A cue whose content is another quotation ('a clip Mosman called "distasteful"') is
    # that quotation's; a description ("the promise") is too often the parse's mistake
    # unless it is the verb's own subject.
    content = found[0].content
    if 2 * len(content & quoted) > len(content) or not _speaking_kind(found[0]):
        return None
    return found[0]


def _speaking_kind(cue: Cue) -> bool:
    """Whether a cue's claimant may speak a quotation the parse did not tie to it: a
    person, organisation, group or place, or a role that is the verb's own subject ("the
    poll also finds that …", "according to the playbook"), not one reached through a
    relative ("a clause that requires staff to promise …")."""
    claimant = cue.claimant
    if claimant is None or claimant.kind in NAMED_KINDS:
        return claimant is not None
    own = cue.token.lower_ == "according" or _own_subject(cue.token)
    return claimant.kind == "role" and own


def _sentence_before(
    cues: list[Cue],
    item: _Located,
    previous: tuple[_Located, Quote, int] | None,
    doc: Document,
    sentence_of: Callable[[int], int],
) -> Cue | None:
    """The speaker of the sentence before a quotation that opens a sentence of its own.

    'Or maybe Jeb Bush, consultant Phil Musser says. "Several surveys …"'; 'Greene added
    that the Fed wants out. "They don't like …"': the sentence before, in the same
    paragraph and after any quotation, reports what one named claimant said.
    """
    if not doc.sentences:
        return None
    number = sentence_of(item.span.start)
    sentence = doc.sentences[number]
    if number == 0 or doc.text[sentence.start : item.span.start].strip(" (—-"):
        return None  # the quotation does not open its sentence
    before = doc.sentences[number - 1]
    start = max(before.start, item.bounds[0])
    if previous is not None:
        start = max(start, previous[0].span.end)
    found = [
        c
        for c in cues
        if start <= c.token.idx < sentence.start
        and not c.cognitive
        and c.claimant is not None
        and c.token.idx >= item.bounds[0]
    ]
    names = {c.claimant.name for c in found if c.claimant is not None}
    if len(names) != 1 or None in names or found[-1].claimant is None:
        return None
    # A role reports as a name does ("The Christian leader further related that …").
    if found[-1].claimant.kind not in (*NAMED_KINDS, "role"):
        return None
    return found[-1]


def _between(cue: Cue, span: _Span) -> tuple[int, int]:
    """The words between a cue (and its claimant) and a quotation, either side."""
    claimant = cue.claimant
    cue_start = min(cue.token.idx, claimant.start if claimant else cue.token.idx)
    cue_end = max(cue.token.idx + len(cue.token.text), claimant.end if claimant else 0)
    if cue_end <= span.start:
        return cue_end, span.start
    return span.end, cue_start


SIGNATURE = re.compile(
    r"[-—–]\s*((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w'’-]*)\.?\s*(?:,[^\n]{0,80})?\.?\s*$"
)


def _signature(
    text: str,
    item: _Located,
    paragraph_bounds: list[tuple[int, int]],
    spacy_doc: SpacyDoc,
    token_starts: list[int],
) -> str | None:
    """The name that signs a quotation standing alone: the next paragraph is only a dash
    and a name ('“…” ¶ - Bernie Sanders.', '¶ -Michelle Marks, Philadelphia.'), as fact
    checks and notebooks print who said what."""
    if item.paragraph + 1 >= len(paragraph_bounds):
        return None
    start, end = paragraph_bounds[item.paragraph + 1]
    match = SIGNATURE.fullmatch(text, start, end)
    if match is None:
        return None
    name_end = match.end(1)
    last = spacy_doc[max(0, bisect_right(token_starts, name_end - 1) - 1)]
    if last.pos_ != "PROPN" and last.ent_type_ not in ("PERSON", "ORG"):
        return None
    return clean_name(match.group(1)) or None


def _clause_subject(
    spacy_doc: SpacyDoc,
    inside: set[int],
    quoted: set[int],
    tracker: PersonTracker,
    cues: dict[int, Cue] | None = None,
) -> str | None:
    """The person whose clause a quotation no speech verb introduces is part of.

    'Clinton supports “appropriate pay raises”', 'Trump called the assault “an attack on
    our country”', 'Sanders credited her victory to “a closed primary”': the nearest verb
    above the quotation, outside it, has a person as its subject (a conjunct inherits
    it). A thing, a pronoun, a passive ("Rubio was asked whether …") or no subject: no
    speaker; nor where the clause is what someone else is reported to have said
    ("McConnell says that … Obama is giving them “…”"), or is in another quotation.
    A speech verb above it that does not take it as its content still speaks it
    (:func:`_governing_speech`), and a surname the article has named in full is a person.
    """
    words = sorted(i for i in inside if not spacy_doc[i].is_punct and not spacy_doc[i].is_space)
    if not words:
        return None
    node = spacy_doc[words[0]]
    for _ in range(12):
        if node.head.i == node.i:
            return None
        previous, node = node, node.head
        if node.i in quoted and node.i not in inside:
            return None  # a verb of another quotation the parse ran this one into
        low, high = sorted((node.i, words[0]))
        if any("\n" in t.text for t in spacy_doc[low:high]):
            return None  # a parse run over a paragraph break
        if node.i in inside or node.pos_ not in ("VERB", "AUX"):
            continue
        spoken = _governing_speech(node, previous, cues or {})
        if spoken is not None:
            return spoken
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None and node.dep_ == "conj":
            continue  # "…, opposes “…” and recalled": the first conjunct's subject
        participle = node.dep_ == "advcl" and node.tag_ == "VBG"
        if subject is None and (participle or node.dep_ == "xcomp"):
            continue  # "Clinton celebrated, declaring it “…”": the participle's subject
        if subject is None or subject.dep_ != "nsubj" or subject.i in inside:
            return None
        if previous.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return None  # the quotation is part of the subject, not of what it says
        # A surname the recogniser missed ("Romney fired back, attacking Trump for “…”")
        # is a person once the article has named them in full.
        person = subject.ent_type_ == "PERSON" or tracker.known_surname(subject) is not None
        if not person or subject.i in quoted or _reported(node):
            return None
        claimant = tracker.claimant(subject, spacy_doc)
        return claimant.name if claimant is not None and claimant.kind == "person" else None
    return None


def _own_subject(verb: Token) -> bool:
    """Whether a verb has a subject of its own, not a relative pronoun ("a clause that
    requires ..."): a role may speak only as such a subject."""
    return any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE for c in verb.children)


def _governing_speech(verb: Token, child: Token, cues: dict[int, Cue]) -> str | None:
    """The named claimant of a speech verb the quotation hangs on, though not as its
    content: 'a TV ad accuses Trump of buying influence “in a pattern of …”', 'The Times
    characterized the path to the nomination as a “journey from …”'. The verb's words
    are its claimant's; not through its subject (a quoted title), not for a verb of
    thinking or one that is speech only next to a quotation, nor where the verb is itself
    part of what someone else said."""
    cue = cues.get(verb.i)
    if cue is None or cue.cognitive or cue.quote_only or cue.author:
        return None
    if child.dep_ in ("nsubj", "nsubjpass", "csubj") or _reported(verb):
        return None
    claimant = cue.claimant
    if claimant is None or not claimant.name:
        return None
    # A role only as the verb's own subject: "a clause that requires staff to promise
    # not to “…”" makes no clause a speaker.
    own = _own_subject(verb)
    if claimant.kind not in NAMED_KINDS and not (claimant.kind == "role" and own):
        return None
    return claimant.name


def _reported(clause: Token) -> bool:
    """Whether a clause is (a conjunct of) the complement of a speech or thinking verb."""
    node = clause
    for _ in range(6):
        if node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "parataxis") and is_cue(node.head):
            return True
        node = node.head
    return False


def _alone(item: _Located) -> bool:
    """Whether a quotation is a paragraph by itself."""
    return item.first and item.span.start == item.bounds[0] and item.span.end >= item.bounds[1] - 1


def _last_report_before(
    cues: list[Cue],
    item: _Located,
    previous: tuple[_Located, Quote, int] | None,
    paragraph_bounds: list[tuple[int, int]],
) -> Cue | None:
    """The speech cue that ends the paragraph before a quotation standing by itself.

    "Valastro praised Christie's record on the storm." then, alone, "“We need someone who
    …”": the paragraph before reported what Valastro said, and the quotation goes on.
    """
    if item.paragraph == 0:
        return None
    start, end = paragraph_bounds[item.paragraph - 1]
    if previous is not None:
        start = max(start, previous[0].span.end)
    earlier = [
        c
        for c in cues
        if start <= c.token.idx < end
        and not _bracketed(c.token, start)
        and not (c.quote_only and not _named(c))
    ]
    if not earlier:
        return None
    last = earlier[-1]
    outer = reporter(last, cues)
    if outer.claimant is not None and outer.claimant.kind in NAMED_KINDS:
        last = outer  # "Carter said that some critics had predicted …" then "“…”": Carter's
    if last.cognitive or last.claimant is None or not last.claimant.name:
        return None
    return last


def _named(cue: Cue) -> bool:
    """Whether a cue's claimant is a person, an organisation, a group or a place.

    A verb that is speech only beside a quotation ("began", "went on") reports nothing
    at the end of a paragraph with no quotation beside it unless someone of that kind
    is its subject: "Holm spoke about the case." does, "the campaign began" does not."""
    claimant = cue.claimant
    return claimant is not None and bool(claimant.name) and claimant.kind in NAMED_KINDS


def _bracketed(token: Token, start: int) -> bool:
    """Whether a token stands inside brackets opened after ``start``: an aside ("(The
    laws require that doctors …)") that reports no one's words."""
    before = token.doc.text[start : token.idx]
    return before.count("(") > before.count(")")


def _new_name(
    entities: list[Entity],
    between: tuple[int, int],
    speaker: str | None,
    spacy_doc: SpacyDoc,
    starts: list[int],
    ignore: set[int] | None = None,
) -> bool:
    """Whether the words between two quotations bring in someone else as a subject
    (outside the tokens ``ignore``).

    '"…," Smith said. "…"' goes on with Smith, and so does '"…," said Smith. Smith backs
    Jones for mayor. "…"'; '"…," said Smith. Jones disagrees. "…"' does not, nor does
    'in Jones's words, "…"'.
    """
    surname = speaker.split()[-1] if speaker else None
    first, last = bisect_left(starts, between[0]), bisect_left(starts, between[1])
    ignore = ignore or set()
    for token in spacy_doc[first:last]:
        if token.i in ignore:
            continue
        # A named subject the entity recogniser missed: "Nina Roth disagrees."
        subject = token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "PROPN"
        if subject and (surname is None or token.text != surname):
            return True
    for entity in entities:
        if not between[0] <= entity.start < between[1]:
            continue
        if entity.kind not in ("person", "organisation", "group", "place"):
            continue
        if surname is not None and surname in entity.text:
            continue
        last = spacy_doc[bisect_right(starts, entity.end - 1) - 1]
        if last.i in ignore:
            continue
        if last.dep_ in ("nsubj", "nsubjpass", "poss") or last.head.lower_ == "to":
            return True
    return False


def _may_introduce(cue: Cue, item: _Located, quoted: set[int], spacy_doc: SpacyDoc) -> bool:
    """Whether a cue the parse ties to a quotation can be the one that introduces it.

    Not a verb of thinking ("as many researchers believe, … “why …?” asked Dunn"), not one
    in another paragraph, and not one after the quotation that has a clause of its own
    ("…." Ohio Gov. John Kasich said he would have fired him): there the parser has run
    two sentences together.
    """
    token = cue.token
    if cue.cognitive or not item.bounds[0] <= token.idx < item.bounds[1]:
        return False
    if token.idx >= item.span.end:
        own_clause = [
            i for i in cue.content if i > token.i and i not in quoted and not spacy_doc[i].is_punct
        ]
        if len(own_clause) >= 2:
            return False
    return True


def _attribution(
    doc: Document, cue: Cue, kind: str, start: int, end: int, sentence_of: Callable[[int], int]
) -> Attribution:
    claimant = cue.claimant
    token = cue.token
    return Attribution(
        kind=kind,  # type: ignore[arg-type]
        source=claimant.name if claimant else None,
        cue=token.text,
        content=doc.text[start:end],
        doc_id=doc.id,
        sentence_index=sentence_of(token.idx),
        cue_start=token.idx,
        cue_end=token.idx + len(token.text),
        content_start=start,
        content_end=end,
        source_start=claimant.start if claimant else 0,
        source_end=claimant.end if claimant else 0,
        source_kind=claimant.kind if claimant and claimant.name else "",
    )


def _resolve_forward(quotes: list[Quote], weak: set[int] | None = None) -> None:
    """An unattributed quote right before one by a named speaker in a run is theirs.

    So is one that only took the speaker of the paragraph before it: a quotation that
    runs straight into an attributed one belongs with it.
    """
    for number, (earlier, later) in enumerate(itertools.pairwise(quotes)):
        unsure = earlier.speaker is None or number in (weak or set())
        if unsure and later.speaker and later.start - earlier.end < 3:
            earlier.speaker = later.speaker
