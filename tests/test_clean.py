from accord.clean import clean_html, clean_text

SCRAPED = """Bridge reopens after repairs

Advertisement

The Old Mill bridge reopened on Friday after eight months of repairs, the council said.

Workers on the bridge deck last week. Photo: Getty Images

Engineers replaced 40 steel cables and resurfaced the road, at a cost of 2.1 million pounds.

Council budget row deepens
Library hours cut again
Local team wins cup final

town news bridges

Workers on the bridge deck last week. Photo: Getty Images

"It is good to have our town joined up again," said mayor Ellen Park.

Stay informed, daily
Sign up for our free newsletter and get the news every morning.
Copyright © 2026 The Town Paper. All rights reserved.

Source: The Town Paper
"""


def test_furniture_is_removed_with_reasons():
    cleaned = clean_text(SCRAPED)
    reasons = {r.text: r.reason for r in cleaned.removed}
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Workers on the bridge deck last week. Photo: Getty Images"] == (
        "photo caption or credit"
    )
    assert reasons["Library hours cut again"] == "list of other headlines"
    assert reasons["town news bridges"] == "tag line"
    newsletter = "Sign up for our free newsletter and get the news every morning."
    assert "subscription" in reasons[newsletter]
    assert "subscription" in reasons["Stay informed, daily"]
    assert reasons["Source: The Town Paper"] == "source line"
    assert cleaned.meta["outlet"] == "The Town Paper"


def test_reporting_and_headline_are_kept():
    cleaned = clean_text(SCRAPED)
    assert cleaned.title == "Bridge reopens after repairs"
    assert cleaned.text.startswith("Bridge reopens after repairs")
    for sentence in (
        "The Old Mill bridge reopened on Friday after eight months of repairs, the council said.",
        "Engineers replaced 40 steel cables",
        "said mayor Ellen Park.",
    ):
        assert sentence in cleaned.text
    assert "Photo:" not in cleaned.text and "newsletter" not in cleaned.text


def test_text_without_furniture_is_unchanged():
    text = "The council met on Monday.\n\nIt approved the budget, members said."
    cleaned = clean_text(text)
    assert cleaned.text == text
    assert cleaned.removed == []


def test_html_goes_through_the_extractor_and_lists_what_it_left_out():
    page = """<!doctype html><html><head><title>Dam project approved</title>
    <meta property="og:site_name" content="Valley Times"></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/sport">Sport</a></li></ul></nav>
    <article><h1>Dam project approved</h1>
    <p>The regional government approved the Lower Valley dam on Thursday after a ten-year debate
    about its cost and its effect on the river.</p>
    <p>The dam will supply water to 120,000 homes when it is finished in 2031, officials said.</p>
    <figure><img src="x.jpg"><figcaption>The valley where the dam will stand.</figcaption></figure>
    <p>Opponents said they would take the decision to court, arguing that the study of the
    river's fish was incomplete.</p></article>
    <footer><p>Copyright 2026 Valley Times. All rights reserved.</p></footer></body></html>"""
    cleaned = clean_html(page)
    assert "120,000 homes" in cleaned.text
    assert "Opponents said they would take the decision to court" in cleaned.text
    assert "All rights reserved" not in cleaned.text
    assert cleaned.title == "Dam project approved"
    assert any("All rights reserved" in r.text for r in cleaned.removed)
