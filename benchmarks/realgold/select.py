"""Choose the Multi-News validation clusters of the real-discrepancy gold set.

Deterministic: clusters with at least two documents of 40+ words each, drawn with
``random.Random(9)`` from the validation split, in draw order. Chosen before any rule was
looked at; the ids are written to ``benchmarks/realgold/clusters.txt``.

    python benchmarks/realgold/select.py ../shared/data/multinews/validation.jsonl.gz 48
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path


def eligible(record: dict) -> bool:
    return sum(1 for d in record["documents"] if len(d.split()) >= 40) >= 2


def main() -> None:
    path, count = Path(sys.argv[1]), int(sys.argv[2])
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        ids = [r["id"] for r in map(json.loads, handle) if eligible(r)]
    chosen = random.Random(9).sample(ids, count)
    out = Path(__file__).with_name("clusters.txt")
    out.write_text("\n".join(chosen) + "\n", encoding="utf-8")
    print(f"{len(chosen)} of {len(ids)} eligible clusters -> {out}")


if __name__ == "__main__":
    main()
