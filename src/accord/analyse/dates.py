"""Dates: calendar dates, months, years and weekdays, normalised to ISO-like values.

"30 September", "September 30" and "Sept. 30" all become "--09-30"; "March 2011" becomes
"2011-03"; "in September" becomes "--09"; "Wednesday" becomes "wednesday". Relative
expressions ("last week") are left alone: without the publication date they cannot be
placed. :func:`compatible` says whether two values can name the same day, so that a
partial date ("September") never contradicts a full one ("30 September").
"""

from __future__ import annotations

import re

from accord.model import DateMention

MONTH_NUMBERS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH = (
    r"(?P<{name}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# A month on its own is only a date after a word that introduces a time: "may" and "march"
# are verbs far more often than months otherwise.
FULL_MONTH = (
    r"(?P<m5>january|february|march|april|may|june|july|august|september|october|november|"
    r"december|sept\.|oct\.|nov\.|dec\.|jan\.|feb\.|aug\.)"
)

YEAR_VALUE = re.compile(r"\d{4}")
ISO_VALUE = re.compile(r"(\d{4})-(\d\d)(?:-(\d\d))?")
MONTH_DAY_VALUE = re.compile(r"--(\d\d)(?:-(\d\d))?")
MONTH_CUE = r"(?:in|since|by|until|till|from|between|early|late|mid-?)"
# After a weaker cue, "may" and "march" are read as verbs: "and may amount to".
WEAK_CUE = r"(?:and|to|through|during|of)"
DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<{name}>1[89]\d\d|20\d\d)"
WEEKDAY = rf"(?P<weekday>{'|'.join(WEEKDAYS)})"

_DAY_MONTH = (
    rf"\b{DAY.format(name='d1')}\s+(?:of\s+)?{MONTH.format(name='m1')}"
    rf"(?:,?\s+{YEAR.format(name='y1')})?(?![\w])"
)
_MONTH_DAY = (
    rf"\b{MONTH.format(name='m2')}\s+{DAY.format(name='d2')}(?:,?\s+{YEAR.format(name='y2')})?\b"
    r"(?!\s*(?:%|per|million|thousand|billion|people|years?))"
)
_MONTH_YEAR = rf"\b{MONTH.format(name='m3')}\s+(?:of\s+)?{YEAR.format(name='y3')}\b"
_YEAR = rf"\b(?:in|since|by|until|of|from|early|late|mid-?)\s+{YEAR.format(name='y4')}\b"
_WEAK_MONTH = FULL_MONTH.replace("m5", "m6")
_MONTH_ALONE = (
    rf"\b(?:{MONTH_CUE}\s+{FULL_MONTH}|{WEAK_CUE}\s+(?!may\b|march\b){_WEAK_MONTH})"
    r"(?![\w])(?!\s*(?:of\s+)?\d)"
)

DATE = re.compile(
    "|".join([_DAY_MONTH, _MONTH_DAY, _MONTH_YEAR, _YEAR, _MONTH_ALONE, rf"\b{WEEKDAY}\b"]),
    re.I,
)
VALUE = re.compile(r"^(?P<y>\d{4}|-)?-?(?P<m>\d\d)?(?:-(?P<d>\d\d))?$")


def _month(text: str) -> int:
    return MONTH_NUMBERS[text[:3].lower()]


def normalise(match: re.Match[str]) -> str | None:
    """The ISO-like value of one date match, or None when it is not a real date."""
    groups = match.groupdict()
    for d, m, y in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if groups.get(d) and groups.get(m):
            day = int(groups[d])
            if not 1 <= day <= 31:
                return None
            month = _month(groups[m])
            year = groups.get(y)
            return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    if groups.get("m3"):
        return f"{groups['y3']}-{_month(groups['m3']):02d}"
    if groups.get("y4"):
        return groups["y4"]
    for name in ("m5", "m6"):
        if groups.get(name):
            return f"--{_month(groups[name]):02d}"
    if groups.get("weekday"):
        return groups["weekday"].lower()
    return None


def parts(value: str) -> tuple[int | None, int | None, int | None] | str:
    """(year, month, day) of a value, any of them None when unknown; a weekday as is."""
    if value in WEEKDAYS:
        return value
    if YEAR_VALUE.fullmatch(value):
        return int(value), None, None
    if match := ISO_VALUE.fullmatch(value):
        year, month, day = match.groups()
        return int(year), int(month), int(day) if day else None
    if match := MONTH_DAY_VALUE.fullmatch(value):
        month, day = match.groups()
        return None, int(month), int(day) if day else None
    return None, None, None


def compatible(a: str, b: str) -> bool:
    """Whether two date values can name the same day (partial values match wider ones)."""
    pa, pb = parts(a), parts(b)
    if isinstance(pa, str) or isinstance(pb, str):
        # Two weekdays must agree; a weekday and a calendar date cannot be compared
        # without knowing the year.
        return pa == pb if isinstance(pa, str) and isinstance(pb, str) else True
    return all(x is None or y is None or x == y for x, y in zip(pa, pb, strict=True))


def extract_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every date mention in ``text``, with offsets shifted by ``offset``."""
    found: list[DateMention] = []
    for match in DATE.finditer(text):
        value = normalise(match)
        if value is None:
            continue
        start, end = match.span()
        groups = match.groupdict()
        if groups.get("y4"):
            start = match.start("y4")
        elif groups.get("m5") or groups.get("m6"):
            start = match.start("m5" if groups.get("m5") else "m6")
        found.append(
            DateMention(text=text[start:end], value=value, start=offset + start, end=offset + end)
        )
    return found
