"""Compare: what the sources agree on, where they differ, and what only one states.

One module per job: :mod:`.support` (which sentences back a statement), :mod:`.facts`,
:mod:`.quotes`, :mod:`.claims` (single-source claims) and the discrepancy detectors
(:mod:`.numbers`, :mod:`.dates`, :mod:`.places`, :mod:`.swaps`, :mod:`.roles`, on the
shared :mod:`.slots` and :mod:`.counts`), assembled by :mod:`.discrepancies`. The names
the pipeline, the web app and the benchmarks use are re-exported here, so
``compare.discrepancies(...)`` works.
"""

from __future__ import annotations

from accord.compare.claims import is_salient, single_source_claims
from accord.compare.counts import quantities_conflict
from accord.compare.discrepancies import (
    discrepancies,
    quantity_discrepancies,
    slot_discrepancies,
    speaker_discrepancies,
)
from accord.compare.facts import collect_facts
from accord.compare.quotes import SpeakerVariant, is_name, merge_quotes, same_quotation
from accord.compare.slots import PARALLEL, same_slot
from accord.compare.support import (
    canonical_sources,
    evidence,
    stating_sentences,
    supporting_sentences,
)

__all__ = [
    "PARALLEL",
    "SpeakerVariant",
    "canonical_sources",
    "collect_facts",
    "discrepancies",
    "evidence",
    "is_name",
    "is_salient",
    "merge_quotes",
    "quantities_conflict",
    "quantity_discrepancies",
    "same_quotation",
    "same_slot",
    "single_source_claims",
    "slot_discrepancies",
    "speaker_discrepancies",
    "stating_sentences",
    "supporting_sentences",
]
