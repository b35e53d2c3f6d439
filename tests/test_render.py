"""The renderers: nothing from a source runs as markup, copies are not counted, and no
list is cut without saying so."""

from __future__ import annotations

import copy
import re

import pytest

import accord
from accord.render import render
from accord.render.common import SHOWN, originals, support
from accord.render.markdown import escape

HOSTILE = (
    "At least 200 people were evacuated from the harbour on Tuesday, police said. "
    '<script>alert("md")</script> <img src=x onerror="alert(1)"> '
    "Officials said the fire [/b] started in a [warehouse](javascript:alert(2)) overnight."
)


@pytest.fixture(scope="module")
def hostile_briefing():
    return accord.brief(
        [HOSTILE, "About 180 people were evacuated from the harbour on Tuesday, officials said."]
    )


def test_markdown_escapes_html_from_sources(hostile_briefing) -> None:
    markdown = render(hostile_briefing, "md")
    assert "<script" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;" in markdown
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown)  # the link stays literal
    assert "\\[warehouse\\]" in markdown


def test_markdown_escape_keeps_text_literal() -> None:
    assert escape("a <b> & c") == "a &lt;b&gt; & c"
    assert escape("&lt;") == "&amp;lt;"
    assert escape("# not a heading") == "\\# not a heading"
    assert escape("2011. The year") == "2011\\. The year"
    assert escape("one\n\n- two | three") == "one - two \\| three"  # one line


def test_terminal_view_reads_no_rich_markup_from_sources(hostile_briefing) -> None:
    text = render(hostile_briefing, "text")  # "[/b]" would raise a MarkupError
    assert "[/b]" in text


def test_html_escapes_sources(hostile_briefing) -> None:
    page = render(hostile_briefing, "html")
    assert "<script>alert" not in page and "<img src=x" not in page


def test_support_counts_one_source_per_original_report(example_briefing) -> None:
    briefing = copy.deepcopy(example_briefing)
    first, second = briefing.sources[0], briefing.sources[1]
    second.duplicate_of = first.id
    roots = originals(briefing)
    found = support([first.id, second.id, briefing.sources[2].id], roots)
    assert found.counted == [first.id, briefing.sources[2].id]
    assert found.also == [second.id]
    assert found.label() == f"2: {first.id}, {briefing.sources[2].id} (also in {second.id})"
    # a copy cited without its original counts once, as itself
    assert support([second.id], roots).counted == [second.id]


@pytest.fixture(scope="module")
def long_briefing(example_briefing):
    """The example with every section longer than any view shows at once."""
    briefing = copy.deepcopy(example_briefing)
    assert briefing.facts and briefing.single_source and briefing.discrepancies
    briefing.facts = [copy.deepcopy(f) for f in briefing.facts * 3]
    for n, fact in enumerate(briefing.facts):
        fact.text = f"fact number {n}"
        fact.claimant = None  # these tests count entries; claimants are shown after the text
    briefing.single_source = [copy.deepcopy(c) for c in briefing.single_source * 3]
    for n, claim in enumerate(briefing.single_source):
        claim.text = f"claim number {n}"
    briefing.discrepancies = [copy.deepcopy(d) for d in briefing.discrepancies * 10]
    for n, d in enumerate(briefing.discrepancies):
        d.about = f"disagreement number {n}"
    return briefing


def test_terminal_view_says_how_many_entries_it_leaves_out(long_briefing) -> None:
    capped = render(long_briefing, "text")
    full = render(long_briefing, "text", full=True)
    facts = len(long_briefing.facts)
    assert f"{facts - SHOWN['facts']} more facts not shown" in capped
    assert f"fact number {SHOWN['facts'] - 1}" in capped
    assert f"fact number {SHOWN['facts']}" not in capped
    claims = len(long_briefing.single_source)
    assert f"{claims - SHOWN['single_source']} more claims not shown" in capped
    extra = len(long_briefing.discrepancies) - SHOWN["discrepancies"]
    assert f"{extra} more discrepancies not shown" in capped
    assert "not shown" not in full
    assert all(f"fact number {n}" in full for n in range(facts))


def test_html_keeps_the_rest_of_a_long_list_one_click_away(long_briefing) -> None:
    page = render(long_briefing, "html")
    facts = len(long_briefing.facts)
    assert all(f"fact number {n}<" in page for n in range(facts))
    more = re.search(r"<details class=\"more\"><summary>(\d+) more facts</summary>", page)
    assert more and int(more.group(1)) == facts - SHOWN["facts"]
    hidden = page[more.end() : page.index("</details>", more.end())]
    assert "fact number 0<" not in hidden and f"fact number {facts - 1}<" in hidden
    assert f"{len(long_briefing.single_source) - SHOWN['single_source']} more claims" in page


def test_markdown_holds_every_entry(long_briefing) -> None:
    markdown = render(long_briefing, "md")
    assert all(f"fact number {n} |" in markdown for n in range(len(long_briefing.facts)))
    assert all(f"claim number {n}" in markdown for n in range(len(long_briefing.single_source)))
    assert "more" not in markdown.split("## Facts")[1].split("##")[0]


