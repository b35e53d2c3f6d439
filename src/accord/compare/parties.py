"""Parties: the one identity behind each claimant of a cluster's attributions.

An attribution's claimant (``Attribution.source``) is a name or a description as one
article words it: "Russia's Defence Ministry", "the Russian defence ministry", "Amnesty",
"the Amnesty report", "Luther". :class:`Parties` resolves each to one party per cluster:

- names of one identity share a key (:mod:`accord.compare.identities`, plus the ways
  reports word a ministry: "Russia's Ministry of Defence" / "the Russian defence
  ministry");
- an artifact speaks for whoever owns it ("the Amnesty report", "The HRW report"); one
  that names no owner ("the report", "evidence", "the pattern") is no party;
- a description whose referent the text leaves open ("their armed forces", "the
  organization") is no party either: no party is better than a wrong one;
- a person the sources present as speaking for an organisation ("Igor Konashenkov, a
  spokesman for the Russian Defence Ministry", "Amnesty's Philip Luther") is that
  organisation's speaker (:meth:`Parties.affiliation`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from accord.compare.identities import Identities, name_key
from accord.model import Attribution, Cluster, Sentence

# What a report, not a party, "says": it speaks for its owner when the phrase names one.
ARTIFACTS = frozenset(
    """report reports study statement evidence pattern data analysis finding findings
    document documents investigation survey figure figures research review paper letter
    article video footage image images record records account accounts poll probe
    assessment memo filing complaint lawsuit ruling cover photo picture caption headline
    website site page post tweet message email book novel film movie poster sign map chart
    graphic update note documentation version story text list ad advertisement project
    programme program""".split()
)
# Bare descriptions that only point back at a party named elsewhere ("the organization").
ANAPHORS = frozenset(
    """organization organisation group company firm body agency institution outfit
    watchdog monitor ministry government department""".split()
)
# One word that names people as a body ("staff said", "police say"); a single-word
# description must be one of these, a plural ("officials", "residents") or a role noun.
COLLECTIVES = frozenset(
    """staff police personnel management press public military government administration
    council team family crew prosecution defence defense opposition office campaign""".split()
)
VAGUE = frozenset("members others some many both all those these few most news series".split())
POSSESSIVE_PRONOUNS = frozenset("his her their its our my your whose".split())
DETERMINERS = frozenset("the a an this that these those some".split())
# Words that make a name an organisation's, whatever the parser tagged it.
ORGANISATION_WORDS = frozenset(
    """ministry department agency international watch council committee office court
    party army forces police kremlin commission organisation organization observatory
    union bureau service government parliament senate congress""".split()
)
ROLE_NOUNS = (
    "spokesman|spokeswoman|spokesperson|director|head|chief|minister|official|secretary|"
    "chairman|chairwoman|president|researcher|adviser|advisor|representative|member|"
    "leader|envoy|ambassador|commander|officer|deputy|analyst|expert|lawyer|attorney|"
    "counsel|coordinator|manager|founder|executive|ceo|general|aide|campaigner|investigator"
)
AGENTS = (frozenset(ROLE_NOUNS.split("|")) - {"head", "general", "member"}) | frozenset(
    """judge witness victim resident doctor teacher lawmaker senator sheriff mayor governor
    prosecutor detective coroner neighbour neighbor survivor activist journalist reporter
    scientist professor author owner driver pilot""".split()
)
ROLE = re.compile(rf"\b(?:{ROLE_NOUNS})s?\b", re.IGNORECASE)
# Country adjectives as the country, so "Russian defence ministry" is "Russia's".
DEMONYMS = {
    "russian": "russia",
    "syrian": "syria",
    "american": "united states",
    "us": "united states",
    "u s": "united states",
    "british": "britain",
    "uk": "britain",
    "chinese": "china",
    "iranian": "iran",
    "turkish": "turkey",
    "french": "france",
    "german": "germany",
    "israeli": "israel",
    "ukrainian": "ukraine",
    "iraqi": "iraq",
    "saudi": "saudi arabia",
    "indian": "india",
    "japanese": "japan",
    "mexican": "mexico",
    "canadian": "canada",
    "australian": "australia",
    "egyptian": "egypt",
    "pakistani": "pakistan",
    "afghan": "afghanistan",
    "palestinian": "palestine",
    "lebanese": "lebanon",
}
MINISTRY_OF = re.compile(r"\bministry of (\w+(?: \w+)?)")
DEFENSE = re.compile(r"\bdefense\b")
SEPARATOR = re.compile(r"[,.;:()“”\"!?]")


def party_key(name: str) -> str:
    """One key for the names of one party: "Russia's Ministry of Defence", "the Russian
    defense ministry" -> "russia defence ministry"."""
    key = DEFENSE.sub("defence", name_key(name))
    key = MINISTRY_OF.sub(lambda m: f"{m.group(1)} ministry", key)
    words = key.split()
    if len(words) > 1 and words[0] in DEMONYMS:
        words = [*DEMONYMS[words[0]].split(), *words[1:]]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Party:
    """A resolved claimant: the party's canonical name and kind, and the name the source
    used when that was someone speaking for it (``speaker``, "" otherwise)."""

    name: str
    kind: str
    speaker: str = ""


