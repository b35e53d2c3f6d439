"""Evaluation harness: ROUGE of Accord's summaries (and classic baselines) on Multi-News.

Each dataset cluster goes through the product's own code path: its documents become
:class:`~accord.model.Document` objects, duplicates are marked, sentences are split by
:func:`accord.analyse.analyse` (``entities=False``: no spaCy), then
:func:`accord.align.align` and :func:`accord.summarise.select` choose the summary. So the
number in the table is the number of the product. The baselines read the same sentences.

The budget rule is the same for every system: each system returns sentences in the order
it wants them; whole sentences are taken while fewer than ``words`` words have been taken,
and the last one is cut so that the summary has exactly ``words`` words (a word is a run of
non-space characters). A system whose sentences run out first gives a shorter summary.

Scores are ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 x 100 (rouge-score, Porter stemming, one
sentence per line for Lsum; the reference is split by Accord's splitter), averaged over
clusters. Speed is clusters per second of each system's own work on one core (sentence
splitting is shared and shown on its own line). Memory is the peak of Python-traced
allocations (tracemalloc) while one cluster is summarised, the largest over a sample.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from accord import baselines, rouge
from accord.align import align
from accord.analyse import analyse
from accord.analyse.sentences import split_sentences
from accord.model import Cluster, Document
from accord.summarise import select, summary_text

ACCORD = "Accord"
SPLIT = "sentence splitting (shared)"
MEMORY_SAMPLE = 50

System = Callable[[list[Document]], list[str]]


def read_clusters(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Clusters of a Multi-News JSON-lines file (optionally gzipped), in file order."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                return
            if line.strip():
                yield json.loads(line)


def documents_of(item: dict[str, Any]) -> list[Document]:
    """The cluster's documents as Accord documents, split into sentences (no spaCy)."""
    from accord.ingest.sources import documents_from_records
    from accord.pipeline import mark_duplicates

    texts = [str(t).strip() for t in item["documents"]]
    docs = documents_from_records(texts, where="cluster", id_prefix="s", skip_empty=True)
    for doc in docs:
        doc.text = doc.raw  # measured on the raw text, without cleaning
    mark_duplicates(docs)
    analyse(docs, entities=False)
    return docs


def cut(sentences: list[str], words: int) -> list[str]:
    """Whole sentences while under ``words`` words, the last cut to make exactly ``words``."""
    kept: list[str] = []
    used = 0
    for sentence in sentences:
        if used >= words:
            break
        tokens = sentence.split()
        if not tokens:
            continue
        if used + len(tokens) > words:
            tokens = tokens[: words - used]
            sentence = " ".join(tokens)
        kept.append(sentence)
        used += len(tokens)
    return kept


def accord_summary(docs: list[Document], words: int) -> list[str]:
    """Accord's summary sentences as the briefing shows them, through align + select."""
    cluster = Cluster(documents=docs)
    space = align(cluster)
    return [summary_text(cluster.sentence(ref)) for ref in select(cluster, space, words)]


def systems(with_baselines: bool) -> dict[str, str]:
    """Names of the systems to run, with what implements each."""
    named = {ACCORD: "accord.summarise.select (trained scorer)"}
    if with_baselines:
        named.update({name: impl for name, (_, impl) in baselines.BASELINES.items()})
    return named


def run_system(name: str, docs: list[Document], words: int) -> list[str]:
    if name == ACCORD:
        return accord_summary(docs, words)
    function, _ = baselines.BASELINES[name]
    return function([[s.text for s in d.sentences] for d in docs])


def reference_sentences(summary: str) -> list[str]:
    return [s.text for s in split_sentences("reference", summary)]


def evaluate_cluster(
    item: dict[str, Any], names: list[str], words: int
) -> dict[str, tuple[tuple[float, float, float], float]]:
    """Per system: (ROUGE-1, ROUGE-2, ROUGE-Lsum) F1 and the seconds it took."""
    start = time.perf_counter()
    docs = documents_of(item)
    results = {SPLIT: ((0.0, 0.0, 0.0), time.perf_counter() - start)}
    reference = reference_sentences(item["summary"])
    for name in names:
        start = time.perf_counter()
        summary = cut(run_system(name, docs, words), words)
        seconds = time.perf_counter() - start
        s = rouge.score(summary, reference)
        results[name] = ((s.rouge1, s.rouge2, s.rougeLsum), seconds)
    return results


def _evaluate_star(args: tuple[dict[str, Any], list[str], int]) -> Any:
    return evaluate_cluster(*args)


