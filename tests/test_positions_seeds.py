"""Positions and the coverage grid on the five shared seed reports (skipped where
../shared is absent): the done-means of issue 11 for these parts."""

from __future__ import annotations


def _party(briefing, word: str):
    return next((p for p in briefing.positions if word in p.party.lower()), None)


def test_amnesty_and_the_russian_defence_ministry_have_positions(seeds_briefing):
    amnesty = _party(seeds_briefing, "amnesty")
    ministry = _party(seeds_briefing, "defence ministry")
    assert amnesty is not None and ministry is not None
    assert seeds_briefing.positions[0] is amnesty  # it says the most, in the most sources
    assert len(amnesty.sources) >= 4 and "Philip Luther" in amnesty.speakers
    assert "Igor Konashenkov" in ministry.speakers
    denials = [s for s in ministry.statements if s.denial]
    assert len(denials) >= 3 and any(s.cue == "rejected" for s in denials)
    # no party is a date, an artifact or a pronoun
    names = {p.party.lower() for p in seeds_briefing.positions}
    assert not names & {"the report", "report", "evidence", "it", "they", "wednesday"}


def test_russia_s_denial_stands_beside_the_claim_it_answers(seeds_briefing):
    answered = [
        s
        for p in seeds_briefing.positions
        for s in p.statements
        if s.denial and s.answers and "civilian" in s.text
    ]
    assert answered and all(s.answers.party.startswith("Amnesty") for s in answered)


def _row(briefing, *words: str):
    return next(
        r
        for r in briefing.coverage.rows
        if r.kind == "discrepancy" and all(w in " ".join(c.text for c in r.cells) for w in words)
    )


def test_the_grid_shows_hama_latakia_and_25_against_six(seeds_briefing):
    places = _row(seeds_briefing, "Hama", "Latakia")
    assert {c.state for c in places.cells} >= {"states", "differs"}
    attacks = _row(seeds_briefing, "25", "six")
    differs = [c for c in attacks.cells if c.state == "differs"]
    states = [c for c in attacks.cells if c.state == "states"]
    assert differs and states
    assert {"25" in c.text for c in differs} | {"six" in c.text for c in states} == {True}
    # one column per report, each with its cell
    assert len(seeds_briefing.coverage.columns) == len(
        {s.duplicate_of or s.id for s in seeds_briefing.sources}
    )


def test_the_summary_names_amnesty_as_the_claimant_of_the_toll(seeds_briefing):
    toll = next(s for s in seeds_briefing.summary if "200 civilians" in s.text)
    assert toll.claimants == ["Amnesty International"]
