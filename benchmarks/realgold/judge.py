"""Precision on unseen coverage: brief unlabelled clusters, dump every reported item for a
reader to judge, and score a run against a committed judgement.

Recall needs a gold set read blind; precision needs only that every *reported* item be
judged against its documents (real disagreement or false alarm, by ``PROTOCOL.md``). This
draws a sample of Multi-News train clusters no gold set uses, briefs each one exactly as
``score.py`` does (``accord.brief`` on the documents, a refused empty document left out),
and writes every reported discrepancy with its variants, sources and evidence sentences.

    python benchmarks/realgold/judge.py draw --seed 17 --size 150 -o ids.txt
        [--exclude-ids judged/train-r17-ids.txt]
    python benchmarks/realgold/judge.py brief ids.txt -o reported.json [--markdown FILE.md]
    python benchmarks/realgold/judge.py score reported.json judged/train-r17.json

``draw`` takes train clusters passing the filter of samples C to F (``overlapping(r, 80,
0.25)``: three documents of 80+ words, a pair sharing 25% of their words), leaving out the
train gold (``clusters-train.txt``) and the ranges given with ``--exclude`` (by default
train-14000..14199 and train-30000..30099, read by other rounds). ``score`` matches each
reported item to a judged one of the same cluster by its evidence sentences (two variants
carrying the sentences of two judged variants, as ``score.py`` matches gold) and prints
precision; a reported item no judgement covers is listed as new, to be read and judged.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This folder holds select.py, which would shadow the standard library's ``select``.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
# ruff: noqa: E402

import argparse
import importlib.util
import json
import random
from collections.abc import Sequence
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_EXCLUDE = ("train-14000..train-14199", "train-30000..train-30099")


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"realgold_{name}", HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


score = _module("score")
select = _module("select")


def id_range(text: str) -> set[str]:
    """'train-14000..train-14199' → the ids from the first to the last number."""
    first, last = text.split("..")
    prefix = first.rsplit("-", 1)[0]
    low, high = int(first.rsplit("-", 1)[1]), int(last.rsplit("-", 1)[1])
    return {f"{prefix}-{n}" for n in range(low, high + 1)}


def draw(seed: int, size: int, exclude: Sequence[str], files: Sequence[Path] = ()) -> list[str]:
    taken = set(score.TRAIN_SAMPLE.read_text(encoding="utf-8").split())
    for text in exclude:
        taken |= id_range(text)
    for path in files:  # an earlier judged sample's ids
        taken |= set(path.read_text(encoding="utf-8").split())
    pool = [
        r["id"]
        for r in select.read(score.TRAIN_DATA)
        if r["id"] not in taken and select.overlapping(r, 80, 0.25)
    ]
    return random.Random(seed).sample(pool, size)


def brief(ids: Sequence[str]) -> list[dict[str, Any]]:
    """Every reported item of every cluster, briefed as score.py briefs (one process)."""
    documents = score.load_documents(ids, score.TRAIN_DATA)
    clusters = []
    for cluster_id in ids:
        docs = documents[cluster_id]
        job = (cluster_id, "judge", {"discrepancies": []}, docs, list(docs), [])
        result = score.score_cluster(job)
        clusters.append(
            {
                "id": cluster_id,
                "error": result.error,
                "dropped_documents": result.dropped,
                "reported": [_item(r, result.dropped, len(docs)) for r in result.reported],
            }
        )
        print(f"{cluster_id}: {len(result.reported)} items", file=sys.stderr, flush=True)
    return clusters


def _item(reported: dict, dropped: list[int], count: int) -> dict[str, Any]:
    """A reported item with each source named by its document index (doc 0 is the first)."""
    kept = [i for i in range(count) if i not in dropped]

    def doc(source: str) -> int:
        return kept[int(source[1:]) - 1]

    return {
        "kind": score.REPORTED_KIND.get(reported["kind"], reported["kind"]),
        "about": reported["about"],
        "variants": [
            {
                "text": v["text"],
                "value": v["value"],
                "docs": [doc(s) for s in v["sources"]],
                "evidence": [{"doc": doc(e["source"]), "text": e["text"]} for e in v["evidence"]],
            }
            for v in reported["variants"]
        ],
    }


def markdown(clusters: list[dict[str, Any]]) -> str:
    lines = ["# Reported items, for judging", ""]
    for cluster in clusters:
        for number, item in enumerate(cluster["reported"]):
            lines.append(f"## {cluster['id']} #{number} `{item['kind']}` {item['about']}")
            for v in item["variants"]:
                lines.append(f"- `{v['text']}` (value {json.dumps(v['value'])}) docs {v['docs']}")
                lines += [
                    f"  - doc {e['doc']}: {' '.join(e['text'].split())}" for e in v["evidence"]
                ]
            lines.append("")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- scoring


def _passages(variant: dict) -> list[Any]:
    return [score.Passage(e["doc"], score.normalise(e["text"])) for e in variant["evidence"]]


def verdict_of(item: dict, judged: list[dict]) -> dict | None:
    """The judged item of the same cluster whose variants this item's variants carry."""
    mine = [_passages(v) for v in item["variants"]]
    for entry in judged:
        theirs = [_passages(v) for v in entry["variants"]]
        if score.matches(mine, theirs):
            return entry
    return None


