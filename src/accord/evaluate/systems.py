"""The summarisers the harness compares, behind one interface.

A :class:`Summariser` takes a cluster's raw document texts and a word budget and returns
sentences in the order it wants them, best first; the harness cuts them to the budget with
one rule for all. Accord is one summariser among the others: :class:`AccordSummariser`
runs the briefing users get (``brief_documents``: cleaning, analysis with entities,
alignment, comparison, summary) and returns its summary sentences. The baselines read
the sentences Accord's own splitter gives (duplicates marked and left out as Accord does),
so they rank the same units.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from accord.errors import AccordError

ACCORD = "Accord"


class Summariser(Protocol):
    name: str
    implementation: str

    def summarise(self, texts: list[str], words: int) -> list[str]: ...


@dataclass(frozen=True, slots=True)
class AccordSummariser:
    """The product's briefing, as ``accord.brief`` runs it; its summary sentences."""

    name: str = ACCORD
    implementation: str = "accord.pipeline.brief_documents (full briefing)"

    def summarise(self, texts: list[str], words: int) -> list[str]:
        from accord.ingest.sources import read_items
        from accord.pipeline import MIN_ARTICLE_WORDS, BriefOptions, brief_documents

        # Datasets carry crawl failures (empty or few-word documents): leave them out.
        usable = [t for t in texts if len(t.split()) >= MIN_ARTICLE_WORDS]
        try:
            briefing = brief_documents(read_items(usable), BriefOptions(words))
        except AccordError:
            return []  # nothing usable: an empty summary, scored as such
        return [s.text for s in briefing.summary]


@dataclass(frozen=True, slots=True)
class BaselineSummariser:
    """A classic extractive baseline over Accord's sentence split."""

    name: str
    implementation: str

    def summarise(self, texts: list[str], words: int) -> list[str]:
        from accord.evaluate.baselines import BASELINES
        from accord.evaluate.data import split_documents

        docs = split_documents(texts)
        function, _ = BASELINES[self.name]
        return function([[s.text for s in d.sentences] for d in docs])


@lru_cache(maxsize=1)
def _registry() -> dict[str, Summariser]:
    from accord.evaluate.baselines import BASELINES

    found: dict[str, Summariser] = {ACCORD: AccordSummariser()}
    for name, (_, implementation) in BASELINES.items():
        found[name] = BaselineSummariser(name, implementation)
    return found


def systems(with_baselines: bool) -> list[str]:
    """Names of the systems to run: Accord, and the baselines if asked."""
    return list(_registry()) if with_baselines else [ACCORD]


def summariser(name: str) -> Summariser:
    return _registry()[name]
