"""Cross-checking on the five shared seed reports (skipped where ../shared is absent).

The briefing must show the four disagreements a fact-checker sees (issue 9) and nothing
else: the scope of the report ("more than 25 attacks in five areas" against "six attacks in
Homs, Idlib and Aleppo"), the provinces it covers (Hama and Latakia or not), where the
market strike was (Ariha or the centre of Idleb) and the war's toll (more than 250,000 or
around 300,000); the central facts merged across wording; Philip Luther's quotes his.
"""

from __future__ import annotations

import re


def test_the_four_real_disagreements_and_nothing_else(seeds_briefing):
    found = {d.kind: d for d in seeds_briefing.discrepancies if d.kind != "place"}
    places = [d for d in seeds_briefing.discrepancies if d.kind == "place"]
    assert len(seeds_briefing.discrepancies) == 4 and len(places) == 2
    scope = {v.text: v.sources for v in found["scope"].variants}
    six = next(t for t in scope if t.startswith("six attacks"))
    more = next(t for t in scope if t.startswith("more than 25"))
    assert "Homs" in six and "five areas" in more and [s[:3] for s in scope[more]] == ["000"]
    toll = {v.text for v in found["quantity"].variants}
    assert any("250,000" in t for t in toll) and any("300,000" in t for t in toll)
    listed = [{v.text for v in d.variants} for d in places]
    assert any(any("Hama" in t and "Latakia" in t for t in texts) for texts in listed)
    assert any(any("Ariha" in t for t in texts) for texts in listed)
    assert all(v.evidence for d in seeds_briefing.discrepancies for v in d.variants)


def test_facts_merge_variants(seeds_briefing):
    facts = seeds_briefing.facts
    civilians = [
        f
        for f in facts
        if f.kind == "quantity" and re.search(r"\b200\b", f.text) and "civilian" in f.text
    ]
    assert len(civilians) == 1 and civilians[0].text == "at least 200 civilians"
    assert len(civilians[0].sources) >= 4
    organisations = [f.text for f in facts if f.kind == "organisation"]
    assert "Amnesty International" in organisations and "Amnesty" not in organisations
    places = {f.text: f.kind for f in facts if f.text in ("Hama", "Idlib", "Idleb")}
    assert places.get("Hama", "place") == "place" and "Idleb" not in places


def test_luther_quotes_are_his_and_merged(seeds_briefing):
    luther = [q for q in seeds_briefing.quotes if q.speaker == "Philip Luther"]
    assert len(luther) >= 3
    war_crimes = next(q for q in luther if "may amount to war crimes" in q.text)
    assert len(war_crimes.sources) == 4
    for quote in seeds_briefing.quotes:
        if "sleight of hand" in quote.text or "more transparent" in quote.text:
            assert quote.speaker == "Philip Luther"


def test_konashenkov_quote_is_not_merged_with_another(seeds_briefing):
    cliches = [q for q in seeds_briefing.quotes if "cliches and fakes" in q.text]
    assert len(cliches) == 1 and cliches[0].speaker == "Igor Konashenkov"
    cluster_bombs = [q for q in seeds_briefing.quotes if "unguided bombs" in q.text]
    assert len(cluster_bombs) == 2
