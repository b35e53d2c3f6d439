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


def _pairwise(names: list[str], asked: list[str]) -> dict[str, str | None]:
    """The canonical names by comparing every pair: what the indexed lookup must give."""
    order = list(dict.fromkeys(n for n in names if n and name_key(n)))
    full = [n for n in order if len(name_key(n).split()) >= 2]
    canonical: dict[str, str] = {}
    groups: list[list[str]] = []
    for name in full:
        group = next((g for g in groups if same_identity(g[0], name)), None)
        (groups.append([name]) if group is None else group.append(name))
    for group in groups:
        best = max(group, key=lambda n: (len(name_key(n).split()), -order.index(n)))
        canonical.update({n: best for n in group})
    for name in order:
        if name not in canonical:
            fits = {canonical[n] for n in full if same_identity(n, name)}
            canonical[name] = fits.pop() if len(fits) == 1 else name
    out: dict[str, str | None] = {}
    for name in asked:
        if name in canonical:
            out[name] = canonical[name]
        else:
            fits = {c for n, c in canonical.items() if same_identity(n, name)}
            out[name] = fits.pop() if len(fits) == 1 else name
    return out


def test_indexed_lookup_gives_what_comparing_every_pair_gives():
    names = [
        "Paul Smith", "Mr. Smith", "Paul R. Smith", "Anna Smith", "Smith", "Hillary Clinton",
        "Bill Clinton", "Clinton", "Hillary Rodham Clinton", "the DNC",
        "Democratic National Committee", "Democratic", "Amnesty", "Amnesty International",
        "Dana Whitcombe", "Gov. Dana R. Whitcombe", "Whitcombe's", "J. Okafor", "Okafor",
        "Port Authority", "Port", "Authority", "Gen. Igor Petrov", "Petrov", "Igor",
    ]  # fmt: skip
    asked = [*names, "Ms. Whitcombe", "Dana", "Rodham", "Okafor's", "Hillary", "Committee", "?"]
    ids = Identities(names)
    assert {n: ids.canonical(n) for n in asked} == _pairwise(names, asked)


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
