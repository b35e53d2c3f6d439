"""Loosely related sentences of one fact: counts with the same words nearby, and the one
date of two sentences that date one event (compare/numbers.py, compare/dates.py)."""

from __future__ import annotations

from accord.align import align
from accord.compare.dates import same_event
from accord.compare.numbers import counted_in_context, nearest_words
from accord.model import Cluster, Discrepancy
from tests.analysed import brief, documents, sentence


def kinds(found: list[Discrepancy]) -> list[tuple[str, list[str]]]:
    return [(d.kind, sorted(v.text for v in d.variants)) for d in found]


def test_the_counted_noun_and_auxiliaries_do_not_hide_the_words_of_a_count():
    a = sentence("Nine passengers were flown to hospital with cuts.")
    (q,) = a.quantities
    assert "hospital" in nearest_words(a, q, {"passenger", "passengers"})[1]
    cluster = align(
        Cluster(
            documents=documents(
                "Nine passengers were flown to hospital with cuts after the ferry struck "
                "the pier at Dunmore.",
                "Eleven passengers were treated in hospital for shock, the ferry operator "
                "said on the radio.",
            )
        )
    )
    assert [(a.text, b.text) for a, b in counted_in_context(cluster)] == [
        ("Nine passengers", "Eleven passengers")
    ]


def test_a_hyphenated_unit_is_no_shared_word():
    a = sentence("The council proposed a 30-hour working week for one department.")
    (q,) = [q for q in a.quantities if q.value == 30]
    assert not any(w.startswith("-") for side in nearest_words(a, q, {"hour"}) for w in side)


# Each pair below is aligned (cosine >= 0.15) but states less than one fact (containment
# under 0.5), and the words around its dates share a word.
def test_one_event_dated_differently_in_loosely_related_sentences():
    found = brief(
        "The old Tarn bridge collapsed early on Friday, the county engineer told reporters "
        "at the scene.",
        "Heavy lorries were diverted from the old Tarn crossing on Saturday after the bridge "
        "collapsed.",
    )
    assert ("date", ["Friday", "Saturday"]) in kinds(found)


def test_dates_of_two_events_on_one_topic_are_not_compared():
    arrest, filing = (
        documents(text)[0].sentences[0]
        for text in (
            "Vance, a former night guard, was arrested on Thursday at the Dunmore mill for "
            "arson, police said.",
            "The arson charge over the fire at the Dunmore mill was filed on Wednesday by "
            "prosecutors, police said.",
        )
    )
    assert not same_event(arrest, arrest.dates[0], filing, filing.dates[0])
    assert not [k for k in kinds(brief(arrest.text, filing.text)) if k[0] == "date"]