def _artifact(word: str) -> bool:
    """ "report", "tweets": a thing that says something, not a party."""
    word = word.lower()
    return word in ARTIFACTS or (word.endswith("s") and word[:-1] in ARTIFACTS)


LEADING_RELATIVE = re.compile(r"^(?:who|whom|whose|which|that)\s+", re.IGNORECASE)
GLUED = re.compile(r"\b[a-z]{2,}\.[a-z]{2,}\b")
# Titles that may stand before a name in a claimant's phrase: "police chief Jarrod
# Burguan", "NBC News special correspondent Tom Brokaw".
TITLE_WORDS = frozenset(ROLE_NOUNS.split("|")) | frozenset(
    "correspondent anchor host editor reporter officer sheriff mayor governor senator".split()
)


JOINERS = frozenset("of for at in with from to and on by".split())


def _after_title(words: list[str]) -> list[str] | None:
    """The name after the last title of a phrase, when two or three words follow it."""
    last = max((k for k, w in enumerate(words) if w.lower() in TITLE_WORDS), default=-1)
    rest = words[last + 1 :]
    if last < 0 or not 2 <= len(rest) <= 3:
        return None
    if any(w.lower() in DETERMINERS or w.lower() in JOINERS for w in rest):
        return None  # "head of the legal team" names no one
    return rest


def _trimmed(source: str, kind: str) -> tuple[str, str]:
    """A claimant's name without what is not the name: the start of a relative clause
    ("anthony bosch - who", "whom pope benedict") and a title phrase before a person
    ("Google chief executive officer Sundar Pichai" -> "Sundar Pichai", a person; the
    sentence that says so ties him to the company: :meth:`Parties.affiliation`)."""
    source = LEADING_RELATIVE.sub("", TRAILING.sub("", source)).strip()
    titled = _after_title(_words(source))
    if titled and kind in ("role", "person", "organisation"):
        return " ".join(titled), "person"
    return source, kind


TRAILING = re.compile(r"\s*(?:[-–—,]\s*)?\b(?:who|which|that)\s*$|\s+[-–—]\s*$", re.IGNORECASE)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text)


def _display(forms: list[str]) -> str:
    """The name to show for a party: its fullest form ("Human Rights Watch" over "HRW",
    "Philip Luther" over "Luther"), leading article dropped, then the most used."""
    stripped = [re.sub(r"^(?:the|The)\s+", "", f) for f in forms]
    counts = Counter(stripped)
    return max(
        dict.fromkeys(stripped),
        key=lambda f: (len(f.split()), counts[f], sum(c.isupper() for c in f)),
    )


