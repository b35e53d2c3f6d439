"""Train Accord's sentence scorer on the Multi-News training split; write accord/data/scorer.npz.

    python scripts/train_scorer.py [--clusters 12000] [--seed 0]

1. A seeded sample of training clusters goes through the product's own path (Accord's
   sentence splitter, ``align``) and :func:`accord.summarise.features` gives one row per
   sentence (cached in ``--cache`` with the sentence texts; about 15 minutes on 2 cores).
2. Each sentence is labelled by what a summary gains per word by including it: the share
   of its unigrams plus the share of its bigrams that the reference summary also has
   (clipped counts, rouge-score tokens with Porter stemming). A fixed word budget makes
   this density, not the raw overlap, the thing to rank by.
3. A ridge regression on word unigrams and pairs (seen in ``--min-df`` sentences or more)
   predicts the same label from the sentence's words alone, shipped as an {n-gram: weight}
   table so that run time needs no scikit-learn; its out-of-fold predictions (two folds by
   cluster) become the ``lexical`` feature, with context features built on it
   (:func:`accord.summarise.context`).
4. A scikit-learn HistGradientBoostingRegressor (fixed seed, no early stopping) is fitted,
   and its trees and the ridge weights are written as plain arrays (no pickle) that
   ``accord.summarise`` walks with numpy (a few minutes).

Only the training split is read. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import multiprocessing
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "multinews" / "train.jsonl.gz"
DEFAULT_OUT = ROOT / "src" / "accord" / "data" / "scorer.npz"
DEFAULT_CACHE = Path("/tmp/accord-scorer-features.npz")


def ngram_precision(tokens: list[str], reference: Counter[Any], n: int) -> float:
    """Share of the sentence's n-grams found in the reference (clipped counts)."""
    grams = Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    total = sum(grams.values())
    if not total:
        return 0.0
    return sum(min(c, reference[g]) for g, c in grams.items()) / total


def cluster_rows(item: dict[str, Any]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Features and (unigram, bigram) precision labels for every sentence of one cluster."""
    from accord.align import align
    from accord.evaluate import rouge
    from accord.evaluate.data import split_documents, texts_of
    from accord.model import Cluster
    from accord.summarise.features import features

    cluster = align(Cluster(documents=split_documents(texts_of(item))))
    space = cluster.space
    x = features(cluster)
    tokenizer = rouge._scorer()._tokenizer
    ref_tokens = tokenizer.tokenize(item["summary"])
    ref1 = Counter((t,) for t in ref_tokens)
    ref2 = Counter(itertools.pairwise(ref_tokens))
    labels = []
    for ref in space.refs:
        tokens = tokenizer.tokenize(cluster.sentence(ref).text)
        labels.append([ngram_precision(tokens, ref1, 1), ngram_precision(tokens, ref2, 2)])
    texts = [cluster.sentence(ref).text for ref in space.refs]
    return x, np.asarray(labels, dtype=float).reshape(-1, 2), texts


def sample(path: Path, clusters: int, seed: int) -> list[dict[str, Any]]:
    from accord.evaluate.data import read_clusters

    items = list(read_clusters(path))
    random.Random(seed).shuffle(items)
    return items[:clusters]


def build_cache(path: Path, clusters: int, seed: int, cache: Path, processes: int) -> None:
    items = sample(path, clusters, seed)
    xs, ys, groups, texts = [], [], [], []
    started = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        for number, (x, y, sentences) in enumerate(pool.imap(cluster_rows, items, chunksize=16)):
            texts.extend(sentences)
            xs.append(x)
            ys.append(y)
            groups.append(np.full(len(x), number))
            if number % 2000 == 0:
                print(f"{number} clusters, {time.perf_counter() - started:.0f} s", flush=True)
    from accord.summarise.features import BASE_FEATURES

    with gzip.open(cache.with_suffix(".texts.json.gz"), "wt", encoding="utf-8") as out:
        json.dump(texts, out)  # for experiments with lexical features; not used by fit
    np.savez_compressed(
        cache,
        x=np.vstack(xs),
        y=np.vstack(ys),
        group=np.concatenate(groups),
        names=np.asarray(BASE_FEATURES),
        key=np.asarray([str(path.name), clusters, seed]),
    )


def cache_matches(cache: Path, path: Path, clusters: int, seed: int) -> bool:
    """Whether the cached features were made from these clusters with today's features."""
    from accord.summarise.features import BASE_FEATURES

    if not cache.exists():
        return False
    with np.load(cache) as data:
        same_names = tuple(str(n) for n in data["names"]) == BASE_FEATURES
        return same_names and list(data["key"]) == [str(path.name), str(clusters), str(seed)]


def export(model: Any, names: tuple[str, ...], out: Path, **extra: Any) -> None:
    """Write the fitted trees as flat arrays with absolute child indices."""
    fields: dict[str, list[np.ndarray]] = {k: [] for k in ("feature", "threshold", "left")}
    fields.update(right=[], leaf=[], value=[])
    roots, offset, depth = [], 0, 0
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        roots.append(offset)
        fields["feature"].append(nodes["feature_idx"].astype(np.int16))
        fields["threshold"].append(nodes["num_threshold"].astype(np.float64))
        fields["left"].append((nodes["left"].astype(np.int64) + offset).astype(np.int32))
        fields["right"].append((nodes["right"].astype(np.int64) + offset).astype(np.int32))
        fields["leaf"].append(nodes["is_leaf"].astype(np.uint8))
        fields["value"].append(nodes["value"].astype(np.float32))
        depth = max(depth, int(nodes["depth"].max()))
        offset += len(nodes)
    arrays = {k: np.concatenate(v) for k, v in fields.items()}
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        out,
        **arrays,
        roots=np.asarray(roots, dtype=np.int32),
        depth=np.int32(depth + 1),
        baseline=np.float64(np.ravel(model._baseline_prediction)[0]),
        names=np.asarray(names),
        **extra,
    )


