"""The harness: every summariser on every cluster, ROUGE averaged, speed and memory measured.

The budget rule is the same for every system: each system returns sentences in the order
it wants them; whole sentences are taken while fewer than ``words`` words have been taken,
and the last one is cut so that the summary has exactly ``words`` words (a word is a run of
non-space characters). A system whose sentences run out first gives a shorter summary.

Scores are ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 x 100 (rouge-score, Porter stemming, one
sentence per line for Lsum; the reference is split by Accord's splitter), averaged over
clusters. Speed is clusters per second of each system's whole work from the cluster's raw
texts (for Accord: the briefing users get, cleaning and entities included) on one core.
Memory is the peak of Python-traced allocations (tracemalloc) while one cluster is
summarised, the largest over a sample.
"""

from __future__ import annotations

import json
import multiprocessing
import time
import tracemalloc
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from accord.evaluate import rouge
from accord.evaluate.data import read_clusters, reference_sentences, texts_of
from accord.evaluate.systems import ACCORD, summariser, systems
from accord.model import DEFAULT_WORDS

MEMORY_SAMPLE = 50


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


def evaluate_cluster(
    item: dict[str, Any], names: list[str], words: int
) -> dict[str, tuple[tuple[float, float, float], float]]:
    """Per system: (ROUGE-1, ROUGE-2, ROUGE-Lsum) F1 and the seconds it took."""
    texts = texts_of(item)
    reference = reference_sentences(item["summary"])
    results = {}
    for name in names:
        start = time.perf_counter()
        summary = cut(summariser(name).summarise(texts, words), words)
        seconds = time.perf_counter() - start
        s = rouge.score(summary, reference)
        results[name] = ((s.rouge1, s.rouge2, s.rougeLsum), seconds)
    return results


def _evaluate_star(args: tuple[dict[str, Any], list[str], int]) -> Any:
    return evaluate_cluster(*args)


def peak_memory(items: list[dict[str, Any]], names: list[str], words: int) -> dict[str, float]:
    """Largest tracemalloc peak (MB) of each system summarising one cluster of ``items``."""
    peaks = dict.fromkeys(names, 0.0)
    for item in items:
        texts = texts_of(item)
        for name in names:
            summariser(name).summarise(texts, words)  # warm caches and lazy imports
        tracemalloc.start()
        for name in names:
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            summariser(name).summarise(texts, words)
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
    words: int = DEFAULT_WORDS,
    with_baselines: bool = False,
    processes: int = 2,
) -> Report:
    """Summarise every cluster with every system and average the scores."""
    names = systems(with_baselines)
    started = time.perf_counter()
    items = read_clusters(path, limit)
    jobs = ((item, names, words) for item in items)
    totals: dict[str, list[float]] = {name: [0.0, 0.0, 0.0, 0.0] for name in names}
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
    for name in names:
        total = totals[name]
        mean = [100 * t / max(1, count) for t in total[:3]]
        speed = count / total[3] if total[3] else 0.0
        report.rows.append(
            Row(
                name,
                summariser(name).implementation,
                *(round(m, 2) for m in mean),
                round(speed, 1),
                round(peaks[name], 2),
            )
        )
    report.notes = [
        f"budget: {words} words; whole sentences while under budget, last one cut to exactly "
        f"{words} words (words = whitespace-separated tokens); same rule for every system",
        "ROUGE F1 x100, rouge-score 0.1.2, Porter stemmer, Lsum with one sentence per line",
        "clusters/s: clusters / CPU seconds of that system alone on one core, from the raw "
        f"texts ({ACCORD}: the full briefing; baselines: Accord's sentence split, then ranking)",
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
        table.add_row(
            row.system,
            row.implementation,
            f"{row.rouge1:.2f}",
            f"{row.rouge2:.2f}",
            f"{row.rougeLsum:.2f}",
            f"{row.clusters_per_second:.1f}",
            f"{row.peak_mb:.2f}",
        )
    Console(width=130).print(table)


def main(
    dataset: Path,
    limit: int | None = None,
    words: int = DEFAULT_WORDS,
    with_baselines: bool = False,
    json_path: Path | None = None,
    processes: int = 2,
) -> Report:
    """Run, print, and optionally write the table as JSON."""
    report = evaluate(dataset, limit, words, with_baselines, processes)
    show(report)
    if json_path is not None:
        json_path.write_text(json.dumps(report.to_dict(), indent=2) + "\n", encoding="utf-8")
    return report
