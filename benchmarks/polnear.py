"""Attribution on real political news: Accord's quotes and attributions against PolNeAR.

PolNeAR (Newell, Margolin and Ruths, LREC 2018) annotates every attribution of 924 news
articles as a *source* (who), a *cue* (says, thinks, according to ...) and a *content*
(what), with character offsets (brat standoff; ``E`` lines tie one attribution's spans).
Where an article has several annotators' files, the first annotator in sorted order is
the gold. Accord reads each article's text as it is (the text is already clean), and its
quotes and attributions are scored against the gold:

(a) **Direct-quote coverage.** A *gold quote* is a quoted stretch (between quote marks,
    or from an opening mark to the end of the content when it runs on) of at least four
    words inside a gold content span. It is *found* when Accord's quotes cover at least
    half of its characters.
(b) **Speaker accuracy where the gold source is a name.** For found gold quotes whose
    source span contains a capitalised name (a capitalised word that is not a pronoun,
    determiner or title, and that the split's text capitalises more often than not in
    mid-sentence; "Officials said" is not a name), the speaker of the Accord quote that
    covers most of it is *right* when, both normalised (case and accents folded, titles
    such as "Mr." or "Gov." and possessives dropped), a name word of Accord's speaker is
    a name word of the gold source (surname match or token overlap), or, for a speaker
    with no name word ("a spokesman"), all its words are in the gold source. Gold sources
    that are only a pronoun ("he said") are out of scope (resolving them needs the
    annotation of coreference PolNeAR does not have); they are counted, not scored.
    Reported: right / found (a quote left without a speaker is not right) and
    right / attributed (of the quotes Accord gives a speaker, how many to the right one).
(c) **Precision of speakers.** Every Accord quote that has a speaker is matched to the
    gold attribution whose content covers most of it: *right* (named gold source, as in
    b), *wrong* (named gold source, other speaker; or a gold attribution with no source),
    *unjudged* (pronoun gold source), or *no attribution* (the gold has none there: a
    title, a scare quote, a nested quote).
(d) **Indirect speech.** Gold attributions with no gold quote in their content, against
    Accord's attributions of kind ``indirect``. Span level, per role: a predicted span
    matches a gold span of the same role when their shared word tokens are at least half
    of the longer one's tokens. An attribution is matched by its cue; source and content
    are then scored within matched attributions only for the detail columns, while the
    headline precision / recall / F1 per role count every predicted and every gold span
    of that role (a prediction that matches a gold *direct* attribution is neither right
    nor wrong). Token-level F1 per role (share of predicted tokens inside a gold span of
    the role, share of gold tokens inside a predicted one) is given too.

    python benchmarks/polnear.py [--split train|dev] [--limit N] [--stride K] [--offset I]
        [--json FILE] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "polnear"
MIN_QUOTE_WORDS = 4
COVERED = 0.5  # share of a gold quote's characters Accord's quotes must cover
SPAN_MATCH = 0.5  # shared tokens / tokens of the longer span, for a span to match
TARGETS = {"coverage": 0.85, "speaker": 0.9}

TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "gov",
    "governor",
    "sen",
    "senator",
    "rep",
    "representative",
    "president",
    "secretary",
    "gen",
    "general",
    "lt",
    "col",
    "sgt",
    "capt",
    "rev",
    "judge",
    "speaker",
    "mayor",
    "vice",
    "former",
    "sir",
    "lady",
    "lord",
}
NOT_NAMES = {
    "i",
    "he",
    "she",
    "it",
    "we",
    "they",
    "you",
    "the",
    "a",
    "an",
    "his",
    "her",
    "their",
    "its",
    "my",
    "our",
    "your",
    "this",
    "that",
    "these",
    "those",
    "who",
    "which",
    "one",
    "some",
    "many",
    "most",
    "both",
    "all",
    "others",
    "another",
}
QUOTED = re.compile(r"[“\"]([^“”\"]*)(?:[”\"]|$)")
WORD = re.compile(r"\w+(?:['’]\w+)*")


# --- gold ----------------------------------------------------------------------------------


@dataclass(slots=True)
class GoldAttribution:
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)
    content: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    name: str
    text: str
    gold: list[GoldAttribution]


SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t", re.M)


def parse_ann(ann: str) -> list[GoldAttribution]:
    """Attributions of one brat file: spans (possibly discontinuous) tied by ``E`` lines."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for match in SPAN_LINE.finditer(ann):
        pieces = []
        for piece in match.group(3).split(";"):
            start, end = piece.split()
            pieces.append((int(start), int(end)))
        spans[match.group(1)] = pieces
    found: list[GoldAttribution] = []
    for line in ann.splitlines():
        if not line.startswith("E"):
            continue
        attribution = GoldAttribution()
        for arg in line.split("\t", 1)[-1].split():
            role, _, ref = arg.partition(":")
            role = role.rstrip("0123456789").lower()
            if role in ("source", "cue", "content") and ref in spans:
                getattr(attribution, role).extend(spans[ref])
        if attribution.cue or attribution.content:
            found.append(attribution)
    return found


