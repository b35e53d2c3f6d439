"""Provenance: what a plain text says about where it comes from.

Cleaning sees the lines that name a text's origin before it drops them; this module reads
them. It fills the ``Document.meta`` keys ``outlet``, ``agency``, ``author`` and ``date``
(ISO ``YYYY-MM-DD``) only from what a line states, and leaves a key out when no line states
it: no guess from the topic, the style or a partial date.

- ``outlet``: who published the text: a "Source: Middle East Eye" tail, or the holder of a
  copyright line ("Copyright © 2024 The New Daily.").
- ``agency``: the wire agency whose copy it is: a dateline near the top ("BEIRUT (AFP) -"),
  an agency credit on a line of its own ("– (Reuters)"), or a source tail or copyright line that
  names a known agency ("Copyright 2015 The Associated Press"). An agency is never taken
  for the outlet: many outlets carry the same wire copy.
- ``author``: a byline on a line of its own near the top ("By Jane Doe and Tom Park").
- ``date``: a "Published: 4 March 2026" / "Posted Nov 14, 2012" line near the top, when it
  gives day, month and year.

:func:`dateline` finds the dateline that opens a paragraph near the top ("KELMOUTH
(Reuters) -", "BELVAR, Norland —"): where the copy was filed and whose it is, which
cleaning records (``Document.dateline``) so that no later stage takes the town in capitals
or the agency for a fact of the story.

Only known agencies count (:data:`AGENCIES`): "(KPRC)" after a place name may be a
station's call sign, or anything else, and is not read.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

# the spellings of each wire agency, lower case -> the name shown
AGENCIES = {
    "reuters": "Reuters",
    "reuters health": "Reuters",
    "thomson reuters": "Reuters",
    "ap": "AP",
    "the associated press": "AP",
    "associated press": "AP",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "dpa": "dpa",
    "deutsche presse-agentur": "dpa",
    "ians": "IANS",
    "pti": "PTI",
    "press trust of india": "PTI",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "ria novosti": "RIA Novosti",
    "interfax": "Interfax",
    "efe": "EFE",
    "ansa": "ANSA",
    "anadolu": "Anadolu",
    "anadolu agency": "Anadolu",
    "kyodo": "Kyodo",
    "kyodo news": "Kyodo",
    "yonhap": "Yonhap",
    "aap": "AAP",
    "australian associated press": "AAP",
    "upi": "UPI",
    "united press international": "UPI",
    "bloomberg": "Bloomberg",
    "sana": "SANA",
}
AGENCY_NAMES = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))

# "– (Reuters)", "(AP)", "AFP": a credit line of its own
AGENCY_LINE = re.compile(rf"^\s*[-–—]*\s*\(?\s*({AGENCY_NAMES})\s*\)?\s*[-–—.]*\s*$", re.I)
# "BEIRUT (AFP) -", "New York (Reuters Health) -", "Iguala, Mexico (AP) —": the agency
# credit of a dateline, a bracketed agency followed by a dash, near the top of the text (a
# photo caption may come first in scraped text)
DATELINE = re.compile(r"\(\s*(" + AGENCY_NAMES + r")\s*\)\s*(?:[-–—]{1,2}|:)(?=\s)", re.I)
DATELINE_WITHIN = 1000  # characters from the start of the cleaned text
SOURCE_LINE = re.compile(r"^\s*(?:source|sources|via)\s*:\s*(.{1,80}?)\s*\.?\s*$", re.I)
# "Copyright © 2024 The New Daily.", "© 2015 Reuters. All rights reserved." - a line of its
# own that starts with the notice (an "Image copyright AP" caption credit does not)
COPYRIGHT = re.compile(
    r"^\s*(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?:by\s+)?(.+?)\s*(?:[.,;]\s*(?:all rights reserved\.?)?)?\s*$",
    re.I,
)
# a person's name: two to four capitalised words ("Jane Doe", "Mary-Ann van Dijk")
NAME = r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|al|bin|da|del|la|le)){1,3}"
BYLINE = re.compile(
    rf"^\s*[Bb]y\s+({NAME}(?:\s*(?:,|and|&)\s*{NAME})*)\s*(?:[,|/–—-]\s*(.{{1,60}}))?$"
)
NOT_NAMES = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|"
    r"april|june|july|august|september|october|november|december|the|this|that|police)\b",
    re.I,
)
ROLE = re.compile(
    r"\b(writer|correspondent|editor|reporter|staff|bureau|chief|contributor)\b", re.I
)
MONTHS = {
    m: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DATE_LINE = re.compile(
    r"^\s*(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s*(?:\w+day,?\s+)?(.{6,40}?)\s*$",
    re.I,
)
DAY_MONTH_YEAR = re.compile(rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})\b", re.I)
MONTH_DAY_YEAR = re.compile(rf"^{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})\b")

HEAD_LINES = 6  # bylines and date lines are read among the first lines with text only
MAX_HOLDER_WORDS = 6


def agency(name: str) -> str | None:
    """The agency a name spells ("the associated press" -> "AP"), or None."""
    return AGENCIES.get(" ".join(name.lower().split()).strip(" .()"))


def iso_date(text: str) -> str | None:
    """ "4 March 2026", "Nov. 14, 2012" or "2026-03-04" at the start of ``text`` as ISO."""
    text = text.strip()
    if m := ISO_DATE.match(text):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := DAY_MONTH_YEAR.match(text):
        day, month, year = int(m[1]), MONTHS[m[2].lower()], int(m[3])
    elif m := MONTH_DAY_YEAR.match(text):
        month, day, year = MONTHS[m[1].lower()], int(m[2]), int(m[3])
    else:
        return None
    try:
        day_of = datetime.date(year, month, day)
    except ValueError:  # "30 February"
        return None
    return day_of.isoformat() if 1900 <= year <= 2100 else None


def byline(line: str) -> tuple[str, str | None] | None:
    """ "By Jane Doe, Reuters" -> ("Jane Doe", "Reuters"); None when not a byline."""
    m = BYLINE.match(line)
    if not m or len(line.split()) > 16 or NOT_NAMES.search(m.group(1)):
        return None
    credited = agency(m.group(2) or "")
    names = []
    for part in re.split(r"\s*,\s*", m.group(1).strip()):
        if agency(part):  # "By Jane Doe, Associated Press"
            credited = credited or agency(part)
        elif not ROLE.search(part):  # "By Jane Doe, Times Staff Writer"
            names.append(part)
    return (", ".join(names), credited) if names else None


def copyright_holder(line: str) -> str | None:
    """ "Copyright © 2024 The New Daily." -> "The New Daily"; None when no holder is named."""
    m = COPYRIGHT.match(line)
    if not m or not re.match(r"^\s*(copyright|©|\(c\))", line, re.I):
        return None
    if not re.search(r"©|\(c\)|\b(19|20)\d\d\b|all rights reserved", line, re.I):
        return None  # "Copyright law changes": a notice has a year, a sign or the formula
    holder = m.group(1).strip(" .,;")
    if re.search(r"\b(image|photo|picture|caption|getty)\b", holder, re.I):
        return None  # a picture credit, not the article's
    holder = re.sub(r"(?i)[.,;]?\s*all rights reserved\.?$", "", holder).strip(" .,;")
    if not holder or len(holder.split()) > MAX_HOLDER_WORDS or not re.search(r"[A-Za-z]", holder):
        return None
    return holder


def read_lines(lines: Sequence[str], text: str = "") -> dict[str, str]:
    """The provenance ``lines`` of one text state (see the module docstring).

    ``text`` is the cleaned text, whose top may hold a dateline.
    The first statement of each key wins; a dateline's agency comes before the others.
    """
    meta: dict[str, str] = {}
    if m := DATELINE.search(text[:DATELINE_WITHIN]):  # the article's own credit goes first
        meta["agency"] = AGENCIES[" ".join(m.group(1).lower().split())]
    head = 0
    for line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        head += 1
        if m := AGENCY_LINE.match(stripped):
            meta.setdefault("agency", AGENCIES[" ".join(m.group(1).lower().split())])
        elif m := SOURCE_LINE.match(stripped):
            name = m.group(1).strip()
            meta.setdefault("agency" if agency(name) else "outlet", agency(name) or name)
        elif (holder := copyright_holder(stripped)) is not None:
            meta.setdefault("agency" if agency(holder) else "outlet", agency(holder) or holder)
        elif head <= HEAD_LINES and (found := byline(stripped)):
            meta.setdefault("author", found[0])
            if found[1]:
                meta.setdefault("agency", found[1])
        elif head <= HEAD_LINES and (m := DATE_LINE.match(stripped)) and (d := iso_date(m[1])):
            meta.setdefault("date", d)
    return meta


def line_kind(line: str, position: int) -> str | None:
    """Why cleaning drops a provenance line ("byline", "date line"), or None.

    ``position`` counts the lines with text before this one: bylines and date lines are
    only read near the top. Source tails, credits and copyright lines have their own rules
    in :mod:`accord.clean`.
    """
    stripped = line.strip()
    if position >= HEAD_LINES:
        return None
    if byline(stripped):
        return "byline"
    if (m := DATE_LINE.match(stripped)) and iso_date(m[1]):
        return "date line"
    return None


# "KELMOUTH, Norland —", "NEW YORK -": a place in capitals (and its region) and a dash,
# opening a line; "KELMOUTH (Reuters) -" is DATELINE's
CAPITAL_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'’.-]{2,}(?:[ -][A-Z][A-Z'’.-]+)*(?:,[ \t]*[A-Z][\w'’. ]{1,40}?)?"
    r"[ \t]*(?:[-–—]{1,2}|:)(?=\s)",
    re.M,
)
DATELINE_PLACE = 60  # characters a dateline's place may take before its credit
DATELINE_WORDS = 4  # words a lower-cased dateline's place may take
# the lower-case words a dateline's place may hold ("Rio de Janeiro", "Dec. 1")
PLACE_PARTICLES = frozenset("de da del la le al el of on upon".split())


def dateline(text: str) -> tuple[int, int] | None:
    """The span of ``text`` that is its dateline, from the start of its line to the dash,
    or None. An agency credit counts only after a short place (capitalised words, a date)
    that opens its line ("KELMOUTH (Reuters) -", "Iguala, Mexico (AP) —"), never inside a
    sentence."""
    top = text[:DATELINE_WITHIN]
    if m := DATELINE.search(top):
        start = top.rfind("\n", 0, m.start()) + 1
        place = top[start : m.start()]
        words = place.replace(",", " ").split()
        named = all(w[0].isupper() or w[0].isdigit() or w in PLACE_PARTICLES for w in words)
        # lower-cased scraped text ("new york ( reuters ) -"): a place of a few words
        if len(place) <= DATELINE_PLACE and (named or len(words) <= DATELINE_WORDS):
            return start, m.end()
    if m := CAPITAL_DATELINE.search(top):
        return m.start(), m.end()
    return None
