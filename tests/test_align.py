"""Alignment: the same statement across sources, and word-level changes between them."""

from __future__ import annotations

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