def load(split: str, limit: int | None = None, stride: int = 1, offset: int = 0) -> list[Article]:
    folder = DATA / split
    articles = []
    for path in sorted((folder / "text").glob("*.txt"))[offset::stride]:
        name = path.stem
        anns = sorted((folder / "attributions").glob(f"{name}_*.ann"))
        if not anns:
            continue
        text = path.read_text(encoding="utf-8")
        articles.append(Article(name, text, parse_ann(anns[0].read_text(encoding="utf-8"))))
        if limit and len(articles) >= limit:
            break
    return articles


# --- Accord ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Predicted:
    """One quote or attribution of Accord, in offsets of the article text."""

    kind: str  # "direct" or "indirect"
    speaker: str | None
    content: tuple[int, int]
    source: tuple[int, int] | None = None
    cue: tuple[int, int] | None = None


def accord_attributions(name: str, text: str) -> list[Predicted]:
    """Run Accord's analysis on one article: its direct quotes and its attributions.

    The only place that calls Accord, so that it can follow changes of its API.
    """
    from accord.analyse import analyse
    from accord.model import Document

    (doc,) = analyse([Document(id=name, raw=text, text=text)])
    found = [Predicted("direct", q.speaker, (q.start, q.end)) for q in doc.quotes]
    for a in getattr(doc, "attributions", []):
        if a.kind != "indirect":
            continue
        found.append(
            Predicted(
                "indirect",
                a.source,
                (a.content_start, a.content_end),
                (a.source_start, a.source_end) if a.source_end > a.source_start else None,
                (a.cue_start, a.cue_end),
            )
        )
    return found


# --- scoring helpers -------------------------------------------------------------------------


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


def name_words(text: str, capitalised: dict[str, bool]) -> set[str]:
    """Normalised name words of a speaker or source: capitalised, not titles or pronouns."""
    words = set()
    for word in WORD.findall(fold(text)):
        word = re.sub(r"'s?$", "", word)
        low = word.lower()
        if not word[:1].isupper() or low in TITLES or low in NOT_NAMES:
            continue
        if not capitalised.get(low, True):
            continue
        words.add(low)
    return words


def plain_words(text: str) -> set[str]:
    return {re.sub(r"'s?$", "", w).lower() for w in WORD.findall(fold(text))} - NOT_NAMES


def capitalisation(articles: list[Article]) -> dict[str, bool]:
    """Whether each word is capitalised more often than not where it is not first."""
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for article in articles:
        for match in re.finditer(r"(?<=[a-z,;] )(\w+)", fold(article.text)):
            word = match.group(1)
            (upper if word[:1].isupper() else lower)[word.lower()] += 1
    return {w: upper[w] >= lower[w] for w in set(upper) | set(lower)}


def speaker_right(speaker: str, gold_source: str, capitalised: dict[str, bool]) -> bool:
    got = name_words(speaker, capitalised)
    want = name_words(gold_source, capitalised)
    if got:
        return bool(got & want)
    words = plain_words(speaker) - TITLES
    return bool(words) and words <= plain_words(gold_source)


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def tokens(text: str, spans: list[tuple[int, int]]) -> set[int]:
    """Start offsets of the word tokens inside the spans."""
    found = set()
    for start, end in spans:
        found |= {start + m.start() for m in WORD.finditer(text[start:end])}
    return found


def span_match(text: str, a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    ta, tb = tokens(text, a), tokens(text, b)
    return bool(ta and tb) and len(ta & tb) >= SPAN_MATCH * max(len(ta), len(tb))


def gold_quotes(text: str, attribution: GoldAttribution) -> list[tuple[int, int]]:
    """Quoted stretches of at least four words in a gold content."""
    found = []
    for start, end in attribution.content:
        for match in QUOTED.finditer(text[start:end]):
            if len(WORD.findall(match.group(1))) >= MIN_QUOTE_WORDS:
                found.append((start + match.start(), start + match.end()))
    return found


def span_text(text: str, spans: list[tuple[int, int]]) -> str:
    return " ".join(text[a:b] for a, b in spans)


# --- the benchmark ---------------------------------------------------------------------------


@dataclass
class Tally:
    articles: int = 0
    gold_quotes: int = 0
    found: int = 0
    named: int = 0  # found gold quotes whose source is a name
    named_attributed: int = 0
    named_right: int = 0
    pronoun_source: int = 0
    no_source: int = 0
    precision: Counter[str] = field(default_factory=Counter)
    roles: dict[str, Counter[str]] = field(default_factory=dict)
    seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)


