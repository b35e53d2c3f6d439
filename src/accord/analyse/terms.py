"""Content terms of a text: lower-cased, stop words out, Porter-stemmed.

The same normalisation feeds TF-IDF similarity, salience and concept counts, and it does
not depend on capitals (Multi-News text is lower-cased). The stemmer is Snowball's
original Porter algorithm, the one ROUGE stems with; it imports in milliseconds, where
NLTK's costs a third of a second at every start. ``snowballstemmer`` runs Snowball's
compiled C stemmers (PyStemmer, a dependency) when they are installed: the same stems, 14
times faster than its pure-Python ones (tests/test_terms.py compares the two).
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from itertools import pairwise

import snowballstemmer

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# A compact English stop list: function words, and reporting verbs that every news
# sentence shares and that therefore say nothing about its content.
STOP_WORDS = frozenset(
    """a about above after again against all almost also although am among an and another any
    are around as at be became because been before being below between both but by can
    could did do does doing done down during each either else even ever every few for from
    further had has have having he her here hers herself him himself his how however i if in
    into is it its itself just least less many may me might more most much must my myself
    neither no nor not now of off often on once one only or other others our ours ourselves
    out over own per perhaps rather same several she should since so some such than that the
    their theirs them themselves then there these they this those though through thus to too
    under until up upon us very via was we were what whatever when where whether which while
    who whom whose why will with within without would yet you your yours yourself
    said says say saying told tells according mr ms mrs""".split()
)
_stemmer = snowballstemmer.stemmer("porter")
# The stemmer keeps the word it works on in the instance: threads take turns.
_stemmer_lock = threading.Lock()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    with _stemmer_lock:
        return _stemmer.stemWord(word)


def words(text: str) -> list[str]:
    return [w.replace("’", "'").split("'")[0] for w in WORD.findall(text.lower())]


def content_terms(text: str) -> list[str]:
    """Stemmed content words, in order, with repeats."""
    return [stem(w) for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


def bigrams(terms: list[str]) -> list[str]:
    return [f"{a} {b}" for a, b in pairwise(terms)]
