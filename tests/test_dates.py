"""Dates: forms of one day share a value; partial dates never contradict full ones."""

from __future__ import annotations

import pytest

from accord.analyse.dates import article_date, compatible, extract_dates


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


# --- relative dates, ranges and resolution (a Thursday: 3 December 2015) ----------------

THURSDAY = "2015-12-03"


def resolved(text: str, reference: str | None = THURSDAY) -> list[tuple[str, str | None]]:
    return [(d.value, d.resolved) for d in extract_dates(text, reference=reference)]


def test_relative_expressions_keep_their_words_as_value():
    found = extract_dates("A study last week and another earlier this month were cited.")
    assert [(d.value, d.relative, d.resolved) for d in found] == [
        ("last week", True, None),
        ("earlier this month", True, None),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor resigned on Tuesday.", [("tuesday", "2015-12-01")]),
        ("The council meets on Thursday.", [("thursday", "2015-12-03")]),
        ("The council will vote on Friday.", [("friday", "2015-12-04")]),
        ("It rained last Thursday.", [("thursday", "2015-11-26")]),
        ("He was released yesterday.", [("yesterday", "2015-12-02")]),
        ("A survey last week found little.", [("last week", "2015-11-23/2015-11-29")]),
        ("Prices rose earlier this month.", [("earlier this month", "2015-12")]),
        ("Sales fell last year.", [("last year", "2014")]),
        ("The bridge opened two years ago.", [("two years ago", "2013")]),
        ("The fair opens on 29 November.", [("--11-29", "2015-11-29")]),
        ("The law took effect in January.", [("--01", "2015-01")]),
        ("It began in March 2011.", [("2011-03", "2011-03")]),
    ],
)
def test_resolution_against_the_article_date(text, expected):
    assert resolved(text) == expected


def test_this_weekend_is_resolved_only_where_it_is_clear():
    assert resolved("Crowds gathered this weekend.") == [("this weekend", None)]  # a Thursday
    assert resolved("Crowds gathered this weekend.", "2015-12-06") == [
        ("this weekend", "2015-12-05/2015-12-06")
    ]


def test_nothing_is_resolved_without_the_article_date():
    assert resolved("He left on Tuesday, last week.", None) == [
        ("tuesday", None),
        ("last week", None),
    ]


def test_both_ends_of_a_range():
    found = extract_dates("She served from 1967 to 1979 and again between 1983 and 1990.")
    assert [(d.value, d.bound) for d in found] == [
        ("1967", "start"),
        ("1979", "end"),
        ("1983", "start"),
        ("1990", "end"),
    ]
    found = extract_dates("Talks ran from Sept. 3 to October 12; the strike lasted until May 4.")
    assert [(d.value, d.bound) for d in found] == [
        ("--09-03", "start"),
        ("--10-12", "end"),
        ("--05-04", "end"),
    ]
    assert [d.bound for d in extract_dates("Rents have doubled since it began in 2009.")] == [
        "start"
    ]


def test_relative_dates_never_contradict_anything():
    assert compatible("last week", "this week")
    assert compatible("last week", "--09-30")
    assert compatible("earlier this month", "2015-11")


def test_article_date_from_metadata_or_a_dateline_only():
    assert article_date("Text.", {"date": "2015-12-03"}) == "2015-12-03"
    assert article_date("LONDON, Dec. 3, 2015 —\nThe mayor resigned.") == "2015-12-03"
    assert article_date("Published: 3 December 2015 10:31 GMT\nText.") == "2015-12-03"
    assert article_date("The strike began on 3 December 2015 at dawn.\nMore.") is None
    assert article_date("No date here.\nNor here.") is None


def test_an_article_dated_by_its_dateline_resolves_its_weekdays():
    from accord.analyse import analyse
    from accord.model import Document

    text = "LONDON, Dec. 3, 2015 —\n\nThe mayor of the town resigned on Tuesday after the vote."
    doc = Document(id="a", raw=text, text=text)
    analyse([doc])
    weekday = [d for s in doc.sentences for d in s.dates if d.value == "tuesday"]
    assert [d.resolved for d in weekday] == ["2015-12-01"]
