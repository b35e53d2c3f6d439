"""Summarise: choose and order the sentences that best tell what the sources report.

Every sentence of the cluster gets a handful of cheap, capital-free features (position in its
article, how central it is to the cluster, how many other sources state the same content,
how much of its vocabulary and word pairs other sources share, length and shape). A small
gradient-boosted tree model, trained on the Multi-News training split by
``scripts/train_scorer.py`` and shipped in ``accord/data/scorer.npz`` (plain arrays, no
pickle), turns them into the expected share of a sentence's words that a human summary
would also use. Sentences are then picked greedily by that value, discounted by how much
they repeat what is already chosen, until the word budget is full, and put back in reading
order; each is shown lightly compressed (:mod:`accord.compress`: whole spans of page
furniture, asides and leading connectives deleted), and the budget counts that text.
Without the model file a hand-weighted score (centrality, agreement, position) is
used instead. See ``docs/summarise.md`` for the measurements behind these choices.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import pairwise

import numpy as np

from accord.align import THRESHOLD, SentenceSpace
from accord.analyse.terms import bigrams, content_terms
from accord.compress import compress
from accord.model import Cluster, Sentence, SentenceRef

MIN_WORDS = 6
# Longer "sentences" are mostly several sentences the splitter left joined (after quotes,
# in lower-cased text). They carry summary content (80 -> 120 words: +0.3 ROUGE-1/2 on
# 1,000 validation clusters), but past 120 one block would fill half a summary.
MAX_WORDS = 120
REDUNDANCY = 0.5  # similarity above which a sentence repeats one already chosen
NOVELTY = 1.0  # how strongly similarity to chosen sentences discounts a candidate
LENGTH_BONUS = 0.05  # score added per unit of log(words / 20): see select()
MODEL_FILE = "scorer.npz"
TERMINAL = re.compile(r"[.!?”\"’')\]]\s*$")

BASE_FEATURES = (
    "index",
    "relative_position",
    "is_first",
    "is_last",
    "document_rank",
    "documents",
    "document_sentences",
    "document_share",
    "cluster_sentences",
    "words",
    "content_terms",
    "content_ratio",
    "mean_word_length",
    "digits",
    "quotes",
    "ends_terminal",
    "question",
    "brackets",
    "centrality",
    "document_centrality",
    "lexrank",
    "degree",
    "support",
    "max_other",
    "sources_stating",
    "mean_other",
    "term_spread",
    "shared_terms",
    "shared_bigrams",
    "term_frequency",
)
# what the sentence's own words suggest (a linear model over word unigrams and pairs)
LEXICAL = "lexical"
# the sentence among its neighbours, its article and its cluster
CONTEXT_FEATURES = (
    "document_lexical",
    "document_centrality",
    "previous_lexical",
    "next_lexical",
    "lexical_rank_in_document",
    "lexical_rank",
    "lexical_above_mean",
    "centrality_rank",
)
FEATURES = (*BASE_FEATURES, LEXICAL, *CONTEXT_FEATURES)
WORD = re.compile(r"\b\w+\b")


def summary_text(sentence: Sentence) -> str:
    """What the summary shows for ``sentence``: its text, lightly and faithfully compressed.

    The budget of :func:`select` counts these words, so every caller that shows a summary
    must show this text (it is a pure function of the sentence, so it can be recomputed).
    """
    return compress(sentence.text)


def is_summary_candidate(sentence: Sentence, words: int | None = None) -> bool:
    """Full sentences only: no headlines or subheads, fragments or long run-on splits.

    ``words`` is the length of :func:`summary_text`, when the caller has it already.
    """
    if words is None:
        words = len(summary_text(sentence).split())
    return not sentence.heading and MIN_WORDS <= words <= MAX_WORDS


def support_counts(cluster: Cluster) -> dict[SentenceRef, int]:
    """How many sources state each sentence's content (its own included)."""
    counts: dict[SentenceRef, int] = {}
    for group in cluster.groups:
        for ref in group:
            counts[ref] = len(group)
    return counts


def _lexrank(sims: np.ndarray, threshold: float = 0.1, steps: int = 30) -> np.ndarray:
    """Stationary distribution of the thresholded cosine graph (LexRank), times n."""
    n = len(sims)
    graph = (sims > threshold).astype(float)
    graph /= np.maximum(graph.sum(axis=1, keepdims=True), 1.0)
    rank = np.full(n, 1.0 / n)
    for _ in range(steps):
        rank = 0.15 / n + 0.85 * rank @ graph
    return rank * n


