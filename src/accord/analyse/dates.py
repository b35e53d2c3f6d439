"""Dates: calendar dates, months, years and weekdays, normalised to ISO-like values.

"30 September" and "September 30" and "Sept. 30" all become "--09-30"; "March 2011"
becomes "2011-03"; "Wednesday" becomes "wednesday". Relative expressions ("last week")
are left alone: without the publication date they cannot be placed.
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
MONTH = (
    r"(?P<{name}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
DAY = r"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<{name}>1[89]\d\d|20\d\d)"
WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

DATE = re.compile(
    "|".join(
        [
            rf"\b{DAY.format(name='d1')}\s+(?:of\s+)?{MONTH.format(name='m1')}(?:,?\s+{YEAR.format(name='y1')})?\b",
            rf"\b{MONTH.format(name='m2')}\s+{DAY.format(name='d2')}(?:,?\s+{YEAR.format(name='y2')})?\b(?!\s*(?:%|per|million|thousand))",
            rf"\b{MONTH.format(name='m3')}\s+(?:of\s+)?{YEAR.format(name='y3')}\b",
            rf"\b(?:in|since|by|until|of|from)\s+{YEAR.format(name='y4')}\b",
            rf"\b{WEEKDAY}\b",
        ]
    ),
    re.I,
)


def _month(text: str) -> int:
    return MONTH_NUMBERS[text[:3].lower()]


def normalise(match: re.Match[str]) -> str | None:
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
    if groups.get("weekday"):
        return groups["weekday"].lower()
    return None


def extract_dates(text: str, offset: int = 0) -> list[DateMention]:
    found: list[DateMention] = []
    for match in DATE.finditer(text):
        value = normalise(match)
        if value is None:
            continue
        start, end = match.span()
        if match.groupdict().get("y4"):
            start = match.start("y4")
        found.append(
            DateMention(text=text[start:end], value=value, start=offset + start, end=offset + end)
        )
    return found
