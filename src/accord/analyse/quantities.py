"""Quantities: numbers in digits or words, their qualifier as an interval, what they count.

"at least 200 civilians"  -> [200, inf)  counted "civilian"
"around a dozen fighters" -> [10.8, 13.2] counted "fighter" (approximate: +-10%)
"hundreds of civilians"   -> [200, 999]  counted "civilian"
"more than 25 attacks"    -> (25, inf)   counted "attack"

What a number counts comes from the part-of-speech tags of the words after it, so that
"200 civilians" is never compared with "25 attacks".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from accord.model import Qualifier, Quantity

WORD_SEPARATOR = re.compile(r"[\s-]+")
ORDINAL_SUFFIX = re.compile(r"\s*(st|nd|rd|th)\b")

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Vague plurals become ranges.
VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "several": (3, 9),
    "a few": (2, 5),
    "a handful": (2, 6),
}
QUALIFIERS: dict[str, Qualifier] = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "nearly": "approximately",
    "almost": "approximately",
    "just under": "approximately",
    "just over": "more_than",
    "about": "approximately",
    "around": "approximately",
    "approximately": "approximately",
    "roughly": "approximately",
    "some": "approximately",
    "an estimated": "approximately",
    "estimated": "approximately",
    "close to": "approximately",
    "up to": "at_most",
    "as many as": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
}
APPROXIMATE_SPREAD = 0.1
BELOW = {"nearly", "almost", "just under"}  # "nearly 50": a little under 50, never over
NUMBER_CORE = "|".join([*UNITS, *TENS, *SCALES, "dozen", "half"])
WORD_START = "|".join(
    [*UNITS, *TENS, "a dozen", "half a dozen", "dozen", "a hundred", "a thousand", "a million"]
    + [f"half an? {scale}" for scale in ("hundred", "thousand", "million", "billion")]
)  # "half a million" is 500,000, not "a million"
# Connectors ("and", "a") only between number words, never trailing: "five and a half",
# "two hundred and five", but not "five and a" of "five and a dog".
WORDS_NUMBER = (
    rf"(?:(?:{WORD_START})(?:[\s-]+(?:and[\s-]+)?(?:(?:a|an)[\s-]+)?(?:{NUMBER_CORE})\b)*)"
)
# Thousands grouped by commas, or by spaces as journals print them ("661 137 men"): a
# group of three digits after a space, not followed by a digit or a hyphen ("3 100-metre").
DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?![\d-])|\d+)(?:\.\d+)?"
SCALED_DIGITS = re.compile(
    rf"({DIGITS})[\s-]*(hundred|thousand|million|billion|trillion|m|bn|k)?"
)  # "1.76-million member church" is 1.76 million
# "£3m", "1.5m people": millions. An "m" apart from its figure ("the 100 m final") or
# after thousands ("3,000m ( two miles )") is metres: nobody writes 3 billion as 3,000m.
SCALE = r"(?:[\s-]+(?:hundred|thousand|million|billion|trillion)\b|\s*(?:bn|k)\b|(?<!\d,\d{3})m\b)?"
QUALIFIER_RE = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
VAGUE_RE = "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True))
# A unit written onto its figure: "100ft", "5km", "12kg", "300lb".
GLUED_UNITS = {
    "ft": "foot", "km": "km", "kg": "kilogram", "lb": "pound", "lbs": "pound", "mph": "mph",
    "cm": "centimetre", "mm": "millimetre",
}  # fmt: skip
GLUED_UNIT_RE = "|".join(sorted(GLUED_UNITS, key=len, reverse=True))
# Money as Multi-News prints it, the sign apart from its figure ("sold for £ 360").
QUANTITY = re.compile(
    rf"(?<![\w.,:/$€£-])(?:(?P<qual>{QUALIFIER_RE})\s+)?(?:(?P<cur>[$€£]) ?)?"
    rf"(?P<num>{DIGITS}{SCALE}|{WORDS_NUMBER}|{VAGUE_RE})(?P<glued>{GLUED_UNIT_RE})?"
    r"(?P<pct>\s*(?:%|per ?cent\b))?(?![\w]|[:/.,-]\d)",
    re.I,
)
# "26.5m wide", "a 37m-high wall": an "m" before a dimension is metres, not millions.
METRES_AFTER = re.compile(r"^[\s-]*(?:wide|high|long|tall|deep|thick|away|across)\b", re.I)
AGE = re.compile(r"^[\s-]*years?[\s-]+old\b|^-year-old\b", re.I)
# A count stated after its noun: "the death toll rose to 57", "a toll of 42".
TOLL_BEFORE = re.compile(r"\b(death\s+toll|toll|deaths|dead|fatalities)\b[^.;]{0,25}$", re.I)
# "the death toll from a car bombing south of the capital rose to 73": a toll stated
# after a long subject.
TOLL_RISE = re.compile(
    r"\b(?:death\s+toll|toll)\b[^.;\d]{0,100}\b(?:rose|risen|climbed|jumped|reached|"
    r"stood|stands|increased|grew)\s+(?:to\s+|at\s+)?$",
    re.I,
)
YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
MONTHS = re.compile(
    r"\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|"
    r"oct(ober)?|nov(ember)?|dec(ember)?)\.?$",
    re.I,
)
# Words that name what happened to those counted, even when tagged as adjectives.
EVENT_WORDS = {"dead", "injured", "wounded", "missing", "killed", "hurt", "arrested", "displaced"}
# "a 6-foot monument", "a 10-mile race": the figure measures the noun after it in this unit.
# An earthquake's size, whatever noun follows: "magnitude 3.0 earthquake", "3.4 magnitude".
MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]*(?:of\s+)?$", re.I)
MAGNITUDE_AFTER = re.compile(r"^[\s-]*magnitude\b", re.I)
# Nouns a number labels rather than counts: "flight 183", "route 66", "no. 10".
LABEL_BEFORE = re.compile(
    r"\b(?:flight|route|highway|interstate|room|gate|platform|channel|no\.|number|chapter|"
    r"section|article|amendment|proposition|precinct|bus|track|exit|apartment|suite|seat|"
    r"row|page|pier|terminal|ward|level|code|model|version|episode|season|district|wave|phase)\s+$",
    re.IGNORECASE,
)
MEASURE_BEFORE_NOUN = re.compile(
    r"^-(foot|feet|inch|meter|metre|mile|kilometer|kilometre|pound|ton|tonne|acre|story|storey"
    r"|hour|day|week|month|year|decade|minute|second|yard|gallon|member|point|game|page|car)\b",
    re.I,
)
# "at age 38", "from ages 18 to 38" (both ends): ages, whatever noun follows
AGE_WORD_BEFORE = re.compile(r"\bages?\s+(?:\d{1,3}\s*(?:to|and|-|–)\s*)?$", re.I)
RANK_MARK = re.compile(r"#\s*$")  # "#1", "# 3": the number sign marks a rank or a label
MULTIPLIER = re.compile(r"^-?\s*(?:fold|times)\b", re.I)  # "14-fold": a ratio, not a count
CLOCK = re.compile(r"(?:\d\s*:\s*$)|(?:^\s*:\s*\d)|(?:^\s*[ap]\.\s*m\b)", re.I)
COMPARATIVE = re.compile(
    r"\b(?:(?P<up>faster|higher|longer|greater|larger|bigger|older|taller|heavier|more)"
    r"|(?P<down>slower|lower|shorter|smaller|younger|lighter|less|fewer))\s+than\s+$",
    re.I,
)
# "seven to nine hours", "30 to 60 years", "between 10 and 12": one range, both ends kept.
RANGE_GAP = re.compile(
    r"^\s*(?:(?:bc|b\.c\.|ad|a\.d\.|%|percent)\s*)?(?:to|-|–|and)\s*$", re.I
)  # "from 379 bc to 360 bc"
RANGE_START = re.compile(r"\bbetween\s+$", re.I)
APPOSITIVE_AGE = re.compile(r"(?:[a-z]\s*,\s*|\baged\s+)$", re.I)
APPOSITIVE_AFTER = re.compile(r"^\s*(?:,|and\b|to\b|$|[.;)])")
COUNTED_ALIASES = {"person": "people", "persons": "people", "individual": "people"}
SKIP_COUNTED = {"of", "other", "more", "some", "the", "these", "those", "who", "people's"}


def parse_words(text: str) -> float | None:
    """ "forty-nine" -> 49, "two hundred and five" -> 205, "a dozen" -> 12."""
    total, current = 0.0, 0.0
    seen = False
    previous = ""
    for word in WORD_SEPARATOR.split(text.lower()):
        if word in ("a", "an", "and", ""):
            if word in ("a", "an") and previous != "and":
                current = current or 1
            previous = word if word else previous
            continue
        if word == "half" and previous in ("a", "an", "and") and current:
            current += 0.5  # "five and a half"
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "half":
            current = (current or 1) * 0.5
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in SCALES:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        else:
            return None
        seen = True
        previous = word
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    text = text.strip().lower()
    match = SCALED_DIGITS.fullmatch(text)
    if match:
        value = float(match.group(1).replace(",", "").replace(" ", ""))
        scale = match.group(2)
        if scale:
            value *= {"m": 1e6, "bn": 1e9, "k": 1e3}.get(scale, SCALES.get(scale, 1))
        return value
    return parse_words(text)


def interval(value: float, qualifier: Qualifier) -> tuple[float | None, float | None]:
    if qualifier == "at_least":
        return value, None
    if qualifier == "more_than":
        return value + (1 if value == int(value) else 0), None
    if qualifier == "at_most":
        return None, value
    if qualifier == "less_than":
        return None, value - (1 if value == int(value) else 0)
    if qualifier == "approximately":
        return value * (1 - APPROXIMATE_SPREAD), value * (1 + APPROXIMATE_SPREAD)
    return value, value


def _counted_and_event(spacy_doc: SpacyDoc | None, start: int, end: int) -> tuple[str, str]:
    """The lemma of the noun a number counts, and the nearest verb, from POS tags."""
    if spacy_doc is None:
        return "", ""
    span = spacy_doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return "", ""
    counted = ""
    for token in spacy_doc[span.end : span.end + 5]:
        if token.is_quote:
            continue  # 'three " longarm " firearms': scare quotes around a word of the noun
        if token.is_punct or token.lower_ in ("%",):
            break
        if token.lower_ in SKIP_COUNTED or token.pos_ in ("ADJ", "NUM", "DET"):
            continue
        if token.pos_ in ("NOUN", "PROPN"):
            counted = token.lemma_.lower()
            nxt = token.nbor() if token.i + 1 < len(spacy_doc) else None
            if nxt is not None and nxt.pos_ == "NOUN" and token.pos_ == "NOUN":
                counted = f"{counted} {nxt.lemma_.lower()}"
            elif nxt is not None and nxt.pos_ == "NOUN":
                counted = nxt.lemma_.lower()  # "5 florida hunters", "two gop candidates"
            break
        if token.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ"):
            break
    # A window of tokens, not the parser's sentence: the parser now runs for attribution,
    # and its sentences (slow to look up, and cut at quote marks) would move the events.
    sent_start = max(0, span.start - 12)
    sent_end = span.end + 12
    best, distance = "", 99.0
    for token in spacy_doc[max(sent_start, span.start - 8) : min(sent_end, span.end + 8)]:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" or lemma in EVENT_WORDS:
            # A verb after the count ("42 people were killed") wins a tie with one before.
            if token.i < span.start:
                d = span.start - token.i + 0.5
            else:
                d = max(0, token.i - (span.end - 1))
            if d < distance:
                best, distance = lemma, d
    return counted, best


OR_SO = re.compile(r"\s+or\s+so\b", re.I)


def extract_quantities(
    text: str, spacy_doc: SpacyDoc | None = None, offset: int = 0
) -> list[Quantity]:
    """Quantities in ``text``; ``spacy_doc`` (of the same text) supplies what they count."""
    found: list[Quantity] = []
    for match in QUANTITY.finditer(text):
        number_text = match.group("num")
        lowered = number_text.lower()
        qualifier_text = (match.group("qual") or "").lower()
        one_unit = lowered == "one" and MEASURE_BEFORE_NOUN.match(text[match.end() :])
        if lowered in ("a", "an", "one") and not qualifier_text and not one_unit:
            continue  # "a", "one of the" are articles far more often than counts; "one-ton" is
        if YEAR.match(number_text) and not qualifier_text:
            continue  # a year; dates are handled by accord.analyse.dates
        before = text[max(0, match.start() - 12) : match.start()]
        if MONTHS.search(before.strip()) or ORDINAL_SUFFIX.match(text, match.end()):
            continue  # the day of a date, or an ordinal
        if LABEL_BEFORE.search(before) and not qualifier_text:
            continue  # "flight 183", "route 66", "room 212": a label, not a count
        if RANK_MARK.search(before) and not qualifier_text:
            continue  # "data scientists ( #2 )": a place in a ranking, not a count
        if MULTIPLIER.match(text[match.end() :]):
            continue  # "increasing 14-fold": a ratio
        if CLOCK.search(before[-4:]) or CLOCK.match(text[match.end() : match.end() + 6]):
            continue  # "11: 44 p.m." (a spaced clock time), "7 a.m."
        # "26.5m wide": the "m" is metres, so the figure is what stands before it
        metres = lowered.endswith("m") and METRES_AFTER.match(text[match.end() :]) is not None
        if lowered in VAGUE:
            low, high = VAGUE[lowered]
            value, qualifier = float(low), "range"
            low_value, high_value = float(low), float(high)
        else:
            parsed = parse_number(number_text[:-1] if metres else number_text)
            if parsed is None:
                continue
            value = parsed
            qualifier = QUALIFIERS.get(qualifier_text, "exact")
            comparative = None if qualifier_text else COMPARATIVE.search(text[: match.start()])
            if comparative:  # "driving faster than 100 mph" is a bound, not 100 mph
                qualifier = "more_than" if comparative.group("up") else "less_than"
            low_value, high_value = interval(value, qualifier)
            if qualifier_text in BELOW:
                high_value = value
        start, end = match.start(), match.end()
        loose = OR_SO.match(text, end) if qualifier == "exact" else None
        if loose:  # "50 or so people": about 50, and the noun after it is what is counted
            qualifier, end = "approximately", loose.end()
            low_value, high_value = interval(value, qualifier)
        counted, event = _counted_and_event(spacy_doc, start, end)
        counted = COUNTED_ALIASES.get(counted, counted)
        measure = MEASURE_BEFORE_NOUN.match(text[end:])
        if (
            AGE.match(text[end:])
            or (AGE_WORD_BEFORE.search(text[:start]) and 0 < value < 120)
            or (
                APPOSITIVE_AGE.search(text[:start])
                and (APPOSITIVE_AFTER.match(text[end:]) and value == int(value) and 0 < value < 120)
            )
        ):
            counted = "age"  # "a 17-year-old", "Smith, 25, was killed", "aged 14 to 16"
        elif measure:
            counted = measure.group(1).lower()
        elif MAGNITUDE_BEFORE.search(text[max(0, start - 12) : start]) or MAGNITUDE_AFTER.match(
            text[end:]
        ):
            counted = "magnitude"  # "a magnitude 3.4 quake", "a 6.1-magnitude earthquake"
        elif not counted and (
            TOLL_BEFORE.search(text[max(0, start - 40) : start])
            or TOLL_RISE.search(text[max(0, start - 120) : start])
        ):
            event = "kill"
        if match.group("glued"):
            counted = GLUED_UNITS[match.group("glued").lower()]
        elif metres:
            counted = "metre"
        if match.group("pct"):
            counted = "percent"
        elif match.group("cur"):
            counted = {"$": "dollar", "€": "euro", "£": "pound"}[match.group("cur")]
        found.append(
            Quantity(
                text=text[start:end],
                value=value,
                low=low_value,
                high=high_value,
                qualifier=qualifier,
                counted=counted,
                event=event,
                start=offset + start,
                end=offset + end,
            )
        )
    return _ranges(found, text, offset)


def _ranges(found: list[Quantity], text: str, offset: int) -> list[Quantity]:
    """Two figures joined as a range ("seven to nine hours") become one range."""
    merged: list[Quantity] = []
    for q in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.qualifier == "exact"
            and q.qualifier == "exact"
            and last.value != q.value
            and RANGE_GAP.match(text[last.end - offset : q.start - offset])
            and (
                text[last.end - offset : q.start - offset].strip().lower() != "and"
                or RANGE_START.search(text[: last.start - offset])
            )
            and (not last.counted or not q.counted or last.counted == q.counted)
        ):
            merged[-1] = Quantity(
                text=text[last.start - offset : q.end - offset],
                value=min(last.value, q.value),  # "from 380 to 340 bc" runs down
                low=min(last.value, q.value),
                high=max(last.value, q.value),
                qualifier="range",
                counted=q.counted or last.counted,
                event=q.event or last.event,
                start=last.start,
                end=q.end,
            )
            continue
        merged.append(q)
    return merged
