"""`accord batch` with 1 and with 2 (or more) worker processes, as a user runs it.

    python benchmarks/batch.py [--clusters 80] [--workers 1,2] [--json FILE]

Runs `accord batch` as a subprocess on the first ``--clusters`` Multi-News validation
clusters, once per worker count, one after the other, and reports wall seconds,
clusters/s, the speed-up over one process, and the CPU seconds of the whole process tree
(the parent and its workers: ``RUSAGE_CHILDREN``). On a machine other jobs share, wall
time says little; the CPU seconds still show what parallel work costs: if two processes
spend about the CPU one does, the work divides, and on two idle cores the speed-up is
about ``2 x CPU(1) / CPU(2)`` less the wait for the last chunk and the start-up of each
worker (its own spaCy load).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "multinews" / "validation.jsonl.gz"


def run(dataset: Path, clusters: int, workers: int) -> dict[str, float | int]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.jsonl"
        command = [sys.executable, "-m", "accord", "batch", str(dataset), "-o", str(out)]
        command += ["--limit", str(clusters), "--workers", str(workers), "--no-progress"]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, capture_output=True)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        lines = sum(1 for _ in out.open(encoding="utf-8"))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "workers": workers,
        "clusters": lines,
        "wall_s": round(wall, 2),
        "clusters_per_s": round(lines / wall, 2),
        "cpu_s": round(cpu, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", type=Path, default=DATA)
    parser.add_argument("--clusters", type=int, default=80)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    rows = [run(args.dataset, args.clusters, int(w)) for w in args.workers.split(",")]
    base = rows[0]
    print("| processes | clusters | wall s | clusters/s | speed-up | CPU s (all processes) |")
    print("|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        row["speedup"] = round(float(base["wall_s"]) / float(row["wall_s"]), 2)
        print(
            f"| {row['workers']} | {row['clusters']} | {row['wall_s']} | "
            f"{row['clusters_per_s']} | {row['speedup']} | {row['cpu_s']} |"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
