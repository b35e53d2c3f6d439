"""Claimants: a figure stated inside reported speech is the claimant's, in facts and in
discrepancy variants; a figure in the source's own voice has none."""

from __future__ import annotations

import accord


def test_a_figure_in_reported_speech_carries_its_claimant():
    briefing = accord.brief(
        [
            "The flood in the river valley on Sunday destroyed the old mill bridge. "
            "The regional council said at least 40 homes were flooded in the valley.",
            "Heavy rain on Sunday flooded the river valley and swept away the mill bridge. "
            "Forty homes were flooded, residents of the valley told reporters.",
        ]
    )
    homes = [f for f in briefing.facts if f.kind == "quantity" and "homes" in f.text]
    assert homes and homes[0].claimant in ("The regional council", "the regional council")
    data = briefing.to_dict()
    assert data["schema"] == "3" and "claimant" in data["facts"][0]


def test_a_figure_in_the_source_s_own_voice_has_no_claimant():
    briefing = accord.brief(
        [
            "The storm closed 12 schools across the county on Monday.",
            "On Monday the storm closed twelve schools in the county.",
        ]
    )
    schools = [f for f in briefing.facts if f.kind == "quantity" and "school" in f.text]
    assert schools and all(f.claimant is None for f in schools)
