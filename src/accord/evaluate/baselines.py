"""Classic extractive summarisers to measure Accord against.

Every baseline takes the documents of a cluster as lists of sentences (split once, by
Accord's own splitter, and shared by all systems) and returns sentences in the order it
wants them: best first. The evaluation harness cuts every system's list to the word budget
with the same rule (:func:`accord.evaluate.cut`).

- ``first3``: the first three sentences of each document, document by document (own code).
- ``lexrank``: LexRank (Erkan & Radev 2004) from the ``sumy`` package: TF-IDF cosine graph,
  threshold 0.1, power method.
- ``textrank``: TextRank (Mihalcea & Tarau 2004) from ``sumy``: word-overlap graph, PageRank.
- ``centroid``: centroid-based (Radev et al. 2004), own code: cosine of each sentence's
  TF-IDF vector to the mean vector of the cluster.

sumy normally splits and tokenises with NLTK's punkt, which it downloads at run time; here it
gets sentences that are already split and an offline regex word tokenizer instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

Sentences = Sequence[Sequence[str]]  # the sentences of each document of a cluster
Baseline = Callable[[Sentences], list[str]]

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class RegexTokenizer:
    """The two methods sumy asks of a tokenizer, without NLTK data files."""

    language = "english"

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(text))

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:  # not used: input is split
        return (paragraph,)


def _flat(documents: Sentences) -> list[str]:
    return [s for doc in documents for s in doc]


def _rank(sentences: list[str], scores: Sequence[float]) -> list[str]:
    """Sentences by score, best first; ties keep the earlier sentence first."""
    order = sorted(range(len(sentences)), key=lambda k: (-scores[k], k))
    return [sentences[k] for k in order]


def first3(documents: Sentences) -> list[str]:
    """Lead baseline: the first three sentences of every document."""
    return [s for doc in documents for s in list(doc)[:3]]


@lru_cache(maxsize=1)
def _sumy() -> dict[str, Any]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    class RatedLexRank(LexRankSummarizer):
        """sumy's LexRank, returning every sentence's rating instead of the top few."""

        def _get_best_sentences(self, sentences: Any, count: Any, rating: Any) -> Any:
            return rating

    stemmer, stop_words = Stemmer("english"), get_stop_words("english")
    lexrank, textrank = RatedLexRank(stemmer), TextRankSummarizer(stemmer)
    lexrank.stop_words = textrank.stop_words = stop_words
    return {"lexrank": lexrank, "textrank": textrank, "tokenizer": RegexTokenizer()}


def _sumy_rank(name: str, documents: Sentences) -> list[str]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tools = _sumy()
    sentences = _flat(documents)
    if not sentences:
        return []
    model = ObjectDocumentModel(
        [Paragraph([Sentence(s, tools["tokenizer"]) for s in doc]) for doc in documents if doc]
    )
    summarizer = tools[name]
    if name == "lexrank":
        ratings = summarizer(model, len(sentences))
    else:
        ratings = summarizer.rate_sentences(model)
    # sumy keys ratings by sentence text (stripped), so repeated sentences share one rating
    by_text = {str(s): float(r) for s, r in ratings.items()}
    return _rank(sentences, [by_text.get(s.strip(), 0.0) for s in sentences])


def lexrank(documents: Sentences) -> list[str]:
    """LexRank via sumy: sentences by stationary probability on the cosine graph."""
    return _sumy_rank("lexrank", documents)


def textrank(documents: Sentences) -> list[str]:
    """TextRank via sumy: sentences by PageRank on the word-overlap graph."""
    return _sumy_rank("textrank", documents)


def centroid(documents: Sentences) -> list[str]:
    """Centroid summariser: sentences by cosine to the cluster's mean TF-IDF vector."""
    sentences = _flat(documents)
    if not sentences:
        return []
    try:
        vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(sentences)
    except ValueError:  # nothing but stop words
        return list(sentences)
    vectors = normalize(vectors)
    mean = np.asarray(vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(mean)
    scores = vectors @ (mean / norm) if norm else np.zeros(len(sentences))
    return _rank(sentences, list(scores))


BASELINES: dict[str, tuple[Baseline, str]] = {
    "First-3": (first3, "own code"),
    "LexRank": (lexrank, "sumy 0.11.0"),
    "TextRank": (textrank, "sumy 0.11.0"),
    "Centroid": (centroid, "own code"),
}
