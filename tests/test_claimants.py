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
    assert homes and homes[0].claimant == "regional council"
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


def test_a_claimant_is_its_party_in_facts_variants_and_positions():
    # Two wordings of one ministry: facts, variants and positions name it one way.
    briefing = accord.brief(
        [
            "The Russian defence ministry said 25 strikes hit the port of Belvar on Monday. "
            "Residents of Belvar fled the port.",
            "Russia's Defence Ministry said six strikes hit the port of Belvar on Monday. "
            "The port of Belvar was empty by night.",
        ]
    )
    parties = {p.party for p in briefing.positions}
    claimants = {v.claimant for d in briefing.discrepancies for v in d.variants}
    claimants |= {f.claimant for f in briefing.facts if f.kind == "quantity"}
    claimants.discard(None)
    assert claimants and claimants <= parties, (claimants, parties)
    assert len(claimants) == 1


def test_a_report_without_an_owner_is_no_claimant():
    briefing = accord.brief(
        [
            "The report found that 30 wells were poisoned in the district last year.",
            "Thirty wells were poisoned in the district last year, the report found.",
        ]
    )
    wells = [f for f in briefing.facts if f.kind == "quantity" and "well" in f.text]
    assert wells and all(f.claimant is None for f in wells)


def test_a_claim_passed_on_is_its_speaker_s_not_the_relay_s():
    briefing = accord.brief(
        [
            "Mayor Anna Berg said 40 homes were flooded in the valley, according to Radio Kel.",
            "Forty homes were flooded in the valley, Mayor Anna Berg said on Sunday.",
        ]
    )
    homes = [f for f in briefing.facts if f.kind == "quantity" and "homes" in f.text]
    assert homes and homes[0].claimant == "Anna Berg"
    claimants = {c for s in briefing.summary for c in s.claimants}
    assert "Radio Kel" not in claimants
