"""The briefing page in headless Chromium, as readers see it: the static HTML file and the
web app (``accord serve`` as a subprocess) show the same server-rendered briefing, at a
desktop and a phone width, with nothing running off the side. Screenshots go to /tmp
(accord-page-*.png, accord-app-*.png) for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import accord
from accord.model import Document
from tests.browser import BROWSER_MARKS, sync_api
from tests.serve import accord_serve

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}

pytestmark = BROWSER_MARKS

WIRE = (
    "Harbour fire forces hundreds from their homes\n\n"
    "KELMOUTH (Reuters) - At least 300 residents were evacuated from homes near the harbour "
    "on Tuesday after a fire broke out at a warehouse storing fertiliser and paint, the "
    "county fire service said. More than 60 firefighters fought the blaze for nine hours, "
    "chief fire officer Maria Okafor said. Fifteen people were treated in hospital for smoke "
    "inhalation, the county health board said. The ferry service to the island was "
    'suspended for the day. "Their work stopped the fire from reaching the fuel depot next '
    'door," Okafor told reporters at the scene.'
)
PAGE = """<html><head><title>Kelmouth warehouse blaze: 250 evacuated</title>
<meta property="og:site_name" content="The Coastal Courier of Kelmouth and the Western Isles">
<meta name="author" content="Ann Lee"><meta property="article:published_time"
content="2026-03-03"><link rel="canonical" href="https://courier.example/news/2026/03/03/a-very-long-address-for-a-story-about-a-fire-at-the-harbour"></head>
<body><article><h1>Kelmouth warehouse blaze: 250 evacuated</h1>
<p>About 250 residents were evacuated after a fire at a harbour warehouse on Monday,
police said. Twelve people were treated in hospital for smoke inhalation.</p>
<p>Sixty firefighters fought the blaze through the night, the fire service said. The
warehouse stored fertiliser, paint and cleaning products, its owner Northgate Logistics
said.</p><p>"Their work stopped the fire from reaching the fuel depot next door," chief
fire officer Maria Okafor said.</p></article></body></html>"""
DOCUMENTS = [
    ("northern-star.txt", WIRE + "\n\nSource: The Northern Star", False),
    ("harbour-daily.txt", WIRE + "\n\nSource: Harbour Daily", False),
    ("courier.html", PAGE, True),
]


@pytest.fixture(scope="module")
def briefing():
    return accord.brief([Document(i, raw, is_html=html) for i, raw, html in DOCUMENTS])


@pytest.fixture(scope="module")
def static_page(briefing, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("page") / "briefing.html"
    path.write_text(briefing.render("html"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with accord_serve({"ACCORD_WEB_WORKERS": "1", "ACCORD_WEB_TIMEOUT_S": "300"}) as url:
        yield url


def open_page(browser, width: str):
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: errors.append(m.text[:120]) if "Content Security Policy" in m.text else None,
    )
    return context, page, errors


def check_briefing(page, briefing) -> None:
    """What both the static page and the app must show."""
    # numbered, coloured chips with outlet names; the copy is named, never a chip
    first = page.locator(".discrepancies .cite, .quote .cite").first
    if first.count():
        assert first.locator(".cite-n").text_content().strip().isdigit()
    names = set(page.locator(".cite-name").all_text_contents())
    assert "The Northern Star" in names and "Harbour Daily" not in names
    assert page.locator(".also", has_text="Harbour Daily").count() > 0
    assert page.locator(".source-panel .source-name").first.text_content() == "The Northern Star"
    colours = {c.evaluate("e => getComputedStyle(e).color") for c in page.locator(".cite").all()}
    assert len(colours) >= 2, "each source has its own colour"
    sync_api.expect(page.locator(".briefing-meta")).to_contain_text(
        "2 sources (+1 copy, not counted)"
    )
    # nothing runs off the side: the page is no wider than the window, tables fit
    width = page.evaluate("window.innerWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    for table in page.locator("table").all():
        box = table.bounding_box()
        if box:
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    # hovering a chip highlights its sentence in the source panel
    chip = page.locator("#summary .cite").first
    chip.scroll_into_view_if_needed()
    chip.hover()
    source = chip.get_attribute("data-source")
    sync_api.expect(
        page.locator(f'.source-panel[data-source="{source}"] .sent.hl-focus')
    ).to_have_count(1)
    page.mouse.move(1, 1)


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_static_page(browser, briefing, static_page: Path, width: str) -> None:
    context, page, errors = open_page(browser, width)
    page.goto(static_page.as_uri())
    assert page.title() == f"{briefing.headline.text} · Accord briefing"  # the chosen title
    check_briefing(page, briefing)
    # a link to one sentence (as the coverage grid's cells are) highlights it on hover
    page.evaluate(
        """() => { const a = document.createElement("a"); a.id = "probe"; a.textContent = "x";
        a.dataset.target = "s-courier.html-1"; a.href = "#s-courier.html-1";
        document.querySelector("#summary").append(a); }"""
    )
    page.hover("#probe")
    sync_api.expect(page.locator('.sent.hl-focus[data-index="1"]')).to_have_count(1)
    page.evaluate("() => document.querySelector('#probe').remove()")
    page.mouse.move(1, 1)
    page.screenshot(path=f"/tmp/accord-page-{width}.png", full_page=True)
    context.close()
    assert errors == []


def test_tapping_a_chip_on_a_phone_takes_the_page_to_its_sentence_and_back(
    browser, static_page: Path
) -> None:
    w, h = WIDTHS["phone"]
    context = browser.new_context(viewport={"width": w, "height": h}, has_touch=True)
    page = context.new_page()
    page.goto(static_page.as_uri())
    chip = page.locator("#summary .cite").first
    chip.scroll_into_view_if_needed()
    before = page.evaluate("window.scrollY")
    chip.tap()
    source = chip.get_attribute("data-source")
    sentence = page.locator(f'.source-panel[data-source="{source}"] .sent.hl-focus')
    sync_api.expect(sentence).to_have_count(1)
    # the page scrolls down to the panel, and the sentence is on screen
    page.wait_for_function(
        """() => { const s = document.querySelector('.sent.hl-focus').getBoundingClientRect();
        return s.top >= 0 && s.bottom <= window.innerHeight; }""",
        timeout=5000,
    )
    assert page.evaluate("window.scrollY") > before
    back = page.locator(".back-to-chip")
    sync_api.expect(back).to_be_visible()
    page.screenshot(path="/tmp/accord-page-phone-tap.png")
    back.tap()
    sync_api.expect(back).to_be_hidden()
    page.wait_for_function(
        """() => { const c = document.querySelector('#summary .cite').getBoundingClientRect();
        return c.top >= 0 && c.bottom <= window.innerHeight; }""",
        timeout=5000,
    )
    context.close()


def test_clicking_a_chip_on_a_wide_screen_leaves_the_page_where_it_is(
    browser, static_page: Path
) -> None:
    context, page, errors = open_page(browser, "desktop")
    page.goto(static_page.as_uri())
    page.locator("#summary .cite").first.click()
    sync_api.expect(page.locator(".sent.hl-focus")).to_have_count(1)
    page.wait_for_timeout(400)
    assert page.evaluate("window.scrollY") == 0
    assert not page.locator(".back-to-chip").is_visible()
    context.close()
    assert errors == []


@pytest.mark.parametrize("width", sorted(WIDTHS))
def test_web_app_shows_the_same_briefing(browser, base_url, static_page, briefing, width) -> None:
    context, page, errors = open_page(browser, width)
    page.goto(base_url + "/")
    while page.locator(".source-input").count() < len(DOCUMENTS):
        page.click("#add-source")
    for card, (name, raw, html) in zip(page.locator(".source-input").all(), DOCUMENTS, strict=True):
        card.locator(".source-id").fill(name)
        card.locator(".source-text").fill(raw)
        card.locator(".source-html").set_checked(html)
    page.click("#run")
    page.wait_for_selector("#briefing .cite", timeout=120_000)
    assert page.title().startswith(briefing.headline.text)
    check_briefing(page, briefing)
    page.screenshot(path=f"/tmp/accord-app-{width}.png", full_page=True)
    # one renderer: the app shows what the static page shows, word for word
    shown = page.locator("#briefing .briefing").inner_text()
    static = context.new_page()
    static.goto(static_page.as_uri())
    assert static.locator(".briefing").inner_text() == shown
    context.close()
    assert errors == []