ROLES = ("source", "cue", "content")


def score_article(
    article: Article, predicted: list[Predicted], capitalised: dict[str, bool], tally: Tally
) -> None:
    text = article.text
    quotes = [p for p in predicted if p.kind == "direct"]
    direct_gold: list[GoldAttribution] = []
    for gold in article.gold:
        segments = gold_quotes(text, gold)
        if segments:
            direct_gold.append(gold)
        source_text = span_text(text, gold.source)
        for segment in segments:
            tally.gold_quotes += 1
            covered = sum(overlap(segment, q.content) for q in quotes)
            if covered < COVERED * (segment[1] - segment[0]):
                tally.misses.append({"article": article.name, "quote": text[slice(*segment)]})
                continue
            tally.found += 1
            if not gold.source:
                tally.no_source += 1
                continue
            if not name_words(source_text, capitalised):
                tally.pronoun_source += 1
                continue
            tally.named += 1
            best = max(quotes, key=lambda q: overlap(segment, q.content))
            if best.speaker is not None:
                tally.named_attributed += 1
            if best.speaker is not None and speaker_right(best.speaker, source_text, capitalised):
                tally.named_right += 1
            else:
                tally.errors.append(
                    {
                        "article": article.name,
                        "got": best.speaker,
                        "gold": source_text,
                        "quote": text[slice(*segment)][:120],
                    }
                )
    for quote in quotes:
        if quote.speaker is None:
            continue
        best_gold, best_overlap = None, 0
        for gold in article.gold:
            shared = sum(overlap(quote.content, c) for c in gold.content)
            if shared > best_overlap:
                best_gold, best_overlap = gold, shared
        length = quote.content[1] - quote.content[0]
        if best_gold is None or best_overlap < COVERED * length:
            tally.precision["no attribution"] += 1
            continue
        source_text = span_text(text, best_gold.source)
        if not best_gold.source:
            tally.precision["wrong"] += 1
        elif not name_words(source_text, capitalised):
            tally.precision["unjudged"] += 1
        elif speaker_right(quote.speaker, source_text, capitalised):
            tally.precision["right"] += 1
        else:
            tally.precision["wrong"] += 1
    _score_indirect(article, predicted, direct_gold, tally)


def _score_indirect(
    article: Article, predicted: list[Predicted], direct_gold: list[GoldAttribution], tally: Tally
) -> None:
    text = article.text
    indirect_gold = [g for g in article.gold if not any(g is d for d in direct_gold)]
    system = [p for p in predicted if p.kind == "indirect"]
    for role in ROLES:
        counts = tally.roles.setdefault(role, Counter())
        gold_spans = [getattr(g, role) for g in indirect_gold if getattr(g, role)]
        direct_spans = [getattr(g, role) for g in direct_gold if getattr(g, role)]
        pred_spans = [[_role_span(p, role)] for p in system if _role_span(p, role)]
        counts["gold"] += len(gold_spans)
        counts["recalled"] += sum(
            any(span_match(text, g, p) for p in pred_spans) for g in gold_spans
        )
        for p in pred_spans:
            if any(span_match(text, g, p) for g in gold_spans):
                counts["predicted"] += 1
                counts["right"] += 1
            elif not any(span_match(text, g, p) for g in direct_spans):
                counts["predicted"] += 1
        gold_tokens = set().union(*(tokens(text, g) for g in gold_spans)) if gold_spans else set()
        all_gold = gold_tokens | (
            set().union(*(tokens(text, g) for g in direct_spans)) if direct_spans else set()
        )
        pred_tokens = set().union(*(tokens(text, p) for p in pred_spans)) if pred_spans else set()
        counts["gold_tokens"] += len(gold_tokens)
        counts["gold_tokens_hit"] += len(gold_tokens & pred_tokens)
        direct_only = pred_tokens & (all_gold - gold_tokens)
        counts["pred_tokens"] += len(pred_tokens - direct_only)
        counts["pred_tokens_hit"] += len(pred_tokens & gold_tokens)


def _role_span(p: Predicted, role: str) -> tuple[int, int] | None:
    return {"source": p.source, "cue": p.cue, "content": p.content}[role]


