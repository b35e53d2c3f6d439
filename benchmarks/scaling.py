"""How briefing time and memory grow with the input: kinds of input x sizes.

    python benchmarks/scaling.py [--kinds similar,duplicates,...] [--timeout 300] [--json FILE]

Each case runs in a fresh process that first briefs a tiny input (spaCy, the gazetteer
tables and the scorer loaded), then times ``accord.brief`` on the generated input, in wall
seconds and in CPU seconds of the process (steadier on a shared machine); peak RSS is that
process's maximum resident set (spaCy alone is about 250 MB of it). A case that
runs past ``--timeout`` is reported as such. Inputs are generated from the bundled example
(examples/harbour-fire) with a fixed seed, so every run measures the same texts:

- ``similar``: N short reports of one event (the example's four, with figures changed and
  a paragraph left out at random);
- ``duplicates``: N copies of one report;
- ``numbers``: one document of N KB of random numbers separated by spaces, beside two of
  the example's reports;
- ``paragraph``: one document of one paragraph of N sentences (the example's sentences
  drawn at random);
- ``long``: one document of N KB of numbered paragraphs (drawn the same way), beside the
  example;
- ``multinews``: one cluster of N real articles: the Multi-News validation clusters'
  articles in file order (those of at least 30 words), concatenated, so the cluster mixes
  the stories of N / 2.7 clusters (about 6.5 sentences an article: Multi-News articles are
  short). The cluster-size curve (10, 30, 100, 300 articles);
- ``stories``: ``accord stories`` grouping a pile of N such articles into stories
  (cleaning, TF-IDF, linkage), the part of a pile's work that grows with the pile; each
  story is then briefed on its own (the ``multinews`` curve at a story's size).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-fire"
SIZES = {
    "similar": [5, 25, 50],
    "duplicates": [10, 50],
    "numbers": [24, 48, 96],
    "paragraph": [1000, 2000, 4000],
    "long": [250, 500, 1100],
    "multinews": [10, 30, 100, 300],
    "stories": [250, 500, 1000, 2000],
}
UNITS = {
    "similar": "reports",
    "duplicates": "copies",
    "numbers": "KB",
    "paragraph": "sentences",
    "long": "KB",
    "multinews": "articles",
    "stories": "articles",
}
MULTINEWS = ROOT.parent / "shared" / "data" / "multinews" / "validation.jsonl.gz"
MIN_WORDS = 30
NUMBER = re.compile(r"\b\d+\b")


def _reports() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]


def _sentences() -> list[str]:
    text = " ".join(_reports())
    return [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", " ".join(text.split())) if s]


def _articles(count: int) -> list[str]:
    """The first ``count`` articles (of at least ``MIN_WORDS`` words) of Multi-News
    validation, in file order."""
    import gzip

    found: list[str] = []
    with gzip.open(MULTINEWS, "rt", encoding="utf-8") as stream:
        for line in stream:
            found += [d for d in json.loads(line)["documents"] if len(d.split()) >= MIN_WORDS]
            if len(found) >= count:
                break
    return found[:count]


def make_input(kind: str, size: int, seed: int = 0) -> list[str]:
    """The texts of one case."""
    if kind in ("multinews", "stories"):
        return _articles(size)
    rng = random.Random(f"{kind}-{size}-{seed}")
    reports = _reports()
    if kind == "similar":
        out = []
        for n in range(size):
            paragraphs = reports[n % len(reports)].split("\n\n")
            if len(paragraphs) > 3:
                del paragraphs[rng.randrange(1, len(paragraphs))]
            text = "\n\n".join(paragraphs)
            out.append(
                NUMBER.sub(
                    lambda m: (
                        str(int(m.group()) + rng.choice([0, 0, 0, 1, 3]))
                        if len(m.group()) < 4
                        else m.group()
                    ),
                    text,
                )
            )
        return out
    if kind == "duplicates":
        return [reports[0]] * size
    if kind == "numbers":
        numbers: list[str] = []
        length = 0
        while length < size * 1024:
            numbers.append(str(rng.randrange(10 ** rng.randrange(1, 8))))
            length += len(numbers[-1]) + 1
        return [" ".join(numbers), reports[0], reports[1]]
    sentences = _sentences()
    if kind == "paragraph":
        return [" ".join(rng.choice(sentences) for _ in range(size))]
    if kind == "long":
        paragraphs: list[str] = []
        length = 0
        while length < size * 1024:  # numbered: cleaning drops repeated paragraphs
            drawn = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 4)))
            paragraphs.append(f"{len(paragraphs) + 1}. {drawn}")
            length += len(paragraphs[-1]) + 2
        return ["\n\n".join(paragraphs), *reports]
    raise ValueError(f"unknown kind {kind!r}")


def run_one(kind: str, size: int) -> dict[str, float | int | str]:
    """Brief one case in this process (called in a child process by :func:`measure`)."""
    import accord

    accord.brief(_reports()[:2])  # load spaCy, the gazetteer and the scorer first
    texts = make_input(kind, size)
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        if kind == "stories":
            from accord.ingest.sources import read_items
            from accord.stories import group_stories

            stories = group_stories(read_items(texts))
            sentences: int | str = f"{len(stories)} stories"
        else:
            sentences = sum(len(s.sentences) for s in accord.brief(texts).sources)
    except accord.AccordError as error:  # refused with a message: a result too
        sentences = f"refused ({str(error).split(': ', 1)[-1][:60]}...)"
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
        "characters": sum(len(t) for t in texts),
        "sentences": sentences,
    }


def measure(kind: str, size: int, timeout: float) -> dict[str, object]:
    row: dict[str, object] = {"kind": kind, "size": size, "unit": UNITS[kind]}
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--one", kind, str(size)],
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        row["status"] = f"over {timeout:.0f} s"
        return row
    if done.returncode != 0:
        row["status"] = "failed: " + (done.stderr.strip().splitlines() or ["?"])[-1]
        return row
    row.update(json.loads(done.stdout.strip().splitlines()[-1]))
    row["status"] = "ok"
    return row


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| input | size | characters | sentences | seconds | CPU seconds | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        if row["status"] == "ok":
            cells = [
                row["characters"],
                row["sentences"],
                row["seconds"],
                row["cpu_seconds"],
                row["peak_rss_mb"],
            ]
        else:
            cells = ["", "", row["status"], "", ""]
        lines.append(
            f"| {row['kind']} | {row['size']} {row['unit']} | " + " | ".join(map(str, cells)) + " |"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kinds", default=",".join(SIZES))
    parser.add_argument("--sizes", help="comma-separated sizes instead of the default ones")
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]))))
        return
    rows = []
    for kind in args.kinds.split(","):
        sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else SIZES[kind]
        for size in sizes:
            rows.append(measure(kind, size, args.timeout))
            print(table(rows[-1:]).splitlines()[-1], flush=True)
    print()
    print(table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
