"""Choose the Multi-News validation clusters of the real-discrepancy gold set.

Every sample is deterministic and was drawn before any rule was looked at.

* ``clusters.txt`` (sample A, 48): clusters with at least two documents of 40+ words,
  ``random.Random(9)``. Truncated Multi-News documents overlap little, so A holds few
  disagreements (3 in 48) and mostly measures false alarms on agreeing coverage.
* ``clusters-b.txt`` (sample B, 60): enriched for overlap, so that recall has enough
  items: at least three documents of 60+ words, and some pair of them sharing at least 20%
  of their words (Jaccard of lower-cased words of 4+ letters), ``random.Random(10)``,
  excluding sample A. The enrichment looks only at shared vocabulary, never at values or at
  anything Accord computes.
* ``clusters-c.txt`` (sample C, 40): heavier overlap, after A and B showed how rarely
  truncated coverage states one fact twice: at least three documents of 80+ words, some
  pair sharing at least 25% of their words, ``random.Random(11)``, excluding A and B.
* ``clusters-d.txt`` (sample D, 40): a second held-out sample drawn like C (80+ words,
  25% shared words), ``random.Random(13)``, excluding A, B and C; read blind, before
  Accord was run on any of its clusters.
* ``clusters-e.txt`` (sample E, 40): a third held-out sample drawn like D (80+ words,
  25% shared words), ``random.Random(15)``, excluding A, B, C and D; read blind, before
  Accord was run on any of its clusters.
* ``clusters-f.txt`` (sample F, 40): a fourth held-out sample drawn like E,
  ``random.Random(16)``, excluding A to E; read blind the same way.
* ``clusters-g.txt`` (sample G, 40): a fifth held-out sample drawn like F,
  ``random.Random(19)``, excluding A to F; read blind the same way, after F's figures and
  the rules written from F were in (``Random(17)`` and ``(18)`` drew the judged train samples).
* ``clusters-h.txt`` (sample H, 60): a sixth held-out sample drawn like G,
  ``random.Random(21)``, excluding A to G, after G's gold gave only four disagreements in
  40 clusters (too few to measure recall alone), excluding also validation-4000..4299 (an
  unlabelled pool read during development); read blind the same way.
* ``clusters-i.txt`` (sample I, 60): a seventh held-out sample drawn like H,
  ``random.Random(23)``, excluding A to H, validation-4000..4299 and also
  validation-2000..3999 (briefed, unlabelled, while looking for missed frames in round 7);
  drawn at the start of round 8 and read blind before Accord was run on any of its clusters.
* ``clusters-j.txt`` (sample J, 60): an eighth held-out sample, ``random.Random(25)``,
  excluding A to I and the same unlabelled pools; drawn like I but with 20% shared words
  (only 12 clusters with 25% were left), at the start
  of round 9 and read blind before Accord was run on any of its clusters.
* ``clusters-k.txt`` (sample K, 80): a ninth held-out sample, ``random.Random(27)``, drawn
  like J (20% shared words) excluding A to J and the same pools, 80 rather than 60 because
  J held only 7 disagreements; drawn at the start of round 10 and read blind before Accord
  was run on any of its clusters.
* ``clusters-l.txt`` (sample L, 70): a tenth held-out sample, the whole rest of the 20%
  pool after K, in ``random.Random(29)`` order; drawn in round 10 after K was scored, so
  that the rules written after K's draw are measured on clusters nobody had read.

* ``clusters-train.txt`` (development sample, 80): drawn like C but from the *train* split,
  ``random.Random(12)``, when ``--train FILE`` is given, followed by 30 more drawn the same
  way with ``random.Random(14)`` from the rest (80 in all). Rules are developed against this
  sample (and PolNeAR train); the validation samples only measure.
* ``clusters-train2.txt`` (second development sample, 100): drawn the same way with
  ``random.Random(22)``, excluding the first and the judged samples r17 and r18, in round 7,
  when the held-out recall (0.15 on G and H) showed how far the first dev sets were fitted.
* ``clusters-train3.txt`` (third development sample, 100): drawn the same way with
  ``random.Random(24)``, excluding the first two and the judged samples r17, r18 and r20, in
  round 8, when train2's 14 disagreements proved too few to learn the missing frames from.
* ``clusters-train4.txt`` (fourth development sample, 100): drawn the same way with
  ``random.Random(28)``, excluding the first three, in round 10; and train5 (100,
  ``random.Random(30)``) after it, late in round 10.

    python benchmarks/realgold/select.py ../shared/data/multinews/validation.jsonl.gz \
        [--train ../shared/data/multinews/train.jsonl.gz]
"""

from __future__ import annotations

import gzip
import itertools
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{4,}", text.lower()))


def eligible_a(record: dict) -> bool:
    return sum(1 for d in record["documents"] if len(d.split()) >= 40) >= 2


def overlapping(record: dict, min_words: int, share: float) -> bool:
    docs = [words(d) for d in record["documents"] if len(d.split()) >= min_words]
    if len(docs) < 3:
        return False
    return any(len(a & b) / len(a | b) >= share for a, b in itertools.combinations(docs, 2))


