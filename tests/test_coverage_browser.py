"""The static HTML briefing's coverage grid and positions in headless Chromium, at desktop
and phone widths: the grid fits its column (scrolling sideways inside its own box only),
its cells say what they mean, and the hidden rows are one click away. Screenshots are
written to /tmp for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

import accord
from accord.model import Document
from tests.browser import BROWSER_MARKS

SHOTS = Path("/tmp")

pytestmark = BROWSER_MARKS

# Nine reports of one invented event, each worded its own way (none a copy of another):
# enough columns that a phone must scroll the grid. Report 2 gives another figure.
SCHOOLS = [
    "The storm closed {n} schools across the county on Monday.",
    "On Monday {n} schools in the county were shut by the storm.",
    "Monday's storm forced {n} schools in the county to close.",
]
BRIDGE = [
    "The county council said the main bridge would reopen on 3 March.",
    "The main bridge will reopen on 3 March, the county council said.",
    "According to the county council, the main bridge reopens on 3 March.",
]
POWER = [
    "Power was cut to the harbour district overnight, the utility said.",
    "The utility said the harbour district lost power overnight.",
    "Overnight the harbour district was left without power.",
]
EXTRAS = [
    "Residents were told to stay indoors until the wind dropped.",
    "Shops in the high street stayed shut for the whole day.",
    "Trains ran slowly along the coast line all afternoon.",
    "Volunteers spent the morning clearing fallen branches from roads.",
    "The ferry service to the islands was suspended until Wednesday.",
    "Farmers checked their flooded fields and counted lost sheep.",
    "Drivers were warned about black ice on the hill roads.",
    "Hospitals postponed routine visits and asked patients to call first.",
    "Fishermen kept their boats in port and mended their nets.",
]
DENIAL = "The harbour master denied that the sea wall had failed during the storm."


def report(k: int) -> str:
    schools = SCHOOLS[k % 3].format(n=15 if k == 2 else 12)
    parts = [schools, POWER[(k // 3) % 3], EXTRAS[k], EXTRAS[(k + 4) % 9]]
    if k != 4:  # one report says nothing about the bridge
        parts.insert(1, BRIDGE[(k + 1) % 3])
    if k % 2 == 0:
        parts.append(DENIAL)
    return " ".join(parts)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    docs = [Document(id=f"report-{k}", raw=report(k)) for k in range(9)]
    briefing = accord.brief(docs)
    assert briefing.coverage and len(briefing.coverage.columns) >= 6
    path = tmp_path_factory.mktemp("html") / "briefing.html"
    path.write_text(briefing.render("html"), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [1280, 390])
def test_the_grid_fits_its_column_and_says_what_each_cell_means(browser, page_file, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    section = page.locator("#coverage")
    assert section.is_visible()
    box = page.locator("#coverage .cov-box").first
    bounds = box.bounding_box()
    assert bounds is not None and bounds["x"] >= 0
    assert bounds["x"] + bounds["width"] <= width + 1, "the grid box runs off the screen"
    legend = page.locator("#coverage .legend").inner_text()
    assert "states it" in legend and "another value" in legend and "silent" in legend
    # the differing report's cell links to the discrepancy, and that anchor exists
    differs = page.locator("#coverage td.cov-differs a").first
    target = differs.get_attribute("href")
    assert target and target.startswith("#discrepancy-")
    assert page.locator(target).count() == 1
    assert "15" in (differs.get_attribute("title") or "")
    # a stating cell links to the sentence in its source
    states = page.locator("#coverage td.cov-states a").first
    assert page.locator(states.get_attribute("href")).count() == 1
    if width == 390:
        # nine columns do not fit a phone: the box scrolls, the page does not widen for it
        scroll, client = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
        assert scroll >= client
    section.screenshot(path=str(SHOTS / f"accord-coverage-{width}.png"))
    page.locator("#positions").screenshot(path=str(SHOTS / f"accord-positions-{width}.png"))
    assert errors == []
    page.close()


def test_hidden_rows_and_parties_are_one_click_away(browser, page_file):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(page_file.as_uri())
    more = page.locator("#coverage details.more")
    if more.count():
        hidden = more.first.locator("tbody tr").first
        assert not hidden.is_visible()
        more.first.locator("summary").click()
        assert hidden.is_visible()
    denial = page.locator("#positions .rebuttal").first
    assert denial.is_visible() and "denied" in denial.inner_text()
    page.close()
