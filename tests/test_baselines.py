"""Each baseline on a tiny cluster: right sentences, sensible order, offline."""

from __future__ import annotations

import pytest

from accord.evaluate import baselines

CLUSTER = [
    [
        "A fire destroyed a warehouse in the harbour district on Monday night.",
        "Firefighters fought the warehouse fire for six hours.",
        "The weather in Spain was sunny and warm.",
        "The cause of the warehouse fire is not known.",
        "Police said nobody was hurt.",
    ],
    [
        "The warehouse fire in the harbour district burned all Monday night.",
        "It took firefighters six hours to put out the warehouse fire.",
        "A local bakery sold bread.",
    ],
]
ALL = [s for doc in CLUSTER for s in doc]


def test_first3_takes_the_lead_of_every_document():
    assert baselines.first3(CLUSTER) == CLUSTER[0][:3] + CLUSTER[1][:3]
    assert baselines.first3([]) == []


@pytest.mark.parametrize("name", ["lexrank", "textrank", "centroid"])
def test_rankers_return_every_sentence_once(name):
    ranked = getattr(baselines, name)(CLUSTER)
    assert sorted(ranked) == sorted(ALL)
    assert getattr(baselines, name)([]) == []


@pytest.mark.parametrize("name", ["lexrank", "textrank", "centroid"])
def test_rankers_put_the_shared_topic_first(name):
    assert "warehouse" in getattr(baselines, name)(CLUSTER)[0]


def test_centroid_puts_unconnected_sentences_last():
    # (sumy's LexRank has no damping: on a graph this small an isolated sentence keeps its
    # share of rank, so only the centroid ranker is held to this)
    ranked = baselines.centroid(CLUSTER)
    unconnected = {
        "The weather in Spain was sunny and warm.",
        "A local bakery sold bread.",
        "Police said nobody was hurt.",
    }
    assert set(ranked[-3:]) == unconnected


def test_sumy_needs_no_nltk_download():
    tokenizer = baselines.RegexTokenizer()
    assert tokenizer.to_words("It's a test, isn't it?") == ("It's", "a", "test", "isn't", "it")


def test_registry_names_each_implementation():
    assert set(baselines.BASELINES) == {"First-3", "LexRank", "TextRank", "Centroid"}
    assert baselines.BASELINES["LexRank"][1].startswith("sumy")
