"""Compare: what the sources agree on, where they differ, and what only one states.

One module per job: :mod:`.support` (which sentences back a statement), :mod:`.citations`
(the sources a summary sentence cites), :mod:`.facts`, :mod:`.quotes`, :mod:`.claims`
(single-source claims) and the discrepancy detectors (:mod:`.numbers`, :mod:`.dates`,
:mod:`.places`, :mod:`.swaps`, :mod:`.roles`, on the shared :mod:`.slots` and
:mod:`.counts`), assembled by :mod:`.discrepancies`. :func:`compare` is the stage: it
reads an aligned cluster and fills its ``quotes``, ``discrepancies``, ``facts``,
``single_source`` and ``positions`` (:mod:`.positions`: what each party says).
"""

from __future__ import annotations

from accord.compare.claims import single_source_claims
from accord.compare.discrepancies import discrepancies
from accord.compare.facts import collect_facts
from accord.compare.parties import Parties
from accord.compare.positions import positions
from accord.compare.quotes import merge_quotes
from accord.model import Cluster

__all__ = ["compare"]


def compare(cluster: Cluster) -> Cluster:
    """Fill the cluster's quotes, discrepancies, facts, single-source claims and positions."""
    # One resolution of claimants to parties for every part that names one, so a party
    # reads the same in facts, variants and positions.
    parties = cluster.parties = Parties(cluster)
    cluster.quotes = merge_quotes(cluster, parties)
    cluster.discrepancies = discrepancies(cluster, parties)
    cluster.facts = collect_facts(cluster, parties)
    cluster.single_source = single_source_claims(cluster)
    cluster.positions = positions(cluster, parties)
    return cluster
