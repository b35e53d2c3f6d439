"""Briefings made at the same time in several threads (as the web app makes them) are the
briefings made one after another, byte for byte."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

import accord
from tests.conftest import EXAMPLE

PARAGRAPH = (
    "Dr. Anne Byrne of the U.S. Coast Guard said 14 crew were rescued at 3 a.m. on Monday. "
    '"It was short. It was rough," she said. The trawler sank 12 miles off Kelmouth. '
    "Two men were taken to hospital in Brest, officials said, and a third was missing."
)
OTHER = (
    "Rescuers pulled 15 crew from the sea off Kelmouth early on Monday, the coastguard said.\n\n"
    "Anne Byrne, a coastguard spokeswoman, said two of them were treated for hypothermia. "
    "The trawler, registered in Brest, went down in heavy seas about 20 miles out.\n\n"
    '"We searched all night," said Capt. Tom Ellis. One fisherman is still missing.'
)
LONG = " ".join(
    f"Crew member {n} was pulled from the water by the St. Ives lifeboat at {n % 12 + 1} p.m. "
    f"and Mr. Lee said boat {n} had sunk."
    for n in range(40)
)


def _inputs() -> list[list[object]]:
    return [
        [EXAMPLE],
        [PARAGRAPH, OTHER],
        [OTHER, LONG, PARAGRAPH],
        [LONG, OTHER],
        [*sorted(EXAMPLE.glob("*.txt"))[:2], OTHER],
    ]


def _json(items: list[object]) -> str:
    return json.dumps(accord.brief(items).to_dict(), ensure_ascii=False, sort_keys=True)


@contextmanager
def _frequent_switches() -> Iterator[None]:
    """Switch threads every few microseconds, so that shared state is interleaved often."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def _in_threads(work: Callable[[int], str], jobs: int, threads: int = 4) -> list[str]:
    with _frequent_switches(), ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(work, range(jobs)))


def test_briefings_in_threads_equal_sequential_briefings():
    inputs = _inputs()
    expected = [_json(items) for items in inputs]
    rounds = 3
    got = _in_threads(lambda k: _json(inputs[k % len(inputs)]), rounds * len(inputs))
    for k, result in enumerate(got):
        assert result == expected[k % len(inputs)], f"input {k % len(inputs)} differs in threads"


def test_sentence_splitting_in_threads_is_not_mixed_up():
    from accord.analyse.sentences import split_sentences

    texts = [PARAGRAPH, OTHER, LONG, (EXAMPLE / "western-wire.txt").read_text(encoding="utf-8")]

    def spans(k: int) -> str:
        text = texts[k % len(texts)]
        return json.dumps([(s.start, s.end) for s in split_sentences("S1", text)])

    expected = [spans(k) for k in range(len(texts))]
    got = _in_threads(spans, 200)
    wrong = sum(result != expected[k % len(texts)] for k, result in enumerate(got))
    assert wrong == 0, f"{wrong} of {len(got)} splits differ"


def test_stemming_in_threads_gives_the_same_stems():
    import snowballstemmer

    from accord.analyse import terms

    endings = ("ing", "ised", "isations", "alities", "ers", "ed", "ation")
    words = [f"{root}{end}" for root in ("rescu", "nation", "organ", "hospital") for end in endings]
    expected = json.dumps([snowballstemmer.stemmer("porter").stemWord(w) for w in words])
    uncached = terms.stem.__wrapped__  # every call must reach the stemmer, not the cache
    got = _in_threads(lambda _: json.dumps([uncached(w) for w in words]), 400)
    assert sum(result != expected for result in got) == 0


def test_gazetteer_tables_are_built_once_when_threads_ask_together(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import time

    from accord.analyse import gazetteer

    builds = []

    def slow_load():
        builds.append(1)
        time.sleep(0.2)
        return {"kelmouth": {"city:1"}}, {"city:1": frozenset({"country:GB"})}, frozenset()

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(gazetteer, "_load", slow_load)
    monkeypatch.setattr(gazetteer, "_tables", None)
    results = _in_threads(lambda _: json.dumps(sorted(gazetteer.place_ids("Kelmouth"))), 8)
    assert results == ['["city:1"]'] * 8
    assert len(builds) == 1
