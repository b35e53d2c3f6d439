"""Claims stated wherever each source states them: the part of a country, and the rank.

Two detectors that index every sentence of a cluster by what a value is the value *of*
and compare only frames that share that key (never all sentence pairs):

* :func:`region_conflicts` — one thing placed in two parts of one country or state by two
  sources: "the forest in southwestern Bangladesh" / "the Sundarbans in south-east
  Bangladesh". Compass regions conflict when one lies east and the other west (or north
  and south); "southern" and "southwestern" do not.
* :func:`ordinal_conflicts` — one item ranked differently: "changing the second line of
  the anthem" / "the third line of the anthem will change"; one named person's rank in a
  series: "her first husband, Ike Turner" / "her second husband, Ike Turner".
"""

from __future__ import annotations

import re
from collections import defaultdict

from accord.analyse.gazetteer import is_place
from accord.compare.counts import Observation
from accord.compare.places import place_role
from accord.model import Cluster, QuantityValue, Sentence

REGION = re.compile(
    r"\b(?P<compass>(?:north|south)(?:[\s-]?(?:east|west))?|east|west)(?:ern)?\s+"
    r"(?P<place>[a-z][a-z'’-]+(?:\s+[a-z][a-z'’-]+)?)",
    re.IGNORECASE,
)
COMPASS_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
SHARED_WORDS = 2  # content words the two sentences share besides the place and compass
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
ORDINAL = re.compile(
    rf"\bthe\s+(?P<ordinal>{'|'.join(ORDINALS)})\s+(?P<noun>[a-z]+)\s+of\s+(?:the|this|that)\s+"
    r"(?P<whole>[a-z]+)",
    re.IGNORECASE,
)

# "her first husband, ike turner,": a person's place in someone's series (husbands, wives,
# children), the name after the comma: the key is the noun and the name's last word.
NAMED_ORDINAL = re.compile(
    rf"\b(?:her|his|their)\s+(?P<ordinal>{'|'.join(ORDINALS)})\s+(?P<noun>[a-z]+)\s*,\s+"
    r"(?P<name>[a-z][a-z'’-]+(?:\s+[a-z][a-z'’.-]+){0,2}?)\s*(?=[,.;)]|$)",
    re.IGNORECASE,
)
NOT_NAME_WORDS = frozenset("who which that and but or the a an he she they it".split())


def _ranked(sentence: Sentence) -> list[tuple[str, int, str]]:
    """Each ranked item of a sentence: (what is ranked, rank, words)."""
    found = [
        (
            f"which {m['noun'].lower()} of the {m['whole'].lower()}",
            ORDINALS[m["ordinal"].lower()],
            m.group(0),
        )
        for m in ORDINAL.finditer(sentence.text)
    ]
    for m in NAMED_ORDINAL.finditer(sentence.text):
        name = m["name"].lower().split()
        if any(w in NOT_NAME_WORDS for w in name):
            continue
        about = f"which {m['noun'].lower()} {name[-1].strip('.')} was"
        found.append((about, ORDINALS[m["ordinal"].lower()], m.group(0).rstrip(".")))
    return found


def _axes(compass: str) -> tuple[int, int]:
    """(east-west, north-south) signs of a compass word: "south-east" -> (1, -1)."""
    word = compass.lower()
    return (
        (1 if "east" in word else -1 if "west" in word else 0),
        (1 if "north" in word else -1 if "south" in word else 0),
    )


def _opposed(a: str, b: str) -> bool:
    (ea, na), (eb, nb) = _axes(a), _axes(b)
    return ea * eb < 0 or na * nb < 0


def _place_of(match: re.Match[str]) -> str:
    """The longest leading words of the match that name a place ("bangladesh are")."""
    words = match.group("place").lower().split()
    for size in range(len(words), 0, -1):
        name = " ".join(words[:size])
        if is_place(name):
            return name
    return ""


def _shared(a: Sentence, b: Sentence, place: str) -> int:
    own = set(place.split()) | COMPASS_WORDS
    return len(
        {t for t in set(a.terms) & set(b.terms) if not any(t.startswith(w[:5]) for w in own)}
    )


def region_conflicts(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """One thing placed in opposite parts of one country by two sources (see the module).

    Frames are indexed by the place; both mentions must be locations ("in southwestern
    Bangladesh", :func:`.places.place_role`) and the sentences must share
    ``SHARED_WORDS`` content words besides the place, so that they say where the same
    thing is."""
    index: dict[str, list[tuple[Sentence, str, str]]] = defaultdict(list)
    for sentence in cluster.sentences():
        for match in REGION.finditer(sentence.text):
            place = _place_of(match)
            if not place:
                continue
            text = match.group(0)[: match.group(0).lower().find(place) + len(place)]
            if place_role(sentence, text) != "location":
                continue
            index[place].append((sentence, match.group("compass"), text))
    found = []
    for place, frames in index.items():
        for x, (a, compass_a, text_a) in enumerate(frames):
            for b, compass_b, text_b in frames[x + 1 :]:
                if a.doc_id == b.doc_id or not _opposed(compass_a, compass_b):
                    continue
                if _shared(a, b, place) < SHARED_WORDS:
                    continue
                found.append(
                    (
                        Observation("place", "region", text_a.lower(), text_a, text_a, a),
                        Observation("place", "region", text_b.lower(), text_b, text_b, b),
                    )
                )
    return found


def ordinal_conflicts(cluster: Cluster) -> list[tuple[Observation, Observation]]:
    """One item of one whole ranked differently by two sources: "the second line of the
    anthem" / "the third line of the anthem". Frames are indexed by the item and the
    whole ("line", "anthem") or by the item and the person named ("husband", "turner"); a
    source that ranks two items of the whole is not compared (it is listing them, not
    placing one)."""
    index: dict[str, dict[str, list[tuple[Sentence, int, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for sentence in cluster.sentences():
        for key, rank, words in _ranked(sentence):
            index[key][sentence.doc_id].append((sentence, rank, words))
    found = []
    for about, by_doc in index.items():
        single = {
            doc: frames[0]
            for doc, frames in by_doc.items()
            if len({rank for _, rank, _ in frames}) == 1
        }
        docs = sorted(single)
        for x, doc_a in enumerate(docs):
            for doc_b in docs[x + 1 :]:
                (a, rank_a, text_a), (b, rank_b, text_b) = single[doc_a], single[doc_b]
                if rank_a == rank_b:
                    continue
                found.append(
                    (
                        Observation(
                            "quantity", about, ("rank", rank_a), text_a,
                            QuantityValue(rank_a, rank_a, rank_a, "exact"), a,
                        ),
                        Observation(
                            "quantity", about, ("rank", rank_b), text_b,
                            QuantityValue(rank_b, rank_b, rank_b, "exact"), b,
                        ),
                    )
                )  # fmt: skip
    return found
