"""Check gold files against their documents without running Accord (so a reader stays blind).

Prints every problem ``score.gold_problems`` finds (evidence that is not an exact substring
of its document, unknown kinds, variants without two sides) and exits 1 if there is any.

    python benchmarks/realgold/check.py gold-train/train-123.json [more.json ...]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Keep this folder (which holds select.py) off the path, as score.py does.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
# ruff: noqa: E402

import json
import runpy

score = runpy.run_path(str(Path(__file__).resolve().parent / "score.py"), run_name="gold_check")


def main(paths: list[str]) -> int:
    golds = [json.loads(Path(p).read_text(encoding="utf-8")) for p in paths]
    by_split: dict[Path, list[str]] = {}
    for gold in golds:
        data = score["TRAIN_DATA"] if gold["id"].startswith("train-") else score["DATA"]
        by_split.setdefault(data, []).append(gold["id"])
    documents = {}
    for data, ids in by_split.items():
        documents.update(score["load_documents"](ids, data))
    problems = []
    for path, gold in zip(paths, golds, strict=True):
        if gold["id"] not in documents:
            problems.append(f"{path}: no cluster {gold['id']} in Multi-News")
            continue
        problems += score["gold_problems"](gold, documents[gold["id"]])
    for line in problems:
        print(line)
    print(f"{len(paths)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
