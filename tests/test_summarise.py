"""The summariser: budget, order, redundancy, features and the shipped scorer."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from accord.align import align
from accord.analyse import analyse
from accord.model import Cluster, Document
from accord.summarise import features, scorer, select

REPORTS = [
    "A fire destroyed a warehouse in the harbour district on Monday night. "
    "Firefighters fought the blaze for six hours before it was under control. "
    "No one was hurt in the fire, the city's fire service said on Tuesday. "
    "The cause of the warehouse fire is still not known to investigators. "
    "Subscribe to our newsletter for the latest local news every morning.",
    "A large fire destroyed a warehouse in the harbour district on Monday night. "
    "It took firefighters six hours to bring the blaze under control. "
    "The owner said the building held furniture worth about two million euros. "
    "Investigators have not yet said what caused the fire in the warehouse.",
    "A fire destroyed a warehouse in the harbour district on Monday night. "
    "Nobody was injured, according to the fire service of the city. "
    "Residents nearby were told to keep their windows shut because of the smoke.",
]


def make_cluster(reports: list[str] = REPORTS) -> Cluster:
    docs = [Document(id=f"s{n}", raw=t, text=t) for n, t in enumerate(reports, 1)]
    analyse(docs, entities=False)
    cluster = Cluster(documents=docs)
    return align(cluster)


def words_of(cluster: Cluster, refs: list) -> int:
    return sum(len(select.summary_text(cluster.sentence(r)).split()) for r in refs)


def test_select_keeps_within_the_budget_in_reading_order():
    cluster = make_cluster()
    for budget in (20, 40, 80):
        refs = select.select(cluster, budget)
        assert refs
        assert words_of(cluster, refs) <= budget
        assert refs == select.reading_order(cluster, refs)


def test_select_does_not_repeat_the_same_statement():
    cluster = make_cluster()
    refs = select.select(cluster, 1000)
    texts = [cluster.sentence(r).text for r in refs]
    leads = [t for t in texts if "destroyed a warehouse in the harbour district" in t]
    assert len(leads) == 1


def test_select_prefers_the_lead_that_every_source_reports():
    cluster = make_cluster()
    refs = select.select(cluster, 20)
    assert "destroyed a warehouse" in cluster.sentence(refs[0]).text


def test_select_on_empty_cluster():
    cluster = Cluster(documents=[Document(id="s1", raw="", text="")])
    cluster.documents[0].sentences = []
    assert select.select(align(cluster), 100) == []


def test_features_are_one_finite_row_per_sentence():
    cluster = make_cluster()
    x = features.features(cluster)
    assert x.shape == (len(cluster.space.refs), len(features.BASE_FEATURES))
    assert np.isfinite(x).all()
    column = features.BASE_FEATURES.index("support")
    first = cluster.space.refs.index(cluster.documents[0].sentences[0].ref)
    assert x[first, column] > 0  # the lead is stated by the other sources too


def test_shipped_model_matches_the_features():
    shipped = scorer.model()
    assert shipped is not None, "src/accord/data/scorer.npz is missing: run scripts/train_scorer.py"
    assert shipped.trees.names == features.FEATURES
    assert len(shipped.lexical_weights) > 10_000  # the {n-gram: weight} table loaded whole
    assert all(isinstance(w, float) for w in list(shipped.lexical_weights.values())[:100])
    cluster = make_cluster()
    scores = scorer.score_sentences(cluster)
    assert scores.shape == (len(cluster.space.refs),) and np.isfinite(scores).all()


def test_word_grams_count_unigrams_and_adjacent_pairs():
    grams = features.word_grams("The fire, the FIRE spread.")
    assert grams["the"] == 2 and grams["fire"] == 2
    assert grams["the fire"] == 2 and grams["fire the"] == 1 and grams["fire spread"] == 1


def test_lexical_scores_normalise_by_every_gram():
    weights = {"fire": 1.0}
    one, padded = features.lexical_scores(["fire", "fire fire unknown"], weights, 0.5)
    assert one == 1.5  # one gram, norm 1
    # grams: fire x2, unknown, "fire fire", "fire unknown": norm sqrt(4+1+1+1)
    assert padded == pytest.approx(0.5 + 2.0 / np.sqrt(7.0))


def test_lexical_model_scores_boilerplate_below_reporting():
    shipped = scorer.model()
    assert shipped is not None
    junk, news = features.lexical_scores(
        [
            "Get breaking news alerts and special reports delivered to your inbox.",
            "The fire destroyed the warehouse on Monday night, officials said.",
        ],
        shipped.lexical_weights,
        shipped.lexical_bias,
    )
    assert news > junk


def test_context_features_follow_the_article():
    cluster = make_cluster()
    base = features.features(cluster)
    lexical = np.arange(len(base), dtype=float)
    ctx = features.context(base, lexical)
    assert ctx.shape == (len(base), len(features.CONTEXT_FEATURES))
    first_doc = base[:, features.BASE_FEATURES.index("document_rank")] == 0
    column = features.CONTEXT_FEATURES.index("document_lexical")
    assert ctx[first_doc, column] == pytest.approx(lexical[first_doc].mean())
    assert ctx[-1, features.CONTEXT_FEATURES.index("lexical_rank")] == 0.0  # the largest


def test_tree_walk_by_hand():
    # one stump: feature 1 <= 0.5 -> 1.0 else 3.0; a second tree that is just a leaf of 0.5
    trees = scorer.Trees(
        feature=np.array([1, 0, 0, 0]),
        threshold=np.array([0.5, 0, 0, 0]),
        left=np.array([1, 0, 0, 0]),
        right=np.array([2, 0, 0, 0]),
        leaf=np.array([False, True, True, True]),
        value=np.array([0.0, 1.0, 3.0, 0.5]),
        roots=np.array([0, 3]),
        depth=2,
        baseline=10.0,
        names=("a", "b"),
    )
    x = np.array([[9.0, 0.2], [9.0, 0.5], [0.0, 0.9]])
    assert trees.predict(x) == pytest.approx([11.5, 11.5, 13.5])
    assert trees.predict(np.zeros((0, 2))).shape == (0,)


def test_heuristic_fallback_ranks_central_supported_sentences():
    cluster = make_cluster()
    scores = scorer.heuristic_scores(features.features(cluster))
    best = cluster.space.refs[int(np.argmax(scores))]
    assert "destroyed a warehouse" in cluster.sentence(best).text


def test_headings_are_never_summary_candidates():
    cluster = make_cluster()
    sentence = cluster.documents[0].sentences[0]
    assert select.is_summary_candidate(sentence)
    heading = replace(sentence, heading=True)
    assert not select.is_summary_candidate(heading)


def test_summary_text_is_the_compressed_sentence_and_the_budget_counts_it():
    reports = [
        "However, the ferry company has not said when its two new boats will arrive. "
        "A storm damaged the old ferry pier in the harbour overnight on Sunday.",
        "A storm damaged the old ferry pier in the harbour overnight. "
        "The ferry company has not said when its two new boats will arrive at the pier.",
    ]
    cluster = make_cluster(reports)
    first = cluster.documents[0].sentences[0]
    assert select.summary_text(first).startswith("The ferry company has not said")
    for budget in (16, 30, 60):
        refs = select.select(cluster, budget)
        assert words_of(cluster, refs) <= budget