class Parties:
    """Every claimant of a cluster resolved to one party (see the module docstring)."""

    def __init__(self, cluster: Cluster) -> None:
        # the documents, not the cluster: the cluster keeps its Parties (cluster.parties),
        # and a cycle would leave every briefed cluster to the garbage collector
        self.documents = cluster.documents
        named: list[tuple[str, str]] = []  # (surface name, kind) of named claimants
        for doc in cluster.documents:
            for attribution in doc.attributions:
                if attribution.source and attribution.source_kind in (
                    "person",
                    "organisation",
                    "group",
                    "place",
                ):
                    name, kind = _trimmed(attribution.source, attribution.source_kind)
                    if name:
                        named.append((name, kind))
        entities = [
            (e.text, e.kind)
            for doc in cluster.documents
            for sentence in doc.sentences
            for e in sentence.entities
            if e.kind in ("person", "organisation")
        ]
        self._places = {
            party_key(e.text)
            for doc in cluster.documents
            for sentence in doc.sentences
            for e in sentence.entities
            if e.kind == "place"
        }
        self.identities = Identities([n for n, _ in named] + [n for n, _ in entities])
        self._forms: dict[str, list[str]] = {}
        self._kinds: dict[str, Counter[str]] = {}
        for name, kind in named:
            key = self.key(name, kind)
            self._forms.setdefault(key, []).append(name)
            self._kinds.setdefault(key, Counter())[kind] += 1
        # Names the texts use for people and organisations, claimants or not: what an
        # artifact's owner or a speaker's organisation may be called.
        self._entity_kinds: dict[str, str] = {}
        self._surfaces: dict[str, set[str]] = {k: set(v) for k, v in self._forms.items()}
        for name, kind in entities:
            key = self.key(name, kind)
            self._entity_kinds.setdefault(key, kind)
            self._surfaces.setdefault(key, set()).add(name)
            if key not in self._kinds:
                self._forms.setdefault(key, []).append(name)
        self._affiliations: dict[str, str | None] = {}
        self._organisations: dict[str, list[str]] | None = None  # key -> forms, "the" out
        # resolve() is a function of its arguments and the cluster: compare and summarise
        # ask about every attribution, each more than once
        self._resolved: dict[tuple[str | None, str], Party | None] = {}

    def key(self, name: str, kind: str = "") -> str:
        """The party key of a name; a person's surname is completed from the cluster's
        full names ("Luther" -> "philip luther"), while a country never joins a longer
        name it begins ("Russia" is not "Russia's Defence Ministry")."""
        key = party_key(name)
        # The parser calls some organisations people ("the Russian foreign ministry"):
        # only a person's name is completed, and never into another name's identity.
        organisation = set(key.split()) & ORGANISATION_WORDS
        if kind == "person" and not organisation and key not in self._places:
            return party_key(self.identities.canonical(name) or name)
        return key

    def name(self, key: str) -> str:
        forms = self._forms.get(key) or [key]
        if all(f.isupper() and " " not in f for f in forms) and key != forms[0].lower():
            # Only an abbreviation in the texts ("HRW"): its full name reads better.
            small = {"of", "and", "the", "for", "sans"}
            return " ".join(w if w in small else w.capitalize() for w in key.split())
        return _display(forms)

    def kind(self, key: str) -> str:
        if set(key.split()) & ORGANISATION_WORDS:
            return "organisation"
        counts = self._kinds.get(key)
        if counts:
            return counts.most_common(1)[0][0]
        return self._entity_kinds.get(key, "role")

    def _owner(self, words: list[str]) -> str | None:
        """The party an artifact phrase names as its owner: "the Amnesty report"."""
        rest = [w for w in words[:-1] if w.lower() not in DETERMINERS]
        if not rest:
            return None
        key = self.key(" ".join(rest))
        return key if key in self._kinds or key in self._entity_kinds else None

    def of(self, attribution: Attribution) -> Party | None:
        """The party an attribution's claimant is, None when it is no party."""
        return self.resolve(attribution.source, attribution.source_kind)

    def of_speaker(self, name: str) -> Party | None:
        """The party of a quotation's speaker (``Quote.speaker``: a name or a description,
        its kind not given): the kind the cluster's claimants and entities give the name,
        else a description when it opens with an article or a lower-case word."""
        key = self.key(name)
        words = name.split()
        described = not words or words[0].lower() in DETERMINERS or words[0].islower()
        kind = "role" if described else "person"
        if key in self._kinds:
            kind = self._kinds[key].most_common(1)[0][0]
        elif key in self._entity_kinds:
            kind = self._entity_kinds[key]
        return self.resolve(name, kind)

    def resolve(self, source: str | None, source_kind: str) -> Party | None:
        """The party a claimant's name or description is, None when it is no party."""
        asked = (source, source_kind)
        if asked not in self._resolved:
            self._resolved[asked] = self._resolve(source, source_kind)
        return self._resolved[asked]

    def _resolve(self, source: str | None, source_kind: str) -> Party | None:
        source, kind = _trimmed(source or "", source_kind or "role")
        if not source or not re.search(r"[A-Za-z]", source) or GLUED.search(source):
            return None  # "said.olivera": two words the text ran together
        words = _words(source)
        if not words or len(words) > 8:
            return None
        lowered = [w.lower() for w in words]
        if lowered[0] in POSSESSIVE_PRONOUNS:  # "his wife", "their armed forces"
            return None
        bare = [w for w in words if w.lower() not in DETERMINERS]
        if len(bare) == 1 and kind in ("role", "person", "organisation", "group"):
            # "Blakeslee" (as a role or an organisation, in lower-cased text) is "Don
            # Blakeslee" when the cluster names one such person in full; otherwise a lone
            # lower-case word is no name ("scale"), and a lone description must name
            # people ("officials").
            full = self.identities.canonical(source) or source
            if len(name_key(full).split()) >= 2 and self.kind(party_key(full)) == "person":
                kind = "person"
            elif kind in ("role", "person") and not self._may_name(bare[0], kind):
                return None
        # An artifact speaks for its owner: "the Amnesty report", "Charlie Hebdo's latest
        # cover", "a judge's act" (a name that ends in such a word, "Washington Post", is
        # still a name).
        possessed = "'" in source or "’" in source
        # "a judge's act": a description whose head is neither people nor a body.
        owned_thing = (
            possessed
            and kind == "role"
            and lowered[-1] not in ORGANISATION_WORDS
            and not self._may_name(lowered[-1], "role")
        )
        artifact = len(words) > 1 and (_artifact(lowered[-1]) or owned_thing)
        if artifact and (kind == "role" or words[-1].islower() or possessed):
            owner = self._owner(words)
            return Party(self.name(owner), self.kind(owner)) if owner else None
        if kind == "role":
            content = [w for w in lowered if w not in DETERMINERS]
            if len(content) == 1 and (content[0] in ANAPHORS or _artifact(content[0])):
                return None
            if body := self._named_body(content):
                return Party(self.name(body), "organisation")
        key = self.key(source, kind)
        if not key:
            return None
        party_kind = self.kind(key) if kind != "role" else "role"
        if party_kind == "person":
            organisation = self.affiliation(key)
            if organisation:
                return Party(self.name(organisation), "organisation", self.name(key))
        return Party(self.name(key) if kind != "role" else _display([source]), party_kind)

    def _named_body(self, words: list[str]) -> str | None:
        """The key of the one organisation whose name a description of two words or more
        ends ("the county fire service": "Kelmouth County Fire Service"), if exactly one
        in the cluster does: one party, not a name and a description of it."""
        if len(words) < 2:
            return None
        tail = party_key(" ".join(words))
        bodies = [
            k
            for k in self._forms
            if k != tail and k.endswith(" " + tail) and self.kind(k) == "organisation"
        ]
        return bodies[0] if len(bodies) == 1 else None

    @staticmethod
    def _may_name(word: str, kind: str) -> bool:
        """Whether one word can be a claimant: a capitalised name, or a description of
        people ("officials", "police", "spokesman")."""
        if kind == "person":
            return not word.islower()
        word = word.lower()
        plural = word.endswith("s") and not word.endswith("ss") and not _artifact(word)
        return (plural and word not in VAGUE) or word in COLLECTIVES or word in AGENTS

    def affiliation(self, person_key: str) -> str | None:
        """The key of the organisation the sources say a person speaks for, if exactly one.

        "NAME, a spokesman for ORG", "NAME, director of … at ORG", "ORG spokesman NAME",
        "ORG's NAME": a role word or a possessive ties the two in one clause.
        """
        if person_key in self._affiliations:
            return self._affiliations[person_key]
        names = {f for f in self._surfaces.get(person_key, ()) if len(f.split()) >= 2}
        if self._organisations is None:  # once, not once a person (issue 14)
            self._organisations = {
                k: [re.sub(r"^(?:the|The)\s+", "", f) for f in forms]
                for k, forms in self._surfaces.items()
                if self.kind(k) == "organisation"
            }
        organisations = dict(self._organisations)
        organisations.pop(person_key, None)
        found: set[str] = set()
        for doc in self.documents:
            for sentence in doc.sentences:
                for name in names:
                    if name not in sentence.text:  # most sentences: no regex needed
                        continue
                    for match in re.finditer(re.escape(name), sentence.text):
                        found |= self._named_near(sentence.text, match, organisations)
        self._affiliations[person_key] = found.pop() if len(found) == 1 else None
        return self._affiliations[person_key]

    @staticmethod
    def _named_near(
        text: str, match: re.Match[str], organisations: dict[str, list[str]]
    ) -> set[str]:
        """Organisations named with a role word or a possessive next to a name."""
        after = text[match.end() :]
        before = text[: match.start()]
        chunks: list[str] = []
        tail = re.match(r"\s*,\s*([^,.;:()“”\"!?]{0,140})", after)
        if tail and ROLE.search(tail.group(1)):
            chunks.append(tail.group(1))
        head = SEPARATOR.split(before)[-1] if before else ""
        head_words = head.split()
        if head_words and (ROLE.search(" ".join(head_words[-3:])) or re.search(r"['’]s\s*$", head)):
            chunks.append(head)
        found: set[str] = set()
        for chunk in chunks:
            matched = [
                (key, form)
                for key, forms in organisations.items()
                for form in forms
                if form and re.search(rf"\b{re.escape(form)}\b", chunk, re.I)
            ]
            # "Defence Ministry" inside "the Russian Defence Ministry" is that ministry.
            found |= {
                key
                for key, form in matched
                if not any(
                    k != key and len(f) > len(form) and form.lower() in f.lower()
                    for k, f in matched
                )
            }
        return found


