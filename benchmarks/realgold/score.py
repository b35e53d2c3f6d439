"""Score Accord's "where the sources differ" against the hand-read gold set.

Each gold file (``gold/<cluster id>.json``, format in ``PROTOCOL.md``) lists the genuine
disagreements of one Multi-News validation cluster. The cluster's documents are briefed
with the public API exactly as a user would (``accord.brief([text, ...])``; source ``S1``
is document 0), every document passed, those the gold marks ``same_event: false`` too.

A reported discrepancy **matches** a gold one when two of its variants carry evidence
sentences that contain evidence strings of two different gold variants of the same
documents, after lower-casing and collapsing white space. Sentence splitting differs, so
a gold string also counts as carried when the Accord sentence (of at least
``MIN_CONTAINED_WORDS`` words) lies inside it. Recall = matched gold / gold; precision =
matched reported / reported; false alarms per agreeing cluster = reported items in
clusters whose gold is empty / those clusters.

    python benchmarks/realgold/score.py [--sample a|b|c|d|e|f|g|h|gh|i|j|k|l|ab|all] [--gold DIR]
        [--seeds] [--report FILE.md] [--json FILE.json] [--jobs 2]
    python benchmarks/realgold/score.py --split train [--gold DIR]   # the development set

``--split train`` scores the train clusters of ``clusters-train.txt``,
``clusters-train2.txt`` ... ``clusters-train5.txt`` (Multi-News
train, gold in ``gold-train/`` unless ``--gold`` says otherwise), each in its own row:
the sets rules are developed on.
Sample ``ab`` is validation samples A and B; sample C is kept for a held-out figure.
Sample D (``clusters-d.txt``, gold in ``gold/``) is a second held-out sample, scored only
with ``--sample d``, and sample E (``clusters-e.txt``) a third, scored only with
``--sample e``, and sample F (``clusters-f.txt``) a fourth, scored once with ``--sample f``
(development data since), and samples G and H (``clusters-g.txt``,
``clusters-h.txt``) a fifth and sixth, scored only with ``--sample g``, ``h`` or ``gh``,
and samples I to L (``clusters-i.txt`` ... ``clusters-l.txt``) the seventh to tenth,
scored only with ``--sample i``, ``j``, ``k`` or ``l``
(``all`` stays A, B and C, so that running the default never shows them).

``--seeds`` scores ``seeds.json`` (evidence as character offsets into the files of
``../shared/seeds``, read at run time) instead of Multi-News clusters.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This folder holds select.py, which would shadow the standard library's ``select`` (that
# multiprocessing imports) when the script runs from here: take the folder off the path
# before anything else is imported (hence E402 below).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
# ruff: noqa: E402

import argparse
import gzip
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing import Pool
from typing import Any

from accord.errors import InputError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "data" / "multinews" / "validation.jsonl.gz"
TRAIN_DATA = SHARED / "data" / "multinews" / "train.jsonl.gz"
SEEDS_DIR = SHARED / "seeds"
SAMPLES = {"a": HERE / "clusters.txt", "b": HERE / "clusters-b.txt", "c": HERE / "clusters-c.txt"}
SAMPLES["d"] = HERE / "clusters-d.txt"  # held out: not in "all"
SAMPLES["e"] = HERE / "clusters-e.txt"  # held out: not in "all"
SAMPLES["f"] = HERE / "clusters-f.txt"  # held out when scored once; development since
SAMPLES["g"] = HERE / "clusters-g.txt"  # held out: not in "all"
SAMPLES["h"] = HERE / "clusters-h.txt"  # held out: not in "all"
SAMPLES["i"] = HERE / "clusters-i.txt"  # held out: not in "all" (round 8)
SAMPLES["j"] = HERE / "clusters-j.txt"  # held out: not in "all" (round 9)
SAMPLES["k"] = HERE / "clusters-k.txt"  # held out: not in "all" (round 10)
SAMPLES["l"] = HERE / "clusters-l.txt"  # held out: not in "all" (round 10, late)
GROUPS = {"all": ("a", "b", "c"), "ab": ("a", "b"), "gh": ("g", "h")}
# The development samples of the train split: the first (80), rounds 7, 8 and 10's (100).
TRAIN_SAMPLES = {
    "train": HERE / "clusters-train.txt",
    "train2": HERE / "clusters-train2.txt",
    "train3": HERE / "clusters-train3.txt",
    "train4": HERE / "clusters-train4.txt",
    "train5": HERE / "clusters-train5.txt",
}
TRAIN_SAMPLE = TRAIN_SAMPLES["train"]  # what judge.py's draws exclude (kept, so they replay)
GOLD_KINDS = ("number", "date", "place", "person", "attribution")
# Accord's discrepancy kinds in the gold's vocabulary.
REPORTED_KIND = {"quantity": "number", "scope": "number", "speaker": "attribution"}
MIN_CONTAINED_WORDS = 4  # a shorter Accord "sentence" is a fragment, not evidence


# ----------------------------------------------------------------------------- matching


def normalise(text: str) -> str:
    return " ".join(text.lower().split())


def carries(sentence: str, evidence: str) -> bool:
    """Does an Accord evidence sentence carry a gold evidence string (both normalised)?"""
    if evidence in sentence:
        return True
    return len(sentence.split()) >= MIN_CONTAINED_WORDS and sentence in evidence


@dataclass(frozen=True, slots=True)
class Passage:
    """One piece of evidence: a document index and its normalised text."""

    doc: int
    text: str


def gold_passages(variant: dict) -> list[Passage]:
    """A gold variant's evidence strings, each with the document it comes from."""
    return [
        Passage(doc, normalise(text))
        for doc, text in zip(variant["docs"], variant["evidence"], strict=True)
    ]


