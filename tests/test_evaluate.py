"""The evaluation harness: ROUGE plumbing, the budget rule, and a run end to end."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from accord.evaluate import harness, rouge
from accord.evaluate.data import split_documents, texts_of

SHARED = Path(__file__).parents[1] / ".." / "shared"
VALIDATION = SHARED / "data" / "multinews" / "validation.jsonl.gz"


def test_rouge_identical_is_perfect():
    scores = rouge.score(["The cat sat on the mat."], ["The cat sat on the mat."])
    assert scores == rouge.Scores(1.0, 1.0, 1.0)


def test_rouge_known_overlap():
    # candidate: 3 of 6 reference unigrams, 2 of 5 reference bigrams, all of it correct
    scores = rouge.score(["the cat sat"], ["the cat sat on the mat"])
    assert scores.rouge1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert scores.rouge2 == pytest.approx(2 * 1.0 * 0.4 / 1.4)
    assert scores.rougeLsum == pytest.approx(scores.rouge1)


def test_rouge_stems_and_ignores_case_and_punctuation():
    assert rouge.score(["Cats, running!"], ["cat run"]).rouge1 == pytest.approx(1.0)


def test_rouge_lsum_reads_one_sentence_per_line():
    # the sentences in the other order: a single LCS over the text finds only half,
    # the summary-level LCS (sentence by sentence) finds all of it
    scores = rouge.score(["d e f g.", "a b c h."], ["a b c h.", "d e f g."])
    assert scores.rouge1 == pytest.approx(1.0)
    assert scores.rougeLsum == pytest.approx(1.0)
    assert scores.rouge2 < 1.0  # the bigram across the sentence boundary differs


def test_cut_takes_whole_sentences_then_cuts_the_last():
    sentences = ["one two three", "four five six", "seven"]
    assert harness.cut(sentences, 4) == ["one two three", "four"]
    assert harness.cut(sentences, 3) == ["one two three"]
    assert harness.cut(sentences, 6) == ["one two three", "four five six"]
    assert harness.cut(sentences, 100) == sentences
    assert harness.cut(["", "a b"], 1) == ["a"]


def test_split_documents_splits_sentences_and_drops_empty_documents():
    item = {"documents": ["First one here. Second one there.", "  ", "Other text."]}
    docs = split_documents(texts_of(item))
    assert [d.id for d in docs] == ["s1", "s3"]
    assert [s.text for s in docs[0].sentences] == ["First one here.", "Second one there."]


def _write_dataset(path: Path) -> None:
    story = (
        "A fire destroyed a warehouse in the harbour district on Monday night. "
        "Firefighters fought the blaze for six hours before it was under control. "
        "No one was hurt, the fire service said. "
        "The cause of the fire is not yet known."
    )
    other = (
        "A large fire destroyed a harbour warehouse on Monday night. "
        "It took firefighters six hours to bring the blaze under control. "
        "The owner said the building held furniture worth millions."
    )
    item = {
        "id": "1",
        "documents": [story, other],
        "summary": "A fire destroyed a warehouse in the harbour on Monday. "
        "Firefighters needed six hours to control the blaze.",
    }
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for n in range(3):
            out.write(json.dumps({**item, "id": str(n)}) + "\n")


def test_harness_end_to_end_on_a_small_file(tmp_path):
    dataset = tmp_path / "tiny.jsonl.gz"
    _write_dataset(dataset)
    table = tmp_path / "table.json"
    report = harness.main(dataset, limit=2, words=30, with_baselines=True, json_path=table,
                           processes=1)  # fmt: skip
    assert report.clusters == 2
    rows = {row.system: row for row in report.rows}
    assert set(rows) == {"Accord", "First-3", "LexRank", "TextRank", "Centroid"}
    for name in ("Accord", "LexRank"):
        assert 30 < rows[name].rouge1 <= 100
        assert rows[name].clusters_per_second > 0
    saved = json.loads(table.read_text())
    assert saved["clusters"] == 2 and len(saved["rows"]) == 5


@pytest.mark.skipif(
    not VALIDATION.is_file(), reason="no ../shared/data/multinews (the shared data)"
)
def test_harness_on_real_clusters():
    report = harness.evaluate(VALIDATION, limit=4, words=250, with_baselines=True, processes=1)
    rows = {row.system: row for row in report.rows}
    assert report.clusters == 4
    assert 25 < rows["Accord"].rouge1 < 75
    assert 3 < rows["Accord"].rouge2 < 50
