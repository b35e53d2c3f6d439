"""Print one Multi-News cluster for careful reading: documents numbered from 0, one
paragraph of the raw text per line, with word counts.

    python benchmarks/realgold/show.py validation-123 [--split validation]
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "data" / "multinews"


def find(cluster_id: str, split: str) -> dict:
    with gzip.open(DATA / f"{split}.jsonl.gz", "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] == cluster_id:
                return record
    raise SystemExit(f"{cluster_id}: not in the {split} split")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cluster_id")
    parser.add_argument("--split", help="train or validation (default: from the id's prefix)")
    parser.add_argument("--summary", action="store_true", help="also print the editors' summary")
    args = parser.parse_args()
    record = find(args.cluster_id, args.split or args.cluster_id.split("-")[0])
    for index, text in enumerate(record["documents"]):
        print(f"===== doc {index} ({len(text.split())} words)")
        print(text.strip())
        print()
    if args.summary:
        print("===== editors' summary")
        print(record["summary"])


if __name__ == "__main__":
    main()
