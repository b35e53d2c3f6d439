"""Summarise: choose and order the sentences that best tell what the sources report.

Every sentence of the cluster gets cheap, capital-free features (:mod:`.features`); the
shipped scorer (:mod:`.scorer`), a small gradient-boosted tree model trained on the
Multi-News training split by ``scripts/train_scorer.py`` and shipped in
``accord/data/scorer.npz`` (plain arrays, no pickle), turns them into the expected share
of a sentence's words that a human summary would also use. :mod:`.select` then picks
sentences greedily by that value, discounted by how much they repeat what is already
chosen, until the word budget is full, and puts them back in reading order; each is shown
lightly compressed (:mod:`.compress`: whole spans of page furniture, asides and leading
connectives deleted), and the budget counts that text. Without the model file a
hand-weighted score (centrality, agreement, position) is used instead. See
``docs/summarise.md`` for the measurements behind these choices.

:func:`summarise` is the stage: it fills ``cluster.summary``, each sentence citing the
sources that state it (:mod:`accord.compare.citations`) and the parties they give its
claim to (:func:`accord.compare.parties.sentence_claimants`), its ``headline`` and
``key_points`` (:mod:`.headline`), its ``timeline`` (:mod:`.timeline`) and its
``coverage`` (:mod:`.coverage`: which report states each key fact and claim).
"""

from __future__ import annotations

from accord.compare.citations import citations
from accord.compare.parties import Parties, sentence_claimants
from accord.model import Cluster, SummarySentence
from accord.summarise import select as selection
from accord.summarise.coverage import coverage
from accord.summarise.headline import choose_headline, key_points
from accord.summarise.timeline import build_timeline

__all__ = ["summarise"]


def summarise(cluster: Cluster, words: int) -> Cluster:
    """Fill ``cluster.summary`` (the selected sentences, each with every source stating
    it and the parties those sources give it to), ``headline``, ``key_points``,
    ``timeline`` and ``coverage``."""
    refs = selection.select(cluster, words)
    parties = cluster.parties or Parties(cluster)  # compare's, where compare ran
    cluster.summary = []
    for ref, (sources, evidence) in zip(refs, citations(cluster, refs), strict=True):
        claimants: list[str] = []
        for item in evidence:
            found = sentence_claimants(cluster, parties, cluster.sentence(item.ref))
            # "state department spokeswoman Marie Harf said": the name, not the description.
            named = [p.name for p in found if p.kind != "role"]
            claimants += [n for n in named or [p.name for p in found] if n not in claimants]
        cluster.summary.append(
            SummarySentence(
                text=selection.summary_text(cluster.sentence(ref)),
                sources=sources,
                evidence=evidence,
                claimants=claimants,
            )
        )
    cluster.headline = choose_headline(cluster)
    cluster.key_points = key_points(cluster, cluster.headline)
    cluster.timeline = build_timeline(cluster)
    cluster.coverage = coverage(cluster)
    return cluster
