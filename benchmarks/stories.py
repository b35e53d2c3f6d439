"""Benchmark: how well `accord stories` sorts a mixed pile of articles into stories.

A pile is made by mixing N random Multi-News clusters (each cluster is the articles about
one story); `accord.stories.cluster_texts` must recover the clusters. Quality is B-cubed
precision/recall/F1 and the adjusted Rand index against the true clusters.

Multi-News holds crawl failures as "articles" (Wayback Machine and Twitter boilerplate,
cookie notices), the same text in clusters of unrelated stories. They are not reports of
anything, so by default a document whose opening 200 characters occur in more than one
cluster of the split, or that has fewer than 30 words, is left out before mixing
(`--raw` keeps them); clusters with fewer than two remaining articles are not drawn.

    python benchmarks/stories.py                      # validation, 200 clusters x 5 mixes
    python benchmarks/stories.py --clusters 20        # fast (CI)
    python benchmarks/stories.py --tune               # choose the threshold on train mixes
                                                      # (of 200 and of 20 clusters)
    python benchmarks/stories.py --json

Train is for tuning, validation for reporting; nothing is tuned on validation.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from accord.stories import DEFAULT_THRESHOLD, cluster_labels, cosine_distances, tfidf_vectors

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "multinews"
MIN_WORDS = 30
GRID = [round(x, 2) for x in np.arange(0.70, 0.99, 0.01)]
SMALL = 20  # clusters in a small pile (and in the fast CI mode)


def load(split: str) -> list[list[str]]:
    path = DATA / f"{split}.jsonl.gz"
    if not path.exists():
        sys.exit(f"{path}: not found (the Multi-News data lives in ../shared/data/multinews)")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line)["documents"] for line in handle]


def opening(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))[:200]


def usable_clusters(clusters: list[list[str]], raw: bool = False) -> list[list[str]]:
    """Clusters with their boilerplate and near-empty documents left out (unless raw)."""
    if raw:
        return [
            [d for d in c if d.strip()] for c in clusters if sum(bool(d.strip()) for d in c) >= 2
        ]
    spread: Counter[str] = Counter()
    for cluster in clusters:
        spread.update({opening(doc) for doc in cluster})
    kept = []
    for cluster in clusters:
        docs = [d for d in cluster if spread[opening(d)] == 1 and len(d.split()) >= MIN_WORDS]
        if len(docs) >= 2:
            kept.append(docs)
    return kept


def mix(clusters: list[list[str]], count: int, seed: int) -> tuple[list[str], list[int]]:
    chosen = random.Random(seed).sample(range(len(clusters)), count)
    texts: list[str] = []
    labels: list[int] = []
    for label, index in enumerate(chosen):
        texts.extend(clusters[index])
        labels.extend([label] * len(clusters[index]))
    order = random.Random(seed + 1).sample(range(len(texts)), len(texts))
    return [texts[i] for i in order], [labels[i] for i in order]


def bcubed(predicted: list[int], gold: list[int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga & Baldwin 1998), averaged over items."""
    pairs = Counter(zip(predicted, gold, strict=True))
    in_predicted = Counter(predicted)
    in_gold = Counter(gold)
    precision = sum(n * n / in_predicted[p] for (p, _), n in pairs.items()) / len(gold)
    recall = sum(n * n / in_gold[g] for (_, g), n in pairs.items()) / len(gold)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def adjusted_rand(predicted: list[int], gold: list[int]) -> float:
    from sklearn.metrics import adjusted_rand_score

    return float(adjusted_rand_score(gold, predicted))


def evaluate(
    clusters: list[list[str]], count: int, seeds: list[int], thresholds: list[float]
) -> dict[float, list[dict[str, float]]]:
    """Scores for every threshold on every mix (vectors and distances computed once a mix)."""
    results: dict[float, list[dict[str, float]]] = defaultdict(list)
    for seed in seeds:
        texts, gold = mix(clusters, count, seed)
        started = time.perf_counter()
        distances = cosine_distances(tfidf_vectors(texts))
        setup = time.perf_counter() - started
        for threshold in thresholds:
            started = time.perf_counter()
            predicted = cluster_labels(distances, threshold)
            elapsed = setup + time.perf_counter() - started
            precision, recall, f1 = bcubed(predicted, gold)
            results[threshold].append(
                {
                    "seed": seed,
                    "documents": len(texts),
                    "found": len(set(predicted)),
                    "precision": precision,
                    "recall": recall,
                    "f1": f1,
                    "ari": adjusted_rand(predicted, gold),
                    "seconds": elapsed,
                }
            )
    return results


def summarise(runs: list[dict[str, float]]) -> dict[str, float]:
    keys = ("documents", "found", "precision", "recall", "f1", "ari", "seconds")
    summary = {key: float(np.mean([run[key] for run in runs])) for key in keys}
    summary["f1_min"] = float(min(run["f1"] for run in runs))
    summary["mixes"] = len(runs)
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clusters", type=int, default=200, help="clusters per mix")
    parser.add_argument("--mixes", type=int, default=5, help="mixes (random seeds) per split")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--tune", action="store_true", help="sweep thresholds on train mixes")
    parser.add_argument("--raw", action="store_true", help="keep boilerplate documents")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)

    rows: list[dict[str, object]] = []
    sizes = sorted({args.clusters, SMALL})
    if args.tune:
        # The threshold must suit small piles and large ones: choose the best mean F1 over
        # train mixes of both sizes (small piles get four times as many mixes).
        train = usable_clusters(load("train"), args.raw)
        scores: dict[float, list[float]] = defaultdict(list)
        for size in sizes:
            mixes = args.mixes * (4 if size == SMALL else 1)
            sweep = evaluate(train, size, list(range(100, 100 + mixes)), GRID)
            for threshold, runs in sorted(sweep.items()):
                row = {"split": "train", "clusters": size, "threshold": threshold}
                rows.append({**row, **summarise(runs)})
                scores[threshold].append(float(np.mean([run["f1"] for run in runs])))
        best = max(scores, key=lambda threshold: float(np.mean(scores[threshold])))
        thresholds = sorted({best, args.threshold})
    else:
        thresholds = [args.threshold]
    validation = usable_clusters(load("validation"), args.raw)
    for size in sizes if args.tune else [args.clusters]:
        mixes = args.mixes * (4 if size == SMALL and args.tune else 1)
        checked = evaluate(validation, size, list(range(mixes)), thresholds)
        for threshold, runs in sorted(checked.items()):
            row = {"split": "validation", "clusters": size, "threshold": threshold}
            rows.append({**row, **summarise(runs)})
    for row in rows:
        row["raw"] = args.raw

    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(
        f"{'split':<11}{'clusters':>9}{'docs':>7}{'thr':>6}{'found':>7}{'B3 P':>7}{'B3 R':>7}"
        f"{'B3 F1':>7}{'min F1':>7}{'ARI':>7}{'sec':>6}"
    )
    for row in rows:
        print(
            f"{row['split']:<11}{row['clusters']:>9}{row['documents']:>7.0f}"
            f"{row['threshold']:>6.2f}{row['found']:>7.0f}{row['precision']:>7.3f}"
            f"{row['recall']:>7.3f}{row['f1']:>7.3f}{row['f1_min']:>7.3f}{row['ari']:>7.3f}"
            f"{row['seconds']:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