def precision(clusters: list[dict], judgement: dict) -> tuple[int, int, list[str]]:
    """(real kept, all kept, descriptions of items no judgement covers)."""
    by_cluster: dict[str, list[dict]] = {}
    for entry in judgement["items"]:
        by_cluster.setdefault(entry["cluster"], []).append(entry)
    real = total = 0
    new = []
    for cluster in clusters:
        for item in cluster["reported"]:
            total += 1
            entry = verdict_of(item, by_cluster.get(cluster["id"], []))
            if entry is None:
                values = " / ".join(str(v["value"]) for v in item["variants"])
                new.append(f"{cluster['id']}: {item['kind']} {item['about']!r}: {values}")
            elif entry["verdict"] == "real":
                real += 1
    return real, total, new


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    drawing = commands.add_parser("draw")
    drawing.add_argument("--seed", type=int, default=17)
    drawing.add_argument("--size", type=int, default=150)
    drawing.add_argument("--exclude", nargs="*", default=list(DEFAULT_EXCLUDE))
    drawing.add_argument("--exclude-ids", type=Path, nargs="*", default=[])
    drawing.add_argument("-o", "--out", type=Path, required=True)
    briefing = commands.add_parser("brief")
    briefing.add_argument("ids", type=Path)
    briefing.add_argument("-o", "--out", type=Path, required=True)
    briefing.add_argument("--markdown", type=Path)
    scoring = commands.add_parser("score")
    scoring.add_argument("reported", type=Path)
    scoring.add_argument("judged", type=Path)
    args = parser.parse_args(argv)

    if args.command == "draw":
        args.out.write_text(
            "\n".join(draw(args.seed, args.size, args.exclude, args.exclude_ids)) + "\n", "utf-8"
        )
    elif args.command == "brief":
        clusters = brief(args.ids.read_text(encoding="utf-8").split())
        args.out.write_text(json.dumps(clusters, indent=1, ensure_ascii=False) + "\n", "utf-8")
        if args.markdown:
            args.markdown.write_text(markdown(clusters), encoding="utf-8")
        print(f"{sum(len(c['reported']) for c in clusters)} items in {len(clusters)} clusters")
    else:
        clusters = json.loads(args.reported.read_text(encoding="utf-8"))
        judgement = json.loads(args.judged.read_text(encoding="utf-8"))
        real, total, new = precision(clusters, judgement)
        print(f"precision {real}/{total} = {real / total:.2f}" if total else "nothing reported")
        for line in new:
            print(f"new (not judged): {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
