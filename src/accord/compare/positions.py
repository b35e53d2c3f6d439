"""Positions: what each party says across the cluster, denials beside what they answer.

Built from the attributions analyse found (``Document.attributions``: quotations and
reported speech with their claimant) and the cluster's quote groups (a quotation whose
speaker the article gives by context has no attribution of its own). Each claimant is
resolved to one party (:mod:`.parties`): a person speaking for an organisation is that
organisation's speaker, an artifact speaks for its owner, a description with no clear
referent is left out. One statement carried by several sources (a quotation or the same
reported speech) is one :class:`~accord.model.Statement` with every source.

A statement is a *denial* when its cue denies ("denied", "rejected", "dismissed",
"refuted", "disputed") or its content calls something false ("fake", "fabricated",
"lies", "no evidence", "baseless"). A denial *answers* the statement of another party
that shares the most content words with it ("denied killing civilians" / "Russian air
strikes killed at least 200 civilians"), or, where none shares enough, the other party
its sentence names; otherwise it stands alone, which is better than a wrong pairing.
"""

from __future__ import annotations

import re

from accord.analyse.terms import content_terms
from accord.compare.parties import Parties, Party, party_key, relays
from accord.compare.quotes import same_quotation
from accord.compare.support import canonical_sources, evidence
from accord.model import Answered, Attribution, Cluster, Document, Position, Statement

DENIAL_CUE = re.compile(r"^(?:den(?:y|ie)|reject|dismiss|refut|disput|rebut|contest|debunk)")
DENIAL_WORDS = re.compile(
    r"\b(?:false|falsehoods?|fabricat\w*|fake\w*|lies|lied|lying|untrue|baseless|groundless|"
    r"unfounded|no evidence|nonsense|propaganda|clich[eé]s|debunk\w*|misinformation|"
    r"disinformation|slander\w*|smear\w*)\b",
    re.IGNORECASE,
)
MIN_TERMS = 2  # content words of a statement: "killing civilians"; not "which suggests"
SAME_STATEMENT = 0.6  # share of content words two reported statements must have in common
ANSWER_WORDS = 2  # content words a denial must share with the claim it answers,
ANSWER_SHARE = 0.5  # and the share of the denial's content words they must be


def _content(doc: Document, attribution: Attribution) -> str:
    """The attribution's content within its sentence, on one line."""
    sentence = doc.sentences[attribution.sentence_index]
    start = max(attribution.content_start, sentence.start)
    end = min(attribution.content_end, sentence.end)
    text = " ".join(doc.text[start:end].split())
    return text.strip(" ,;:-–—")


def is_denial(attribution: Attribution, text: str) -> bool:
    """Whether a statement denies or rebuts: by its cue, or by calling something false."""
    return bool(DENIAL_CUE.match(attribution.cue.lower()) or DENIAL_WORDS.search(text))


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


def _same_statement(a: Statement, text: str) -> bool:
    if a.kind == "direct":
        return same_quotation(a.text, text)
    terms_a, terms_b = set(content_terms(a.text)), set(content_terms(text))
    return bool(terms_a and terms_b) and _overlap(terms_a, terms_b) >= SAME_STATEMENT


class _Collector:
    """Statements per party key, merged across sources, in order of first appearance."""

    def __init__(self, cluster: Cluster, parties: Parties) -> None:
        self.cluster = cluster
        self.parties = parties
        self.statements: dict[str, list[Statement]] = {}
        self.party: dict[str, Party] = {}
        self.speakers: dict[str, list[str]] = {}

    def add(self, party: Party, statement: Statement) -> None:
        key = party_key(party.name)  # "police" and "Police": one party, as first named
        self.party.setdefault(key, party)
        if party.speaker:
            self.speakers.setdefault(key, [])
            if party.speaker not in self.speakers[key]:
                self.speakers[key].append(party.speaker)
        mine = self.statements.setdefault(key, [])
        for known in mine:
            if known.kind == statement.kind and _same_statement(known, statement.text):
                for item in statement.evidence:
                    if item.source not in known.sources:
                        known.sources.append(item.source)
                        known.evidence.append(item)
                known.denial = known.denial or statement.denial
                return
        mine.append(statement)


def _attributions(cluster: Cluster, parties: Parties, collector: _Collector) -> None:
    for doc in cluster.documents:
        taken: list[tuple[str, int, int, int]] = []  # (party, sentence, start, end)
        resolved = [(a, parties.of(a)) for a in doc.attributions]
        # "state department spokeswoman Marie Harf said …" is parsed as two claimants of
        # one content: the description goes where a name claims the same words.
        named = [
            (a.sentence_index, a.content_start, a.content_end)
            for a, p in resolved
            if p is not None and p.kind != "role"
        ]
        parties_named = [a for a, p in resolved if p is not None]
        for attribution, party in resolved:
            if party is None or relays(attribution, parties_named):
                continue  # no party, or one passing on what a party it names says
            if party.kind == "role" and any(
                s == attribution.sentence_index
                and a < attribution.content_end
                and attribution.content_start < b
                for s, a, b in named
            ):
                continue
            text = _content(doc, attribution)
            denial = is_denial(attribution, text)
            # A denial's object may be one word ("denied the allegations").
            if len(set(content_terms(text))) < (1 if denial else MIN_TERMS):
                continue
            span = (attribution.content_start, attribution.content_end)
            # "The Kremlin, saying it wanted to help" and "wanted: to help": one statement.
            here = (party.name, attribution.sentence_index)
            if any((p, s) == here and a <= span[0] and span[1] <= b for p, s, a, b in taken):
                continue
            taken.append((party.name, attribution.sentence_index, *span))
            sentence = doc.sentences[attribution.sentence_index]
            collector.add(
                party,
                Statement(
                    text=text,
                    kind=attribution.kind,
                    cue=cue_as_read(attribution.cue),
                    speaker=party.speaker,
                    sources=[doc.id],
                    evidence=[evidence(sentence)],
                    denial=denial,
                ),
            )


