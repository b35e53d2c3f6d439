"""The cross-checking benchmark in its fast form (a few clusters), with looser bounds.

The full run (``python benchmarks/crosscheck.py``, 300 validation clusters) is measured in
benchmarks/README.md against the targets: recall >= 0.9 for planted numbers and >= 0.8 for
places and dates at <= 1.5 discrepancies per untouched cluster, speaker right for >= 95%
of extracted quotes. On a few clusters few plants are made, so here the planted kinds
are pooled and the bound is looser (``POOLED_RECALL_BOUND``); noise and quotes keep their
targets.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "multinews" / "validation.jsonl.gz"
FAST_CLUSTERS = 60
# The full run meets its recall targets, narrowly (benchmarks/README.md, sound planter:
# numbers 0.905, places 0.824, dates 0.903 on 300 validation clusters); the first 60
# clusters give 8 of 11 pooled (0.73). This guards against regressions.
POOLED_RECALL_BOUND = 0.7


def _benchmark():
    spec = importlib.util.spec_from_file_location(
        "crosscheck", ROOT / "benchmarks" / "crosscheck.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_quote_attribution_meets_its_target():
    report = _benchmark().run_quotes()
    assert report["cases"] >= 40
    assert report["accuracy"] >= 0.95
    assert report["recall"] >= 0.9


@pytest.mark.slow
def test_planted_contradictions_fast_form():
    if not DATA.exists():
        pytest.skip(f"Multi-News data not found at {DATA} (shared data is not part of the repo)")
    report = _benchmark().run(FAST_CLUSTERS)
    planted = sum(report["planted"].get(k, 0) for k in ("number", "place", "date"))
    found = sum(report["found"].get(k, 0) for k in ("number", "place", "date"))
    assert planted >= 8
    assert found / planted >= POOLED_RECALL_BOUND
    assert report["noise_per_cluster"] <= 1.5


def _sentence(text: str):
    from accord.analyse import analyse
    from accord.model import Document

    doc = Document(id="t", raw=text, text=text)
    analyse([doc])
    return doc.sentences[0]


def test_planter_does_not_plant_a_figure_the_other_bound_allows():
    bench = _benchmark()
    a = _sentence("The founders pledged more than $1 billion to a fund for clean energy.")
    assert bench.bound_allows(a, "1", 1.0, 4.0)  # "$4 billion" is "more than $1 billion"
    b = _sentence("The founders pledged $1 billion to a fund for clean energy.")
    assert not bench.bound_allows(b, "1", 1.0, 4.0)


def test_planter_counts_a_possessive_as_a_mention():
    bench = _benchmark()
    s = _sentence("Chicago's ban was struck down in a case against the city of Chicago.")
    assert len(bench._occurrences(s, "chicago")) == 2


def test_a_place_variant_with_its_place_noun_matches_the_plant():
    bench = _benchmark()
    assert bench._matches("place", "dakar county", "dakar county", "dakar")
    assert not bench._matches("place", "dakarville", "dakarville", "dakar")


def test_shifted_month_day_has_the_value_accord_gives_it():
    bench = _benchmark()
    assert bench._shift_date("july 4", "--07-04") == ("july 8", "--07-08")


def test_planter_leaves_labels_after_a_noun_alone():
    bench = _benchmark()
    s = _sentence("the sequel blade runner 2049 opened to 31 million dollars in its first weekend.")
    label = s.text.index("2049")
    assert not bench.is_count(s, s.start + label, s.start + label + 4)
    count = s.text.index("31")
    assert bench.is_count(s, s.start + count, s.start + count + 2)
    quake = _sentence("a magnitude 7.2 earthquake struck the coast early on sunday.")
    at = quake.text.index("7.2")
    assert bench.is_count(quake, quake.start + at, quake.start + at + 3)


def test_planter_leaves_a_mixed_number_alone():
    bench = _benchmark()
    s = _sentence("the 4 1/2-month-old boy was found in the car at the station.")
    at = s.text.index("4 1/2")
    assert not bench.is_count(s, s.start + at, s.start + at + 1)
