"""The timeline and key points of the static HTML briefing, in headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

import accord
from accord.model import Document
from accord.render.common import SHOWN
from tests.browser import BROWSER_MARKS, sync_api

pytestmark = BROWSER_MARKS

# Invented reports: a story of many dated events, more than the page shows at once.
YEARS = [1990 + 2 * n for n in range(SHOWN["timeline"] + 3)]
HISTORY = " ".join(
    f"In {year} the Dunmore lighthouse was repainted for the {n + 1}th time."
    for n, year in enumerate(YEARS)
)
REPORT_A = (
    "The Dunmore lighthouse was closed to visitors on 4 March after a storm damaged its lamp. "
    + HISTORY
)
REPORT_B = (
    "Visitors have been kept away from the Dunmore lighthouse since a storm damaged its lamp "
    "on March 4. The harbour board rejected the keepers' claims that repairs were delayed."
)


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    briefing = accord.brief(
        [Document(id="north", raw=REPORT_A), Document(id="south", raw=REPORT_B)]
    )
    path = tmp_path_factory.mktemp("timeline") / "briefing.html"
    path.write_text(briefing.render("html"), encoding="utf-8")
    return path


@pytest.mark.parametrize("width", [1400, 390])
def test_timeline_reads_in_order_with_the_rest_one_click_away(browser, page_file, width) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(page_file.as_uri())
    timeline = page.locator("#timeline")
    sync_api.expect(timeline).to_be_visible()
    whens = [w.strip() for w in page.locator("#timeline .when").all_text_contents()]
    assert whens[: len(YEARS)] == [str(y) for y in YEARS]  # the years first, in order
    assert "4 March" in whens  # both reports date the closure: one event, two chips
    closure = page.locator("#timeline li.event", has_text="closed to visitors")
    assert closure.locator(".cite").count() == 2
    more = page.locator("#timeline details.more")
    rest = len(whens) - SHOWN["timeline"]
    sync_api.expect(more.locator("summary")).to_have_text(f"{rest} more events")
    assert not page.locator("#timeline details.more li.event").first.is_visible()
    more.locator("summary").click()
    assert page.locator("#timeline details.more li.event").first.is_visible()
    # nothing wider than the phone's screen
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    page.screenshot(path=f"/tmp/accord-timeline-{width}.png", full_page=True)
    page.close()
