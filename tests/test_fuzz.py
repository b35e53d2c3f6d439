"""Generated hostile input: ``accord.brief`` answers with a briefing or an ``AccordError``,
never another exception, and within a time bound.

The generator is seeded (same seed, same inputs) and covers the categories of issue 10:
lone surrogates, control characters, huge numbers, long paragraphs, many short documents,
duplicates, HTML junk, mixed scripts and empty-ish documents, alone and mixed into real
reports. The fast form (a couple of dozen inputs) runs in the normal suite; the slow form
tries many more, with larger sizes. Run ``python tests/test_fuzz.py [N] [SEED]`` for the
figures (inputs tried, errors, crashes, slowest, peak RSS).
"""

from __future__ import annotations

import random
import resource
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-fire"
REPORTS = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]
SENTENCES = [s for r in REPORTS for p in r.split("\n\n") for s in p.split(". ") if s.strip()]

CONTROL = [chr(c) for c in range(32) if c not in (9, 10, 13)] + [
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200b",
    "\u200e",
    "\u202e",
    "\ufffd",
    "\U0010ffff",
]
SCRIPTS = [
    "مقتل ٣٠٠ شخص في حريق",  # Arabic, with Arabic-Indic digits
    "港口发生大火，三百人撤离。",  # Chinese
    "Пожар в порту: эвакуированы 300 человек.",  # Cyrillic
    "बंदरगाह में आग, ३०० लोग निकाले गए।",  # Devanagari
    "🔥🚒 300 people 👩‍🚒 evacuated",  # emoji, with a joiner
    "Ｋｅｌｍｏｕｔｈ　ｈａｒｂｏｕｒ　１５",  # full-width
    "e\u0301\u0301\u0301 cafe\u0301 Zoë Ørsted İstanbul straße",  # combining marks, casing
    "שריפה בנמל \u200f300\u200f אנשים",  # Hebrew with right-to-left marks
]
NUMBERS = [
    "9" * 400,
    "1e308",
    "1" + ",000" * 40,
    "0." + "0" * 300 + "1",
    "-99999999999999999999",
    "$9.99e99",
    "12.5.6.7.8",
    "1/0",
    "NaN",
    "inf",
    "٣٠٠",
    "twelve hundred thousand million billion",
    "hundreds of thousands of millions",
    "10^1000",
    "3,4,5,6,7,8,9",
]
HTML_JUNK = [
    "<html><body>" + "<div>" * 600 + "Fire at the harbour. " * 20 + "</div>" * 3,
    "<html><body><p>Unclosed <b><i><p>tags everywhere<script>alert(1)</script><p>",
    "<html><body><p>&#xD800; &#0; &#x110000; &#xFFFE; &bogus; &amp;&amp;amp;</p></body></html>",
    "<!doctype html><html><body><![CDATA[ x ]]><!-- <p>hidden</p> --><p>" + "x" * 5000,
    '<html><body><p style="' + "a" * 20000 + '">Fire.</p></body></html>',
    "<html><head><title>" + "Title " * 500 + "</title></head><body></body></html>",
    "<html><body><table>" + "<tr><td>12</td><td>15</td></tr>" * 300 + "</table></body></html>",
    "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'aaaa'>]><html><body><p>&a;&a;</p>",
]
EMPTYISH = ["", " ", "\n\n\n", ".", "a b c", "....!!!???", "\t\t", "<p></p>", "\ufeff", "- - - -"]


def _report(rng: random.Random) -> str:
    return rng.choice(REPORTS)


def _sprinkle(rng: random.Random, text: str, junk: list[str], times: int) -> str:
    pieces = list(text)
    for _ in range(times):
        pieces.insert(rng.randrange(len(pieces) + 1), rng.choice(junk))
    return "".join(pieces)


def _sentences(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(SENTENCES).strip().rstrip(".") + "." for _ in range(n))


def surrogates(rng: random.Random, scale: int) -> list[str]:
    lone = ["\ud800", "\udfff", "\udc80", "\ud83d"]
    return [_sprinkle(rng, _report(rng), lone, rng.randint(1, 3)), _report(rng)]


def control_characters(rng: random.Random, scale: int) -> list[str]:
    return [_sprinkle(rng, _report(rng), CONTROL, rng.randint(5, 60)) for _ in range(2)]


def huge_numbers(rng: random.Random, scale: int) -> list[str]:
    words = " ".join(
        f"{rng.choice(NUMBERS)} {rng.choice(['people', 'firefighters', 'dollars', '%', 'km'])}"
        for _ in range(rng.randint(5, 40 * scale))
    )
    digits = " ".join(str(rng.randrange(10 ** rng.randrange(1, 30))) for _ in range(400 * scale))
    return [f"Around {rng.choice(NUMBERS)} people were evacuated. {words}.", digits, _report(rng)]


