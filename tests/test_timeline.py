"""The timeline: dated events across sources, in order, merged and marked (invented reports)."""

from __future__ import annotations

import copy

import accord
from accord.model import SCHEMA_VERSION, Briefing, Document
from accord.render import render
from accord.render.common import SHOWN


def brief(*texts: str, date: str | None = None) -> Briefing:
    meta = {"date": date} if date else {}
    return accord.brief(
        [Document(id=f"s{n}", raw=text, meta=dict(meta)) for n, text in enumerate(texts)]
    )


STRIKE_A = (
    "The strike at the Baxter steel plant in Millford began on 2 November over unpaid wages. "
    "Union leaders said on Thursday that the talks with the owners had failed. "
    "Negotiations between the union and the owners collapsed on Tuesday evening. "
    "The company dismissed the union's claims as exaggerated and unfounded."
)
STRIKE_B = (
    "Workers at the Baxter steel plant in Millford walked out on November 2 in a dispute over "
    "unpaid wages. Talks between the union and the owners collapsed on Tuesday, the union said. "
    "A survey of the workers last week found that most of them supported the strike."
)


def test_events_in_order_merged_across_sources_and_resolved():
    timeline = brief(STRIKE_A, STRIKE_B, date="2015-12-03").timeline  # a Thursday
    dated = [(e.kind, e.date, e.sources) for e in timeline]
    assert dated[0] == ("event", "2015-11-02", ["s0", "s1"])  # one walk-out, both sources
    assert ("event", "2015-11-23/2015-11-29", ["s1"]) in dated  # "last week", resolved
    collapse = next(e for e in timeline if e.date == "2015-12-01")  # Tuesday, resolved
    assert collapse.sources == ["s0", "s1"] and not collapse.stated
    assert "Tuesday" in collapse.when and "1 December 2015" in collapse.when
    # "said on Thursday" is the article's own day: when it was reported, not an event
    assert not any(e.date == "2015-12-03" for e in timeline)
    assert [e.date for e in timeline] == [
        *sorted([e.date for e in timeline if e.date], key=lambda d: d.split("/")[0]),
        None,
    ]
    response = timeline[-1]
    assert response.kind == "response" and "dismissed the union's claims" in response.text


def test_every_event_text_is_a_source_sentence_and_cites_it():
    briefing = brief(STRIKE_A, STRIKE_B, date="2015-12-03")
    texts = {s.id: s.text for s in briefing.sources}
    for event in briefing.timeline:
        assert event.evidence and {e.source for e in event.evidence} == set(event.sources)
        assert any(event.text.rstrip(".") in e.text for e in event.evidence)
        assert all(e.text in texts[e.source] for e in event.evidence)


def test_without_an_article_date_relative_dates_stay_as_stated_at_the_end():
    timeline = brief(STRIKE_A, STRIKE_B).timeline
    assert timeline[0].date == "--11-02" and not timeline[0].stated
    stated = [e for e in timeline if e.stated]
    assert [e.date for e in stated] == ["last week", "tuesday"]  # in the order words give
    assert timeline.index(stated[0]) > 0


def test_sources_dating_one_event_differently_are_marked():
    briefing = brief(
        "The old harbour bridge in Stenby was closed to traffic on Monday after "
        "engineers found a crack in one of its steel supports.",
        "The old harbour bridge in Stenby was closed to traffic on Wednesday after "
        "engineers found a crack in one of its steel supports.",
    )
    marked = [e for e in briefing.timeline if e.dates]
    assert len(marked) == 1
    event = marked[0]
    assert event.sources == ["s0", "s1"]
    assert briefing.discrepancies[event.discrepancy].kind == "date"
    assert sorted(v.value for v in event.dates) == ["monday", "wednesday"]


def test_periods_keep_both_ends_and_merge():
    timeline = brief(
        "Inspectors examined 40 farms in the valley between 3 March and 9 April this spring.",
        "From March 3 to April 9, inspectors visited forty farms across the valley.",
        "The ministry published the inspectors' findings on 20 May.",
    ).timeline
    period = next(e for e in timeline if e.kind == "period")
    assert (period.date, period.until, period.sources) == ("--03-03", "--04-09", ["s0", "s1"])
    assert period.when == "3 March to 9 April"
    assert timeline[-1].date == "--05-20"


def test_birthdays_and_datelines_are_not_events():
    timeline = brief(
        "PARIS, Dec. 3, 2015 —\n\nThe novelist Jeanne Morel, born on 12 May 1931, died on "
        "Tuesday at her home in Lyon, her publisher said.",
    ).timeline
    assert [e.date for e in timeline] == ["2015-12-01"]


def test_json_holds_the_timeline():
    data = brief(STRIKE_A, STRIKE_B).to_dict()
    assert data["schema"] == SCHEMA_VERSION == "3"
    first = data["timeline"][0]
    assert set(first) >= {"when", "date", "text", "sources", "evidence", "kind", "until"}
    assert "stated" in first and "dates" in first and "discrepancy" in first


def test_the_seed_reports_timeline(seeds_briefing):
    """Campaign start, the strike of mid-October, the period researched, the day the report
    came out and the responses to it, in that order (values only: no seed text here)."""
    timeline = seeds_briefing.timeline
    dates = [(e.kind, e.date, e.until) for e in timeline]
    start = dates.index(("event", "--09-30", None))
    strike = dates.index(("event", "--10-15", None))
    period = next(n for n, d in enumerate(dates) if d[0] == "period" and d[2] == "--11-29")
    released = dates.index(("event", "wednesday", None))
    responses = [n for n, e in enumerate(timeline) if e.kind == "response"]
    assert start < strike < released and period < released
    assert len(timeline[period].sources) >= 3  # the period most reports give
    assert len(responses) >= 2 and min(responses) > released
    assert timeline[released].stated  # the seeds carry no article date: as stated


def test_every_view_shows_the_timeline_and_the_key_points():
    briefing = brief(STRIKE_A, STRIKE_B, date="2015-12-03")
    markdown = briefing.render("md")
    assert "## Timeline" in markdown and "## Key points" in markdown
    assert "**2 November 2015**" in markdown
    page = briefing.render("html")
    assert 'id="timeline"' in page and 'id="key-points"' in page
    long = copy.deepcopy(briefing)
    long.timeline = [copy.deepcopy(e) for e in briefing.timeline * 10]
    extra = len(long.timeline) - SHOWN["timeline"]
    assert f"{extra} more events not shown" in long.render("text")
    assert "more events not shown" not in render(long, "text", full=True)
    assert long.render("md").count("- **2 November 2015**") == 10  # Markdown holds every one
