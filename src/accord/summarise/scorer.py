"""The shipped sentence scorer: lexical n-gram weights feeding a boosted tree ensemble.

Trained on the Multi-News training split by ``scripts/train_scorer.py`` and shipped in
``accord/data/scorer.npz`` (plain arrays, no pickle), it turns a sentence's features into
the expected share of its words that a human summary would also use. Without the model
file a hand-weighted score (centrality, agreement, position) is used instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from accord.model import Cluster
from accord.summarise.features import (
    BASE_FEATURES,
    FEATURES,
    context,
    features,
    lexical_scores,
)

MODEL_FILE = "scorer.npz"


@dataclass(frozen=True, slots=True)
class Trees:
    """A boosted tree ensemble as flat arrays: every tree's nodes, one after another.

    ``left``/``right`` are absolute node numbers; a leaf's ``value`` is its output. The
    prediction is ``baseline`` plus the sum of the leaves reached, one per tree.
    """

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    value: np.ndarray
    roots: np.ndarray
    depth: int
    baseline: float
    names: tuple[str, ...]
    # Node k's children at 2k (right) and 2k + 1 (left): one lookup a step, not two and a
    # choice between them.
    _children: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_children", np.stack([self.right, self.left], axis=1).ravel())

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Walk every tree for every row at once, one level per step; each step moves only
        the walks that have not reached a leaf (most trees are far shallower than the
        deepest)."""
        if not len(x):
            return np.zeros(0)
        rows, width = x.shape
        flat = x.ravel()
        trees = len(self.roots)
        node = np.tile(self.roots, rows)  # walk w: row w // trees, tree w % trees
        start = np.repeat(np.arange(rows) * width, trees)  # the row's features in flat
        walking = np.flatnonzero(~self.leaf[node])
        for _ in range(self.depth):
            if not len(walking):
                break
            at = node[walking]
            go_left = flat[start[walking] + self.feature[at]] <= self.threshold[at]
            step = self._children[2 * at + go_left]
            node[walking] = step
            walking = walking[~self.leaf[step]]
        node = node.reshape(rows, trees)
        return self.baseline + self.value[node].sum(axis=1)


def load_trees(data: dict[str, np.ndarray]) -> Trees:
    return Trees(
        feature=data["feature"].astype(np.intp),
        threshold=data["threshold"].astype(float),
        left=data["left"].astype(np.intp),
        right=data["right"].astype(np.intp),
        leaf=data["leaf"].astype(bool),
        value=data["value"].astype(float),
        roots=data["roots"].astype(np.intp),
        depth=int(data["depth"]),
        baseline=float(data["baseline"]),
        names=tuple(str(n) for n in data["names"]),
    )


@dataclass(frozen=True, slots=True)
class Scorer:
    """The shipped model: lexical weights (per n-gram) feeding a tree ensemble."""

    trees: Trees
    lexical_weights: dict[str, float]
    lexical_bias: float

    def score(self, cluster: Cluster) -> np.ndarray:
        base = features(cluster)
        texts = [cluster.sentence(ref).text for ref in cluster.space.refs]
        lexical = lexical_scores(texts, self.lexical_weights, self.lexical_bias)
        return self.trees.predict(np.column_stack([base, lexical, context(base, lexical)]))


@lru_cache(maxsize=1)
def model() -> Scorer | None:
    """The shipped sentence scorer, or None when the package has no model file."""
    path = resources.files("accord") / "data" / MODEL_FILE
    if not path.is_file():
        return None
    with path.open("rb") as handle, np.load(handle, allow_pickle=False) as data:
        arrays = dict(data)
    trees = load_trees(arrays)
    if trees.names != FEATURES or "lexical_terms" not in arrays:
        return None  # trained on other features: a stale file must not score garbage
    return Scorer(trees, lexical_table(arrays), float(arrays["lexical_bias"]))


def lexical_table(arrays: dict[str, np.ndarray]) -> dict[str, float]:
    """{n-gram: weight} from the file's newline-joined UTF-8 terms and float weights.

    One byte string rather than a numpy string array: fixed-width unicode arrays would be
    four bytes per character of the longest term, for every term.
    """
    terms = arrays["lexical_terms"].tobytes().decode("utf-8").split("\n")
    weights = arrays["lexical_weights"].astype(float).tolist()
    if len(terms) != len(weights):
        raise ValueError("scorer file: lexical terms and weights differ in length")
    return dict(zip(terms, weights, strict=True))


def heuristic_scores(x: np.ndarray) -> np.ndarray:
    """Hand-weighted fallback: centrality, agreement across sources, earliness."""
    column = {name: k for k, name in enumerate(BASE_FEATURES)}
    return (
        x[:, column["centrality"]]
        + 0.3 * x[:, column["support"]]
        + 0.15 * (1 - x[:, column["relative_position"]])
    )


def score_sentences(cluster: Cluster) -> np.ndarray:
    """Expected value per word of each sentence of ``cluster.space`` in a summary."""
    scorer = model()
    if scorer is None:
        return heuristic_scores(features(cluster))
    return scorer.score(cluster)