def read(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def main() -> None:
    records = read(Path(sys.argv[1]))
    sample_a = random.Random(9).sample([r["id"] for r in records if eligible_a(r)], 48)
    pool_b = [r["id"] for r in records if overlapping(r, 60, 0.2) and r["id"] not in sample_a]
    sample_b = random.Random(10).sample(pool_b, 60)
    taken = {*sample_a, *sample_b}
    pool_c = [r["id"] for r in records if overlapping(r, 80, 0.25) and r["id"] not in taken]
    sample_c = random.Random(11).sample(pool_c, 40)
    taken |= set(sample_c)
    pool_d = [r["id"] for r in records if overlapping(r, 80, 0.25) and r["id"] not in taken]
    sample_d = random.Random(13).sample(pool_d, 40)
    samples = {"clusters.txt": sample_a, "clusters-b.txt": sample_b, "clusters-c.txt": sample_c}
    taken |= set(sample_d)
    pool_e = [r["id"] for r in records if overlapping(r, 80, 0.25) and r["id"] not in taken]
    sample_e = random.Random(15).sample(pool_e, 40)
    samples["clusters-d.txt"] = sample_d
    samples["clusters-e.txt"] = sample_e
    taken |= set(sample_e)
    pool_f = [r["id"] for r in records if overlapping(r, 80, 0.25) and r["id"] not in taken]
    samples["clusters-f.txt"] = random.Random(16).sample(pool_f, 40)
    taken |= set(samples["clusters-f.txt"])
    pool_g = [r["id"] for r in records if overlapping(r, 80, 0.25) and r["id"] not in taken]
    samples["clusters-g.txt"] = random.Random(19).sample(pool_g, 40)
    taken |= set(samples["clusters-g.txt"])
    # validation-4000..4299 are an unlabelled pool that development reads (round 7).
    taken |= {f"validation-{n}" for n in range(4000, 4300)}
    pool_h = [r["id"] for r in records if overlapping(r, 80, 0.25) and r["id"] not in taken]
    samples["clusters-h.txt"] = random.Random(21).sample(pool_h, 60)
    taken |= set(samples["clusters-h.txt"])
    # validation-2000..3999 were briefed while looking for missed frames (round 7).
    taken |= {f"validation-{n}" for n in range(2000, 4000)}
    pool_i = [r["id"] for r in records if overlapping(r, 80, 0.25) and r["id"] not in taken]
    samples["clusters-i.txt"] = random.Random(23).sample(pool_i, 60)
    taken |= set(samples["clusters-i.txt"])
    # Only 12 clusters with 25% shared words are left: J takes 20%, as sample B did.
    pool_j = [r["id"] for r in records if overlapping(r, 80, 0.2) and r["id"] not in taken]
    samples["clusters-j.txt"] = random.Random(25).sample(pool_j, 60)
    taken |= set(samples["clusters-j.txt"])
    # J held 7 disagreements in 60: K takes 80 of the same 20% pool.
    pool_k = [r["id"] for r in records if overlapping(r, 80, 0.2) and r["id"] not in taken]
    samples["clusters-k.txt"] = random.Random(27).sample(pool_k, 80)
    taken |= set(samples["clusters-k.txt"])
    # L takes the whole rest of the 20% pool (70), in a seeded order.
    pool_l = [r["id"] for r in records if overlapping(r, 80, 0.2) and r["id"] not in taken]
    samples["clusters-l.txt"] = random.Random(29).sample(pool_l, len(pool_l))
    if len(sys.argv) > 3 and sys.argv[2] == "--train":
        train = [r["id"] for r in read(Path(sys.argv[3])) if overlapping(r, 80, 0.25)]
        first = random.Random(12).sample(train, 50)
        more = random.Random(14).sample([t for t in train if t not in set(first)], 30)
        samples["clusters-train.txt"] = first + more
        judged = {
            line
            for name in ("train-r17-ids.txt", "train-r18-ids.txt")
            for line in (HERE / "judged" / name).read_text("utf-8").split()
        }
        rest = [t for t in train if t not in {*first, *more, *judged}]
        samples["clusters-train2.txt"] = random.Random(22).sample(rest, 100)
        r20 = set((HERE / "judged" / "train-r20-ids.txt").read_text("utf-8").split())
        rest = [t for t in rest if t not in {*samples["clusters-train2.txt"], *r20}]
        samples["clusters-train3.txt"] = random.Random(24).sample(rest, 100)
        rest = [t for t in rest if t not in set(samples["clusters-train3.txt"])]
        samples["clusters-train4.txt"] = random.Random(28).sample(rest, 100)
        rest = [t for t in rest if t not in set(samples["clusters-train4.txt"])]
        samples["clusters-train5.txt"] = random.Random(30).sample(rest, 100)
    for name, ids in samples.items():
        (HERE / name).write_text("\n".join(ids) + "\n", encoding="utf-8")
        print(f"{name}: {len(ids)} clusters")


if __name__ == "__main__":
    main()
