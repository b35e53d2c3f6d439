"""What a briefing promises its reader, checked on the bundled example, the seeds and small
inputs, the product started as a user starts it (`accord brief` in a subprocess).

- every cited source states the sentence: its evidence sentence gives every counted figure
  of the summary sentence, each source is cited once, and the evidence matches the sources;
- the word budget holds;
- copies of one report are one source in citations;
- an unusable document is left out with a note, the rest is briefed;
- nothing is capped silently in the JSON.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import sys
from collections import OrderedDict, namedtuple
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import accord
from accord.compare.restate import figures
from accord.ingest.sources import read_items
from accord.model import Briefing, plain
from accord.pipeline import prepare

ACCORD = [sys.executable, "-m", "accord"]


def _verify_citations(briefing: Briefing, inputs: list[Path]) -> None:
    cluster = prepare(read_items(inputs))  # the same analysis the briefing was made from
    for sentence in briefing.summary:
        assert len(sentence.sources) == len(set(sentence.sources)), sentence.text
        assert [e.source for e in sentence.evidence] == sentence.sources, sentence.text
        # the selected sentence: the evidence the summary text was compressed from
        own = max(
            (cluster.sentence(e.ref) for e in sentence.evidence),
            key=lambda s: len(set(s.text.split()) & set(sentence.text.split())) - len(s.text),
        )
        wanted = {value for value, _ in figures(own)}
        for item in sentence.evidence:
            cited = cluster.sentence(item.ref)
            assert cited.text == item.text
            given = {q.value for q in cited.quantities}
            assert wanted <= given, f"{item.source} cited for {sentence.text!r} without {wanted}"


def test_every_citation_of_the_example_holds(example_briefing, example_dir):
    _verify_citations(example_briefing, [example_dir])


def test_every_citation_of_the_seeds_holds(seeds_briefing, seeds_dir):
    _verify_citations(seeds_briefing, [seeds_dir])


def test_a_source_that_states_both_figures_of_the_opening_is_cited(seeds_briefing):
    # Four of the five seed reports give the civilian and the fighter toll in their opening.
    opening = seeds_briefing.summary[0]
    assert len(opening.sources) >= 4


@pytest.mark.parametrize("budget", [10, 25, 60])
def test_the_word_budget_holds(example_dir, budget):
    done = subprocess.run(
        [*ACCORD, "brief", str(example_dir), "-f", "json", "-w", str(budget)],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(done.stdout)["summary"]
    assert sum(len(s["text"].split()) for s in summary) <= budget


def test_copies_of_one_report_are_cited_once(example_dir, tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    original = example_dir / "western-wire.txt"
    shutil.copy(original, folder / "wire-a.txt")
    shutil.copy(original, folder / "wire-b.txt")
    shutil.copy(example_dir / "radio-kelmouth.txt", folder / "radio.txt")
    briefing = accord.brief([folder])
    assert {s.id: s.duplicate_of for s in briefing.sources}["wire-b"] == "wire-a"
    for sentence in briefing.summary:
        assert not {"wire-a", "wire-b"} <= set(sentence.sources), sentence.text
    for fact in briefing.facts:
        assert not {"wire-a", "wire-b"} <= set(fact.sources), fact.text


def test_an_unusable_document_is_left_out_with_a_note(example_dir, tmp_path):
    folder = tmp_path / "reports"
    shutil.copytree(example_dir, folder)
    (folder / "paywall.txt").write_text("Subscribe to read.\n", encoding="utf-8")
    done = subprocess.run(
        [*ACCORD, "brief", str(folder), "-f", "json"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    briefing = json.loads(done.stdout)
    assert "paywall" not in {s["id"] for s in briefing["sources"]}
    assert any("paywall.txt" in note and "left out" in note for note in briefing["notes"])


def test_nothing_usable_is_still_refused_in_one_line(tmp_path):
    (tmp_path / "a.txt").write_text("Subscribe to read.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Log in.\n", encoding="utf-8")
    done = subprocess.run([*ACCORD, "brief", str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "article text" in done.stderr


def test_the_json_holds_every_fact_and_claim(seeds_briefing):
    per_kind: dict[str, int] = {}
    for fact in seeds_briefing.facts:
        per_kind[fact.kind] = per_kind.get(fact.kind, 0) + 1
    assert max(per_kind.values()) > 10  # more than the old silent cap of ten per kind
    assert len(seeds_briefing.single_source) > 10


def test_the_json_structure_is_what_asdict_gives(example_briefing, seeds_briefing):
    # to_dict converts with model.plain, a faster dataclasses.asdict: the same structure
    for briefing in (example_briefing, seeds_briefing):
        assert plain(briefing) == dataclasses.asdict(briefing)


def test_plain_rebuilds_containers_as_asdict_does():
    Pair = namedtuple("Pair", "left right")

    @dataclass
    class Inner:
        x: int
        items: list = field(default_factory=list)

    @dataclass
    class Outer:
        inner: Inner
        pair: Pair
        ordered: OrderedDict
        both: tuple
        other: frozenset

    value = Outer(
        Inner(1, [Inner(2)]),
        Pair(Inner(3), 4),
        OrderedDict(q=Inner(5)),
        (Inner(6), "seven"),
        frozenset({8}),
    )
    converted = plain(value)
    assert converted == dataclasses.asdict(value)
    assert type(converted["pair"]) is Pair
    assert type(converted["ordered"]) is OrderedDict
