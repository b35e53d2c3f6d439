"""Identities: one canonical name per person or organisation across a cluster."""

from __future__ import annotations

import pytest

from accord.analyse import analyse
from accord.compare.discrepancies import speaker_discrepancies
from accord.compare.identities import Identities, name_key, same_identity
from accord.compare.quotes import merge_quotes
from accord.model import Cluster, Document


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Gov. Rick Jones", "rick jones"),
        ("Ms. Smith's", "smith"),
        ("Rep. Jim Clyburn (D-S.C.)", "jim clyburn"),
        ("General-Major Igor Konashenkov", "igor konashenkov"),
        ("the DNC", "democratic national committee"),
        ("Amnesty", "amnesty international"),
    ],
)
def test_name_key_drops_titles_possessives_and_asides(name, key):
    assert name_key(name) == key


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Paul R. Smith", "Paul Smith", True),
        ("Hillary Rodham Clinton", "Hillary Clinton", True),
        ("Ms. Smith", "Anna Smith", True),
        ("Hillary Clinton", "Bill Clinton", False),
        ("Paula Smith", "Paul Smith", False),
        ("Democratic National Committee", "DNC", True),
    ],
)
def test_same_identity(a, b, same):
    assert same_identity(a, b) is same


def test_canonical_is_the_fullest_form_and_ambiguous_surnames_stay():
    ids = Identities(
        ["Paul Smith", "Mr. Smith", "Paul R. Smith", "Hillary Clinton", "Bill Clinton", "Clinton"]
    )
    assert ids.canonical("Mr. Smith") == "Paul R. Smith"
    assert ids.canonical("Paul Smith") == "Paul R. Smith"
    assert ids.canonical("Clinton") == "Clinton"
    assert ids.canonical("Bill Clinton") == "Bill Clinton"


def _doc(doc_id: str, text: str) -> Document:
    return analyse([Document(id=doc_id, raw=text, text=text)])[0]


def test_variants_of_one_name_are_one_speaker_not_a_discrepancy():
    a = _doc("a", '"The levee will hold through the weekend," said Gov. Dana R. Whitcombe.')
    b = _doc("b", '"The levee will hold through the weekend," Dana Whitcombe told reporters.')
    c = _doc("c", 'Ms. Whitcombe said: "The levee will hold through the weekend."')
    groups = merge_quotes(Cluster(documents=[a, b, c]))
    assert len(groups) == 1
    assert groups[0].speaker == "Dana R. Whitcombe"
    assert speaker_discrepancies(groups) == []