def target(y: np.ndarray, bigram_weight: float) -> np.ndarray:
    return y[:, 0] + bigram_weight * y[:, 1]


def gram_list(text: str) -> list[str]:
    """The sentence's n-grams with repeats, exactly as :func:`accord.summarise.word_grams`."""
    from accord.summarise.features import word_grams

    return list(word_grams(text).elements())


def lexical_matrix(texts: list[str], min_df: int) -> tuple[Any, list[str]]:
    """l2-normalised n-gram counts over the vocabulary seen in ``min_df`` sentences or more.

    The norm counts every n-gram, in the vocabulary or not, as the run-time lookup does.
    """
    from scipy import sparse
    from sklearn.feature_extraction.text import CountVectorizer

    vectoriser = CountVectorizer(analyzer=gram_list, min_df=min_df, dtype=np.float64)
    counts = vectoriser.fit_transform(texts)
    from accord.summarise.features import word_grams

    norms = np.array([np.sqrt(sum(c * c for c in word_grams(t).values())) for t in texts])
    scale = sparse.diags(1.0 / np.maximum(norms, 1e-12))
    return (scale @ counts).tocsr(), list(vectoriser.get_feature_names_out())


def lexical_model(
    texts: list[str], y: np.ndarray, group: np.ndarray, min_df: int
) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """Ridge regression on word unigrams and pairs, shipped as a {n-gram: weight} table.

    Returns the arrays to ship (terms as one newline-joined UTF-8 byte string, float32
    weights, the bias) and out-of-fold predictions (two folds by cluster) for the trees to
    learn from, so they never see a lexical score of a sentence the model was fitted on.
    """
    from sklearn.linear_model import Ridge

    matrix, terms = lexical_matrix(texts, min_df)
    fold = group % 2
    out_of_fold = np.zeros(len(y))
    for k in (0, 1):
        part = Ridge(alpha=1.0, solver="sparse_cg").fit(matrix[fold != k], y[fold != k])
        out_of_fold[fold == k] = part.predict(matrix[fold == k])
    full = Ridge(alpha=1.0, solver="sparse_cg").fit(matrix, y)
    keep = np.abs(full.coef_) >= 1e-4  # weights this small move no score by a rank
    kept = [t for t, k in zip(terms, keep, strict=True) if k]
    shipped = {
        "lexical_terms": np.frombuffer("\n".join(kept).encode("utf-8"), dtype=np.uint8),
        "lexical_weights": full.coef_[keep].astype(np.float32),
        "lexical_bias": np.float64(full.intercept_),
    }
    print(f"lexical vocabulary: {len(kept)} of {len(terms)} n-grams shipped", flush=True)
    return shipped, out_of_fold


def with_context(x: np.ndarray, lexical: np.ndarray, group: np.ndarray) -> np.ndarray:
    """Base features, lexical score and context features, cluster by cluster."""
    from accord.summarise.features import context

    bounds = np.r_[0, np.flatnonzero(np.diff(group)) + 1, len(group)]
    parts = [
        np.column_stack([x[a:b], lexical[a:b], context(x[a:b], lexical[a:b])])
        for a, b in itertools.pairwise(bounds)
    ]
    return np.vstack(parts)


def fit(cache: Path, out: Path, args: argparse.Namespace) -> None:
    from sklearn.ensemble import HistGradientBoostingRegressor

    from accord.summarise.features import FEATURES
    from accord.summarise.scorer import load_trees

    data = np.load(cache)
    group = data["group"]
    y = target(data["y"], args.bigram_weight)
    with gzip.open(cache.with_suffix(".texts.json.gz"), "rt", encoding="utf-8") as lines:
        texts = json.load(lines)
    print(f"{len(y)} sentences from {int(group.max()) + 1} clusters", flush=True)
    lexical, out_of_fold = lexical_model(texts, y, group, args.min_df)
    x = with_context(data["x"], out_of_fold, group)
    model = HistGradientBoostingRegressor(
        max_iter=args.trees,
        learning_rate=args.learning_rate,
        max_leaf_nodes=args.leaves,
        min_samples_leaf=100,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=args.seed,
    ).fit(x, y)
    export(
        model,
        FEATURES,
        out,
        **lexical,
    )
    with np.load(out) as saved:
        trees = load_trees(dict(saved))
    gap = np.abs(trees.predict(x[:20000]) - model.predict(x[:20000])).max()
    print(f"wrote {out} ({out.stat().st_size / 1024:.0f} KiB); max export gap {gap:.2e}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--clusters", type=int, default=12000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--rebuild", action="store_true", help="recompute cached features")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--trees", type=int, default=300)
    parser.add_argument("--leaves", type=int, default=31)
    parser.add_argument("--learning-rate", type=float, default=0.1)
    parser.add_argument("--bigram-weight", type=float, default=1.0)
    parser.add_argument("--min-df", type=int, default=3, help="sentences an n-gram needs")
    args = parser.parse_args(argv)
    if "validation" in args.data.name or "test" in args.data.name:
        parser.error("train on the training split only")
    if args.rebuild or not cache_matches(args.cache, args.data, args.clusters, args.seed):
        build_cache(args.data, args.clusters, args.seed, args.cache, args.processes)
    fit(args.cache, args.out, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
