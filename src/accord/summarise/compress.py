"""Light, faithful compression of summary sentences.

A summary sentence stands on its own, away from its article, so a few spans of a source
sentence do not belong in it: page furniture glued to the sentence by the splitter
("Advertisement", "Story highlights", "(CNN) —"), an aside in brackets, and a connective
that leans on the sentence before it in its own article ("But", "However,").
:func:`compress` deletes such spans and nothing else: the result is always the source
sentence's own words in their own order, minus whole spans, so the summary never says
anything its source does not.

Attribution tails (", police said on Tuesday", ", according to the report") stay: without
them a claim reads as established fact, and removing them did not raise ROUGE either
(``docs/summarise.md``).
"""

from __future__ import annotations

import re
from functools import lru_cache

MIN_WORDS = 6  # a compressed sentence shorter than this is no longer a sentence

# Text that page layout leaves at the start of a sentence: ad slots, photo captions and
# credits, newsletter prompts, wire-service datelines.
FURNITURE = re.compile(
    r"^(?:advertisement(?:\s+continue reading below)?"
    r"|sign me up!?"
    r"|story highlights"
    r"|image copyright\s+\S+(?:\s+image caption)?"
    r"|image caption"
    r"|media playback is unsupported on your device"
    r"|\(\s*photo:[^)]*\)"
    r"|file\s+[-—–]"
    r"|(?:[a-z.,' ]{2,40}\s+)?\(\s*(?:ap|cnn|reuters|afp|upi)\s*\)\s*[-—–]+"
    r")\s+",
    re.IGNORECASE,
)
# A connective that only links the sentence to the one before it in its own article ("so"
# and "yet" are not here: "So far", "Yet another" start sentences that need them).
CONNECTIVE = re.compile(
    r"^(?:but|and|however,|meanwhile,|still,|also,|moreover,|indeed,|in addition,"
    r"|instead,|now,|in fact,|of course,|for example,|for instance,|in other words,)\s+",
    re.IGNORECASE,
)
# An aside in brackets (not a bracketed word inside a name, which has no spaces).
PARENTHETICAL = re.compile(r"\s*\((?=[^()]*\s)[^()]{1,100}\)")


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def is_faithful(original: str, compressed: str) -> bool:
    """Whether every word of ``compressed`` is a word of ``original``, in the same order.

    Case is ignored (a new first word is capitalised) and so are the commas and brackets
    around a removed span, and the stop that ends the sentence.
    """
    source = iter(w.strip(",.;:!?()").lower() for w in original.split())
    return all(any(w.strip(",.;:!?()").lower() == s for s in source) for w in compressed.split())


@lru_cache(maxsize=8192)  # select, the headline and the timeline ask about one sentence
def compress(text: str) -> str:
    """``text`` without leading page furniture, asides in brackets and a leading connective.

    Returns ``text`` unchanged when nothing is removable, when too few words would remain,
    or when the result would not be the source's words in order (:func:`is_faithful`).
    """
    out = text.strip()
    out = FURNITURE.sub("", out, count=1)
    out = PARENTHETICAL.sub("", out).strip()
    out = CONNECTIVE.sub("", out, count=1)
    if out == text.strip():
        return text
    out = _capitalise(out.strip())
    if len(out.split()) < MIN_WORDS or not is_faithful(text, out):
        return text
    return out
