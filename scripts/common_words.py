"""Learn which gazetteer names are ordinary English words, from a cased corpus.

Lower-cased text (Multi-News) hides the capital that tells "bank" the word from Bank the
town, so a name the gazetteer knows is taken as a place there only if it is not a common
word. A word is common when, in normally written text (PolNeAR **train**: 840 political
news articles), it is seen lower-case in mid-sentence at least ``MIN_LOWER`` times and
more often lower-case than capitalised. Only gazetteer names are kept (the list is for
them), so the file stays small.

    python scripts/common_words.py [POLNEAR_TRAIN_TEXT_DIR] > src/accord/data/common_words.txt
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from accord.analyse.gazetteer import is_place

MIN_LOWER = 2
WORD = re.compile(r"(?<![\w.'’-])([A-Za-z][a-z]+)(?![\w'’-])")
SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”(]\s*|\n\s*)$")


def counts(texts: list[str]) -> tuple[Counter[str], Counter[str]]:
    """(lower-case mid-sentence uses, capitalised mid-sentence uses) of each word."""
    lower: Counter[str] = Counter()
    upper: Counter[str] = Counter()
    for text in texts:
        for match in WORD.finditer(text):
            word = match.group(1)
            if SENTENCE_START.search(text[max(0, match.start() - 3) : match.start()]):
                continue  # a capital there says nothing
            (lower if word.islower() else upper)[word.lower()] += 1
    return lower, upper


def common_place_words(texts: list[str]) -> list[str]:
    lower, upper = counts(texts)
    return sorted(w for w, n in lower.items() if n >= MIN_LOWER and n > upper[w] and is_place(w))


def main() -> None:
    root = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else root
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    print("# Gazetteer names that are ordinary words (scripts/common_words.py, PolNeAR train)")
    print("\n".join(common_place_words(texts)))


if __name__ == "__main__":
    main()