def reported_passages(variant: dict, index_of_source: dict[str, int]) -> list[Passage]:
    """A reported variant's evidence sentences, each with its document index."""
    return [
        Passage(index_of_source[e["source"]], normalise(e["text"]))
        for e in variant["evidence"]
        if e["source"] in index_of_source
    ]


def variant_carries(reported: list[Passage], gold: list[Passage]) -> bool:
    return any(r.doc == g.doc and carries(r.text, g.text) for r in reported for g in gold)


def matched_pairs(
    reported: list[list[Passage]], gold: list[list[Passage]]
) -> Iterator[tuple[int, int, int, int]]:
    """(reported i, reported j, gold k, gold m): variant i carries gold k, j carries m."""
    for i, reported_a in enumerate(reported):
        for j, reported_b in enumerate(reported):
            if i == j:
                continue
            for k, gold_a in enumerate(gold):
                if not variant_carries(reported_a, gold_a):
                    continue
                for m, gold_b in enumerate(gold):
                    if m != k and variant_carries(reported_b, gold_b):
                        yield i, j, k, m


def matches(reported: list[list[Passage]], gold: list[list[Passage]]) -> bool:
    """Two different reported variants carry two different gold variants."""
    return next(matched_pairs(reported, gold), None) is not None


# Words of a gold value that say nothing about the value itself.
VALUE_STOP = {"at", "least", "about", "around", "more", "than", "some", "nearly", "almost"}
VALUE_STOP |= {"the", "of", "in", "and", "on", "a", "an", "as", "many", "up", "to", "over"}


def value_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]+|\d[\d,.]*", text.lower())
    return {w.replace(",", "").rstrip(".") for w in words} - VALUE_STOP


def values_as_gold(
    reported_item: dict, reported: list[list[Passage]], gold_item: dict, gold: list[list[Passage]]
) -> bool:
    """Beyond the sentences: do the two reported values name the two gold values?

    A diagnostic, not the scoring rule: a reported item can carry the right sentences
    while comparing another number in them ("20 Iranians" against a toll of 73).
    """
    texts = [value_words(str(v["text"])) for v in reported_item["variants"]]
    values = [value_words(str(v["value"])) for v in gold_item["variants"]]
    return any(
        texts[i] & values[k] and texts[j] & values[m]
        for i, j, k, m in matched_pairs(reported, gold)
    )


