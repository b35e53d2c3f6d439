"""Provenance: outlet, wire agency, author and date only where a text states them."""

from __future__ import annotations

from pathlib import Path

import pytest

from accord.clean import clean_html, clean_text
from accord.provenance import byline, copyright_holder, iso_date, read_lines

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def test_a_wire_story_with_byline_and_date_line() -> None:
    cleaned = clean_text(
        "Fire at the harbour\n"
        "By Jane Doe and Tom Park, Reuters\n"
        "Published: 4 March 2026\n\n"
        "KELMOUTH (Reuters) - At least 200 people were evacuated on Tuesday, police said.\n"
    )
    assert cleaned.meta == {
        "agency": "Reuters",
        "author": "Jane Doe and Tom Park",
        "date": "2026-03-04",
    }
    assert "outlet" not in cleaned.meta  # a wire credit says whose copy, not who published
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["By Jane Doe and Tom Park, Reuters"] == "byline"
    assert reasons["Published: 4 March 2026"] == "date line"
    assert cleaned.title == "Fire at the harbour"
    assert cleaned.text.startswith("Fire at the harbour\n\nKELMOUTH (Reuters)")


def test_outlet_from_a_source_tail_or_a_copyright_line() -> None:
    tail = clean_text("The bridge reopened on Friday, the council said.\n\nSource: The Town Paper")
    assert tail.meta == {"outlet": "The Town Paper"}
    notice = clean_text(
        "The bridge reopened on Friday, the council said.\n\n"
        "Copyright © 2024 The Valley Courier.\nAll rights reserved."
    )
    assert notice.meta == {"outlet": "The Valley Courier"}


def test_an_agency_is_never_taken_for_the_outlet() -> None:
    for tail in ("Source: Reuters", "– (AFP)", "Copyright 2015 The Associated Press."):
        cleaned = clean_text(f"Twelve people were hurt in the blast, police said.\n\n{tail}")
        assert "outlet" not in cleaned.meta, tail
        assert cleaned.meta["agency"] in {"Reuters", "AFP", "AP"}


def test_datelines_give_the_agency_even_after_a_caption() -> None:
    assert read_lines([], "BEIRUT (AFP) - Air strikes killed 12 people.") == {"agency": "AFP"}
    scraped = (
        "A man walks past the site. ( ap photo ) ( associated press ) lima, peru ( ap ) — a quake"
    )
    assert read_lines([], scraped) == {"agency": "AP"}
    assert read_lines([], "New york ( reuters health ) - comedians joked.") == {"agency": "Reuters"}


def test_nothing_is_guessed() -> None:
    # an unknown call sign, a picture credit, a partial date, a sentence starting with "By"
    for text in (
        "Houston ( kprc ) - a man sued the airline.",
        "The report was released.\nImage copyright AP\nPhoto: Getty Images",
        "Posted: Nov. 14\nThe council met.",
        "By Friday, the fire was out.\nPolice said so.",
        "By the end of the day, 40 people had left.",
        "Officials said 200 people (AP) were evacuated.",
    ):
        assert clean_text(text).meta == {}, text


def test_helpers() -> None:
    assert iso_date("Nov. 14, 2012 01:30 pm") == "2012-11-14"
    assert iso_date("4th March 2026") == "2026-03-04"
    assert iso_date("2026-02-30") is None
    assert byline("By Jane Doe, Times Staff Writer") == ("Jane Doe", None)
    assert iso_date("March 2011") is None
    assert byline("By Mary-Ann van Dijk") == ("Mary-Ann van Dijk", None)
    assert byline("By Jane Doe, Associated Press") == ("Jane Doe", "AP")
    assert copyright_holder("© 2015 Reuters. All rights reserved.") == "Reuters"
    assert copyright_holder("Image copyright Getty Images") is None
    assert copyright_holder("Copyright law changes") is None


def test_html_metadata_comes_from_the_page() -> None:
    page = """<html><head><title>Dam approved</title>
    <meta property="og:site_name" content="Valley Times">
    <meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2026-03-04T10:00:00Z">
    <link rel="canonical" href="https://valleytimes.example/dam"></head><body><article>
    <h1>Dam approved</h1><p>The regional government approved the Lower Valley dam on Thursday
    after a ten-year debate about its cost and its effect on the river.</p>
    <p>The dam will supply water to 120,000 homes when it is finished in 2031, officials
    said.</p></article></body></html>"""
    meta = clean_html(page).meta
    assert meta == {
        "outlet": "Valley Times",
        "date": "2026-03-04",
        "author": "Jane Doe",
        "url": "https://valleytimes.example/dam",
    }


def test_html_without_metadata_states_none() -> None:
    page = """<html><body><article><p>The regional government approved the Lower Valley dam
    on Thursday after a ten-year debate about its cost and its effect on the river.</p>
    <p>The dam will supply water to 120,000 homes when it is finished, officials said.</p>
    </article></body></html>"""
    assert clean_html(page).meta == {}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent")
def test_seeds_name_what_they_state() -> None:
    found = [clean_text(p.read_text()).meta for p in sorted(SEEDS.glob("*.txt"))]
    outlets = [m.get("outlet") for m in found]
    agencies = [m.get("agency") for m in found]
    assert outlets.count(None) >= 2  # two seeds say nothing about where they come from
    assert "Reuters" in agencies and "Reuters" not in outlets
    assert all(not m.get("date") and not m.get("author") for m in found)


MULTINEWS = SEEDS.parent / "data" / "multinews" / "validation.jsonl.gz"


@pytest.mark.slow
@pytest.mark.skipif(not MULTINEWS.is_file(), reason="../shared/data/multinews is absent")
def test_real_multinews_documents() -> None:
    """Scraped, lower-cased real texts: datelines are read, picture credits are not."""
    import gzip
    import json
    import re

    from accord.provenance import AGENCIES

    documents = found = 0
    with gzip.open(MULTINEWS, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n == 300:
                break
            for raw in json.loads(line)["documents"]:
                documents += 1
                meta = clean_text(raw).meta
                found += "agency" in meta
                assert meta.get("agency", "AP") in AGENCIES.values()
                assert not re.search(r"image|photo|getty", meta.get("outlet", ""), re.I)
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.get("date", "2000-01-01"))
    assert found / documents > 0.03  # about 7% of them open with an agency's dateline
