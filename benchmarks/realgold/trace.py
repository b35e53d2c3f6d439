"""Why Accord reported or missed each item of the real-discrepancy gold: a developer's aid.

For every cluster scored by ``score.py`` this re-runs the pipeline stages by hand (the same
stages ``accord.brief`` runs), wraps each discrepancy detector of ``accord.compare`` to
record which one produced each conflicting pair, and, for every gold item, shows what
Accord knew about its evidence sentences: whether they were paired for comparison (and how
similar they scored), and the quantities, dates and places extracted from each.

It reads today's internals (``accord.compare.discrepancies`` and its detectors by name),
so it may need updating when they change; the scorer itself uses only the public API.

    python benchmarks/realgold/trace.py --scores SCORES.json [--gold DIR] [--seeds] -o OUT.json
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
# ruff: noqa: E402

import argparse
import functools
import importlib.util
import json
from typing import Any

import accord.compare.discrepancies  # noqa: F401 - loaded here, taken from sys.modules below
from accord.align import align
from accord.compare.quotes import merge_quotes
from accord.ingest.sources import read_items
from accord.pipeline import prepare

# The package exports a function of the same name: take the module itself.
detectors = sys.modules["accord.compare.discrepancies"]
HERE = Path(__file__).resolve().parent
DETECTORS = [
    "swap_conflicts",
    "anchored_place_conflicts",
    "quantity_conflicts",
    "date_conflicts",
    "place_conflicts",
    "role_number_conflicts",
    "role_date_conflicts",
    "counted_in_context",
    "scope_conflicts",
    "_restatements",
]


def _score_module():
    spec = importlib.util.spec_from_file_location("realgold_score", HERE / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


score = _score_module()
RECORD: list[dict[str, Any]] = []


def _wrap(name: str, function):
    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        found = function(*args, **kwargs)
        pair = next((a for a in args if hasattr(a, "similarity")), None)
        for first, second in found:
            RECORD.append(
                {
                    "detector": name,
                    "kind": first.kind,
                    "about": first.about,
                    "a": (first.sentence.doc_id, first.text, str(first.key)),
                    "b": (second.sentence.doc_id, second.text, str(second.key)),
                    "sentences": [first.sentence.text, second.sentence.text],
                    "pair": None
                    if pair is None
                    else {
                        "similarity": round(pair.similarity, 3),
                        "parallel": round(pair.parallel, 3),
                        "containment": round(pair.containment, 3),
                    },
                }
            )
        return found

    return wrapped


for _name in DETECTORS:
    setattr(detectors, _name, _wrap(_name, getattr(detectors, _name)))


def sentence_facts(sentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "quantities": [
            f"{q.text!r}={q.value:g} {q.qualifier} counted={q.counted!r} event={q.event!r}"
            for q in sentence.quantities
        ],
        "dates": [f"{d.text!r}={d.value}" for d in sentence.dates],
        "entities": [f"{e.kind}:{e.text}" for e in sentence.entities],
    }


def trace(job: tuple) -> dict[str, Any]:
    cluster_id, _, gold, documents, items, _ = job
    keep = [i for i, t in enumerate(documents) if t.strip()]
    RECORD.clear()
    docs = read_items([items[i] for i in keep])
    cluster = prepare(docs)
    index_of = {d.id: keep[n] for n, d in enumerate(cluster.documents)}
    align(cluster)
    space, pairs = cluster.space, cluster.pairs
    cluster.quotes = merge_quotes(cluster)
    reported = detectors.discrepancies(cluster)
    pair_of = {frozenset({(p.a.doc_id, p.a.index), (p.b.doc_id, p.b.index)}): p for p in pairs}
    sims = space.similarities() if space.refs else None
    position = {(r.doc_id, r.index): k for k, r in enumerate(space.refs)}
    out_reported = []
    for d in reported:
        texts = {score.normalise(e.text) for v in d.variants for e in v.evidence}
        made_by = sorted(
            {
                r["detector"]
                for r in RECORD
                if r["kind"] == d.kind
                and r["about"] == d.about
                and {score.normalise(s) for s in r["sentences"]} & texts
            }
        )
        conflicts = [
            {"detector": r["detector"], "a": r["a"][1], "b": r["b"][1], "pair": r["pair"]}
            for r in RECORD
            if r["kind"] == d.kind
            and r["about"] == d.about
            and {score.normalise(x) for x in r["sentences"]} & texts
        ]
        out_reported.append(
            {
                "kind": d.kind,
                "about": d.about,
                "detectors": made_by or ["speaker"],
                "conflicts": conflicts,
            }
        )
    out_gold = []
    for item in gold["discrepancies"]:
        carried = []
        for variant in item["variants"]:
            found = []
            for doc, evidence in zip(variant["docs"], variant["evidence"], strict=True):
                wanted = score.normalise(evidence)
                for d in cluster.documents:
                    if index_of[d.id] != doc:
                        continue
                    for s in d.sentences:
                        if score.carries(score.normalise(s.text), wanted):
                            found.append(s)
            carried.append(found)
        compared = []
        for k, first in enumerate(carried):
            for second in carried[k + 1 :]:
                for a in first:
                    for b in second:
                        if a.doc_id == b.doc_id:
                            continue
                        pair = pair_of.get(frozenset({(a.doc_id, a.index), (b.doc_id, b.index)}))
                        cosine = None
                        if sims is not None:
                            i, j = (
                                position.get((a.doc_id, a.index)),
                                position.get((b.doc_id, b.index)),
                            )
                            if i is not None and j is not None:
                                cosine = round(float(sims[i, j]), 3)
                        compared.append(
                            {
                                "a": a.text[:90],
                                "b": b.text[:90],
                                "cosine": cosine,
                                "paired": pair is not None,
                                "parallel": round(pair.parallel, 3) if pair else None,
                                "containment": round(pair.containment, 3) if pair else None,
                            }
                        )
        out_gold.append(
            {
                "kind": item["kind"],
                "about": item["about"],
                "variants": [
                    {"value": v["value"], "sentences": [sentence_facts(s) for s in c]}
                    for v, c in zip(item["variants"], carried, strict=True)
                ],
                "pairs": compared,
            }
        )
    return {"id": cluster_id, "reported": out_reported, "gold": out_gold}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sample", default="all")
    parser.add_argument("--gold", type=Path, default=HERE / "gold")
    parser.add_argument("--seeds", action="store_true")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    if args.seeds:
        jobs = [score.seeds_job(HERE / "seeds.json", score.SEEDS_DIR)]
    else:
        jobs, _ = score.multinews_jobs(args.sample, args.gold)
    results = [trace(job) for job in jobs]
    args.output.write_text(
        json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