def _cosine(vectors: np.ndarray, target: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(target)
    return vectors @ (target / norm) if norm else np.zeros(len(vectors))


def _shape(text: str) -> list[float]:
    tokens = text.split()
    words = max(1, len(tokens))
    terms = content_terms(text)
    return [
        len(tokens),
        len(terms),
        len(terms) / words,
        sum(len(t) for t in tokens) / words,
        sum(c.isdigit() for c in text) / max(1, len(text)),
        text.count('"') + text.count("“") + text.count("”"),
        float(bool(TERMINAL.search(text))),
        float(text.rstrip().endswith("?")),
        text.count("(") + text.count("["),
    ]


def _vocabulary(cluster: Cluster, refs: list[SentenceRef]) -> list[float | list[float]]:
    """Per sentence: how widely its terms and word pairs are shared across documents."""
    terms = [content_terms(cluster.sentence(r).text) for r in refs]
    pairs = [set(bigrams(t)) for t in terms]
    term_docs: dict[str, set[str]] = {}
    pair_docs: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for ref, sentence_terms, sentence_pairs in zip(refs, terms, pairs, strict=True):
        for term in sentence_terms:
            term_docs.setdefault(term, set()).add(ref.doc_id)
            counts[term] = counts.get(term, 0) + 1
        for pair in sentence_pairs:
            pair_docs.setdefault(pair, set()).add(ref.doc_id)
    others = max(1, len(cluster.documents) - 1)
    rows: list[float | list[float]] = []
    for sentence_terms, sentence_pairs in zip(terms, pairs, strict=True):
        unique = sorted(set(sentence_terms))  # a fixed order: float sums must not vary
        spread = [(len(term_docs[t]) - 1) / others for t in unique]
        rows.append(
            [
                float(np.mean(spread)) if spread else 0.0,
                sum(s > 0 for s in spread) / max(1, len(unique)),
                sum(len(pair_docs[p]) > 1 for p in sentence_pairs) / max(1, len(sentence_pairs)),
                float(np.mean([np.log(counts[t]) for t in unique])) if unique else 0.0,
            ]
        )
    return rows


def features(cluster: Cluster, space: SentenceSpace) -> np.ndarray:
    """One row of :data:`BASE_FEATURES` per sentence of ``space``, in ``space.refs`` order."""
    refs = space.refs
    n = len(refs)
    if not n:
        return np.zeros((0, len(BASE_FEATURES)))
    docs = {d.id: k for k, d in enumerate(cluster.documents)}
    lengths = {d.id: len(d.sentences) for d in cluster.documents}
    doc_words = {d.id: sum(len(s.text.split()) for s in d.sentences) for d in cluster.documents}
    total_words = max(1, sum(doc_words.values()))
    n_docs = len(cluster.documents)
    vectors = space.vectors
    sims = space.similarities()
    owner = np.array([docs[r.doc_id] for r in refs])
    per_doc = np.zeros((n, n_docs))  # best similarity to each document's sentences
    for k in range(n_docs):
        members = owner == k
        if members.any():
            per_doc[:, k] = sims[:, members].max(axis=1)
    per_doc[np.arange(n), owner] = 0.0
    others = max(1, n_docs - 1)
    own_centroid = np.zeros(n)
    for k in range(n_docs):
        members = owner == k
        if members.any():
            own_centroid[members] = _cosine(vectors[members], vectors[members].mean(axis=0))
    centrality = _cosine(vectors, vectors.mean(axis=0))
    lexrank = _lexrank(sims)
    support = support_counts(cluster)
    vocabulary = _vocabulary(cluster, refs)
    rows = []
    for i, ref in enumerate(refs):
        text = cluster.sentence(ref).text
        length = lengths[ref.doc_id]
        rows.append(
            [
                min(ref.index, 40),
                ref.index / max(1, length),
                float(ref.index == 0),
                float(ref.index == length - 1),
                docs[ref.doc_id],
                n_docs,
                length,
                doc_words[ref.doc_id] / total_words,
                n,
                *_shape(text),
                centrality[i],
                own_centroid[i],
                lexrank[i],
                float((sims[i] > 0.1).sum() - 1) / n,
                (support.get(ref, 1) - 1) / others,
                per_doc[i].max(),
                float((per_doc[i] >= THRESHOLD).sum()) / others,
                per_doc[i].sum() / others,
                *vocabulary[i],  # type: ignore[misc]
            ]
        )
    return np.nan_to_num(np.asarray(rows, dtype=float))


def word_grams(text: str) -> Counter[str]:
    """Lower-cased word unigrams and adjacent pairs ("a b") of a sentence, with counts."""
    tokens = WORD.findall(text.lower())
    return Counter([*tokens, *(f"{a} {b}" for a, b in pairwise(tokens))])


def lexical_scores(texts: list[str], weights: dict[str, float], bias: float) -> np.ndarray:
    """The linear lexical model's prediction for each sentence text.

    The model is linear in the l2-normalised n-gram counts, so it is a weight lookup per
    n-gram: no vectoriser (and no scikit-learn import) at run time. The norm counts every
    n-gram, including those outside the shipped vocabulary, exactly as in training.
    """
    out = np.full(len(texts), bias)
    for k, text in enumerate(texts):
        grams = word_grams(text)
        norm = np.sqrt(sum(c * c for c in grams.values()))
        if norm:
            out[k] += sum(c * weights.get(g, 0.0) for g, c in grams.items()) / norm
    return out


def _rank(values: np.ndarray) -> np.ndarray:
    """0 for the largest value, rising to 1 for the smallest (ties in order)."""
    order = np.argsort(-values, kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values))
    return ranks / max(1, len(values))


