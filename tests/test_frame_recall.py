"""Frame rules that must not drop one claim stated twice (compare/frames.py,
compare/discrepancies.py), on invented sentences."""

from __future__ import annotations

from accord.compare.frames import different_claims, is_irrealis, states_figure
from accord.model import Discrepancy
from tests.analysed import brief, sentence


def variants(found: list[Discrepancy]) -> list[set[str]]:
    return [{v.text for v in d.variants} for d in found]


def test_an_age_is_not_the_figure_of_a_count():
    a = sentence(
        "Eight patients received the organs of a 14-year-old boy after he died in the crash "
        "on the Dunmore road, surgeons said."
    )
    b = sentence(
        "Surgeons said a 14-year-old boy who died in the Dunmore road crash had helped 14 patients."
    )
    count_a = next(q for q in a.quantities if q.counted != "age")
    count_b = next(q for q in b.quantities if q.counted != "age")
    assert not states_figure(a, count_b)  # the 14 of "14-year-old" is an age
    assert not different_claims(a, count_a, b, count_b)
    # The count of 14 is compared, not the age of 14 that comes first in its sentence.
    found = brief(a.text, b.text)
    assert any({"Eight patients", "14 patients"} <= texts for texts in variants(found))


def test_a_hedged_finding_is_the_same_claim_as_the_plain_one():
    hedged = sentence("Walkers may live an average four years longer than people who never walk.")
    (years,) = hedged.quantities
    assert not is_irrealis(hedged, years)
    found = brief(
        "Walkers may live an average four years longer than people who never walk, the "
        "Kelby study found.",
        "In the Kelby study walkers lived seven years longer on average than people who "
        "never walk.",
    )
    assert any({"four years", "seven years"} <= texts for texts in variants(found)), variants(found)


def test_a_possible_maximum_is_still_not_what_happened():
    a = sentence("Prosecutors said Voss could face 40 years in prison for the Kelby fraud.")
    (q,) = a.quantities
    assert is_irrealis(a, q)