def run(split: str, limit: int | None = None, stride: int = 1, offset: int = 0) -> Tally:
    articles = load(split, limit, stride, offset)
    capitalised = capitalisation(articles)
    tally = Tally(articles=len(articles))
    started = time.perf_counter()
    for article in articles:
        score_article(article, accord_attributions(article.name, article.text), capitalised, tally)
    tally.seconds = time.perf_counter() - started
    return tally


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def report(tally: Tally, split: str) -> dict[str, Any]:
    prec = tally.precision
    judged = prec["right"] + prec["wrong"]
    indirect = {}
    for role, c in tally.roles.items():
        p = c["right"] / c["predicted"] if c["predicted"] else 0.0
        r = c["recalled"] / c["gold"] if c["gold"] else 0.0
        tp = c["pred_tokens_hit"] / c["pred_tokens"] if c["pred_tokens"] else 0.0
        tr = c["gold_tokens_hit"] / c["gold_tokens"] if c["gold_tokens"] else 0.0
        indirect[role] = {
            "gold": c["gold"],
            "predicted": c["predicted"],
            "precision": p,
            "recall": r,
            "f1": f1(p, r),
            "token_f1": f1(tp, tr),
        }
    return {
        "split": split,
        "articles": tally.articles,
        "gold_quotes": tally.gold_quotes,
        "found": tally.found,
        "coverage": tally.found / max(1, tally.gold_quotes),
        "named_source": tally.named,
        "named_attributed": tally.named_attributed,
        "named_right": tally.named_right,
        "speaker_right_of_found": tally.named_right / max(1, tally.named),
        "speaker_right_of_attributed": tally.named_right / max(1, tally.named_attributed),
        "pronoun_source": tally.pronoun_source,
        "no_source": tally.no_source,
        "speaker_precision": dict(prec),
        "speaker_precision_judged": prec["right"] / max(1, judged),
        "indirect": indirect,
        "seconds": round(tally.seconds, 1),
    }


def table(r: dict[str, Any]) -> str:
    prec = r["speaker_precision"]
    lines = [
        f"PolNeAR {r['split']}: {r['articles']} articles ({r['seconds']} s)",
        f"{'measure':<46} {'value':>8} {'count':>14}",
        f"{'direct quotes found (coverage)':<46} {r['coverage']:>8.3f} "
        f"{r['found']:>6}/{r['gold_quotes']:<7}",
        f"{'speaker right, named gold source, of found':<46} "
        f"{r['speaker_right_of_found']:>8.3f} {r['named_right']:>6}/{r['named_source']:<7}",
        f"{'speaker right, named gold source, of attributed':<46} "
        f"{r['speaker_right_of_attributed']:>8.3f} "
        f"{r['named_right']:>6}/{r['named_attributed']:<7}",
        f"{'  (found with pronoun source / no source)':<46} {'':>8} "
        f"{r['pronoun_source']:>6}/{r['no_source']:<7}",
        f"{'speakers given: right of judged':<46} {r['speaker_precision_judged']:>8.3f} "
        f"{prec.get('right', 0):>6}/{prec.get('right', 0) + prec.get('wrong', 0):<7}",
        f"{'  (unjudged: pronoun gold / no gold attribution)':<46} {'':>8} "
        f"{prec.get('unjudged', 0):>6}/{prec.get('no attribution', 0):<7}",
        "",
        f"indirect speech {'gold':>6} {'pred':>6} {'P':>6} {'R':>6} {'F1':>6} {'tok F1':>7}",
    ]
    for role, v in r["indirect"].items():
        lines.append(
            f"{role:<15} {v['gold']:>6} {v['predicted']:>6} {v['precision']:>6.3f} "
            f"{v['recall']:>6.3f} {v['f1']:>6.3f} {v['token_f1']:>7.3f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "dev"), default="dev")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--stride", type=int, default=1, help="every Nth article only")
    parser.add_argument(
        "--offset", type=int, default=0, help="start at this article (with --stride: a half)"
    )
    parser.add_argument("--json", type=Path, help="write the figures and errors here")
    parser.add_argument("--errors", type=int, default=0, help="print N speaker errors")
    args = parser.parse_args(argv)
    if not (DATA / args.split).exists():
        print(f"no data at {DATA / args.split}: PolNeAR is needed", file=sys.stderr)
        return 2
    tally = run(args.split, args.limit, args.stride, args.offset)
    figures = report(tally, args.split)
    print(table(figures))
    for error in tally.errors[: args.errors]:
        print(json.dumps(error, ensure_ascii=False))
    if args.json:
        figures["errors"] = tally.errors
        figures["misses"] = tally.misses
        args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
