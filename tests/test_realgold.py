"""The real-discrepancy scorer (benchmarks/realgold/score.py): its matching rule on small
invented briefings, and the gold files against their documents."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REALGOLD = ROOT / "benchmarks" / "realgold"
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "multinews" / "validation.jsonl.gz"
TRAIN_DATA = SHARED / "data" / "multinews" / "train.jsonl.gz"
SEEDS = SHARED / "seeds"


def _scorer():
    spec = importlib.util.spec_from_file_location("realgold_score", REALGOLD / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


score = _scorer()

DOCS = [
    "The ferry sank on Tuesday. Officials said 12 passengers drowned near the harbour.",
    "A ferry went down. Police said 15 passengers drowned in the accident, a spokesman added.",
    "Rescue teams searched all night. The mayor thanked the divers.",
]
GOLD = {
    "id": "invented-1",
    "documents": [{"index": i, "same_event": True} for i in range(3)],
    "discrepancies": [
        {
            "kind": "number",
            "about": "passengers drowned",
            "variants": [
                {"value": "12", "docs": [0], "evidence": ["said 12 passengers drowned"]},
                {"value": "15", "docs": [1], "evidence": ["Police said 15 passengers drowned"]},
            ],
        }
    ],
    "near_misses": [
        {"kind": "person", "about": "who thanked", "evidence": ["The mayor thanked the divers"]}
    ],
}


def _variant(text: str, value: object, *evidence: tuple[str, str]) -> dict:
    return {
        "text": text,
        "value": value,
        "sources": sorted({s for s, _ in evidence}),
        "evidence": [{"source": s, "sentence": 0, "text": t} for s, t in evidence],
    }


def _passages(doc: int, *texts: str) -> list:
    return [score.Passage(doc, score.normalise(t)) for t in texts]


def test_carries_ignores_case_and_white_space():
    sentence = score.normalise("Officials  said 12\npassengers DROWNED near the harbour.")
    assert score.carries(sentence, score.normalise("said 12 passengers drowned"))
    assert not score.carries(sentence, score.normalise("said 15 passengers drowned"))


def test_a_sentence_inside_the_gold_string_carries_it_when_it_is_not_a_fragment():
    # Accord split the gold's sentence in two: each part lies inside the gold string.
    gold = score.normalise("The ferry sank on Tuesday. Officials said 12 passengers drowned")
    assert score.carries(score.normalise("Officials said 12 passengers drowned"), gold)
    assert not score.carries(score.normalise("The ferry"), gold)  # under four words


def test_two_reported_variants_must_carry_two_different_gold_variants():
    gold = [_passages(0, "said 12 passengers"), _passages(1, "said 15 passengers")]
    right = [
        _passages(0, "officials said 12 passengers drowned."),
        _passages(1, "police said 15 passengers drowned."),
    ]
    assert score.matches(right, gold)
    # Both reported variants in the sentence of the same gold variant: not a match.
    same = [
        _passages(0, "officials said 12 passengers drowned."),
        _passages(0, "officials said 12 passengers drowned."),
    ]
    assert not score.matches(same, gold)
    # One reported variant alone, however many sentences it cites: not a match.
    assert not score.matches([right[0] + right[1]], gold)


def test_evidence_counts_only_in_the_document_the_gold_names():
    gold = [_passages(0, "said 12 passengers"), _passages(1, "said 15 passengers")]
    # The same words, but reported from documents 2 and 0.
    elsewhere = [
        _passages(2, "officials said 12 passengers drowned."),
        _passages(0, "police said 15 passengers drowned."),
    ]
    assert not score.matches(elsewhere, gold)


def test_values_as_gold_tells_right_sentences_with_other_values_apart():
    gold_item = GOLD["discrepancies"][0]
    gold = [score.gold_passages(v) for v in gold_item["variants"]]
    sentences = [_passages(0, DOCS[0].split(". ")[1]), _passages(1, DOCS[1].split(". ")[1])]
    right = {"variants": [{"text": "12 passengers"}, {"text": "15 passengers"}]}
    other = {"variants": [{"text": "near the harbour"}, {"text": "a spokesman"}]}
    assert score.values_as_gold(right, sentences, gold_item, gold)
    assert not score.values_as_gold(other, sentences, gold_item, gold)


def _briefing(discrepancies: list[dict], ids: list[str]) -> dict:
    return {
        "sources": [{"id": i, "text": "", "sentences": []} for i in ids],
        "discrepancies": discrepancies,
    }


def test_score_cluster_counts_matches_false_alarms_and_near_misses(monkeypatch):
    reported = [
        {
            "kind": "quantity",
            "about": "number of passengers",
            "variants": [
                _variant(
                    "12 passengers",
                    12,
                    ("S1", "Officials said 12 passengers drowned near the harbour."),
                ),
                _variant(
                    "15 passengers",
                    15,
                    ("S2", "Police said 15 passengers drowned in the accident, a spokesman added."),
                ),
            ],
        },
        {
            "kind": "speaker",
            "about": "who thanked",
            "variants": [
                _variant("mayor", "mayor", ("S3", "The mayor thanked the divers.")),
                _variant("divers", "divers", ("S1", "The ferry sank on Tuesday.")),
            ],
        },
    ]
    monkeypatch.setattr(
        score, "brief_discrepancies", lambda items: _briefing(reported, ["S1", "S2", "S3"])
    )
    result = score.score_cluster(("invented-1", "a", GOLD, DOCS, list(DOCS), []))
    assert result.matched_gold == [True]
    assert result.reported_matches == [[0], []]
    assert result.reported_values_as_gold == [True, False]
    totals = score.totals([result])
    assert (totals["recall"], totals["precision"]) == (1.0, 0.5)
    assert totals["by_kind"]["number"]["precision"] == 1.0
    assert totals["by_kind"]["attribution"]["reported"] == 1
    assert "invented-1" in score.markdown([result], {"t": totals}, [])


def test_an_empty_document_is_left_out_and_the_rest_keep_their_indices(monkeypatch):
    docs = ["", DOCS[0], DOCS[1]]  # the user's first document is empty
    gold = json.loads(json.dumps(GOLD))
    for item in gold["discrepancies"]:
        for variant in item["variants"]:
            variant["docs"] = [d + 1 for d in variant["docs"]]
    seen = []

    def brief(items):
        seen.append(list(items))
        return _briefing(
            [
                {
                    "kind": "quantity",
                    "about": "number of passengers",
                    "variants": [
                        _variant("12", 12, ("S1", "Officials said 12 passengers drowned.")),
                        _variant("15", 15, ("S2", "Police said 15 passengers drowned.")),
                    ],
                }
            ],
            ["S1", "S2"],
        )

    monkeypatch.setattr(score, "brief_discrepancies", brief)
    result = score.score_cluster(("invented-2", "a", gold, docs, list(docs), []))
    assert seen == [[DOCS[0], DOCS[1]]]
    assert result.dropped == [0]
    assert result.matched_gold == [True]


def test_agreeing_clusters_give_the_false_alarm_rate(monkeypatch):
    agreeing = {"id": "invented-3", "discrepancies": [], "near_misses": []}
    alarm = {
        "kind": "date",
        "about": "date",
        "variants": [
            _variant("tuesday", "tuesday", ("S1", "The ferry sank on Tuesday.")),
            _variant("friday", "friday", ("S2", "A ferry went down.")),
        ],
    }
    monkeypatch.setattr(
        score, "brief_discrepancies", lambda items: _briefing([alarm], ["S1", "S2"])
    )
    result = score.score_cluster(("invented-3", "a", agreeing, DOCS, list(DOCS), []))
    totals = score.totals([result])
    assert totals["agreeing_clusters"] == 1
    assert totals["false_alarms_per_agreeing_cluster"] == 1.0
    assert totals["recall"] is None and totals["precision"] == 0.0


def test_seed_evidence_is_read_from_offsets(tmp_path):
    (tmp_path / "one.txt").write_text("Twelve boats left. Nine came back.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Ten boats came back at dawn.", encoding="utf-8")
    seeds = {
        "id": "seeds",
        "documents": [{"index": 0, "file": "one.txt"}, {"index": 1, "file": "two.txt"}],
        "discrepancies": [
            {
                "kind": "number",
                "about": "boats back",
                "variants": [
                    {
                        "value": "nine",
                        "docs": [0],
                        "evidence": [{"file": "one.txt", "start": 19, "end": 34}],
                    },
                    {
                        "value": "ten",
                        "docs": [1],
                        "evidence": [{"file": "two.txt", "start": 0, "end": 19}],
                    },
                ],
            }
        ],
        "near_misses": [{"evidence": [{"file": "one.txt", "start": 0, "end": 12}]}],
    }
    gold, texts, files = score.resolve_seed_evidence(seeds, tmp_path)
    variants = gold["discrepancies"][0]["variants"]
    assert [v["evidence"] for v in variants] == [["Nine came back."], ["Ten boats came back"]]
    assert gold["near_misses"][0]["evidence"] == ["Twelve boats"]
    assert files == ["one.txt", "two.txt"] and score.gold_problems(gold, texts) == []


def test_gold_problems_names_evidence_that_is_not_in_its_document():
    bad = json.loads(json.dumps(GOLD))
    bad["discrepancies"][0]["variants"][1]["evidence"] = ["police said 15 passengers"]  # case
    problems = score.gold_problems(bad, DOCS)
    assert len(problems) == 1 and "not in doc 1" in problems[0]
    assert score.gold_problems(GOLD, DOCS) == []


def test_every_gold_evidence_string_is_in_its_document():
    files = sorted((REALGOLD / "gold").glob("*.json"))
    if not files:
        pytest.skip(f"no gold files in {REALGOLD / 'gold'} yet")
    if not DATA.exists():
        pytest.skip(f"Multi-News validation not found at {DATA} (it is not part of the repo)")
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    assert all(f.stem == g["id"] for f, g in zip(files, golds, strict=True))
    documents = score.load_documents(g["id"] for g in golds)
    problems = [p for g in golds for p in score.gold_problems(g, documents[g["id"]])]
    assert problems == []


@pytest.mark.slow
def test_every_train_gold_evidence_string_is_in_its_document():
    # The development gold (gold-train/) is held to the same rule; reading the train
    # split takes a while, hence slow.
    files = sorted((REALGOLD / "gold-train").glob("*.json"))
    if not files:
        pytest.skip(f"no gold files in {REALGOLD / 'gold-train'} yet")
    if not TRAIN_DATA.exists():
        pytest.skip(f"Multi-News train not found at {TRAIN_DATA} (it is not part of the repo)")
    golds = [json.loads(f.read_text(encoding="utf-8")) for f in files]
    assert all(f.stem == g["id"] for f, g in zip(files, golds, strict=True))
    documents = score.load_documents((g["id"] for g in golds), TRAIN_DATA)
    problems = [p for g in golds for p in score.gold_problems(g, documents[g["id"]])]
    assert problems == []


def test_the_seeds_gold_points_into_the_seed_files():
    if not SEEDS.is_dir():
        pytest.skip(f"shared seed reports not found at {SEEDS} (they are not part of the repo)")
    seeds = json.loads((REALGOLD / "seeds.json").read_text(encoding="utf-8"))
    gold, texts, _ = score.resolve_seed_evidence(seeds, SEEDS)
    assert score.gold_problems(gold, texts) == []
    for item in gold["discrepancies"]:
        for variant in item["variants"]:
            for text in variant["evidence"]:
                # Whole words, one line: a span that cuts a word or a paragraph is a typo.
                assert text == text.strip() and "\n" not in text and len(text.split()) >= 5
