"""Select: pick the summary's sentences under the word budget and put them in reading order.

Sentences are picked greedily by the scorer's value, discounted by how much they repeat
what is already chosen, until the word budget is full; each is shown lightly compressed
(:mod:`accord.summarise.compress`), and the budget counts that text.
"""

from __future__ import annotations

import heapq
import re

import numpy as np

from accord.model import Cluster, Sentence, SentenceRef
from accord.summarise.compress import compress
from accord.summarise.scorer import score_sentences

MIN_WORDS = 6
# Longer "sentences" are mostly several sentences the splitter left joined (after quotes,
# in lower-cased text). They carry summary content (80 -> 120 words: +0.3 ROUGE-1/2 on
# 1,000 validation clusters), but past 120 one block would fill half a summary.
MAX_WORDS = 120
REDUNDANCY = 0.5  # similarity above which a sentence repeats one already chosen
NOVELTY = 1.0  # how strongly similarity to chosen sentences discounts a candidate
LENGTH_BONUS = 0.05  # score added per unit of log(words / 20): see select()
# An opening that points back to something the reader must already have: a pronoun or a
# connective ("It added that...", "She said the cause...", "There is also evidence...").
DANGLING = re.compile(
    r"^(?:it|he|she|they|his|her|its|their|this|these|those|that|there is also|"
    r"there are also|also|meanwhile|still|instead|then|the two|both)\b",
    re.I,
)


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


def select(cluster: Cluster, words: int) -> list[SentenceRef]:
    """The sentences of the summary, in reading order; show each as :func:`summary_text`.

    Greedy by score discounted for redundancy with what is already chosen; a sentence that
    would overrun the budget is passed over for shorter ones, so the summary is whole
    (compressed) sentences and never longer than ``words``. The score is a value per word;
    a small bonus for longer sentences (``LENGTH_BONUS`` per unit of log length) favours
    the sentence whose value per word is as reliable as its length makes it: a short
    sentence's predicted density is the noisier one (measured in ``docs/summarise.md``).
    """
    space = cluster.space
    if not space.refs:
        return []
    lengths = np.array([len(summary_text(cluster.sentence(ref)).split()) for ref in space.refs])
    scores = score_sentences(cluster) + LENGTH_BONUS * np.log(np.maximum(lengths, 1) / 20)
    candidates = {
        k
        for k, ref in enumerate(space.refs)
        if is_summary_candidate(cluster.sentence(ref), int(lengths[k]))
    }
    chosen: list[int] = []
    chosen_refs: set[SentenceRef] = set()
    stated: set[tuple[float, str]] = set()  # counted figures the summary already gives
    used = 0
    redundancy = np.zeros(len(space.refs))
    # The best candidate (highest discounted score, then earliest) from a heap: redundancy
    # only grows, so a stored value is an upper bound, and an entry popped with its value
    # still current is the best; one that went stale goes back with its new value. The same
    # choice as the maximum over all candidates each time, without that pass per pick.
    heap = [(-float(scores[k] - NOVELTY * redundancy[k]), k) for k in sorted(candidates)]
    heapq.heapify(heap)
    while heap:
        stored, best = heapq.heappop(heap)
        current = float(scores[best] - NOVELTY * redundancy[best])
        if current != -stored:
            heapq.heappush(heap, (-current, best))
            continue
        if redundancy[best] >= REDUNDANCY or used + lengths[best] > words:
            continue
        ref = space.refs[best]
        sentence = cluster.sentence(ref)
        figures = {(q.value, q.counted) for q in sentence.quantities if q.counted}
        if figures and figures <= stated:
            continue  # every figure it gives is already in the summary
        if any(set(sentence.terms) <= set(cluster.sentence(r).terms) for r in chosen_refs):
            continue  # every word of it is in a chosen sentence (a quotation shown twice)
        if dangling(sentence) and SentenceRef(ref.doc_id, ref.index - 1) not in chosen_refs:
            continue  # its opening points back to a sentence the summary does not have
        chosen.append(best)
        chosen_refs.add(ref)
        stated |= figures
        used += int(lengths[best])
        redundancy = np.maximum(redundancy, space.row(best))
        if used >= words:
            break
    return reading_order(cluster, [space.refs[k] for k in chosen])


def dangling(sentence: Sentence) -> bool:
    """Whether the sentence, as the summary shows it, opens by pointing back to another."""
    return DANGLING.match(summary_text(sentence)) is not None


def reading_order(cluster: Cluster, refs: list[SentenceRef]) -> list[SentenceRef]:
    """Order sentences as an account: by relative position in their article, then source."""
    order = {doc.id: n for n, doc in enumerate(cluster.documents)}

    def key(ref: SentenceRef) -> tuple[float, int, int]:
        length = len(cluster.document(ref.doc_id).sentences)
        return (ref.index / max(1, length), order[ref.doc_id], ref.index)

    return sorted(refs, key=key)
