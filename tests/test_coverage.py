"""The coverage grid: a row per key fact and claim, a column per report (copies counted
once), each cell stating the row's value, another value, or nothing."""

from __future__ import annotations

import accord
from accord.model import Document

FIRST = (
    "The storm closed 12 schools across the county on Monday. "
    "The county council said the main bridge would reopen on 3 March. "
    "Power was cut to the harbour district overnight."
)
SECOND = (
    "On Monday the storm closed 15 schools across the county. "
    "Power was cut to the harbour district overnight, the utility said."
)
THIRD = (
    "A storm closed 12 schools across the county on Monday, officials said. "
    "The council said the main bridge would reopen on 3 March."
)


def grid(*texts: str, copies: int = 0):
    docs = [Document(id=f"r{k}", raw=t) for k, t in enumerate(texts)]
    docs += [Document(id=f"copy{k}", raw=texts[0]) for k in range(copies)]
    briefing = accord.brief(docs)
    return briefing, briefing.coverage


def test_a_column_per_report_with_copies_counted_once():
    _, coverage = grid(FIRST, SECOND, THIRD, copies=1)
    assert [c.source for c in coverage.columns] == ["r0", "r1", "r2"]
    assert coverage.columns[0].also == ["copy0"]
    assert all(len(row.cells) == 3 for row in coverage.rows)


def test_a_discrepancy_row_shows_who_states_which_value():
    briefing, coverage = grid(FIRST, SECOND, THIRD)
    rows = [r for r in coverage.rows if r.kind == "discrepancy" and "school" in r.text]
    assert rows, [r.text for r in coverage.rows]
    row = rows[0]
    states = {c.source: c.state for c in row.cells}
    assert states == {"r0": "states", "r1": "differs", "r2": "states"}
    differs = next(c for c in row.cells if c.state == "differs")
    assert "15" in differs.text and differs.evidence and "15" in differs.evidence[0].text
    assert briefing.discrepancies[row.discrepancy].variants  # the link is to the discrepancy


def test_a_fact_row_says_which_report_is_silent():
    _, coverage = grid(FIRST, SECOND, THIRD)
    bridge = [r for r in coverage.rows if r.kind == "fact" and "March" in r.text]
    assert bridge, [r.text for r in coverage.rows]
    states = {c.source: c.state for c in bridge[0].cells}
    assert states == {"r0": "states", "r1": "silent", "r2": "states"}
    stated = next(c for c in bridge[0].cells if c.state == "states")
    assert "March" in stated.evidence[0].text


def test_summary_claims_are_rows_and_json_holds_the_grid():
    briefing, coverage = grid(FIRST, SECOND, THIRD)
    claims = [r for r in coverage.rows if r.kind == "claim"]
    assert len(claims) == len(briefing.summary)
    data = briefing.to_dict()
    assert data["schema"] == "3"
    assert len(data["coverage"]["rows"]) == len(coverage.rows)
    assert {"state", "text", "evidence", "source"} <= set(data["coverage"]["rows"][0]["cells"][0])


def test_every_view_shows_the_grid_with_its_legend():
    briefing, coverage = grid(FIRST, SECOND, THIRD)
    markdown = briefing.render("md")
    assert "## Coverage: who states what" in markdown and "≠ states another value" in markdown
    assert "(≠ 2: 15 schools" in markdown  # the other value, and which column gives it
    text = briefing.render("text")
    assert "Coverage: who states what" in text and "●" in text
    html = briefing.render("html")
    assert 'id="coverage"' in html and "cov-differs" in html
    assert f'href="#discrepancy-{coverage.rows[0].discrepancy}"' in html
    assert f'id="discrepancy-{coverage.rows[0].discrepancy}"' in html


def test_the_same_figure_counting_something_else_is_not_the_value():
    from accord.model import Evidence, QuantityValue, Variant
    from accord.summarise.coverage import _states
    from tests.analysed import sentences

    stated, same, other = sentences(
        "On Monday the storm closed 15 schools across the county.",
        "The storm shut 15 schools in the county.",
        "The charity has built 15 schools in Kenya since 2001.",
    )
    q = stated.quantities[0]
    variant = Variant(
        "15 schools",
        QuantityValue(q.value, q.low, q.high, q.qualifier),
        ["s0"],
        [Evidence("s0", 0, stated.text)],
    )
    assert _states(same, variant)
    assert not _states(other, variant)
