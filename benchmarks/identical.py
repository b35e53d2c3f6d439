"""Are briefings unchanged by a speed change, and what do Accord's own stages cost?

    python benchmarks/identical.py [--clusters 200] [--write FILE | --check FILE]
                                   [--repeat 2] [--profile N] [--prepared FILE]

Briefs the first ``--clusters`` Multi-News validation clusters (the documents of five
words or more, as the evaluation harness hands them over), the bundled example and the
seeds (these two through fresh ``accord brief ... -f json`` processes), and prints the
SHA-1 of each JSON briefing; ``--write`` saves them, ``--check`` compares with a saved
file and exits 1 on any difference.

The validation clusters are cleaned and analysed (spaCy) once; each timing round then
runs align, compare and summarise on a fresh copy of every prepared cluster, with the
bounded memo caches emptied, and reports their CPU seconds (the fastest of ``--repeat``
rounds; CPU time, not wall time, since the machine is shared). ``--profile N`` instead
profiles those three stages on the first N clusters and prints the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import hashlib
import io
import json
import pickle
import pstats
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path("/work/shared") if Path("/work/shared").is_dir() else ROOT.parent / "shared"
DATA = SHARED / "data" / "multinews" / "validation.jsonl.gz"
INPUTS = {"example": ROOT / "examples" / "harbour-fire", "seeds": SHARED / "seeds"}


def prepared_clusters(count: int) -> list[tuple[str, bytes]]:
    """Each cluster cleaned and analysed, pickled so that every round starts afresh."""
    from accord.evaluate.data import read_clusters, texts_of
    from accord.ingest.sources import read_items
    from accord.pipeline import MIN_ARTICLE_WORDS, prepare

    found = []
    for number, item in enumerate(read_clusters(DATA, count)):
        texts = [t for t in texts_of(item) if len(t.split()) >= MIN_ARTICLE_WORDS]
        if texts:
            found.append((f"validation-{number:04d}", pickle.dumps(prepare(read_items(texts)))))
    return found


# In a briefing, analysis has just stemmed every word of the cluster: later stages find
# the stems cached, so a timing round keeps them too.
WARM_FROM_ANALYSIS = {("accord.analyse.terms", "stem")}


def empty_memo_caches() -> None:
    """Empty the bounded ``lru_cache`` memos (per text or name) of Accord's modules but the
    stems; the once-only loads (the model, the scorer, the gazetteer tables) are kept."""
    for obj in gc.get_objects():
        if not isinstance(obj, functools._lru_cache_wrapper):
            continue
        name = (obj.__module__, obj.__qualname__)
        if obj.__module__.startswith("accord") and name not in WARM_FROM_ANALYSIS:
            maxsize = obj.cache_parameters()["maxsize"]
            if maxsize is not None and maxsize > 1:
                obj.cache_clear()


def warm_stems(prepared: list[tuple[str, bytes]]) -> None:
    """Stem every sentence's words, as analysis did (prepared clusters may come from a file)."""
    from accord.analyse.terms import content_terms

    for _, data in prepared:
        for doc in pickle.loads(data).documents:
            for sentence in doc.sentences:
                content_terms(sentence.text)


def stage_round(prepared: list[tuple[str, bytes]]) -> tuple[float, dict[str, str]]:
    """CPU seconds of align + compare + summarise over the clusters, and each JSON's SHA-1."""
    from accord.pipeline import BriefOptions, brief_cluster
    from accord.render import to_json

    empty_memo_caches()
    spent, hashes = 0.0, {}
    for name, data in prepared:
        cluster = pickle.loads(data)
        start = time.process_time()
        briefing = brief_cluster(cluster, BriefOptions())
        spent += time.process_time() - start
        hashes[name] = hashlib.sha1(to_json(briefing).encode("utf-8")).hexdigest()
    return spent, hashes


def cli_hashes() -> dict[str, str]:
    hashes = {}
    for name, path in INPUTS.items():
        # The JSON names each file by the path given: relative to the checkout, so that two
        # checkouts (main and a worktree) give the same bytes.
        given = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        out = subprocess.run(
            [sys.executable, "-m", "accord", "brief", str(given), "-f", "json"],
            check=True,
            capture_output=True,
            cwd=ROOT,
        ).stdout
        hashes[name] = hashlib.sha1(out).hexdigest()
    return hashes


def profile(prepared: list[tuple[str, bytes]]) -> None:
    from accord.pipeline import BriefOptions, brief_cluster

    brief_cluster(pickle.loads(prepared[0][1]), BriefOptions())  # loads the tables, not profiled
    empty_memo_caches()
    clusters = [pickle.loads(data) for _, data in prepared]
    profiler = cProfile.Profile()
    profiler.enable()
    for cluster in clusters:
        brief_cluster(cluster, BriefOptions())
    profiler.disable()
    for order in ("tottime", "cumulative"):
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats(order).print_stats(60)
        print(text.getvalue())
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_callers(25)
    print(text.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--write", type=Path)
    parser.add_argument("--check", type=Path)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--no-cli", action="store_true", help="leave out the example and seeds")
    parser.add_argument(
        "--prepared",
        type=Path,
        help="keep the prepared clusters in this file and reuse them (only while cleaning, "
        "analysis and the model's classes are unchanged)",
    )
    args = parser.parse_args()

    start = time.process_time()
    count = args.profile or args.clusters
    if args.prepared and args.prepared.is_file():
        prepared = pickle.loads(args.prepared.read_bytes())[:count]
    else:
        prepared = prepared_clusters(count)
        if args.prepared:
            args.prepared.write_bytes(pickle.dumps(prepared))
    print(f"prepared {len(prepared)} clusters in {time.process_time() - start:.2f} CPU s")
    warm_stems(prepared)
    if args.profile:
        profile(prepared)
        return 0
    rounds = [stage_round(prepared) for _ in range(max(1, args.repeat))]
    hashes = rounds[0][1]
    if any(r[1] != hashes for r in rounds):
        print("briefings differ between rounds: output is not deterministic")
        return 1
    seconds = [r[0] for r in rounds]
    print(
        f"align + compare + summarise, {len(prepared)} clusters: best {min(seconds):.2f} "
        f"CPU s ({', '.join(f'{s:.2f}' for s in seconds)})"
    )
    if not args.no_cli:
        hashes |= cli_hashes()
    if args.write:
        args.write.write_text(json.dumps(hashes, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {len(hashes)} hashes to {args.write}")
    if args.check:
        saved = json.loads(args.check.read_text(encoding="utf-8"))
        differ = sorted(k for k in saved.keys() | hashes.keys() if saved.get(k) != hashes.get(k))
        print(f"{len(hashes) - len(differ)} of {len(saved)} briefings identical")
        for name in differ:
            print(f"  differs: {name}")
        return 1 if differ else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