def near_miss_passages(near_miss: dict, documents: Sequence[str]) -> list[list[Passage]]:
    """A near miss lists evidence without documents: each string, in every doc holding it."""
    groups = []
    for text in near_miss.get("evidence", []):
        wanted = normalise(text)
        docs = [i for i, d in enumerate(documents) if wanted in normalise(d)]
        groups.append([Passage(doc, wanted) for doc in docs])
    return groups


def carried_by_any(reported: list[list[Passage]], variant: list[Passage]) -> bool:
    """Does some variant of one reported item carry this gold variant?"""
    return any(variant_carries(r, variant) for r in reported)


def gold_problems(gold: dict, documents: Sequence[str]) -> list[str]:
    """What is wrong with a gold file against its documents (empty when nothing is).

    Every evidence string must be an exact substring of the document it is listed for,
    one string per listed document; kinds are the protocol's.
    """
    problems = []
    for number, item in enumerate(gold["discrepancies"]):
        where = f"{gold['id']} discrepancy {number} ({item.get('about', '')})"
        if item["kind"] not in GOLD_KINDS:
            problems.append(f"{where}: unknown kind {item['kind']!r}")
        if len(item["variants"]) < 2:
            problems.append(f"{where}: fewer than two variants")
        for variant in item["variants"]:
            if len(variant["docs"]) != len(variant["evidence"]):
                problems.append(
                    f"{where}: {len(variant['docs'])} docs, evidence for {len(variant['evidence'])}"
                )
                continue
            for doc, text in zip(variant["docs"], variant["evidence"], strict=True):
                if not 0 <= doc < len(documents):
                    problems.append(f"{where}: no document {doc}")
                elif not text.strip() or text not in documents[doc]:
                    problems.append(f"{where}: not in doc {doc}: {text!r}")
    for number, near in enumerate(gold.get("near_misses", [])):
        for text in near.get("evidence", []):
            if not any(text in d for d in documents):
                problems.append(f"{gold['id']} near miss {number}: in no document: {text!r}")
    return problems


# ----------------------------------------------------------------------------- Accord


def brief_discrepancies(items: Sequence[Any]) -> dict[str, Any]:
    """What a user gets from Accord for these items: the briefing's public JSON."""
    import accord

    return accord.brief(list(items)).to_dict()


# ----------------------------------------------------------------------------- one cluster


@dataclass(slots=True)
class ClusterScore:
    id: str
    sample: str
    gold: list[dict]
    reported: list[dict] = field(default_factory=list)
    matched_gold: list[bool] = field(default_factory=list)
    reported_matches: list[list[int]] = field(default_factory=list)
    reported_near_misses: list[list[int]] = field(default_factory=list)
    reported_values_as_gold: list[bool] = field(default_factory=list)
    gold_diagnosis: list[dict] = field(default_factory=list)
    dropped: list[int] = field(default_factory=list)
    error: str = ""
    gold_near: list[dict] = field(default_factory=list)


def sentence_texts(briefing: dict, index_of_source: dict[str, int]) -> dict[int, list[str]]:
    """Every Accord sentence of every document, normalised, by document index."""
    found: dict[int, list[str]] = {}
    for source in briefing["sources"]:
        if source["id"] not in index_of_source:
            continue
        text = source["text"]
        found[index_of_source[source["id"]]] = [
            normalise(text[s["start"] : s["end"]]) for s in source["sentences"]
        ]
    return found


def diagnose(gold: dict, reported: list[list[list[Passage]]], sentences: dict) -> dict:
    """Why a gold item was missed, as far as the briefing shows it."""
    variants = [gold_passages(v) for v in gold["variants"]]
    split = []
    for variant in variants:
        for passage in variant:
            held = any(carries(s, passage.text) for s in sentences.get(passage.doc, []))
            split.append(held)
    touched = [any(carried_by_any(r, v) for r in reported) for v in variants]
    return {
        "evidence_in_one_sentence": split,
        "variants_in_some_report": touched,
    }


