"""One identity per person and organisation across the reports of a cluster.

Reports name one person in several ways: with and without a middle name or initial
("Paul R. Smith" / "Paul Smith", "Hillary Rodham Clinton" / "Hillary Clinton"), with a
title ("Ms. Smith", "Gov. Rick Jones", "General-Major Igor Konashenkov"), by surname
only ("Smith"), in the possessive ("Smith's"); organisations by a short form ("Amnesty"
for "Amnesty International") or an abbreviation ("the DNC"). :class:`Identities` groups
the names of a cluster so that each resolves to one canonical name, the fullest form the
reports use. A surname alone joins a full name only when it is unambiguous: with both
"Bill Clinton" and "Hillary Clinton" in the cluster, "Clinton" stays on its own, since
no name is better than a wrong one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

TITLES = frozenset(
    """mr mrs ms miss dr prof gov governor sen senator rep representative president
    secretary gen general lt col sgt capt rev judge justice mayor sir lady lord chairman
    chairwoman adm admiral maj cmdr former retired vice dame minister""".split()
)
# Abbreviations and short forms that news reports use for one organisation or place.
# Keys and values are folded keys (see :func:`name_key`).
ABBREVIATIONS = {
    "dnc": "democratic national committee",
    "rnc": "republican national committee",
    "gop": "republican party",
    "fbi": "federal bureau of investigation",
    "cia": "central intelligence agency",
    "nsa": "national security agency",
    "epa": "environmental protection agency",
    "un": "united nations",
    "eu": "european union",
    "nato": "north atlantic treaty organization",
    "imf": "international monetary fund",
    "msf": "medecins sans frontieres",
    "doctors without borders": "medecins sans frontieres",
    "hrw": "human rights watch",
    "amnesty": "amnesty international",
    "mod": "ministry of defence",
    "defence ministry": "ministry of defence",
    "defense ministry": "ministry of defence",
    "ministry of defense": "ministry of defence",
    "pentagon": "department of defense",
    "the pentagon": "department of defense",
}
LEADING = {"the", "a", "an"}
INITIAL = re.compile(r"^[a-z]$")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return ascii_text.lower().replace("’", "'")


@lru_cache(maxsize=16384)  # names are compared pairwise: each is folded once, not per pair
def name_key(name: str) -> str:
    """A name folded to its words: case, accents, titles, possessives and asides dropped.

    "Gov. Rick Jones" -> "rick jones"; "Ms. Smith's" -> "smith"; "Rep. Jim Clyburn
    (D-S.C.)" -> "jim clyburn"; "General-Major Igor Konashenkov" -> "igor konashenkov".
    """
    text = re.sub(r"\([^)]*\)", " ", fold(name))
    text = re.sub(r"'s\b|'$", "", text)
    words = [w for w in re.split(r"[^a-z0-9-]+", text.replace(".", " ")) if w]
    while words and words[0] in LEADING:
        words = words[1:]
    while len(words) > 1 and (words[0] in TITLES or words[0].split("-")[0] in TITLES):
        words = words[1:]
    key = " ".join(words)
    return ABBREVIATIONS.get(key, key)


def _core(words: list[str]) -> list[str]:
    """First and last word of a person's name, middle names and initials dropped."""
    if len(words) <= 2:
        return [w for w in words if not INITIAL.match(w)] or words
    return [words[0], words[-1]]


def same_identity(a: str, b: str) -> bool:
    """Whether two names (keys or raw) can name one person or organisation.

    Equal keys; the same first and last name with or without middle names or initials;
    a surname or the leading words of an organisation's name against the full name.
    """
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    wa, wb = ka.split(), kb.split()
    if len(wa) >= 2 and len(wb) >= 2:
        return _core(wa) == _core(wb)
    short, long = sorted((wa, wb), key=len)
    return short[0] == long[-1] or long[: len(short)] == short


class Identities:
    """The canonical name of each name in a cluster.

    ``Identities(names).canonical(name)`` is the fullest name of its identity: the longest
    multi-word form, ties broken by first appearance. A surname that fits several full
    names ("Clinton" with "Bill Clinton" and "Hillary Clinton") is left as it is.
    """

    def __init__(self, names: Iterable[str | None]) -> None:
        # Names are looked up by the words :func:`same_identity` compares (issue 14: a
        # cluster of hundreds of reports names thousands), never compared all pairwise.
        self._order: list[str] = list(dict.fromkeys(n for n in names if n and name_key(n)))
        position = {name: k for k, name in enumerate(self._order)}
        full = [n for n in self._order if len(name_key(n).split()) >= 2]
        whole = set(full)
        self._canonical: dict[str, str] = {}
        # Two full names are one identity exactly when their cores are equal.
        groups: dict[tuple[str, ...], list[str]] = {}
        for name in full:
            groups.setdefault(tuple(_core(name_key(name).split())), []).append(name)
        for group in groups.values():
            best = max(group, key=lambda n: (len(name_key(n).split()), -position[n]))
            for name in group:
                self._canonical[name] = best
        self._by_key: dict[str, list[str]] = {}
        self._by_core: dict[tuple[str, ...], list[str]] = {}
        self._by_end: dict[str, list[str]] = {}  # first or last word of a full name
        for name in self._order:
            self._index(name)
        for name in self._order:
            if name in self._canonical:
                continue
            # a name of one word takes the identity of the one full name it fits
            fits = {self._canonical[n] for n in self._fitting(name) if n in whole}
            self._canonical[name] = fits.pop() if len(fits) == 1 else name

    def _index(self, name: str) -> None:
        key = name_key(name)
        words = key.split()
        self._by_key.setdefault(key, []).append(name)
        if len(words) >= 2:
            self._by_core.setdefault(tuple(_core(words)), []).append(name)
            for word in dict.fromkeys((words[0], words[-1])):
                self._by_end.setdefault(word, []).append(name)

    def _fitting(self, name: str) -> list[str]:
        """The names of the cluster that are one identity with ``name``
        (:func:`same_identity`), found by key, core or end word rather than by trying all."""
        key = name_key(name)
        words = key.split()
        if not words:
            return []
        found = list(self._by_key.get(key, ()))
        if len(words) >= 2:
            found += self._by_core.get(tuple(_core(words)), ())
            found += self._by_key.get(words[0], [])
            found += self._by_key.get(words[-1], [])
        else:
            found += self._by_end.get(key, ())
        return [n for n in dict.fromkeys(found) if same_identity(n, name)]

    def canonical(self, name: str | None) -> str | None:
        if name is None:
            return None
        if name not in self._canonical:
            fits = {self._canonical[n] for n in self._fitting(name)}
            return fits.pop() if len(fits) == 1 else name
        return self._canonical[name]

    def key(self, name: str | None) -> str:
        """A key shared by every variant of one identity ("" for None)."""
        canonical = self.canonical(name)
        return name_key(canonical) if canonical else ""
