"""Compare: discrepancies in numbers, dates and places; facts merged across name variants."""

from __future__ import annotations

from accord.align import align
from accord.analyse import analyse
from accord.compare import compare
from accord.compare.counts import quantities_conflict
from accord.compare.facts import collect_facts
from accord.model import Cluster, CountValue, Document, Quantity


def brief_parts(*texts: str):
    docs = [Document(id=f"s{k}", raw=t, text=t) for k, t in enumerate(texts)]
    analyse(docs)
    cluster = compare(align(Cluster(documents=docs)))
    return cluster, cluster.discrepancies


def q(value, low, high, qualifier="exact"):
    return Quantity(str(value), value, low, high, qualifier, "civilian", 0, 1)


def test_conflict_rules():
    assert quantities_conflict(q(42, 42, 42), q(57, 57, 57))
    assert not quantities_conflict(q(200, 200, None, "at_least"), q(200, 200, 200))
    assert not quantities_conflict(q(200, 200, None, "at_least"), q(200, 200, 999, "range"))
    assert quantities_conflict(q(42, 42, None, "at_least"), q(57, 57, None, "at_least"))


def test_changed_number_is_a_discrepancy_with_both_sources():
    _, found = brief_parts(
        "The blast killed 42 people at the market in the north of the city, police said.",
        "The blast killed 57 people at the market in the north of the city, police said.",
    )
    (d,) = found
    assert d.kind == "quantity"
    values = {v.value.value: v.sources for v in d.variants}
    assert values == {42: ["s0"], 57: ["s1"]}


def test_same_count_with_and_without_qualifier_is_no_discrepancy():
    _, found = brief_parts(
        "Air strikes have killed at least 200 civilians in the province, the group said.",
        "Air strikes have killed 200 civilians in the province, the group said.",
    )
    assert found == []


def test_different_things_counted_are_not_compared():
    _, found = brief_parts(
        "The report documents 200 civilians killed in the province.",
        "The report documents 25 attacks in the province.",
    )
    assert found == []


def test_changed_date_and_place_are_discrepancies():
    _, found = brief_parts(
        "The ferry sank off Corfu on 12 March after striking rocks near the harbour.",
        "The ferry sank off Zakynthos on 14 March after striking rocks near the harbour.",
    )
    kinds = {d.kind: d for d in found}
    assert set(kinds) == {"date", "place"}
    assert {v.value for v in kinds["date"].variants} == {"--03-12", "--03-14"}
    assert {v.value for v in kinds["place"].variants} == {"corfu", "zakynthos"}


def test_name_variants_are_not_discrepancies():
    _, found = brief_parts(
        "Three missiles struck a market in Idlib, the Russian Federation denied it.",
        "Three missiles struck a market in Idleb, Russia denied it.",
    )
    assert found == []


def test_facts_merge_name_variants_and_qualified_counts():
    cluster, _ = brief_parts(
        "Amnesty International said at least 200 civilians were killed.",
        "Amnesty said 200 civilians were killed.",
        "Philip Luther said the attacks were unlawful. Luther spoke in London.",
    )
    facts = collect_facts(cluster)
    organisations = [f for f in facts if f.kind == "organisation"]
    assert [(f.text, f.sources) for f in organisations] == [("Amnesty International", ["s0", "s1"])]
    counts = [f for f in facts if isinstance(f.value, CountValue) and f.value.counted == "civilian"]
    assert [(f.text, f.sources) for f in counts] == [("at least 200 civilians", ["s0", "s1"])]
    people = [f.text for f in facts if f.kind == "person"]
    assert people == ["Philip Luther"]


def test_swapped_place_in_lower_cased_wire_copies_is_a_discrepancy():
    _, found = brief_parts(
        "less than a week after 17 people were shot at a florida high school, lawmakers voted.",
        "less than a week after 17 people were shot at a bergen high school, lawmakers voted.",
    )
    places = [d for d in found if d.kind == "place"]
    assert len(places) == 1
    assert {v.value for v in places[0].variants} == {"florida", "bergen"}


def test_swapped_number_is_found_even_when_the_figure_recurs():
    _, found = brief_parts(
        "he was surrounded by his five children, five children-in-law and 19 grandchildren.",
        "he was surrounded by his eight children, five children-in-law and 19 grandchildren.",
    )
    values = {v.value.value for d in found if d.kind == "quantity" for v in d.variants}
    assert values == {5, 8}


def test_name_variants_and_nested_places_are_not_discrepancies():
    _, found = brief_parts(
        "the strikes hit a market in idlib on tuesday, killing nine civilians, activists said.",
        "the strikes hit a market in idleb on tuesday, killing nine civilians, activists said.",
        "the strikes hit a market in syria on tuesday, killing nine civilians, activists said.",
    )
    assert [d for d in found if d.kind == "place"] == []


def test_two_ages_of_one_person_are_an_age_disagreement():
    from tests.analysed import brief

    (found,) = brief(
        "Restaurant owner John Carter, 52, was convicted of manslaughter on Monday.",
        "A jury found Carter, 53, guilty of manslaughter over the death of a customer.",
    )
    assert found.about == "age"
    assert {v.value.value for v in found.variants} == {52, 53}