def cue_as_read(cue: str) -> str:
    """The cue as a reader sees it beside the party: lower case, as in mid-sentence
    ("According to Luther, …" gives "according to", not "According")."""
    lowered = cue.lower()
    return "according to" if lowered == "according" else lowered


def _quotations(cluster: Cluster, parties: Parties, collector: _Collector) -> None:
    """Quotations whose speaker the article gives by context rather than by a cue of
    their own (a second paragraph of a quote); a disputed speaker gives none."""
    for group in cluster.quotes:
        named = {v.text for v in group.speakers if v.text}
        if not group.speaker or len(named) > 1:
            continue
        party = parties.of_speaker(group.speaker)
        if party is None or len(set(content_terms(group.text))) < MIN_TERMS:
            continue
        collector.add(
            party,
            Statement(
                text=group.text,
                kind="direct",
                cue="",
                speaker=party.speaker,
                sources=list(group.sources),
                evidence=list(group.evidence),
                denial=bool(DENIAL_WORDS.search(group.text)),
            ),
        )


def _answer(cluster: Cluster, positions: list[Position]) -> None:
    """Link each denial to the claim it answers (see the module docstring)."""
    claims = [
        (position.party, statement, set(content_terms(statement.text)))
        for position in positions
        for statement in position.statements
        if not statement.denial
    ]
    named = [p.party for p in positions if p.kind != "role"]
    for position in positions:
        for statement in position.statements:
            if not statement.denial:
                continue
            mine = set(content_terms(statement.text))
            best: tuple[int, int] = (0, 0)
            chosen = None
            for party, claim, terms in claims:
                if _same_party(party, position.party):
                    continue
                score = (len(mine & terms), len(claim.sources))
                enough = score[0] >= ANSWER_WORDS and score[0] >= ANSWER_SHARE * len(mine)
                if enough and score > best:
                    best, chosen = score, (party, claim)
            if chosen is not None:
                party, claim = chosen
                statement.answers = Answered(
                    party, claim.text, list(claim.sources), list(claim.evidence)
                )
                continue
            other = _named_party(cluster, statement, position.party, named)
            if other:
                statement.answers = Answered(other, None, [])


def _same_party(a: str, b: str) -> bool:
    """One party named twice: equal, or one name the other's ending ("the port
    authority" / "the city's port authority"): a party does not answer itself."""
    ka, kb = party_key(a).split(), party_key(b).split()
    short, long = sorted((ka, kb), key=len)
    return bool(short) and long[-len(short) :] == short


def _named_party(cluster: Cluster, statement: Statement, own: str, named: list[str]) -> str | None:
    """The one other named party a denial's sentences name ("the Amnesty report was
    fake"): by its name, or its first word where that alone is the party's short form
    ("Amnesty")."""
    found: set[str] = set()
    own_words = set(party_key(own).split())
    for item in statement.evidence:
        text = cluster.sentence(item.ref).text
        for party in named:
            # "Russia" inside "Russia's Defence Ministry rejected …" is the denier itself.
            if party == own or set(party_key(party).split()) <= own_words:
                continue
            head = party.split()[0]
            names = [party, head] if party_key(head) == party_key(party) else [party]
            if any(re.search(rf"\b{re.escape(n)}\b", text) for n in names):
                found.add(party)
    return found.pop() if len(found) == 1 else None


def positions(cluster: Cluster, parties: Parties | None = None) -> list[Position]:
    """What each party says, ordered by how many sources carry it and how much it says;
    named parties before descriptions ("officials"). ``parties``: built when not given."""
    parties = parties or Parties(cluster)
    collector = _Collector(cluster, parties)
    _attributions(cluster, parties, collector)
    _quotations(cluster, parties, collector)
    result: list[Position] = []
    order: dict[str, int] = {}
    for key, statements in collector.statements.items():
        for statement in statements:
            statement.sources = canonical_sources(cluster, statement.sources)
            statement.evidence = [e for e in statement.evidence if e.source in statement.sources]
        sources = canonical_sources(cluster, (s for st in statements for s in st.sources))
        party = collector.party[key]
        order[party.name] = len(order)
        result.append(
            Position(
                party=party.name,
                kind=party.kind,
                statements=sorted(statements, key=lambda s: -len(s.sources)),
                sources=sources,
                speakers=collector.speakers.get(key, []),
            )
        )
    result.sort(
        key=lambda p: (p.kind == "role", -len(p.sources), -len(p.statements), order[p.party])
    )
    _answer(cluster, result)
    return result
