"""The web app as a person uses it: a real server, driven in headless Chromium."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.browser import BROWSER_MARKS, sync_api
from tests.serve import accord_serve

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-fire"
SCREENSHOT = Path("/tmp/accord-web.png")

pytestmark = BROWSER_MARKS


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    """``accord serve`` as a user starts it, its settings from the environment."""
    with accord_serve({"ACCORD_WEB_WORKERS": "2", "ACCORD_WEB_TIMEOUT_S": "300"}) as url:
        yield url


@pytest.fixture()
def page(browser, base_url: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    # a Content-Security-Policy violation is only a console message: count it as an error
    page.on(
        "console",
        lambda m: errors.append(m.text[:120]) if "Content Security Policy" in m.text else None,
    )
    page.goto(base_url + "/")
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def example_files() -> list[Path]:
    files = sorted(EXAMPLE.glob("*.txt"))
    assert files, f"the bundled example is missing from {EXAMPLE}"
    return files


def paste_example(page) -> None:
    files = example_files()
    while page.locator(".source-input").count() < len(files):
        page.click("#add-source")
    for card, path in zip(page.locator(".source-input").all(), files, strict=True):
        card.locator(".source-id").fill(path.stem)
        card.locator(".source-text").fill(path.read_text())


def submit(page) -> None:
    page.click("#run")
    page.wait_for_selector("#summary .cite", timeout=120_000)


def api_briefing(base_url: str) -> dict:
    request = {
        "documents": [{"id": p.stem, "text": p.read_text()} for p in example_files()],
        "words": 250,
    }
    response = httpx.post(f"{base_url}/api/brief", json=request, timeout=120)
    assert response.status_code == 200
    return response.json()


def test_paste_submit_hover_citation_and_download_json(page, base_url: str) -> None:
    paste_example(page)
    submit(page)
    expected = api_briefing(base_url)

    summary = page.locator("#summary .sum-text")
    assert summary.count() == len(expected["summary"])
    assert summary.first.text_content() == expected["summary"][0]["text"]
    assert page.locator("#source-panels .source-panel").count() == len(expected["sources"])

    # hovering a citation highlights the supporting sentence in that source's text
    chip = page.locator("#summary .cite").first
    source = chip.get_attribute("data-source")
    sentence = int(chip.get_attribute("data-sentence"))
    chip.hover()
    focus = page.locator(f'.source-panel[data-source="{source}"] .sent.hl-focus')
    sync_api.expect(focus).to_have_count(1)
    evidence = next(
        e
        for e in expected["summary"][0]["evidence"]
        if e["source"] == source and e["sentence"] == sentence
    )
    assert focus.text_content().strip() == evidence["text"].strip()
    assert focus.get_attribute("data-index") == str(sentence)
    # ... and the other sources' supporting sentences too, side by side
    others = {e["source"] for e in expected["summary"][0]["evidence"]} - {source}
    for other in others:
        sync_api.expect(
            page.locator(f'.source-panel[data-source="{other}"] .sent.hl')
        ).not_to_have_count(0)
    page.wait_for_timeout(600)  # let the panels finish scrolling to the sentence
    body = page.locator(f'.source-panel[data-source="{source}"] .source-body').bounding_box()
    mark = focus.bounding_box()
    assert body["y"] <= mark["y"] and mark["y"] + mark["height"] <= body["y"] + body["height"] + 1
    page.screenshot(path=str(SCREENSHOT))
    page.screenshot(path=str(SCREENSHOT.with_name("accord-web-full.png")), full_page=True)

    # moving away clears it
    page.mouse.move(5, 5)
    sync_api.expect(page.locator(".sent.hl-focus")).to_have_count(0)

    with page.expect_download() as download_info:
        page.click('[data-download="json"]')
    download = download_info.value
    assert download.suggested_filename == "briefing.json"
    assert json.loads(Path(download.path()).read_text()) == expected


def test_download_markdown_and_html(page) -> None:
    paste_example(page)
    submit(page)
    first = page.locator("#summary .sum-text").first.text_content()
    for fmt, name in (("md", "briefing.md"), ("html", "briefing.html")):
        with page.expect_download() as download_info:
            page.click(f'[data-download="{fmt}"]')
        download = download_info.value
        assert download.suggested_filename == name
        text = Path(download.path()).read_text()
        assert first.split(",")[0] in text
        if fmt == "html":
            assert text.lstrip().lower().startswith("<!doctype html")


def test_click_pins_a_citation_until_escape(page) -> None:
    paste_example(page)
    submit(page)
    chip = page.locator("#summary .cite").nth(1)
    chip.click()
    assert chip.get_attribute("aria-pressed") == "true"
    page.mouse.move(5, 5)
    sync_api.expect(page.locator(".sent.hl-focus")).to_have_count(1)
    page.keyboard.press("Escape")
    sync_api.expect(page.locator(".sent.hl-focus")).to_have_count(0)
    assert chip.get_attribute("aria-pressed") == "false"


def test_sections_match_the_briefing(page, base_url: str) -> None:
    paste_example(page)
    submit(page)
    expected = api_briefing(base_url)

    rows = page.locator("table.discrepancies tbody tr")
    assert rows.count() == sum(len(d["variants"]) for d in expected["discrepancies"])
    if expected["discrepancies"]:
        first = expected["discrepancies"][0]
        assert (
            page.locator("table.discrepancies tbody th .about").first.text_content()
            == first["about"]
        )
        variant = first["variants"][0]
        claimed = f" — {variant['claimant']}" if variant.get("claimant") else ""
        assert (
            page.locator("table.discrepancies td.variant").first.text_content()
            == variant["text"] + claimed
        )

    speakers = {q["speaker"] or "Unattributed" for q in expected["quotes"]}
    assert set(page.locator("#quotes .speaker-name").all_text_contents()) == speakers
    assert page.locator("#quotes blockquote").count() == len(expected["quotes"])

    claims = len(expected["single_source"])
    assert page.locator("#single-source li.claim").count() == claims
    more = 1 if claims > 10 else 0  # an item holding "N more claims"
    assert page.locator("#single-source li").count() == (claims + more if claims else 1)
    assert page.locator(".fact").count() == len(expected["facts"])
    if expected["facts"]:
        top = max(expected["facts"], key=lambda f: len(f["sources"]))
        bar = page.locator(".fact .bar").first
        total = len([s for s in expected["sources"] if not s.get("duplicate_of")])
        assert bar.evaluate("e => [e.value, e.max]") == [min(len(top["sources"]), total), total]
        assert bar.bounding_box()["width"] > 0


def test_add_remove_and_upload_sources(page, tmp_path: Path) -> None:
    assert page.locator(".source-input").count() == 2
    page.click("#add-source")
    assert page.locator(".source-input").count() == 3
    page.locator(".source-input").nth(2).locator(".remove-source").click()
    assert page.locator(".source-input").count() == 2

    (tmp_path / "wire.txt").write_text("At least 200 people were evacuated on Tuesday.")
    (tmp_path / "paper.html").write_text(
        "<html><body><article><p>About 180 people left their homes.</p></article></body></html>"
    )
    (tmp_path / "radio.txt").write_text("Police said 150 people were evacuated.")
    page.set_input_files(
        "#upload", [str(tmp_path / n) for n in ("wire.txt", "paper.html", "radio.txt")]
    )
    sync_api.expect(page.locator(".source-input")).to_have_count(3)
    ids = [c.locator(".source-id").input_value() for c in page.locator(".source-input").all()]
    assert ids == ["wire", "paper", "radio"]
    assert [
        c.locator(".source-html").is_checked() for c in page.locator(".source-input").all()
    ] == [
        False,
        True,
        False,
    ]
    assert (
        "About 180 people" in page.locator(".source-input").nth(1).locator("textarea").input_value()
    )


def test_load_example_button(page) -> None:
    button = page.locator("#load-example")
    sync_api.expect(button).to_be_visible()
    button.click()
    ids = [c.locator(".source-id").input_value() for c in page.locator(".source-input").all()]
    assert ids == [p.stem for p in example_files()]


def test_cleaning_removals_are_shown_struck_through(page) -> None:
    cards = page.locator(".source-input")
    cards.nth(0).locator(".source-id").fill("wire")
    cards.nth(0).locator(".source-text").fill(
        "At least 200 people were evacuated after a fire at the harbour on Tuesday.\n\n"
        "Advertisement\n\nFirefighters fought the blaze for nine hours, officials said.\n\n"
        "Reporting by Ann Lee; Editing by Tom Park"
    )
    cards.nth(1).locator(".source-text").fill(
        "About 180 people were evacuated after a fire at the harbour on Tuesday."
    )
    submit(page)
    removed = page.locator('.source-panel[data-source="wire"] details.removed')
    sync_api.expect(removed).to_be_visible()
    struck = removed.locator("del").all_text_contents()
    assert "Advertisement" in struck
    assert "Reporting by Ann Lee; Editing by Tom Park" in struck
    style = removed.locator("del").first.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert style == "line-through"
    assert (
        "Advertisement"
        not in page.locator('.source-panel[data-source="wire"] .source-body').text_content()
    )


def test_server_errors_are_shown_to_the_reader(page) -> None:
    page.click("#run")
    sync_api.expect(page.locator("#error")).to_contain_text("Paste at least one report")
    page.locator(".source-input").first.locator(".source-text").fill("A fire broke out.")
    page.fill("#words", "5")
    page.click("#run")
    sync_api.expect(page.locator("#error")).to_contain_text("words")
    sync_api.expect(page.locator("#result")).to_be_hidden()


def test_article_text_is_never_run_as_html(page) -> None:
    hostile = (
        'At least 200 people were evacuated <img src=x onerror="window.pwned=1"> on Tuesday. '
        "<script>window.pwned=2</script> Officials said the fire started at night."
    )
    cards = page.locator(".source-input")
    cards.nth(0).locator(".source-text").fill(hostile)
    cards.nth(0).locator(".source-html").uncheck()
    cards.nth(1).locator(".source-text").fill("About 180 people were evacuated on Tuesday.")
    submit(page)
    assert page.evaluate("window.pwned") is None
    assert page.locator("#result img, #result script").count() == 0


def _pseudo_sentences(seed: int, count: int) -> list[str]:
    """Sentences of made-up words, different for each seed, so they align with nothing."""
    import random

    rng = random.Random(seed)
    syllables = ["ka", "lo", "mir", "tun", "sel", "vo", "dra", "pem", "qui", "zor", "bex", "nal"]

    def word() -> str:
        return "".join(rng.choice(syllables) for _ in range(rng.randint(2, 3)))

    return [
        " ".join(word() for _ in range(rng.randint(8, 12))).capitalize() + "." for _ in range(count)
    ]


def test_hovering_a_citation_scrolls_every_source_panel_to_its_sentence(page) -> None:
    shared = (
        "At least 200 people were evacuated from the harbour district on Tuesday after "
        "the warehouse fire, police said."
    )
    cards = page.locator(".source-input")
    page.click("#add-source")
    for n, (card, name) in enumerate(zip(cards.all(), ("north", "south", "east"), strict=True)):
        card.locator(".source-id").fill(name)
        filler = " ".join(_pseudo_sentences(n, 30))
        card.locator(".source-text").fill(f"{filler}\n\n{shared}")
    submit(page)
    sentence = page.locator("#summary .sum-sent", has_text="evacuated from the harbour")
    chips = sentence.locator(".cite")
    assert chips.count() == 3, "the shared sentence should cite all three sources"
    chips.first.hover()
    page.wait_for_timeout(800)  # let the panels finish scrolling
    for name in ("north", "south", "east"):
        panel = page.locator(f'.source-panel[data-source="{name}"]')
        mark = panel.locator(".sent.hl, .sent.hl-focus")
        sync_api.expect(mark).to_have_count(1)
        body = panel.locator(".source-body").bounding_box()
        box = mark.bounding_box()
        assert body["y"] - 1 <= box["y"], f"{name}: the sentence is above its panel's view"
        assert box["y"] + box["height"] <= body["y"] + body["height"] + 1, (
            f"{name}: the panel did not scroll to the cited sentence"
        )


def test_api_docs_load_with_nothing_from_the_network(browser, base_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    remote: list[str] = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(base_url) else remote.append(request.url),
    )
    page.goto(base_url + "/docs")
    sync_api.expect(page.locator("h1")).to_have_text("API")
    sync_api.expect(page.locator("td code", has_text="/api/brief").first).to_be_visible()
    with page.expect_navigation():
        page.click('a[href="/openapi.json"]')
    assert json.loads(page.locator("body").inner_text())["info"]["title"] == "Accord"
    context.close()
    assert [u for u in remote if not u.startswith("data:")] == []


def test_copies_of_a_report_are_not_counted_on_the_page(page) -> None:
    wire = (EXAMPLE / "western-wire.txt").read_text()
    page.click("#add-source")
    cards = page.locator(".source-input")
    for card, (name, text) in zip(
        cards.all(),
        [("dup1", wire), ("dup2", wire), ("two", (EXAMPLE / "coastal-courier.txt").read_text())],
        strict=True,
    ):
        card.locator(".source-id").fill(name)
        card.locator(".source-text").fill(text)
    submit(page)
    sync_api.expect(page.locator("#result-meta")).to_contain_text(
        "2 sources (+1 copy, not counted)"
    )
    supports = page.locator(".fact-support").all_text_contents()
    assert supports and all(s.endswith("/2") and int(s.split("/")[0]) <= 2 for s in supports)
    assert page.locator('#summary .cite[data-source="dup2"]').count() == 0
    # in running text a copy is "+1", named on hover; in the tables "(also in dup2)"
    sync_api.expect(page.locator('#summary .also[title="also in dup2"]').first).to_be_visible()
    sync_api.expect(page.locator(".fact .cite[data-source=dup2]")).to_have_count(0)
