"""Alignment: the same statement across sources, and word-level changes between them."""

from __future__ import annotations

import numpy as np

from accord.align import align, statement_pairs, word_diff
from accord.analyse import analyse
from accord.compare.slots import PARALLEL
from accord.model import Cluster, Document


def cluster_of(*texts: str) -> Cluster:
    docs = [Document(id=f"s{k}", raw=t, text=t) for k, t in enumerate(texts)]
    analyse(docs, entities=False)
    return Cluster(documents=docs)


def test_reordered_paraphrase_aligns_and_unrelated_does_not():
    cluster = cluster_of(
        "Flooding forced 300 families from their homes in the river valley on Sunday. "
        "The mayor opened two schools as shelters.",
        "Two schools were opened as shelters by the mayor. On Sunday flooding in the river "
        "valley forced 300 families out of their homes.",
    )
    align(cluster)
    pairs = {(g[0].index, g[1].index) for g in cluster.groups}
    assert pairs == {(0, 1), (1, 0)}


def test_wire_copy_with_one_number_changed_is_parallel():
    cluster = cluster_of(
        "The blast killed 42 people at the market in the north of the city, police said.",
        "The blast killed 57 people at the market in the north of the city, police said.",
    )
    align(cluster)
    (pair,) = statement_pairs(cluster)
    assert cluster.pairs == [pair]
    assert pair.parallel > 0.9
    a, b = cluster.documents[0].sentences[0], cluster.documents[1].sentences[0]
    (change,) = pair.changes
    assert a.text[change[0][0] - a.start : change[0][1] - a.start] == "42"
    assert b.text[change[1][0] - b.start : change[1][1] - b.start] == "57"


def test_word_diff_of_different_sentences_is_below_parallel():
    cluster = cluster_of(
        "The council approved the budget for next year after a long debate.",
        "Storms closed the airport and cancelled dozens of flights to the islands.",
    )
    pair = word_diff(cluster.documents[0].sentences[0], cluster.documents[1].sentences[0])
    assert pair.parallel < PARALLEL


REPORTS = (
    "Flooding forced 300 families from their homes in the river valley on Sunday. "
    "The mayor opened two schools as shelters. Rain is expected to ease by Tuesday.",
    "Two schools were opened as shelters by the mayor. On Sunday flooding in the river "
    "valley forced 320 families out of their homes. Forecasters expect the rain to ease.",
    "Some 300 families left their homes in the valley as the river flooded on Sunday. "
    "The town's football match was called off. Schools became shelters, the mayor said.",
)


def test_similarities_are_sparse_and_symmetric_with_the_diagonal():
    cluster = cluster_of(*REPORTS)
    align(cluster)
    space = cluster.space
    sims = space.similarities()
    dense = sims.toarray()
    assert (dense == dense.T).all() and abs(dense.diagonal() - 1).max() < 1e-9
    football = next(k for k, r in enumerate(space.refs) if "football" in cluster.sentence(r).text)
    assert sims[football].nnz < len(space.refs)  # sentences with no word in common: not stored
    assert (space.row(football) == dense[football]).all()
    columns = [0, football, len(space.refs) - 1]
    assert (space.values(football, np.array(columns)) == dense[football, columns]).all()


def test_blocked_neighbours_give_the_same_alignment(monkeypatch):
    """Past EXACT_SENTENCES the similarities are computed in blocks of rows and each
    sentence keeps its nearest: where every pair worth a look is among them, groups and
    statement pairs are those of the exact matrix."""
    import accord.model

    exact = cluster_of(*REPORTS)
    align(exact)
    monkeypatch.setattr(accord.model, "EXACT_SENTENCES", 2)
    monkeypatch.setattr(accord.model, "BLOCK_CELLS", 9)  # blocks of one row
    blocked = cluster_of(*REPORTS)
    align(blocked)
    kept = blocked.space.similarities().toarray()
    full = exact.space.similarities().toarray()
    assert np.allclose(kept, np.where(full >= accord.model.FLOOR, full, 0.0))
    assert blocked.groups == exact.groups and exact.groups
    assert [(p.a, p.b) for p in blocked.pairs] == [(p.a, p.b) for p in exact.pairs]

    monkeypatch.setattr(accord.model, "NEIGHBOURS", 2)  # itself and its nearest
    nearest = cluster_of(*REPORTS)
    align(nearest)
    kept = nearest.space.similarities().toarray()
    assert (kept == kept.T).all() and (abs(kept.diagonal() - 1) < 1e-9).all()
    assert (kept > 0).sum() <= 2 * 2 * len(kept)  # each row's two, and those naming it
    np.fill_diagonal(full, 0.0)
    for i, j in enumerate(full.argmax(axis=1)):
        assert kept[i, j] == (full[i, j] if full[i, j] >= accord.model.FLOOR else 0.0)