# cues that pass on another's words ("according to Wradio", "Wradio reported", "citing")
RELAY_CUES = frozenset("according reported reports reporting citing cited quoted quoting".split())


def relays(attribution: Attribution, others: list[Attribution]) -> bool:
    """Whether an attribution only passes on what someone it names says: its content holds
    the mention of another claimant (of ``others``, those that are parties): in 'Luther
    said …, according to Wradio' the claim is Luther's, and Wradio reports it."""
    cue = attribution.cue.lower().split()
    if not cue or cue[0] not in RELAY_CUES:
        return False  # "the ministry said X, while the foreign ministry said Y" is two claims
    return any(
        other is not attribution
        and other.source
        and other.source_end > other.source_start
        and attribution.content_start <= other.source_start
        and other.source_end <= attribution.content_end
        for other in others
    )


CLAIM_SHARE = 0.5  # share of a sentence an attribution's content must cover to be its claim


def sentence_claimants(cluster: Cluster, parties: Parties, sentence: Sentence) -> list[Party]:
    """The parties a sentence gives its claim to: those whose attribution's content is
    most of the sentence ("Amnesty said Russian strikes killed at least 200 civilians",
    '"Such attacks may amount to war crimes," said Philip Luther'). A person is named as
    such (``name``), not as the organisation he speaks for: the sentence names him."""
    doc = cluster.document(sentence.doc_id)
    spans: dict[Party, set[int]] = {}  # party -> character positions its contents cover
    here = [a for a in doc.attributions if a.sentence_index == sentence.index]
    resolved = [(a, p) for a in here if (p := parties.of(a)) is not None]
    if not resolved:
        return []  # most sentences: nobody is said to say them
    letters = sum(map(str.isalnum, sentence.text)) or 1
    named = [a for a, _ in resolved]
    for attribution, party in resolved:
        if relays(attribution, named):
            continue
        if party.speaker:
            party = Party(party.speaker, "person")
        start = max(attribution.content_start, sentence.start)
        end = min(attribution.content_end, sentence.end)
        # '…, Amnesty says, arguing …': one party's two contents together are its claim.
        covered = spans.setdefault(party, set())
        covered |= {start + k for k, c in enumerate(doc.text[start:end]) if c.isalnum()}
    return [party for party, covered in spans.items() if len(covered) >= CLAIM_SHARE * letters]