def long_paragraph(rng: random.Random, scale: int) -> list[str]:
    return [_sentences(rng, rng.randint(60, 120) * scale), _report(rng)]


def many_short_documents(rng: random.Random, scale: int) -> list[str]:
    return [_sentences(rng, rng.randint(2, 6)) for _ in range(rng.randint(6, 12) * scale)]


def duplicates(rng: random.Random, scale: int) -> list[str]:
    report = _report(rng)
    copies = [report] * rng.randint(4, 10 * scale)
    copies.append(report.replace("300", "350").replace("Fifteen", "Twelve"))
    return copies


def html_junk(rng: random.Random, scale: int) -> list[str]:
    return [rng.choice(HTML_JUNK), "<html><body><p>" + _report(rng) + "</p></body></html>"]


def mixed_scripts(rng: random.Random, scale: int) -> list[str]:
    return [
        _sprinkle(rng, _report(rng), [f" {s} " for s in SCRIPTS], rng.randint(2, 10)),
        " ".join(rng.choice(SCRIPTS) for _ in range(rng.randint(5, 30))),
    ]


def emptyish(rng: random.Random, scale: int) -> list[str]:
    items = [rng.choice(EMPTYISH) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.5:
        items.append(_report(rng))
    return items


def mixture(rng: random.Random, scale: int) -> list[str]:
    """A few categories at once, shuffled."""
    items: list[str] = []
    for generate in rng.sample(CATEGORIES[:-1], 3):
        items += generate(rng, scale)[:2]
    rng.shuffle(items)
    return items


CATEGORIES: list[Callable[[random.Random, int], list[str]]] = [
    surrogates,
    control_characters,
    huge_numbers,
    long_paragraph,
    many_short_documents,
    duplicates,
    html_junk,
    mixed_scripts,
    emptyish,
    mixture,
]


@dataclass
class Figures:
    tried: int = 0
    briefed: int = 0
    refused: int = 0  # an AccordError: a message for the user
    crashes: list[str] = field(default_factory=list)
    slow: list[str] = field(default_factory=list)
    slowest: float = 0.0
    peak_rss_mb: int = 0


def fuzz(count: int, seed: int, bound_s: float, scale: int = 1) -> Figures:
    """Brief ``count`` generated inputs; collect what happened to each."""
    import accord
    from accord.errors import AccordError

    rng = random.Random(seed)
    figures = Figures()
    for number in range(count):
        generate = CATEGORIES[number % len(CATEGORIES)]
        items = generate(rng, scale)
        words = rng.choice([1, 40, 250])
        label = f"#{number} {generate.__name__} (seed {seed})"
        start = time.perf_counter()
        try:
            accord.brief(items, words=words).to_dict()
            figures.briefed += 1
        except AccordError:
            figures.refused += 1
        except Exception:  # what the test is looking for
            figures.crashes.append(f"{label}: {traceback.format_exc(limit=-3)}")
        elapsed = time.perf_counter() - start
        figures.tried += 1
        figures.slowest = max(figures.slowest, elapsed)
        if elapsed > bound_s:
            figures.slow.append(f"{label}: {elapsed:.1f} s")
    figures.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return figures


def test_generated_inputs_brief_or_fail_with_a_message():
    figures = fuzz(count=20, seed=10, bound_s=30)
    assert not figures.crashes, "\n".join(figures.crashes)
    assert not figures.slow, figures.slow
    assert figures.briefed and figures.refused  # both outcomes were exercised


def test_the_generator_is_deterministic():
    first = [g(random.Random(3), 1) for g in CATEGORIES]
    second = [g(random.Random(3), 1) for g in CATEGORIES]
    assert first == second


@pytest.mark.slow
def test_many_more_generated_inputs_at_larger_sizes():
    figures = fuzz(count=150, seed=2026, bound_s=120, scale=3)
    assert not figures.crashes, "\n".join(figures.crashes)
    assert not figures.slow, figures.slow


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2026
    scale = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    result = fuzz(count, seed, bound_s=120, scale=scale)
    print(
        f"tried {result.tried}, briefed {result.briefed}, refused {result.refused}, "
        f"crashes {len(result.crashes)}, over 120 s {len(result.slow)}, "
        f"slowest {result.slowest:.1f} s, peak RSS {result.peak_rss_mb} MB"
    )
    for line in result.crashes + result.slow:
        print(line)
