"""Headline (chosen from the sources' titles) and key points (cited summary sentences)."""

from __future__ import annotations

import accord
from accord.model import Document

BODY_A = (
    "Flood water from the river Aln covered the centre of Warkton on Sunday. "
    "About 300 residents left their homes as the water rose through the night. "
    "The council opened the school hall in Warkton as a shelter for the residents. "
    "Engineers said the flood barrier on the river Aln had failed under the pressure."
)
BODY_B = (
    "About 300 residents of Warkton left their homes on Sunday as flood water from the river "
    "Aln rose. Engineers said the flood barrier on the river Aln had failed under the pressure. "
    "The council opened the school hall as a shelter."
)
BODY_C = (
    "The river Aln burst its banks at Warkton and about 300 residents left their homes. "
    "Engineers said the flood barrier on the river Aln had failed under the pressure. "
    "Local shops in the town stayed closed on Monday."
)


def doc(n: int, title: str | None, body: str, outlet: str = "") -> Document:
    raw = f"{title}\n\n{body}" if title else body
    return Document(id=f"s{n}", raw=raw, meta={"outlet": outlet} if outlet else {})


def test_the_best_supported_title_is_chosen_not_written():
    briefing = accord.brief(
        [
            doc(0, "Mayor praises volunteers", BODY_A),
            doc(
                1,
                "Hundreds leave Warkton as river Aln floods - The Valley Post",
                BODY_B,
                "The Valley Post",
            ),
            doc(2, "Weekend weather roundup", BODY_C),
        ]
    )
    headline = briefing.headline
    assert headline is not None and headline.kind == "title"
    assert headline.text == "Hundreds leave Warkton as river Aln floods"  # outlet name dropped
    assert headline.sources == ["s1"]
    titles = [s.title or "" for s in briefing.sources]
    assert any(t.startswith(headline.text) for t in titles)


def test_without_titles_the_headline_is_a_short_lead_sentence_or_none():
    briefing = accord.brief([doc(0, None, BODY_A), doc(1, None, BODY_B), doc(2, None, BODY_C)])
    headline = briefing.headline
    assert headline is not None and headline.kind == "lead"
    assert headline.evidence and headline.text in {e.text for e in headline.evidence}
    long_lead = " ".join(["The river Aln, which runs past the old mill and the church,"] * 4) + "."
    single = accord.brief([doc(0, None, long_lead + " " + BODY_A)])
    assert single.headline is None


def test_key_points_are_three_to_five_cited_summary_sentences():
    briefing = accord.brief([doc(0, None, BODY_A), doc(1, None, BODY_B), doc(2, None, BODY_C)])
    points = briefing.key_points
    assert 3 <= len(points) <= 5
    summary = {s.text for s in briefing.summary}
    assert all(p.text in summary and p.sources and p.evidence for p in points)
    counts = [len(p.sources) for p in points]
    assert counts == sorted(counts, reverse=True)  # the most widely stated first
    assert "flood barrier" in points[0].text  # all three sources state it