def context(base: np.ndarray, lexical: np.ndarray) -> np.ndarray:
    """:data:`CONTEXT_FEATURES` of one cluster's sentences, from their base and lexical scores.

    A sentence in an article that is junk as a whole (a cookie notice, a fact sheet) or next
    to junk is less likely to be summary material than its own words suggest.
    """
    out = np.zeros((len(base), len(CONTEXT_FEATURES)))
    if not len(base):
        return out
    document = base[:, BASE_FEATURES.index("document_rank")]
    centrality = base[:, BASE_FEATURES.index("centrality")]
    for doc in np.unique(document):
        members = document == doc
        own = lexical[members]
        out[members, 0] = own.mean()
        out[members, 1] = centrality[members].mean()
        out[members, 2] = np.r_[own[0], own[:-1]]
        out[members, 3] = np.r_[own[1:], own[-1]]
        out[members, 4] = _rank(own)
    out[:, 5] = _rank(lexical)
    out[:, 6] = lexical - lexical.mean()
    out[:, 7] = _rank(centrality)
    return out


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

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Walk every tree for every row at once, one level per step."""
        if not len(x):
            return np.zeros(0)
        node = np.broadcast_to(self.roots, (len(x), len(self.roots))).copy()
        rows = np.arange(len(x))[:, None]
        for _ in range(self.depth):
            at_leaf = self.leaf[node]
            if at_leaf.all():
                break
            go_left = x[rows, self.feature[node]] <= self.threshold[node]
            step = np.where(go_left, self.left[node], self.right[node])
            node = np.where(at_leaf, node, step)
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

    def score(self, cluster: Cluster, space: SentenceSpace) -> np.ndarray:
        base = features(cluster, space)
        texts = [cluster.sentence(ref).text for ref in space.refs]
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


def score_sentences(cluster: Cluster, space: SentenceSpace) -> np.ndarray:
    """Expected value per word of each sentence of ``space`` in a summary."""
    scorer = model()
    if scorer is None:
        return heuristic_scores(features(cluster, space))
    return scorer.score(cluster, space)


def select(cluster: Cluster, space: SentenceSpace, words: int) -> list[SentenceRef]:
    """The sentences of the summary, in reading order; show each as :func:`summary_text`.

    Greedy by score discounted for redundancy with what is already chosen; a sentence that
    would overrun the budget is passed over for shorter ones, so the summary is whole
    (compressed) sentences and never longer than ``words``. The score is a value per word;
    a small bonus for longer sentences (``LENGTH_BONUS`` per unit of log length) favours
    the sentence whose value per word is as reliable as its length makes it: a short
    sentence's predicted density is the noisier one (measured in ``docs/summarise.md``).
    """
    if not space.refs:
        return []
    sims = space.similarities()
    lengths = np.array([len(summary_text(cluster.sentence(ref)).split()) for ref in space.refs])
    scores = score_sentences(cluster, space) + LENGTH_BONUS * np.log(np.maximum(lengths, 1) / 20)
    candidates = {
        k
        for k, ref in enumerate(space.refs)
        if is_summary_candidate(cluster.sentence(ref), int(lengths[k]))
    }
    chosen: list[int] = []
    used = 0
    redundancy = np.zeros(len(space.refs))
    while candidates:
        best = max(candidates, key=lambda k: (scores[k] - NOVELTY * redundancy[k], -k))
        candidates.discard(best)
        if redundancy[best] >= REDUNDANCY or (used + lengths[best] > words and chosen):
            continue
        chosen.append(best)
        used += int(lengths[best])
        redundancy = np.maximum(redundancy, sims[best])
        if used >= words:
            break
    return reading_order(cluster, [space.refs[k] for k in chosen])


def reading_order(cluster: Cluster, refs: list[SentenceRef]) -> list[SentenceRef]:
    """Order sentences as an account: by relative position in their article, then source."""
    order = {doc.id: n for n, doc in enumerate(cluster.documents)}

    def key(ref: SentenceRef) -> tuple[float, int, int]:
        length = len(cluster.document(ref.doc_id).sentences)
        return (ref.index / max(1, length), order[ref.doc_id], ref.index)

    return sorted(refs, key=key)