def peak_memory(items: list[dict[str, Any]], names: list[str], words: int) -> dict[str, float]:
    """Largest tracemalloc peak (MB) of each system summarising one cluster of ``items``."""
    peaks = dict.fromkeys([SPLIT, *names], 0.0)
    for item in items:
        for name in names:
            run_system(name, documents_of(item), words)  # warm caches and lazy imports
        tracemalloc.start()
        docs = documents_of(item)
        peaks[SPLIT] = max(peaks[SPLIT], tracemalloc.get_traced_memory()[1] / 2**20)
        for name in names:
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            run_system(name, docs, words)
            peaks[name] = max(peaks[name], (tracemalloc.get_traced_memory()[1] - base) / 2**20)
        tracemalloc.stop()
    return peaks


@dataclass(slots=True)
class Row:
    system: str
    implementation: str
    rouge1: float
    rouge2: float
    rougeLsum: float
    clusters_per_second: float
    peak_mb: float


@dataclass(slots=True)
class Report:
    dataset: str
    clusters: int
    words: int
    processes: int
    wall_seconds: float
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def evaluate(
    path: Path,
    limit: int | None = None,
    words: int = 250,
    with_baselines: bool = False,
    processes: int = 2,
) -> Report:
    """Summarise every cluster with every system and average the scores."""
    named = systems(with_baselines)
    names = list(named)
    started = time.perf_counter()
    items = read_clusters(path, limit)
    jobs = ((item, names, words) for item in items)
    totals: dict[str, list[float]] = {name: [0.0, 0.0, 0.0, 0.0] for name in [SPLIT, *names]}
    count = 0
    sample: list[dict[str, Any]] = []

    def add(result: dict[str, tuple[tuple[float, float, float], float]]) -> None:
        for name, (scores, seconds) in result.items():
            total = totals[name]
            for k in range(3):
                total[k] += scores[k]
            total[3] += seconds

    def tracked() -> Iterator[tuple[dict[str, Any], list[str], int]]:
        for job in jobs:
            if len(sample) < MEMORY_SAMPLE:
                sample.append(job[0])
            yield job

    if processes > 1:
        context = multiprocessing.get_context("fork")
        with context.Pool(processes) as pool:
            for result in pool.imap(_evaluate_star, tracked(), chunksize=8):
                add(result)
                count += 1
    else:
        for job in tracked():
            add(_evaluate_star(job))
            count += 1
    wall = time.perf_counter() - started
    peaks = peak_memory(sample, names, words)
    report = Report(str(path), count, words, processes, round(wall, 1))
    for name in [*names, SPLIT]:
        total = totals[name]
        mean = [100 * t / max(1, count) for t in total[:3]]
        speed = count / total[3] if total[3] else 0.0
        implementation = named.get(name, "accord.analyse (pysbd)")
        if name == SPLIT:
            mean = [float("nan")] * 3
        report.rows.append(
            Row(
                name,
                implementation,
                *(round(m, 2) for m in mean),
                round(speed, 1),
                round(peaks[name], 2),
            )
        )
    report.notes = [
        f"budget: {words} words; whole sentences while under budget, last one cut to exactly "
        f"{words} words (words = whitespace-separated tokens); same rule for every system",
        "ROUGE F1 x100, rouge-score 0.1.2, Porter stemmer, Lsum with one sentence per line",
        "clusters/s: clusters / CPU seconds of that system alone on one core "
        "(sentence splitting is shared, shown on its own row)",
        f"peak MB: largest tracemalloc peak while summarising one cluster, over the first "
        f"{len(sample)} clusters",
        f"wall time {wall:.0f} s with {processes} processes",
    ]
    return report


def show(report: Report) -> None:
    """Print the report as one table."""
    from rich.console import Console
    from rich.table import Table

    table = Table(
        title=f"Summary quality: {report.clusters} clusters of {Path(report.dataset).name}, "
        f"{report.words} words",
        caption="\n".join(report.notes),
        caption_justify="left",
    )
    for column in ("System", "Implementation", "ROUGE-1", "ROUGE-2", "ROUGE-Lsum"):
        table.add_column(column, justify="left" if column[0] in "SI" else "right")
    table.add_column("clusters/s", justify="right")
    table.add_column("peak MB", justify="right")
    for row in report.rows:
        scores = (
            ["", "", ""]
            if row.system == SPLIT
            else [f"{row.rouge1:.2f}", f"{row.rouge2:.2f}", f"{row.rougeLsum:.2f}"]
        )
        table.add_row(
            row.system,
            row.implementation,
            *scores,
            f"{row.clusters_per_second:.1f}",
            f"{row.peak_mb:.2f}",
        )
    Console(width=130).print(table)


def main(
    dataset: Path,
    limit: int | None = None,
    words: int = 250,
    with_baselines: bool = False,
    json_path: Path | None = None,
    processes: int = 2,
) -> Report:
    """Run, print, and optionally write the table as JSON."""
    report = evaluate(dataset, limit, words, with_baselines, processes)
    show(report)
    if json_path is not None:
        data = report.to_dict()
        for row in data["rows"]:
            if row["system"] == SPLIT:
                row.update(rouge1=None, rouge2=None, rougeLsum=None)
        json_path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return report