def score_cluster(job: tuple[str, str, dict, list[str], list[Any], list[str]]) -> ClusterScore:
    """Brief one cluster and match its reported discrepancies against its gold."""
    cluster_id, sample, gold_file, documents, items, source_ids = job
    result = ClusterScore(
        cluster_id, sample, gold_file["discrepancies"], gold_near=gold_file.get("near_misses", [])
    )
    keep = [i for i, text in enumerate(documents) if text.strip()]
    # A user whose document is empty or has no article text gets an error naming it, and
    # briefs the rest: do the same, keeping track of which document each source is.
    while True:
        kept_items = [items[i] for i in keep]
        ids = [source_ids[i] for i in keep] if source_ids else None
        index_of_source = (
            {sid: i for sid, i in zip(ids, keep, strict=True)}
            if ids
            else {f"S{n}": i for n, i in enumerate(keep, start=1)}
        )
        try:
            briefing = brief_discrepancies(kept_items)
            break
        except InputError as error:
            if error.source in index_of_source and len(keep) > 2:
                keep.remove(index_of_source[error.source])
                continue
            result.error = f"{type(error).__name__}: {error}"
            result.matched_gold = [False] * len(result.gold)
            return result
        except Exception as error:  # a crash is a result too: listed, not fatal to the run
            result.error = f"{type(error).__name__}: {error}"
            result.matched_gold = [False] * len(result.gold)
            return result
    result.dropped = [i for i in range(len(documents)) if i not in keep]
    result.reported = briefing["discrepancies"]
    gold_variants = [[gold_passages(v) for v in g["variants"]] for g in result.gold]
    reported_variants = [
        [reported_passages(v, index_of_source) for v in r["variants"]] for r in result.reported
    ]
    near = [near_miss_passages(n, documents) for n in gold_file.get("near_misses", [])]
    result.reported_matches = [
        [k for k, g in enumerate(gold_variants) if matches(r, g)] for r in reported_variants
    ]
    result.reported_values_as_gold = [
        any(
            values_as_gold(item, variants, result.gold[k], gold_variants[k])
            for k in result.reported_matches[n]
        )
        for n, (item, variants) in enumerate(zip(result.reported, reported_variants, strict=True))
    ]
    result.reported_near_misses = [
        [k for k, n in enumerate(near) if matches(r, n)] for r in reported_variants
    ]
    result.matched_gold = [
        any(k in m for m in result.reported_matches) for k in range(len(result.gold))
    ]
    sentences = sentence_texts(briefing, index_of_source)
    result.gold_diagnosis = [diagnose(g, reported_variants, sentences) for g in result.gold]
    return result


# ----------------------------------------------------------------------------- inputs


def sample_ids(sample: str) -> list[tuple[str, str]]:
    if sample == "train":
        return [
            (line.strip(), name)
            for name, path in TRAIN_SAMPLES.items()
            if path.exists()
            for line in path.read_text("utf-8").split()
        ]
    names = [n for n in GROUPS[sample] if SAMPLES[n].exists()] if sample in GROUPS else [sample]
    pairs = []
    for name in names:
        for line in SAMPLES[name].read_text(encoding="utf-8").split():
            pairs.append((line.strip(), name))
    return pairs


def load_documents(ids: Iterable[str], data: Path = DATA) -> dict[str, list[str]]:
    wanted = set(ids)
    found: dict[str, list[str]] = {}
    with gzip.open(data, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] in wanted:
                found[record["id"]] = record["documents"]
    return found


def multinews_jobs(sample: str, gold_dir: Path) -> tuple[list[tuple], list[str]]:
    """One job per cluster of the sample that has a gold file; the ids still without one."""
    pairs = sample_ids(sample)
    have = [(cid, s) for cid, s in pairs if (gold_dir / f"{cid}.json").exists()]
    missing = [cid for cid, _ in pairs if not (gold_dir / f"{cid}.json").exists()]
    documents = load_documents((cid for cid, _ in have), TRAIN_DATA if sample == "train" else DATA)
    jobs = []
    for cluster_id, name in have:
        gold = json.loads((gold_dir / f"{cluster_id}.json").read_text(encoding="utf-8"))
        docs = documents[cluster_id]
        jobs.append((cluster_id, name, gold, docs, list(docs), []))
    return jobs, missing


