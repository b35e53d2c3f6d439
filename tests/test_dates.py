"""Dates: forms of one day share a value; partial dates never contradict full ones."""

from __future__ import annotations

import pytest

from accord.analyse.dates import compatible, extract_dates


def values(text: str) -> list[str]:
    return [d.value for d in extract_dates(text)]


@pytest.mark.parametrize(
    "text",
    ["on 30 September", "on September 30", "on Sept. 30", "on September 30th", "30th of September"],
)
def test_forms_of_one_day_share_a_value(text):
    assert values(text) == ["--09-30"]


def test_years_months_and_weekdays():
    assert values("It began in March 2011.") == ["2011-03"]
    assert values("Fighting since 2011 continued on Wednesday.") == ["2011", "wednesday"]
    assert values("between September and November") == ["--09", "--11"]


def test_may_and_march_as_verbs_are_not_months():
    assert values("The strikes may amount to war crimes and march on.") == []


def test_compatibility():
    assert compatible("--09", "--09-30")
    assert compatible("2015", "2015-09-30")
    assert compatible("monday", "--09-30")  # no year: cannot tell
    assert not compatible("--09-29", "--09-30")
    assert not compatible("monday", "tuesday")
    assert not compatible("2011", "2012-03")
