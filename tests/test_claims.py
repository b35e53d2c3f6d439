"""Single-source claims: what only one source says, and what others restate in their words."""

import accord
from accord.compare.restate import restates, topic_words
from accord.ingest.sources import read_items
from accord.model import Cluster
from accord.pipeline import prepare

REPORTS = [
    "A fire destroyed a grain warehouse at the river port of Dunmore on Monday night. "
    "Firefighters fought the blaze for six hours before they brought it under control. "
    "The blaze killed 3 workers who were loading a barge, the port authority said. "
    "The warehouse owner, Corran Mills, said the building had passed an inspection in May.",
    "Fire tore through a grain warehouse at Dunmore's river port late on Monday. "
    "Crews needed six hours to bring the fire under control, the fire service said. "
    "Three workers loading a barge died in the fire, according to the port authority. "
    "Police said they had arrested a 24-year-old man on suspicion of arson.",
    "A grain warehouse at the Dunmore river port burned down on Monday night. "
    "It took firefighters six hours to control the fire. "
    "The port authority said 3 workers were killed while they were loading a barge. "
    "Insurers estimate the loss at 40 million euros, a spokesman for the owner said.",
]


def _cluster() -> Cluster:
    return prepare(read_items(REPORTS))


def test_a_paraphrase_with_the_same_figure_restates_the_claim():
    cluster = _cluster()
    killed = [s for d in cluster.documents for s in d.sentences if "3 workers" in s.text]
    died = next(s for s in cluster.documents[1].sentences if "Three workers" in s.text)
    assert restates(killed[0], killed[1])
    assert restates(killed[0], died)  # "3 workers ... killed" / "Three workers ... died"


def test_unrelated_sentences_do_not_restate_each_other():
    cluster = _cluster()
    arson = next(s for s in cluster.documents[1].sentences if "arson" in s.text)
    loss = next(s for s in cluster.documents[2].sentences if "Insurers" in s.text)
    assert not restates(arson, loss, topic_words(cluster))
    assert not restates(loss, arson, topic_words(cluster))


def test_words_every_source_uses_are_the_topic():
    topic = topic_words(_cluster())
    assert {"warehous", "grain", "port"} <= topic
    assert "arson" not in topic and "insur" not in topic


def test_single_source_claims_are_what_only_one_source_says():
    briefing = accord.brief(REPORTS)
    claims = {c.text: c.source for c in briefing.single_source}
    assert any("arson" in text and source == "S2" for text, source in claims.items())
    assert any("40 million euros" in text and source == "S3" for text, source in claims.items())
    assert not any("workers" in text for text in claims), claims
    assert not any("six hours" in text for text in claims), claims


def test_two_sources_have_no_topic_words():
    # with two sources a shared word is evidence of a shared statement, not the topic
    assert topic_words(prepare(read_items(REPORTS[:2]))) == frozenset()