def resolve_seed_evidence(seeds: dict, folder: Path) -> tuple[dict, list[str], list[str]]:
    """Turn the seeds gold (offsets into files) into the ordinary gold format."""
    files = [d["file"] for d in seeds["documents"]]
    texts = [(folder / name).read_text(encoding="utf-8") for name in files]

    def text_of(span: dict) -> str:
        return texts[files.index(span["file"])][span["start"] : span["end"]]

    gold = json.loads(json.dumps(seeds))
    for item in gold["discrepancies"]:
        for variant in item["variants"]:
            variant["evidence"] = [text_of(span) for span in variant["evidence"]]
    for near in gold.get("near_misses", []):
        near["evidence"] = [text_of(span) for span in near["evidence"]]
    return gold, texts, files


def seeds_job(seeds_file: Path, folder: Path) -> tuple:
    seeds = json.loads(seeds_file.read_text(encoding="utf-8"))
    gold, texts, files = resolve_seed_evidence(seeds, folder)
    # A user briefs the files (source ids are the file names without their extension).
    items = [folder / name for name in files]
    source_ids = [Path(name).stem for name in files]
    return ("seeds", "seeds", gold, texts, items, source_ids)


# ----------------------------------------------------------------------------- totals


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def totals(scores: list[ClusterScore]) -> dict[str, Any]:
    gold = sum(len(s.gold) for s in scores)
    matched = sum(sum(s.matched_gold) for s in scores)
    reported = sum(len(s.reported) for s in scores)
    good = sum(1 for s in scores for m in s.reported_matches if m)
    good_values = sum(1 for s in scores for v in s.reported_values_as_gold if v)
    agreeing = [s for s in scores if not s.gold]
    alarms = sum(len(s.reported) for s in agreeing)
    by_gold_kind: dict[str, dict[str, int]] = {}
    for s in scores:
        for item, hit in zip(s.gold, s.matched_gold, strict=True):
            row = by_gold_kind.setdefault(item["kind"], {"gold": 0, "matched": 0})
            row["gold"] += 1
            row["matched"] += int(hit)
    by_reported_kind: dict[str, dict[str, int]] = {}
    for s in scores:
        for item, m in zip(s.reported, s.reported_matches, strict=True):
            kind = REPORTED_KIND.get(item["kind"], item["kind"])
            row = by_reported_kind.setdefault(kind, {"reported": 0, "matched": 0})
            row["reported"] += 1
            row["matched"] += int(bool(m))
    kinds = {}
    for kind in sorted(set(by_gold_kind) | set(by_reported_kind), key=kind_order):
        g = by_gold_kind.get(kind, {"gold": 0, "matched": 0})
        r = by_reported_kind.get(kind, {"reported": 0, "matched": 0})
        kinds[kind] = {
            "gold": g["gold"],
            "gold_matched": g["matched"],
            "recall": ratio(g["matched"], g["gold"]),
            "reported": r["reported"],
            "reported_matched": r["matched"],
            "precision": ratio(r["matched"], r["reported"]),
        }
    return {
        "clusters": len(scores),
        "errors": sum(1 for s in scores if s.error),
        "gold": gold,
        "gold_matched": matched,
        "recall": ratio(matched, gold),
        "reported": reported,
        "reported_matched": good,
        "reported_matched_values_as_gold": good_values,
        "precision": ratio(good, reported),
        "agreeing_clusters": len(agreeing),
        "false_alarms_in_agreeing": alarms,
        "false_alarms_per_agreeing_cluster": ratio(alarms, len(agreeing)),
        "by_kind": kinds,
    }


def kind_order(kind: str) -> tuple[int, str]:
    return (GOLD_KINDS.index(kind) if kind in GOLD_KINDS else len(GOLD_KINDS), kind)


# ----------------------------------------------------------------------------- report


def fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def table(rows: dict[str, dict[str, Any]]) -> list[str]:
    lines = [
        "| set | clusters | gold | found | recall | reported | right | precision "
        "| agreeing clusters | false alarms there | per agreeing cluster "
        "| right with gold values |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for name, t in rows.items():
        lines.append(
            f"| {name} | {t['clusters']} | {t['gold']} | {t['gold_matched']} | {fmt(t['recall'])} "
            f"| {t['reported']} | {t['reported_matched']} | {fmt(t['precision'])} "
            f"| {t['agreeing_clusters']} | {t['false_alarms_in_agreeing']} "
            f"| {fmt(t['false_alarms_per_agreeing_cluster'])} "
            f"| {t['reported_matched_values_as_gold']} |"
        )
    return lines


def kind_table(t: dict[str, Any]) -> list[str]:
    lines = [
        "| kind | gold | found | recall | reported | right | precision |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, k in t["by_kind"].items():
        lines.append(
            f"| {kind} | {k['gold']} | {k['gold_matched']} | {fmt(k['recall'])} "
            f"| {k['reported']} | {k['reported_matched']} | {fmt(k['precision'])} |"
        )
    return lines


def quoted(text: str, limit: int = 400) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def reported_lines(s: ClusterScore, number: int, item: dict) -> list[str]:
    kind = REPORTED_KIND.get(item["kind"], item["kind"])
    near = s.reported_near_misses[number]
    tag = f" — matches gold near miss: {near_reason(s, near)}" if near else ""
    if s.reported_matches[number]:
        tag = ""
        same = s.reported_values_as_gold[number]
        tag += " — values as in the gold" if same else " — right sentences, other values"
    lines = [f"- **{s.id}** `{kind}` about *{quoted(item['about'], 120)}*{tag}"]
    for variant in item["variants"]:
        lines.append(
            f"  - `{quoted(str(variant['text']), 80)}` (value {json.dumps(variant['value'])}) "
            f"in {', '.join(variant['sources'])}"
        )
        for evidence in variant["evidence"]:
            lines.append(f"    - {evidence['source']}: “{quoted(evidence['text'])}”")
    return lines


def near_reason(s: ClusterScore, near: list[int]) -> str:
    return "; ".join(s.gold_near[k].get("why_not", "") for k in near)


def missed_lines(s: ClusterScore, number: int, item: dict) -> list[str]:
    diagnosis = s.gold_diagnosis[number] if s.gold_diagnosis else {}
    hints = []
    if diagnosis:
        if not all(diagnosis["evidence_in_one_sentence"]):
            hints.append("some evidence spans an Accord sentence boundary")
        touched = diagnosis["variants_in_some_report"]
        if any(touched):
            hints.append(f"variants carried by some reported item: {touched}")
    if s.error:
        hints.append(f"briefing failed: {s.error}")
    tail = f" ({'; '.join(hints)})" if hints else ""
    lines = [f"- **{s.id}** `{item['kind']}` about *{quoted(item['about'], 120)}*{tail}"]
    for variant in item["variants"]:
        claimant = f", claimant {variant['claimant']}" if variant.get("claimant") else ""
        lines.append(f"  - `{variant['value']}` in docs {variant['docs']}{claimant}")
        for doc, evidence in zip(variant["docs"], variant["evidence"], strict=True):
            lines.append(f"    - doc {doc}: “{quoted(evidence)}”")
    return lines


def markdown(scores: list[ClusterScore], rows: dict[str, dict], missing: list[str]) -> str:
    lines = ["# Real discrepancies: Accord against the hand-read gold", ""]
    lines += table(rows)
    for name, t in rows.items():
        lines += ["", f"## By kind: {name}", "", *kind_table(t)]
    if missing:
        lines += ["", f"Clusters without a gold file yet (not scored): {', '.join(missing)}"]
    errors = [s for s in scores if s.error]
    if errors:
        lines += ["", "## Briefings that failed", ""]
        lines += [f"- {s.id}: {s.error}" for s in errors]
    dropped = [s for s in scores if s.dropped]
    if dropped:
        lines += ["", "Documents left out because Accord refused them (empty or no text): "]
        lines += [f"- {s.id}: docs {s.dropped}" for s in dropped]
    lines += ["", "## Reported items that match no gold item (false alarms)", ""]
    for s in scores:
        for number, item in enumerate(s.reported):
            if not s.reported_matches[number]:
                lines += reported_lines(s, number, item)
    lines += ["", "## Gold items Accord did not report (misses)", ""]
    for s in scores:
        for number, item in enumerate(s.gold):
            if not s.matched_gold[number]:
                lines += missed_lines(s, number, item)
    lines += ["", "## Reported items that match gold", ""]
    for s in scores:
        for number, item in enumerate(s.reported):
            if s.reported_matches[number]:
                lines += reported_lines(s, number, item)
    return "\n".join(lines) + "\n"


def as_json(scores: list[ClusterScore], rows: dict[str, dict], missing: list[str]) -> dict:
    return {
        "totals": rows,
        "not_scored": missing,
        "clusters": [
            {
                "id": s.id,
                "sample": s.sample,
                "error": s.error,
                "dropped_documents": s.dropped,
                "gold": [
                    {"kind": g["kind"], "about": g["about"], "matched": hit, **diag}
                    for g, hit, diag in zip(
                        s.gold,
                        s.matched_gold,
                        s.gold_diagnosis or [{}] * len(s.gold),
                        strict=True,
                    )
                ],
                "reported": [
                    {
                        "kind": REPORTED_KIND.get(r["kind"], r["kind"]),
                        "about": r["about"],
                        "matches_gold": m,
                        "matches_near_miss": n,
                        "values_as_gold": g,
                        "variants": [
                            {
                                "text": v["text"],
                                "value": v["value"],
                                "sources": v["sources"],
                                "sentences": [e["text"] for e in v["evidence"]],
                            }
                            for v in r["variants"]
                        ],
                    }
                    for r, m, n, g in zip(
                        s.reported,
                        s.reported_matches,
                        s.reported_near_misses,
                        s.reported_values_as_gold or [False] * len(s.reported),
                        strict=True,
                    )
                ],
            }
            for s in scores
        ],
    }


# ----------------------------------------------------------------------------- main


def run(jobs: list[tuple], processes: int) -> list[ClusterScore]:
    if processes <= 1 or len(jobs) <= 1:
        scores = [score_cluster(job) for job in jobs]
    else:
        with Pool(processes) as pool:
            scores = list(pool.imap(score_cluster, jobs))
    return scores


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sample",
        choices=["a", "b", "c", "d", "e", "f", "g", "h", "gh", "i", "j", "k", "l", "ab", "all"],
        default="all",
    )
    parser.add_argument("--split", choices=["validation", "train"], default="validation")
    parser.add_argument("--gold", type=Path, help="gold folder (gold/ or gold-train/)")
    parser.add_argument("--seeds", action="store_true", help="score seeds.json instead")
    parser.add_argument("--seeds-file", type=Path, default=HERE / "seeds.json")
    parser.add_argument("--report", type=Path)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--jobs", type=int, default=2, choices=[1, 2])
    args = parser.parse_args(argv)

    if args.seeds:
        if not SEEDS_DIR.is_dir():
            print(f"skipped: the seed reports are not at {SEEDS_DIR}", file=sys.stderr)
            return 0
        jobs, missing = [seeds_job(args.seeds_file, SEEDS_DIR)], []
    else:
        train = args.split == "train"
        data = TRAIN_DATA if train else DATA
        if not data.exists():
            print(f"skipped: Multi-News {args.split} is not at {data}", file=sys.stderr)
            return 0
        gold = args.gold or HERE / ("gold-train" if train else "gold")
        jobs, missing = multinews_jobs("train" if train else args.sample, gold)
    scores = run(jobs, args.jobs)
    rows = {}
    for name in sorted({s.sample for s in scores}):
        rows[f"sample {name}" if name != "seeds" else "seeds"] = totals(
            [s for s in scores if s.sample == name]
        )
    if len(rows) > 1:
        rows["all"] = totals(scores)
    print("\n".join(table(rows)))
    if missing:
        print(f"{len(missing)} clusters have no gold file yet and were not scored")
    if args.report:
        args.report.write_text(markdown(scores, rows, missing), encoding="utf-8")
    if args.json:
        args.json.write_text(
            json.dumps(as_json(scores, rows, missing), indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