def test_short_lists_have_no_more_line(example_briefing) -> None:
    briefing = copy.deepcopy(example_briefing)
    briefing.facts = briefing.facts[:3]
    assert "more facts" not in render(briefing, "text")
    assert "more facts" not in render(briefing, "html")


# --- outlets, copies and the one HTML renderer --------------------------------------------

WIRE = (
    "Harbour fire forces hundreds from their homes\n\n"
    "KELMOUTH (Reuters) - At least 300 residents were evacuated from homes near the harbour "
    "on Tuesday after a fire broke out at a warehouse, the county fire service said. "
    "More than 60 firefighters fought the blaze for nine hours. "
    "Fifteen people were treated in hospital for smoke inhalation, the health board said. "
    "The ferry service to the island was suspended for the day, the operator said."
)
OTHER = (
    "Warehouse blaze in Kelmouth\n\n"
    "About 250 residents were evacuated after a fire at a harbour warehouse on Tuesday, "
    "police said. Twelve people were treated in hospital for smoke inhalation. "
    "Sixty firefighters fought the blaze through the night, the fire service said.\n\n"
    "Source: The Coastal Courier"
)


@pytest.fixture(scope="module")
def copies_briefing():
    """A wire story carried by two outlets (one copy), and one other report."""
    from accord.model import Document

    return accord.brief(
        [
            Document("a.txt", WIRE + "\n\nSource: The Northern Star"),
            Document("b.txt", WIRE + "\n\nSource: Harbour Daily"),
            Document("c.txt", OTHER),
        ]
    )


def test_copies_are_counted_once_and_outlets_named(copies_briefing) -> None:
    b = copies_briefing
    assert [s.duplicate_of for s in b.sources] == [None, "a.txt", None]
    assert [s.meta.get("outlet") for s in b.sources] == [
        "The Northern Star",
        "Harbour Daily",
        "The Coastal Courier",
    ]
    assert b.sources[0].meta["agency"] == "Reuters"
    page = render(b, "html")
    assert f"<title>{b.headline.text} · Accord briefing</title>" in page  # a chosen title
    assert "2 sources (+1 copy, not counted)" in page
    assert 'class="cite-name">The Northern Star<' in page
    assert 'class="cite-name">Harbour Daily<' not in page  # the copy is never a chip ...
    assert "(also in Harbour Daily)" in page  # ... but named beside its original
    assert "Also in" in page and "A copy of" in page
    supports = re.findall(r'class="fact-support">(\d+)/(\d+)<', page)
    assert supports and all(total == "2" and int(n) <= 2 for n, total in supports)
    assert 'data-source="b.txt"' in page  # ids stay what the page refers to
    markdown = render(b, "md")
    assert "[The Northern Star]" in markdown and "[a.txt]" not in markdown
    assert "(also in Harbour Daily)" in markdown
    assert (
        "**Harbour Daily** (Reuters wire copy · b.txt)" in markdown
        and "copy of The Northern Star" in markdown
    )
    assert all(": a.txt" not in line for line in markdown.splitlines() if "| " in line)
    text = render(b, "text")
    assert "[The Northern Star]" in text
    from accord.render.terminal import to_text

    assert "copy of The Northern Star, not counted" in to_text(b, width=240)


def headings_levelled(html: str) -> str:
    """HTML with h1 and h2 alike: the fragment's headline is an h2, the page's an h1."""
    return re.sub(r"<(/?)h[12]\b", r"<\1h", html)


def test_the_web_fragment_is_the_page_body(copies_briefing) -> None:
    from accord.render.html import to_fragment

    fragment = to_fragment(copies_briefing)
    page = render(copies_briefing, "html")
    # the same HTML, but for the headline's level (the page's h1, an h2 under the desk's)
    assert headings_levelled(fragment).strip() in headings_levelled(page)
    assert "<script" not in fragment and "<style" not in fragment and " style=" not in fragment
    assert page.count("<style>") == 1 and "<link" not in page and "<script src" not in page


def test_wire_name_when_only_the_agency_is_known() -> None:
    from accord.model import SourceSummary
    from accord.render.common import source_name

    source = SourceSummary("x.txt", None, "", [], {"agency": "AFP"}, [])
    assert source_name(source) == "AFP (wire)"
    assert source_name(SourceSummary("x.txt", None, "", [], {}, [])) == "x.txt"


def test_source_links_are_web_addresses_only(copies_briefing) -> None:
    briefing = copy.deepcopy(copies_briefing)
    briefing.sources[0].meta["url"] = "javascript:alert(1)"
    briefing.sources[2].meta["url"] = "https://www.courier.example/fire"
    page = render(briefing, "html")
    assert "javascript:" not in page
    assert 'href="https://www.courier.example/fire"' in page and "courier.example ·" in page
