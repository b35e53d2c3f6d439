"""Sentence splitting with pysbd (it keeps "Dr. Smith" and quoted speech together)."""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from accord.model import Sentence

PARAGRAPH_BREAK = re.compile(r"\n+")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


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
    cursor = 0
    for piece in _segmenter().segment(text):
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start < 0:  # pysbd normalised something; fall back to the cursor
            start = cursor
        end = start + len(piece)
        spans.append((start, end))
        cursor = end
    return spans


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
