"""Who says what, from the dependency parse: the claimant, the cue and the content.

A *cue* is a speech or cognition verb ("said", "told", "tweeted", "denied", "believes")
outside any quotation, or "according to". Its *claimant* is its grammatical subject (the
``nsubj``, wherever it stands: "…," said Luther / "…," Luther said), inherited along a
conjunction or a participle ("rejected the report, saying …"), the antecedent of a
relative "who said", or the object of "according to". Its *content* is its clausal
complement (``ccomp``/``xcomp``: "said it was researching …", "denied killing …"), or the
rest of the clause for "according to".

A claimant must be a person, an organisation, a place acting as one ("Russia has
denied"), a group, or a role or artifact ("a spokesman", "officials", "the report"):
never a date, an adverb, a number or a first- or second-person pronoun. Titles are
stripped ("Gov. Rick Jones" -> "Rick Jones"); a surname is completed from an earlier full
mention; "he"/"she" resolve to the last person who was a speaker or a subject before
(skipping one whose title says the other gender), "it"/"they" to the last speaker when
that was an organisation or group. What cannot be resolved stays None: no speaker is
better than a wrong one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from accord.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Token

# Verbs that report what someone said, wrote, thinks or intends. The first set introduces
# quotations and reported speech alike; the second only a quotation ('"…," he added').
SPEECH_LEMMAS = frozenset(
    """say tell write tweet post argue deny claim state warn explain note insist ask declare
    recall remark comment acknowledge admit announce reply respond stress urge caution
    conclude suggest report accuse allege contend maintain predict promise reveal confirm
    complain testify indicate estimate vow pledge agree dispute reject describe assert
    emphasize emphasise mention observe reiterate repeat joke quip concede boast brag
    charge counter blame criticize criticise praise question wonder demand threaten
    propose recommend advise swear assure inform signal hint imply acknowledge disclose
    speculate lament shout yell scream whisper muse retort protest object apologize
    apologise concur guarantee tout insinuate opine proclaim recount call remember
    interject interrupt snap quote cite answer welcome thank echo fume condemn retaliate
    snipe bemoan scoff chide exclaim plead rant gush rave react endorse defend blast slam
    email rip chant fault boom bark riff grouse gripe mock snip thunder scold taunt gloat
    grumble sneer exhort implore confess intone beam characterize characterise dub elaborate
    reference sing refer""".split()
)
# Cues whose "of"/"about" phrase is what was said: "accused Russia of using …".
PREPOSITION_CONTENT = frozenset(
    """accuse warn complain boast speak talk thank rip blast slam criticize criticise praise
    fault hit mock scold taunt""".split()
)
# Cues whose complement names what something was called: 'called the deal "a disaster"'.
NAMING_LEMMAS = frozenset("call describe label dub brand characterize".split())
# Cues whose "as" phrase names what something was called: 'referred to him as "…"'.
AS_NAMING = frozenset("refer describe characterize characterise label brand".split())
COGNITION_LEMMAS = frozenset(
    """think believe know feel expect hope fear worry want plan intend doubt consider
    understand realize realise suspect assume figure learn hear see find show decide
    prefer support oppose back seek refuse decline""".split()
)
# "fired back", "shot back", "hit back": speech only next to a quotation.
QUOTE_ONLY_LEMMAS = frozenset(
    "add continue go begin explain press start fire shoot hit relate speak talk".split()
)
# Cues whose direct object is what was said: "denied the allegations".
OBJECT_CONTENT = frozenset(
    """deny reject dispute confirm announce disclose reveal admit acknowledge predict promise
    describe criticize criticise praise blame question claim allege report welcome endorse
    defend blast slam support oppose back cite reference""".split()
)
# Speech verbs whose object names who was spoken to or about: "…, Smith told CBS News",
# '"…," thanked Obama'. The others may stand before their speaker ("…, said Smith").
AUDIENCE_LEMMAS = frozenset(
    """tell thank inform assure accuse blame praise criticize criticise call quote cite
    remind question urge advise describe label welcome condemn answer echo mock scold taunt
    tease""".split()
)
INVERTING = (SPEECH_LEMMAS | QUOTE_ONLY_LEMMAS) - AUDIENCE_LEMMAS
CONTENT_DEPS = ("ccomp", "xcomp", "parataxis")
PRONOUNS = {"he": "m", "she": "f", "him": "m", "her": "f"}
GROUP_PRONOUNS = {"it", "they"}
FIRST_PERSON = {"i", "we", "you", "me", "us"}
RELATIVE = {"who", "that", "which"}
TITLES = frozenset(
    """mr mrs ms miss dr prof gov governor sen senator rep representative president
    secretary gen general lt col sgt capt rev judge justice mayor sir lady lord chairman
    chairwoman adm admiral maj cmdr former retired vice dame""".split()
)
MALE_TITLES = {"mr", "sir", "lord"}
FEMALE_TITLES = {"mrs", "ms", "miss", "lady", "dame"}
TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december today yesterday tomorrow
    tonight morning afternoon evening night day week month year weekend time""".split()
)
SOURCE_LABELS = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "NORP": "group",
    "FAC": "organisation",
}
NP_DEPS = ("det", "amod", "compound", "poss", "case", "nmod", "nummod", "quantmod", "npadvmod")


ASIDE = re.compile(r"\s*\([^)]*\)")
POSSESSIVE = re.compile(r"['’]s?$")
LETTER = re.compile(r"[A-Za-z]")
HONORIFIC_NAME = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Lady|Dame|Lord)\.?\s+([A-Z][\w'’-]+)")


@dataclass(slots=True)
class Claimant:
    """The subject of a cue: its mention, and the name it resolves to (None when unknown)."""

    start: int  # character offsets of the mention
    end: int
    name: str | None
    kind: str  # "person", "organisation", "place", "group", "role", "pronoun:X"


@dataclass(slots=True)
class Cue:
    token: Token
    claimant: Claimant | None
    content: set[int]  # token indices of the content
    quote_only: bool
    cognitive: bool = False  # a verb of thinking or wanting: never a quotation's cue
    author: bool = False  # its subject is "I" or "we": the writer, not a speaker


# "made the point that …", "expressed confidence that …": a light verb and a noun of what
# was said are one speech verb, the noun's clause what was said.
LIGHT_VERBS = frozenset("make express voice raise issue offer".split())
CLAIM_NOUNS = frozenset(
    """point case argument claim warning concern confidence hope doubt complaint promise
    prediction observation assurance""".split()
)


def _claim_noun(verb: Token) -> Token | None:
    """The noun of what was said a light verb takes as its object, if any; only for a
    subject that may speak ("these reasons make the best case" says nothing)."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and not _may_speak(subject):
        return None
    return next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS), None
    )


def is_cue(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and _claim_noun(token) is not None:
        return True
    if token.pos_ not in ("VERB", "AUX") and not (token.pos_ == "NOUN" and lemma == "say"):
        return False
    if lemma == "point":  # "pointed out"
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in token.children)
    if lemma == "refer":  # "referred to the mayor as “…”", not "referred questions to"
        return any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children)
    if lemma == "put":  # "as Marcus puts it, …"
        children = list(token.children)
        it = any(c.dep_ == "dobj" and c.lower_ == "it" for c in children)
        return it and any(c.lower_ == "as" and c.dep_ in ("mark", "advmod") for c in children)
    return lemma in SPEECH_LEMMAS or lemma in COGNITION_LEMMAS or lemma in QUOTE_ONLY_LEMMAS


def _entity_at(token: Token, spacy_doc: SpacyDoc) -> tuple[int, int, str] | None:
    """(start, end, label) of the named entity a token is part of, if any."""
    if not token.ent_type_ or token.ent_iob_ not in ("B", "I"):
        return None
    start = token.i
    while start > 0 and spacy_doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(spacy_doc) and spacy_doc[end].ent_iob_ == "I":
        end += 1
    return start, end, token.ent_type_


def strip_title(words: list[str]) -> list[str]:
    """Titles and honorifics before a name go: "Gov. Rick Jones" -> "Rick Jones"."""
    while len(words) > 1 and words[0].lower().strip(".") in TITLES:
        words = words[1:]
    return words


def clean_name(text: str) -> str:
    text = ASIDE.sub("", text)  # "(D-S.C.)"
    text = POSSESSIVE.sub("", text.strip(" ,;:.-")).strip()
    words = strip_title(text.split())
    # A hyphenated rank before a name: "General-Major Igor Konashenkov".
    while len(words) > 2 and words[0].lower().split("-")[0] in TITLES:
        words = words[1:]
    return " ".join(words)


def _noun_phrase(head: Token, conjuncts: bool = False) -> tuple[int, int]:
    """Token range of a noun phrase without its appositions, clauses and prepositions;
    with ``conjuncts``, "sources and opposition activists" as a whole."""
    start = head.i
    for child in head.lefts:
        if child.pos_ == "VERB":  # "Continued Stone:" is no name
            continue
        if child.dep_ in NP_DEPS or (child.dep_ == "punct" and child.text in ("'", "’")):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    if conjuncts:
        for child in head.rights:
            if child.dep_ == "amod" and child.i == end:  # "a person close to the Clintons"
                end = child.right_edge.i + 1
            if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"):
                end = max(end, _noun_phrase(child, conjuncts=True)[1])
    return start, end


def _name_of(head: Token, spacy_doc: SpacyDoc) -> tuple[int, int, str | None, str]:
    """Mention range, name and kind of a subject token; name None when it is no claimant."""
    lower = head.lower_
    if lower in PRONOUNS or lower in GROUP_PRONOUNS:
        return head.i, head.i + 1, None, f"pronoun:{lower}"
    counted = _counted_person(head, spacy_doc)
    if counted is not None:  # "One of the firm's owners, Ada Holm, said"
        return counted
    group = _counted_group(head)
    if group is not None:  # "Hundreds of demonstrators marched, chanting “…”"
        return group[0], group[1], spacy_doc[group[0] : group[1]].text, "role"
    if head.pos_ in ("ADV", "ADJ") and _mistagged_noun(head):  # "this Trump look-alike"
        start, end = _noun_phrase(head)
        return start, end, spacy_doc[start:end].text, "role"
    if lower in FIRST_PERSON or lower in RELATIVE or head.pos_ in ("ADV", "NUM", "ADJ", "DET"):
        return head.i, head.i + 1, None, ""
    entity = _entity_at(head, spacy_doc)
    kind = SOURCE_LABELS.get(entity[2]) if entity else None
    if entity and entity[2] in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"):
        return head.i, head.i + 1, None, ""
    # "Russian defense ministry spokesman, General-Major Igor Konashenkov": the person.
    if kind != "person":
        for child in head.children:
            if child.dep_ != "appos":
                continue
            if named := _named_apposition(child, spacy_doc):
                return named
            if head.pos_ == "NOUN" and child.pos_ == "PROPN":  # "his neighbour Agnes Holm"
                start, end = _noun_phrase(child)
                return start, end, spacy_doc[start:end].text, "person"
    if kind == "person":
        start, end = entity[0], entity[1]  # type: ignore[index]
        # The NER sometimes leaves the title outside: "Mr." + "Stone".
        return start, end, spacy_doc[start:end].text, "person"
    if head.lemma_.lower() in TIME_WORDS or not LETTER.search(head.text):
        return head.i, head.i + 1, None, ""
    start, end = _noun_phrase(head, conjuncts=True)
    if kind:
        return start, end, spacy_doc[start:end].text, kind
    if head.pos_ == "PROPN":
        return start, end, spacy_doc[start:end].text, "person"
    if head.pos_ == "NOUN":
        return start, end, spacy_doc[start:end].text, "role"
    return head.i, head.i + 1, None, ""


# Things that carry someone's words: "a court document filed by X said …" is X's.
DOCUMENT_NOUNS = frozenset(
    """document statement letter memo memorandum email e-mail video ad advertisement piece
    article editorial column op-ed report filing release post tweet message note book
    affidavit motion complaint brief transcript recording clip text""".split()
)
# Verbs by which someone puts out such a thing: "Trump released a video that said …".
PUBLISHING_LEMMAS = frozenset("release issue publish send post run file write air put".split())


def _document_agent(head: Token) -> Token | None:
    """The named author of a document that is a cue's subject: "a court document filed by
    state attorney Ada Holm", "an email sent out by Holm on Tuesday" (a passive participle
    with a named agent), or "Holm released a video that said" (the named subject of a verb
    of publishing whose object the document is). A document with no named author stays
    the speaker itself ("the report said")."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for participle in head.children:
        if participle.dep_ != "acl" or participle.tag_ != "VBN":
            continue
        for agent in participle.children:
            if agent.dep_ != "agent":
                continue
            author = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if author is not None and _is_named(author):
                return author
    verb = head.head
    if head.dep_ == "dobj" and verb.lemma_.lower() in PUBLISHING_LEMMAS:
        author = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if author is not None and _is_named(author):
            return author
    return None


def _counted_person(head: Token, spacy_doc: SpacyDoc) -> tuple[int, int, str, str] | None:
    """The person a counted subject stands for: "One of the firm's owners, Ada Holm,
    said" is Holm's; "One", "Some" or "Each" is no name of its own, the apposition is."""
    if head.pos_ not in ("NUM", "DET", "PRON") or head.lower_ in PRONOUNS:
        return None
    for child in head.children:
        if child.dep_ == "appos" and (named := _named_apposition(child, spacy_doc)):
            return named
    return None


def _counted_group(head: Token) -> tuple[int, int] | None:
    """Token range of a count of people that is a subject: "Hundreds of pro-Sanders
    demonstrators", "Dozens of fishermen" (a number, or a noun the recogniser counts,
    with "of" and a plural noun). A count with no such phrase ("Two", "Thousands") is
    no one."""
    if head.pos_ != "NUM" and head.ent_type_ != "CARDINAL":
        return None
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = None if of is None else next((c for c in of.children if c.dep_ == "pobj"), None)
    if noun is None or noun.tag_ not in ("NNS", "NNPS") or noun.lemma_.lower() in TIME_WORDS:
        return None
    return head.left_edge.i if head.left_edge.i < head.i else head.i, _noun_phrase(noun)[1]


def _named_apposition(child: Token, spacy_doc: SpacyDoc) -> tuple[int, int, str, str] | None:
    """The person an apposition names ("…, General-Major Igor Konashenkov,"), or None."""
    appos = _entity_at(child, spacy_doc)
    if appos and appos[2] == "PERSON":
        return appos[0], appos[1], spacy_doc[appos[0] : appos[1]].text, "person"
    return None


def _mistagged_noun(head: Token) -> bool:
    """Whether a subject tagged an adverb or adjective heads a noun phrase all the same:
    it has a determiner and a noun or name before it ("this Trump look-alike")."""
    lefts = list(head.lefts)
    determined = any(c.dep_ == "det" and c.pos_ == "DET" for c in lefts)
    noun = any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") for c in lefts)
    return head.dep_ == "nsubj" and determined and noun


def _subject(cue: Token) -> Token | None:
    """The grammatical subject of a cue, inherited along conjunctions and participles."""
    inverted = _inverted_subject(cue)
    if inverted is not None:
        return inverted
    agent = _passive_agent(cue)
    if agent is not None:
        return agent
    if _writer_quoting(cue):  # 'Trump said, and I quote, "…"': what Trump said
        return _subject(cue.head)
    token: Token | None = cue
    for _ in range(4):
        if token is None:
            return None
        # Two subjects: the one next to the verb ("Or maybe Jeb Bush, consultant Phil
        # Musser says." fronts what Musser said, Bush, as a second subject), unless it
        # is a quoted title ('Washington, star of “Scandal,” thanked'); one after the verb
        # comes last ('"…," thanked Mira Olsen' names who was thanked).
        for child in sorted(token.children, key=lambda c: _subject_rank(c, token)):
            passive = child.dep_ == "nsubjpass" and token.lemma_.lower() == "quote"
            if child.dep_ == "nsubj" or passive:  # "X is quoted as saying"
                if child.lower_ in RELATIVE and token.dep_ == "relcl":
                    return _appositive_name(token.head)
                # "Trump told Newsmax that Romney had a crazy policy, adding, “…”": a
                # speech participle on a reported clause goes on with its reporter.
                going_on = cue.tag_ == "VBG" and cue.lemma_.lower() in GOING_ON
                # "Holm said Berg is to blame and accused him of …": "him" is not who
                # accuses, so the reported subject is not the one speaking.
                bound = token is not cue and _object_pronoun(cue)
                if token is not cue and (going_on or bound or not _may_speak(child)):
                    # "Paul said Rubio's plan would cost more, and called him …": the
                    # parse hangs "called" on what Paul said; a plan calls no one.
                    outer = _reporting_verb(token)
                    if outer is not None:
                        return _subject(outer)
                return child
        if token is not cue and cue.dep_ == "conj" and cue.head.i == token.i:
            # "Lind was joined on stage by Holm and joked, “…”": the one joined goes on.
            # Not where the passive is itself reported: "said the move was made by
            # Bratton and said, “…”" is the outer speaker's.
            joined = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
            if joined is not None and _may_speak(joined) and _reporting_verb(token) is None:
                return joined
        if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN"):
            return _appositive_name(token.head)  # "activists, who said …", "who" left out
        # "Trump gestured, then leaned in and boomed:": a verb with no subject the parse
        # hangs on another by no relation it names goes on with that verb's subject.
        loose = token.dep_ == "dep" and token.pos_ == "VERB" and token.head.pos_ == "VERB"
        if token is cue and _after_time_clause(cue):
            token = cue.head.head  # "Holm said after Berg won the vote, remarking …"
            continue
        if token.dep_ in ("conj", "xcomp") or (token.dep_ == "advcl" and token.tag_ == "VBG"):
            token = token.head
            continue
        # "Grieve interrupted me to announce, “…”": an infinitive of purpose is its verb's.
        purpose = token.dep_ == "advcl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in token.children
        )
        if (loose or purpose) and token.head.i < token.i:
            token = token.head
            continue
        if token.dep_ == "pcomp" and token.head.dep_ == "prep":  # "rallied them by warning …"
            token = token.head.head
            continue
        if token.dep_ == "acl" and token.tag_ == "VBG" and token.head.dep_ == "dobj":
            token = token.head.head  # "rejected the notion …, saying …"
            continue
        # "Ada Holm, the activist, endorsed the plan, saying …" parsed with the name as
        # the root (or subject) and the participle hung on it: the person says it.
        person = token.head.ent_type_ == "PERSON" and token.head.dep_ in ("ROOT", "nsubj")
        if token.dep_ == "acl" and token.tag_ == "VBG" and person and token.head.i < token.i:
            return token.head
        outer = _reporting_verb(token) if token is not cue else None
        if outer is not None:  # "said the move was made by Bratton and said, “…”"
            return _subject(outer)
        return _name_before(cue)
    return None


def _object_pronoun(cue: Token) -> bool:
    """Whether a cue's object is "him" or "her": a pronoun that cannot be its subject."""
    return any(c.dep_ == "dobj" and c.lower_ in ("him", "her") for c in cue.children)


def _after_time_clause(cue: Token) -> bool:
    """Whether a speech participle the parse hung on a time clause ("after Berg won the
    vote, remarking …") goes on with the speech verb the time clause dates: "Holm said
    on her show after Berg won the vote, remarking that …" is Holm remarking."""
    clause = cue.head
    if cue.dep_ != "advcl" or cue.tag_ != "VBG" or clause.dep_ != "advcl" or clause.i > cue.i:
        return False
    if not any(c.dep_ == "mark" and c.lower_ in WHILE for c in clause.children):
        return False
    verb = clause.head
    return verb.i < clause.i and _speech_cue(verb) and cue.lemma_.lower() in SPEECH_LEMMAS


def _subject_rank(child: Token, verb: Token) -> tuple[bool, bool, int]:
    """Order of a verb's dependents as its subject: before it, not opening a quotation
    (the parse's subject there is a quoted title), nearest first."""
    quoted = child.i > 0 and child.doc[child.i - 1].text in ("“", '"')
    return child.i > verb.i, quoted, abs(child.i - verb.i)


def _writer_quoting(cue: Token) -> bool:
    """Whether a cue is the writer's "and I quote" joined to the speech verb it quotes."""
    if cue.lemma_.lower() != "quote" or cue.dep_ != "conj" or not is_cue(cue.head):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in cue.children)


NOT_BY_AGENT = frozenset("quote cite interrupt interject".split())
NAMED = ("PERSON", "ORG", "NORP", "GPE")


def _is_named(token: Token) -> bool:
    """A proper noun, or a word the recogniser tags a person, organisation, group or place."""
    return token.pos_ == "PROPN" or token.ent_type_ in NAMED


def _passive_agent(cue: Token) -> Token | None:
    """The named speaker of a passive speech verb: "Rubio was asked by moderator Gerard
    Baker whether …", "was described by Reuters as “…”". Its subject is who was spoken to or of;
    "is quoted as saying" keeps its subject (the one quoted), and one interrupted by a
    protester is interrupted by no words."""
    if cue.lemma_.lower() in NOT_BY_AGENT or cue.tag_ != "VBN":
        return None
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children):
        return None
    for child in cue.children:
        if child.dep_ == "agent":
            agent = next((g for g in child.children if g.dep_ == "pobj"), None)
            # A named agent only: "asked by the host" may be anyone's description.
            named = agent is not None and _is_named(agent)
            return agent if named else None
    return None


# Speech participles that go on with the reporter of the clause they hang on ("Cruz said
# Trump represents “…”, stating that …").
GOING_ON = frozenset(
    """add say explain note insist argue stress continue state claim warn declare write
    suggest call describe vow""".split()
)
WHILE = frozenset("as while when before after until".split())  # a time, no speech
SPEAKING_PRONOUNS = frozenset("he she they we i you".split())


def _may_speak(subject: Token) -> bool:
    """Whether a subject can be the one who speaks: a name, an organisation, a group, a
    person's pronoun; not a thing ("the bill", "the deadlock", "it")."""
    if subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    return subject.pos_ == "PROPN" or subject.lower_ in SPEAKING_PRONOUNS


def _reporting_verb(clause: Token) -> Token | None:
    """The speech verb whose content a clause is: "Starr said [Clinton's situation
    reminds him …]", "denied the notion that [a shakeup is coming]"."""
    node = clause
    for _ in range(4):
        head = node.head
        if head.i == node.i:
            return None
        lemma = head.lemma_.lower()
        if (node.dep_ == "ccomp" and lemma in SPEECH_LEMMAS) or (
            node.dep_ == "dobj" and lemma in OBJECT_CONTENT
        ):
            return head if is_cue(head) else None
        if node.dep_ not in ("conj", "acl", "dobj"):
            return None
        node = head
    return None


def _appositive_name(head: Token) -> Token:
    """The name a role stands beside: "Braynard, a native who writes …" -> "Braynard"."""
    if head.dep_ == "appos" and head.pos_ == "NOUN" and head.head.pos_ == "PROPN":
        return head.head
    return head


def _inverted_subject(cue: Token) -> Token | None:
    """X of '…, said X' and '"…," said X': after a comma or quote mark, a speech verb
    followed by a name is said by that name, whatever the parse made the subject ("The
    promise … appeals to whites, said Alan Abramowitz")."""
    doc = cue.doc
    if cue.i == 0 or cue.i + 1 >= len(doc) or cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if doc[cue.i - 1].text not in (",", "”", '"', "’") or cue.lemma_.lower() not in INVERTING:
        return None
    # "Steve Huhn, a former vice president, said Fiorina was …": a named subject before
    # the verb is the speaker, and the name after it the subject of what was said.
    if any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in cue.lefts):
        return None
    first = cue.i + 1
    if doc[first].text.rstrip(".").lower() in TITLES and first + 1 < len(doc):
        first += 1
    entity = _entity_at(doc[first], doc)
    if not entity and doc[first].pos_ == "PROPN":  # "added Gowdy.", no entity tagged
        last = first
        while last + 1 < len(doc) and doc[last + 1].pos_ == "PROPN":
            last += 1
        entity = (first, last + 1, "PERSON")
    if not entity or entity[0] != first or entity[2] not in ("PERSON", "ORG"):
        return None
    name = doc[entity[1] - 1]
    return name if name.head.i == cue.i else None


def _name_before(cue: Token) -> Token | None:
    """A name right before a cue the parse left without a subject: ", Jake Sullivan, said",
    "Sen. Ada Holm (D-Ore.) said", "who Holm on Wednesday called"; a surname the tagger
    took for an adverb ("And Skelly called", which only a full name earlier in the article
    makes a claimant); or the role the parse made an apposition of the noun before it
    ("In an interview with hosts A and B, the candidate stated that …")."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None  # a subject the parse gave it and that was no claimant
    doc = cue.doc
    k = _skip_back(doc, cue.i - 1)
    if k < 0:
        return None
    token = doc[k]
    if token.ent_type_ in ("PERSON", "ORG"):
        return token
    mistagged = token.is_title and token.pos_ in ("ADV", "ADJ") and token.dep_ == "advmod"
    if mistagged and not token.is_sent_start:  # "Also said" is capitalised as first word
        return token
    return _stranded_apposition(doc, k, cue)


TIME_PREPOSITIONS = frozenset("on in at during".split())


def _skip_back(doc: SpacyDoc, k: int) -> int:
    """The token before commas, a bracketed aside ("(R-Wis.)") and a time ("on
    Wednesday", "Tuesday") that end at ``k``: what stands there says nothing of who."""
    for _ in range(3):
        while k >= 0 and doc[k].text == ",":
            k -= 1
        if k >= 0 and doc[k].text == ")":
            opening = next(
                (j for j in range(k - 1, max(k - 8, -1), -1) if doc[j].text == "("), None
            )
            if opening is None:
                return k
            k = opening - 1
            continue
        time = k
        while time >= 0 and (doc[time].ent_type_ in ("DATE", "TIME") or doc[time].is_space):
            time -= 1
        if time == k:
            return k
        if time >= 0 and doc[time].lower_ in TIME_PREPOSITIONS:
            time -= 1
        k = time
    return k


def _stranded_apposition(doc: SpacyDoc, k: int, cue: Token) -> Token | None:
    """A role noun whose phrase ends right before a subjectless cue, that the parse hung
    as an apposition on some noun before: "…, a White House official who spoke on
    condition of anonymity said Wednesday, “…”" is the official's."""
    node = doc[k]
    for _ in range(PHRASE_TOKENS):
        if node.dep_ == "appos" and node.pos_ in ("NOUN", "PROPN"):
            break
        if node.head.i == node.i or node.head.i >= cue.i:
            return None
        node = node.head
    else:
        return None
    if node.right_edge.i != k or node.head.i >= node.i or cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # a participle ("…, saying") is its noun's, not a stranded subject's
    if any(t.pos_ in ("VERB", "AUX") for t in doc[node.left_edge.i : node.i]):
        return None  # "endorsed Sanders' approach": a clause the parse took for a noun
    if node.head.ent_type_ == "PERSON":
        return node.head  # '“…,” Gene Sperling, a top outside adviser, said': the name
    return node


def _according_to(token: Token) -> Token | None:
    """The object of "according to", when ``token`` is "according"."""
    if token.lower_ != "according":
        return None
    for child in token.children:
        if child.lower_ == "to":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _subtree(token: Token) -> set[int]:
    return {t.i for t in token.subtree}


def _content(cue: Token) -> set[int]:
    """Token indices of what a cue introduces."""
    if cue.lower_ == "according":
        return _subtree(cue.head) - _subtree(cue) if cue.dep_ == "prep" else set()
    found: set[int] = set()
    lemma = cue.lemma_.lower()
    claim = _claim_noun(cue)
    if claim is not None:  # "made the point that …": the clause the noun opens
        found |= _subtree(claim) - {claim.i}
    for child in cue.children:
        # "denied the allegations" has content; "told reporters" names the audience.
        thing = child.dep_ == "dobj" and lemma in OBJECT_CONTENT and child.pos_ == "NOUN"
        named = child.dep_ in ("oprd", "attr") and lemma in NAMING_LEMMAS
        about = child.dep_ == "prep" and child.lower_ in ("of", "about", "for")
        # "referred to the mayor as “a coward”": what the mayor was called.
        named = named or (child.dep_ == "prep" and child.lower_ == "as" and lemma in AS_NAMING)
        if child.dep_ in CONTENT_DEPS or thing or named or (about and lemma in PREPOSITION_CONTENT):
            found |= _subtree(child)
        elif child.dep_ == "prep" and child.lower_ == "in" and lemma in SPEECH_LEMMAS:
            found |= _said_in(child)
        elif child.dep_ == "prep" and child.lower_ == "to" and lemma in SPEECH_LEMMAS:
            found |= _said_to(child)
        elif child.dep_ == "dobj" and lemma in NAMING_LEMMAS:
            # 'called the attack that killed five “an act of terror”': the parse hangs
            # the name on the thing named, as its apposition.
            for name in child.children:
                opening = cue.doc[max(name.left_edge.i - 1, 0)]
                quoted = opening.text in '“"' or name.left_edge.text in '“"'
                if name.dep_ == "appos" and name.i > child.i and quoted:
                    found |= _subtree(name)
    if not found and cue.dep_ in ("parataxis", "ccomp", "advcl") and cue.head.i != cue.i:
        found = _subtree(cue.head) - _subtree(cue)  # '"…," he said' parsed under the quote
    return _within_paragraph(cue, found)


SAID_IN = frozenset("statement interview email e-mail speech letter post message".split())


def _said_in(preposition: Token) -> set[int]:
    """'says in a statement that Trump's “…”': the parse hangs what was said on the
    statement, as a clause that 'that' opens (a complement, not a relative clause)."""
    found: set[int] = set()
    for thing in preposition.children:
        if thing.dep_ != "pobj" or thing.lemma_.lower() not in SAID_IN:
            continue
        for clause in thing.children:
            opened = any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
            if clause.dep_ in ("acl", "relcl") and opened:
                found |= _subtree(clause)
    return found


def _said_to(preposition: Token) -> set[int]:
    """'griped to a crowd in Ohio that the paper “…”': the parse hangs what was said on
    the audience as a clause. A clause that "that" opens as a conjunction (a relative
    "that" would be its subject or object) is the complement of the speech verb."""
    found: set[int] = set()
    for noun in preposition.children:
        if noun.dep_ != "pobj":
            continue
        for node in noun.subtree:
            opened = any(m.dep_ == "mark" and m.lower_ == "that" for m in node.children)
            if node.dep_ in ("acl", "relcl") and node.pos_ in ("VERB", "AUX") and opened:
                found |= _subtree(node)
    return found


def _within_paragraph(cue: Token, found: set[int]) -> set[int]:
    """The content tokens of the cue's own paragraph, without the punctuation at its
    edges: a parse that runs over a paragraph break is no content of this cue."""
    doc = cue.doc
    if not found:
        return found
    low, high = cue.i, cue.i
    while low > min(found) and "\n" not in doc[low - 1].text:
        low -= 1
    while high < max(found) and "\n" not in doc[high + 1].text:
        high += 1
    kept = sorted(i for i in found if low <= i <= high)

    def edge(token: Token, opening: bool) -> bool:
        if token.is_space:
            return True
        if opening:
            return token.is_punct and token.text not in '“"‘'
        return token.text in (",", ";", ":", "—", "-")

    while kept and edge(doc[kept[0]], opening=True):
        kept.pop(0)
    while kept and edge(doc[kept[-1]], opening=False):
        kept.pop()
    return set(kept)


def reporter(cue: Cue, cues: Iterable[Cue]) -> Cue:
    """The cue that reports a cue's clause, when the cue is part of what another named
    claimant said: "Carter said that some critics had been predicting a withdrawal" is
    Carter's, not the critics'; the cue itself otherwise."""
    others = [c for c in cues if c.content and not c.cognitive and c.claimant is not None]
    for _ in range(3):  # "A said that B told C that …"
        outer = next(
            (c for c in others if c is not cue and cue.token.i in c.content and c.claimant.name),
            None,
        )
        if outer is None or outer.token.i in cue.content:
            return cue
        cue = outer
    return cue


def find_cues(
    spacy_doc: SpacyDoc, quoted: list[tuple[int, int]], people: PersonTracker
) -> list[Cue]:
    """Every cue outside quotations, in text order, with its claimant resolved."""
    cues: list[Cue] = []

    def inside(token: Token) -> bool:
        return any(a <= token.idx < b for a, b in quoted)

    for token in spacy_doc:
        subject_token: Token | None
        if token.lower_ == "according":
            subject_token = _according_to(token)
            if subject_token is None:
                continue
        elif is_cue(token):
            subject_token = _subject(token)
        else:
            if token.dep_ in ("nsubj", "nsubjpass") and not inside(token):
                people.observe_subject(token, spacy_doc)
            continue
        if inside(token):
            continue
        lemma = token.lemma_.lower()
        quote_only = lemma in QUOTE_ONLY_LEMMAS and lemma not in SPEECH_LEMMAS
        if quote_only and any(c.dep_ == "xcomp" for c in token.children):
            continue  # "will continue to be", "are going to make": no speech
        if lemma in ("speak", "talk") and (
            subject_token is None
            or not _may_speak(subject_token)
            or any(c.dep_ == "mark" and c.lower_ in WHILE for c in token.children)
        ):
            continue  # "the fact speaks to …", "as Blumenthal spoke, the NRA …": no speech
        claimant = None
        if subject_token is not None and not inside(subject_token):
            claimant = people.claimant(subject_token, spacy_doc)
        passive = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        if passive is not None and subject_token is not None and subject_token.dep_ == "pobj":
            # "Rubio was asked by Baker …": the one asked is who answers, the "he" of
            # the next quotation, though the asker spoke last.
            people.observe_subject(passive, spacy_doc)
        relative = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if claimant is not None and relative is not None and relative.lower_ in RELATIVE:
            # "Democrats, who said …": the mention that is the verb's subject is "who".
            claimant.start, claimant.end = relative.idx, relative.idx + len(relative.text)
        content = _content(token)
        cognitive = lemma in COGNITION_LEMMAS and lemma not in SPEECH_LEMMAS
        if cognitive and _finding(token, content, spacy_doc, inside):
            cognitive = False
        cues.append(
            Cue(
                token=token,
                claimant=claimant,
                content=content,
                quote_only=quote_only,
                cognitive=cognitive,
                author=subject_token is not None and subject_token.lower_ in FIRST_PERSON,
            )
        )
    return cues


FINDING_LEMMAS = frozenset("find show".split())


def _finding(
    token: Token, content: set[int], spacy_doc: SpacyDoc, inside: Callable[[Token], bool]
) -> bool:
    """Whether a verb of finding reports words: 'Pew found that “about twice as many …”',
    'A 2014 report found “no evidence …”'. What a study or a person found, quoted, is
    theirs to say. Only a clause that "that" opens ("would find it “very hard …”" is
    a judgement, "emails showed staff favoring …" no words), and not inside what someone
    else said ("Reeves wrote that the text showed …"); "found" with no quotation in its
    clause stays a verb of knowing."""
    if token.lemma_.lower() not in FINDING_LEMMAS or token.tag_ == "VBN":
        return False
    if _reporting_verb(token) is not None:
        return False
    for clause in token.children:
        opened = any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
        if clause.dep_ == "ccomp" and opened:
            return any(inside(spacy_doc[i]) for i in _subtree(clause) & content)
        # Or a quotation that is the object itself, opening right after the verb.
        if clause.dep_ == "dobj" and token.i + 2 < len(spacy_doc):
            mark, first = spacy_doc[token.i + 1], spacy_doc[token.i + 2]
            if mark.text in ("“", '"') and first.i in _subtree(clause) and inside(first):
                return True
    return False


GENDERED = re.compile(r"\b(he|his|him|himself|she|her|hers|herself)\b", re.IGNORECASE)
PRONOUN_REACH = 120  # characters after a name in which its pronoun is looked for
SENTENCE_END = re.compile(r"[.!?][\"”’]?\s|\n")


def _pronoun_genders(entities: list[Entity], text: str) -> dict[str, str]:
    """The gender the article's own pronouns give each surname: the first "he"/"his" or
    "she"/"her" after a person's name, before any other person is named ("Erin Brockovich,
    the activist, endorsed the plan, saying she …"). Only a clear majority of at least
    two counts ("Clinton … his" once among several "her" does not make Clinton a man)."""
    people = sorted((e for e in entities if e.kind == "person"), key=lambda e: e.start)
    votes: dict[str, list[int]] = {}
    for k, entity in enumerate(people):
        limit = entity.end + PRONOUN_REACH
        if k + 1 < len(people):
            limit = min(limit, people[k + 1].start)
        # Within the name's sentence: the next one's "he said" is what is being resolved.
        stop = SENTENCE_END.search(text, entity.end, max(entity.end, limit))
        if stop is not None:
            limit = stop.start()
        match = GENDERED.search(text, entity.end, max(entity.end, limit))
        if match is None:
            continue
        words = clean_name(entity.text).split()
        if not words:
            continue
        count = votes.setdefault(words[-1], [0, 0])
        count[0 if match.group(1).lower() in ("he", "his", "him", "himself") else 1] += 1
    found = {}
    for surname, (male, female) in votes.items():
        if male >= 2 and male >= 3 * female:
            found[surname] = "m"
        elif female >= 2 and female >= 3 * male:
            found[surname] = "f"
    return found


class PersonTracker:
    """The people, organisations and groups an article has named so far, in order.

    Resolves pronouns and completes surnames: "he" is the last person who spoke or was
    the subject of a sentence, "it"/"they" the last claimant when that was an organisation
    or a group; "Luther" is "Philip Luther" once the article has named him in full.
    """

    def __init__(self, entities: list[Entity], text: str) -> None:
        self.full_names = [e.text for e in entities if e.kind == "person"]
        self.gender: dict[str, str] = {}
        for match in HONORIFIC_NAME.finditer(text):
            title = match.group(1).lower()
            self.gender[match.group(2)] = "m" if title in MALE_TITLES else "f"
        for surname, gender in _pronoun_genders(entities, text).items():
            self.gender.setdefault(surname, gender)
        self.people: list[str] = []  # persons named as speakers or subjects, in order
        self.last: Claimant | None = None

    def full_name(self, name: str) -> str:
        """ "Luther" -> "Philip Luther" when the article names him in full."""
        surname = name.split()[-1]
        for known in self.full_names:
            cleaned = clean_name(known)
            longer = cleaned != name and len(cleaned) > len(name)
            same_person = cleaned.split()[-1] == surname and (
                len(name.split()) == 1 or cleaned.split()[0] == name.split()[0]
            )
            if longer and same_person:
                return cleaned
        return name

    def observe_subject(self, token: Token, spacy_doc: SpacyDoc) -> None:
        """A person who is the subject of a clause may be the "he" of the next quote."""
        entity = _entity_at(token, spacy_doc)
        if entity and entity[2] == "PERSON":
            self.people.append(self.full_name(clean_name(spacy_doc[entity[0] : entity[1]].text)))
        elif token.pos_ == "PROPN" and (known := self.known_surname(token)) is not None:
            # "Fiorina ended the meeting" with "Fiorina" tagged an organisation, after
            # "Carly Fiorina": the person the article named in full.
            self.people.append(known)
        elif not entity and any(c.dep_ == "appos" for c in token.children):
            # "greta nyberg, the team's captain, was asked …": a name the NER missed;
            # "author and activist Ada Holm took …": the role's name is its apposition.
            appos = next(c for c in token.children if c.dep_ == "appos")
            start, end = _noun_phrase(appos if appos.pos_ == "PROPN" else token)
            name = clean_name(spacy_doc[start:end].text)
            if name and token.pos_ in ("PROPN", "NOUN") and token.lower_ not in TIME_WORDS:
                self.people.append(name)

    def _compatible(self, name: str, gender: str) -> bool:
        known = self.gender.get(name.split()[-1])
        return known is None or known == gender

    def known_surname(self, token: Token) -> str | None:
        """The full name of a person the article has named whose surname a token is,
        whatever the tagger made of it ("said Skelly" with "Skelly" an adverb)."""
        if not (token.is_title and token.is_alpha) or token.lower_ in TIME_WORDS:
            return None
        for known in self.full_names:
            words = clean_name(known).split()
            if len(words) > 1 and words[-1] == token.text:
                return " ".join(words)
        return None

    def claimant(self, head: Token, spacy_doc: SpacyDoc) -> Claimant | None:
        head = _document_agent(head) or head
        start, end, name, kind = _name_of(head, spacy_doc)
        if name is None and not kind and head.pos_ != "PROPN":
            full = self.known_surname(head)
            if full is not None:  # a surname mistagged: "Skelly" as an adverb
                self.people.append(full)
                found = Claimant(head.idx, head.idx + len(head.text), full, "person")
                self.last = found
                return found
        begin = spacy_doc[start].idx
        finish = spacy_doc[end - 1].idx + len(spacy_doc[end - 1].text)
        if kind.startswith("pronoun:"):
            pronoun = kind.split(":")[1]
            resolved: str | None = None
            if pronoun in PRONOUNS:
                gender = PRONOUNS[pronoun]
                resolved = next(
                    (p for p in reversed(self.people) if self._compatible(p, gender)), None
                )
                kind = "person"
            elif self.last is not None and self.last.kind in ("organisation", "group", "place"):
                resolved, kind = self.last.name, self.last.kind
            found = Claimant(begin, finish, resolved, kind if resolved else "")
            if resolved:
                self.last = found
            return found
        if name is None:
            return None
        name = clean_name(name)
        if not name:
            return None
        # "Stone said" with Stone tagged an organisation, after "Philippa Stone, …".
        if kind in ("organisation", "place", "group") and self.full_name(name) != name:
            kind = "person"
        if kind == "person":
            name = self.full_name(name)
            self.people.append(name)
        begin, finish = _mention_extent(head, begin, finish)
        found = Claimant(begin, finish, name, kind)
        self.last = found
        return found


def _mention_extent(head: Token, begin: int, finish: int) -> tuple[int, int]:
    """Character extent of a claimant's whole mention, its name being shorter: titles and
    roles before it ("White House spokesman Josh Earnest") and an apposition after it
    ("Kevin Brady, chairman of the committee,")."""
    doc = head.doc
    start, end = _noun_phrase(head)
    for child in head.rights:
        if child.dep_ == "appos":
            end = max(end, child.right_edge.i + 1)
    if end - start > 25:  # a parse gone astray: keep the name alone
        return begin, finish
    last = doc[end - 1]
    return min(begin, doc[start].idx), max(finish, last.idx + len(last.text))


ADJACENT_TOKENS = 4  # how far after a cue the speaker of an inverted "said X" may stand
APPOSITION_TOKENS = 15  # "Miller, a retired worker from a nuclear plant, said"
# What someone's own words are called: "From Bush's Facebook post: “…”".
OWN_WORDS = frozenset(
    "statement remarks word response reply answer letter tweet post message".split()
)
STATEMENT_NOUNS = frozenset(
    "statement following remarks words message letter tweet post note reply response".split()
)


def _name_head(tokens: list[Token], spacy_doc: SpacyDoc) -> Token | None:
    """The last token of the first name among ``tokens``: "councillor Brendan Hayes"."""
    for k, token in enumerate(tokens):
        entity = _entity_at(token, spacy_doc)
        if entity and entity[2] in ("PERSON", "ORG"):
            return spacy_doc[entity[1] - 1]
        if token.pos_ == "PROPN" and token.lower_ not in TIME_WORDS:
            end = k
            while end + 1 < len(tokens) and tokens[end + 1].pos_ == "PROPN":
                end += 1
            return tokens[end]
        if token.pos_ not in ("NOUN", "ADJ", "DET", "PROPN"):
            return None
    return None


def _speech_cue(token: Token) -> bool:
    return is_cue(token) and token.lemma_.lower() not in COGNITION_LEMMAS


def _skip_apposition(tokens: list[Token], k: int) -> int:
    """Index after ", a retired worker from a nuclear plant," when it starts at ``k``;
    a quotation closed inside it is part of it (", wearing “Ted Cruz” pins,"). An
    apposition with a relative clause whose closing comma the writer left out (", the
    polling guru who founded the site tweeted") ends at the finite speech verb after the
    relative clause's own verb."""
    if k < len(tokens) and tokens[k].text == ",":
        quoted = False
        verbs = -1  # verbs after a relative pronoun; -1 before one
        for j in range(k + 1, min(len(tokens), k + APPOSITION_TOKENS)):
            text = tokens[j].text
            if text in (".", "!", "?", ";"):
                return k
            if tokens[j].lower_ in ("who", "which") and verbs < 0:
                verbs = 0
            elif verbs >= 0 and tokens[j].pos_ in ("VERB", "AUX"):
                # A past tense the tagger took for a participle has no auxiliary.
                bare = not any(c.dep_ in ("aux", "auxpass") for c in tokens[j].children)
                finite = tokens[j].tag_ in ("VBD", "VBZ", "VBP") or (
                    tokens[j].tag_ == "VBN" and bare
                )
                if verbs > 0 and finite and _speech_cue(tokens[j]) and not quoted:
                    return j
                verbs += 1
            if text in '“”"':
                if (text == "“" and quoted) or (text == "”" and not quoted):
                    return k  # a mark that opens or closes no quotation of its own
                quoted = not quoted
                continue
            if text == "," and not quoted:
                return j + 1
    return k


PREPOSITION_TOKENS = 4  # "a staffer in the room wondered"


def _skip_preposition(tokens: list[Token], k: int) -> int:
    """Index after "in the room" when a short prepositional phrase of nouns starts at
    ``k`` and a speech verb follows it."""
    if k >= len(tokens) or tokens[k].pos_ != "ADP":
        return k
    for j in range(k + 1, min(len(tokens), k + 2 + PREPOSITION_TOKENS)):
        if tokens[j].pos_ not in ("DET", "ADJ", "NOUN", "PROPN"):
            return j if j > k + 1 and _speech_cue(tokens[j]) else k
    return k


def _said_sentence(spacy_doc: SpacyDoc, first: int) -> tuple[Token, Token] | None:
    """(cue, name) of a sentence that is only 'Trump said.' right after a quotation that
    ended in a full stop where its comma belonged."""
    words = list(spacy_doc[first : first + 8])
    while words and words[0].is_punct:
        words = words[1:]
    end = next((k for k, t in enumerate(words) if t.text in (".", "!", "?") or "\n" in t.text), -1)
    if end < 2:
        return None
    cue = words[end - 1]
    if not _speech_cue(cue) or cue.tag_ not in ("VBD", "VBZ"):
        return None
    names = words[: end - 1]
    last = names[-1]
    entity = _entity_at(last, spacy_doc)
    if not entity or entity[2] != "PERSON" or spacy_doc[entity[0]].i < names[0].i:
        return None
    if any(t.pos_ not in ("PROPN",) and t.text.rstrip(".").lower() not in TITLES for t in names):
        return None
    return cue, last


def _skip_aside(tokens: list[Token], k: int) -> int:
    """Index after "(D-Wash.)" when a parenthesis opens at ``k``."""
    if k < len(tokens) and tokens[k].text == "(":
        for j in range(k + 1, min(len(tokens), k + 8)):
            if tokens[j].text == ")":
                return j + 1
    return k


def _cue_after(spacy_doc: SpacyDoc, end: int, starts: list[int]) -> tuple[Token, Token] | None:
    """(cue, name) of '"…," said X' or '"…," X(, apposition,) said' right after a quote.

    After a question or an exclamation ('“Why now?” Mills then writes back, “You look
    cute.”') the words may begin a sentence of their own: a verb of answering there with
    its own complement introduces the answer, not the question."""
    found = _cue_right_after(spacy_doc, end, starts)
    closing = spacy_doc.text[max(0, end - 3) : end]
    if found is None or "," in closing or not any(c in closing for c in "?!"):
        return found
    cue = found[0]
    lemma = cue.lemma_.lower()
    # Only an answer is sure to be someone else's: '“…?” Berg said, “…”' goes on with Berg.
    replying = lemma in REPLY_LEMMAS or any(c.lower_ == "back" for c in cue.children)
    if replying and any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return None
    # Nor is a verb whose object is what it is about: '“… this wall!” Conservatives still
    # praise his refusal to …' begins a sentence of its own.
    if lemma in OBJECT_CONTENT and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and c.i > cue.i for c in cue.children
    ):
        return None
    return found


REPLY_LEMMAS = frozenset("reply respond answer retort".split())


def _cue_right_after(
    spacy_doc: SpacyDoc, end: int, starts: list[int]
) -> tuple[Token, Token] | None:
    """(cue, name) of the words right after a quote, as :func:`_cue_after` reads them."""
    # '"…," Smith said' ends its quote with a comma, '?' or '!'; after a full stop the next
    # words begin a sentence of their own.
    closing = spacy_doc.text[max(0, end - 4) : end + 1]  # also ',\' "' and ',’”'
    first_after = bisect_left(starts, end)
    # '"…today" the editor responded' lacks only its comma; after a full stop the words
    # begin a sentence of their own, which may be only "Trump said."
    if not any(c in closing for c in ",?!") and any(c in closing for c in ".;:"):
        return _said_sentence(spacy_doc, first_after)
    # Double spaces ('“…?” Todd  asked') are no words; a new paragraph ends the search.
    after = [
        t
        for t in spacy_doc[first_after : first_after + ADJACENT_TOKENS + APPOSITION_TOKENS]
        if not (t.is_space and "\n" not in t.text)
    ]
    # ',”  Trump said' with two spaces; a new paragraph is no attribution of this one.
    while after and (after[0].is_punct or after[0].is_space) and "\n" not in after[0].text:
        after = after[1:]
    if after and "\n" in after[0].text:
        return None
    if not after:
        return None
    if _speech_cue(after[0]):
        if after[0].lemma_.lower() not in INVERTING:
            return None  # '"…," thanked Obama': Obama is thanked
        if after[0].tag_ == "VBG":
            return None  # '…of “New York values,” saying the city …': no inversion
        head = _phrase_head(after[1:], spacy_doc)  # "said a person close to the Clintons"
        if head is None and len(after) > 1 and after[1].is_title:
            ends = len(after) == 2 or after[2].is_punct or after[2].is_space
            head = after[1] if ends else None  # "said Skelly," with the name mistagged
        return (after[0], head) if head is not None else None
    head = _phrase_head(after, spacy_doc)
    if head is None:
        return None
    k = after.index(head) + 1
    while k < len(after) and (after[k].ent_iob_ == "I" or after[k].pos_ == "PROPN"):
        k += 1
    k = _skip_aside(after, k)
    k = _skip_apposition(after, k)
    k = _skip_preposition(after, k)
    while k < len(after) and after[k].pos_ == "ADV":
        k += 1
    if k < len(after) and (_speech_cue(after[k]) or _speech_noun(after, k)):
        return after[k], head
    return _subject_of_verb_after(head, after)


def _speech_noun(after: list[Token], k: int) -> bool:
    """'“…,” the Saudis state in the paper': a speech verb the tagger took for the noun
    that ends the name's phrase, with no noun after it to make it one."""
    token = after[k]
    if token.pos_ != "NOUN" or token.lemma_.lower() not in SPEECH_LEMMAS:
        return False
    following = after[k + 1] if k + 1 < len(after) else None
    return following is None or following.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


def _subject_of_verb_after(head: Token, after: list[Token]) -> tuple[Token, Token] | None:
    """'"…," the Florida senator and Republican candidate said': the name is a modifier of
    the noun that is the subject of a speech verb the parse hung on the quotation."""
    node = head
    for _ in range(3):
        if node.dep_ not in ("compound", "amod", "poss", "nmod") or node.head.i < node.i:
            break
        node = node.head
    verb = node.head
    if node.dep_ != "nsubj" or verb.i < node.i or verb not in after or not _speech_cue(verb):
        return None
    # Only the subject's own words between: not "Democrats in Iowa who watched it said".
    between = head.doc[head.i + 1 : verb.i]
    if any(t.pos_ in ("VERB", "AUX", "PRON") or t.is_punct for t in between):
        return None
    return verb, node


PHRASE_TOKENS = 8  # "former Obama adviser David Axelrod"


def _phrase_head(tokens: list[Token], spacy_doc: SpacyDoc) -> Token | None:
    """The head of the noun phrase that opens ``tokens``: its last person's name, else its
    last name, else its last noun ("the report", "a person close to …" -> "person")."""
    phrase: list[Token] = []
    for token in tokens[:PHRASE_TOKENS]:
        word = token.pos_ in ("DET", "ADJ", "NOUN", "PROPN") or token.tag_ == "POS"
        if word or token.ent_iob_ == "I" or (token.pos_ == "NUM" and not phrase):  # "one aide"
            phrase.append(token)
            continue
        break
    if not phrase or (phrase[0].pos_ == "ADJ" and len(phrase) == 1):
        return None
    # "said Clinton's introducer, actress Jamie Lee Curtis": an owner is not the one.
    owners = {t.i - 1 for t in phrase if t.tag_ == "POS"}
    phrase = [t for t in phrase if t.i not in owners]
    people = [t for t in phrase if t.ent_type_ == "PERSON"]
    if people:
        entity = _entity_at(people[-1], spacy_doc)
        return spacy_doc[entity[1] - 1] if entity else people[-1]
    names = [t for t in phrase if t.pos_ == "PROPN" and t.lower_ not in TIME_WORDS]
    if names:
        return names[-1]
    nouns = [t for t in phrase if t.pos_ == "NOUN" and t.lemma_.lower() not in TIME_WORDS]
    return nouns[-1] if nouns else None


def _root_subject(token: Token) -> Token | None:
    root = token
    for _ in range(50):  # the root of its sentence, without the cost of ``token.sent``
        if root.head.i == root.i:
            break
        root = root.head
    for child in root.children:
        if child.dep_ == "nsubj" and child.i < token.i:
            return child
    return None


def _cue_before(
    spacy_doc: SpacyDoc,
    start: int,
    starts: list[int],
    cues: dict[int, Cue],
    people: PersonTracker | None = None,
) -> tuple[Token, Token | None, Claimant | None] | None:
    """The cue of 'X said: "…"', 'Continued Stone: "…"', '…, writing "…"' before a quote.

    Also a paragraph that ends in a colon introduces the quote that opens the next one
    ("Trump issued the following statement:").
    """
    index = bisect_left(starts, start) - 1
    while index >= 0 and spacy_doc[index].is_space:
        index -= 1
    if index < 0:
        return None
    mark = spacy_doc[index]
    if mark.lower_ == "that":
        return _said_that(mark, spacy_doc)
    if mark.text in DASHES:
        return _clause_before_dash(mark, spacy_doc, start, cues, people)
    colon = mark.text in (":", "):")  # the tokenizer keeps "):" one token
    if mark.text not in (":", ",", "):"):
        if not (_speech_cue(mark) and mark.tag_ == "VBG"):  # "…, writing “…”"
            return None
        index += 1
    reach = ADJACENT_TOKENS + (5 if colon else 1)  # "responded, with a smile:"
    window = list(spacy_doc[max(0, index - reach) : index])
    window = window[max((k for k, t in enumerate(window) if t.text in ".!?"), default=-1) + 1 :]
    # "… issued the following statement:" / "issued a statement, “…”" reach further back.
    statement = list(spacy_doc[max(0, index - 12) : index])
    if any(t.lemma_.lower() in STATEMENT_NOUNS for t in statement[-4:]):
        window = statement
    if colon and index > 0 and HANDLE.fullmatch(spacy_doc[index - 1].text):
        return mark, spacy_doc[index - 1], None  # a tweet as quoted: '@presssec: "…"'
    if colon:  # "Pollsters agree - Carl Bialik: “…”": the name after the dash
        signed = _transcript_speaker(window, mark, dashed_only=True)
        if signed is not None:
            return signed
    for k in range(len(window) - 1, -1, -1):
        token = window[k]
        if not _speech_cue(token):
            continue
        known = cues.get(token.i)
        if known is not None and known.quote_only and reporter(known, cues.values()) is not known:
            continue  # "Rubio said that once the Senate goes on recess, “…”": Rubio's
        if known is not None and known.claimant is not None and known.claimant.name:
            return token, None, known.claimant
        head = _name_head(window[k + 1 :], spacy_doc)  # "Continued Stone:"
        if head is None and token.tag_ == "VBG":
            head = _root_subject(token)  # "Flea shared the news, writing “…”"
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
        if head is None and not passive:  # "Clinton, exasperated, famously responded:"
            # Not "Holm was asked, “…?”": the one asked is not the one who asks.
            people = [t for t in window[:k] if t.ent_type_ == "PERSON"]
            head = people[-1] if people else None
        return (token, head, None) if head is not None else None
    for token in reversed(window):
        if token.text in (".", "\n") or token.is_space:
            break
        if token.lemma_.lower() in STATEMENT_NOUNS and token.dep_ == "dobj":
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return token.head, subject, None
        # "Clinton's response was:", "From Bush's Facebook post:", "in Forbes' words,"; not
        # "the story about Clinton's emails, “…”".
        where = token.dep_ in ("nsubj", "ROOT") or (
            token.dep_ == "pobj" and token.head.lower_ in ("from", "in")
        )
        if token.lemma_.lower() in OWN_WORDS and where:
            owner = next((c for c in token.children if c.dep_ == "poss"), None)
            named = owner is not None and owner.ent_type_ in ("PERSON", "ORG", "NORP")
            if named or (owner is not None and owner.pos_ == "PROPN"):
                return token, owner, None
    if mark.text == "):":
        return _transcript_speaker(window, mark)  # 'Sen. Ada Holm (D-Ore.): "…"'
    if colon:
        return (
            _transcript_speaker(window, mark)
            or _clause_before_colon(mark, cues, people)
            or _one_person_before_colon(mark)
        )
    return None


DASHES = ("-", "--", "—", "–")
HANDLE = re.compile(r"@\w{2,30}")  # an account's name, as a tweet quoted in copy gives it


def _clause_before_dash(
    mark: Token,
    spacy_doc: SpacyDoc,
    start: int,
    cues: dict[int, Cue],
    people: PersonTracker | None,
) -> tuple[Token, Token | None, Claimant | None] | None:
    """A dash introduces a quotation as a colon does ('Trump also embraced waterboarding
    -- "I think …"'), but it also sets off asides ('visited the plant -- "the largest in
    the state" --'): a quotation that opens a sentence of its own (a capital) goes to the
    person the clause is about; a fragment only to the clause's speech verb ('Kasich
    boasted of his organization - "the best in the state"')."""
    found = _clause_before_colon(mark, cues, people)
    if found is None:
        return None
    opening = spacy_doc.text[start + 1 : start + 3].lstrip()
    if found[2] is not None or opening[:1].isupper():
        return found
    return None


THAT_TOKENS = 4  # "told supporters Tuesday night that"


def _said_that(that: Token, spacy_doc: SpacyDoc) -> tuple[Token, Token, None] | None:
    """The cue of 'Trump told supporters Tuesday night that "…"' when the parse lost it.

    A speech verb with a person's name right before it ("also" allowed between), then at
    most a few words of audience and time, then "that" and the quotation. A noun before
    "that" other than its audience ("the claim that") names what was said, not who."""
    k = that.i - 1
    while k >= 0 and that.i - k <= THAT_TOKENS and not _speech_cue(spacy_doc[k]):
        if spacy_doc[k].pos_ not in ("NOUN", "PROPN", "PRON", "DET", "ADJ"):
            return None
        k -= 1
    if k < 0 or not _speech_cue(spacy_doc[k]) or spacy_doc[k].tag_ not in ("VBD", "VBZ", "VBN"):
        return None
    cue = spacy_doc[k]
    audience = spacy_doc[k + 1 : that.i]
    if any(t.lemma_.lower() in STATEMENT_NOUNS for t in audience):
        return None
    timed = all(t.lower_ in TIME_WORDS or t.ent_type_ in ("DATE", "TIME") for t in audience)
    if audience and cue.lemma_.lower() not in AUDIENCE_LEMMAS and not timed:
        return None  # "Clinton denied the report that": the report's words
    j = k - 1
    while j >= 0 and spacy_doc[j].pos_ == "ADV":
        j -= 1
    if j < 0 or spacy_doc[j].ent_type_ != "PERSON":
        return None
    return cue, spacy_doc[j], None


def _clause_before_colon(
    mark: Token, cues: dict[int, Cue], people: PersonTracker | None = None
) -> tuple[Token, Token | None, Claimant | None] | None:
    """The speaker of the clause a colon ends: 'Clinton supports raises and recalled the
    pay freeze: "…"'. Its main verb is a speech verb with a named claimant, or its subject
    is a person ("Trump also embraced waterboarding: "…""). A verb of thinking gives none.
    """
    if mark.i == 0:
        return None
    root = mark.doc[mark.i - 1]
    for _ in range(50):
        # The clause stops at the mark: a parse that hangs it on a verb of the quotation
        # ('embraced the fees -- "I think …"', "think" the root) still ends before it.
        if root.head.i == root.i or root.head.i > mark.i:
            break
        root = root.head
    for token in [root, *(c for c in root.children if c.dep_ == "conj" and c.i < mark.i)]:
        known = cues.get(token.i)
        if known is not None and known.cognitive:
            return None
        if known is not None and known.claimant is not None and known.claimant.name:
            return token, None, known.claimant
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    # "Kasich resisted:" with "Kasich" tagged a place, after "Gov. John Kasich".
    known = subject is not None and people is not None and people.known_surname(subject)
    person = subject is not None and (subject.ent_type_ == "PERSON" or bool(known))
    # Not a clause inside a quotation ('"Morrison is leaving," by Michael Paulson:').
    through_quote = subject is not None and any(
        t.text in ('"', "“", "”") for t in mark.doc[subject.i : mark.i]
    )
    if subject is not None and person and not through_quote and root.pos_ == "VERB":
        return root, subject, None
    return None


def _one_person_before_colon(mark: Token) -> tuple[Token, Token, None] | None:
    """The one person a clause ending in a colon names: "Here's Clinton in 1992:", "The
    surge doesn't surprise pollster Daron Shaw:", "More from Jones:". Two people ("Trump
    attacked Clinton:") or none: no speaker."""
    doc = mark.doc
    first = mark.i
    while first > 0 and mark.i - first < 25:
        before = doc[first - 1]
        if before.is_space or "\n" in before.text or before.text in (".", "!", "?", "”", '"'):
            break
        first -= 1
    else:
        if first > 0:
            return None
    people: set[tuple[int, int]] = set()
    for token in doc[first : mark.i]:
        entity = _entity_at(token, doc)
        if entity and entity[2] == "PERSON":
            people.add((entity[0], entity[1]))
        elif token.pos_ == "PROPN" and not entity:
            return None  # a name the recogniser missed may be the speaker
    if len(people) != 1:
        return None
    ((_start, end),) = people
    head = doc[end - 1]
    if head.dep_ == "poss" or (end < len(doc) and doc[end].tag_ == "POS"):
        return None  # "Trump's response:" is no quotation of Trump by name alone
    return mark, head, None


def _transcript_speaker(
    window: list[Token], mark: Token, dashed_only: bool = False
) -> tuple[Token, Token, Claimant | None] | None:
    """'Rep. Trey Gowdy: "…"', '… - Frank Newport: "…"': a name alone before a colon.

    The name must stand by itself: after the start of the paragraph, a dash, the end of a
    sentence or of a quotation, with no verb in between.
    """
    doc = mark.doc
    stop = mark.i
    # 'Rep. Trey Gowdy (R-S.C.):': the party and state in brackets are no part of the
    # name, and their dash is no dash before one.
    if mark.text == "):" or (stop > 0 and doc[stop - 1].text == ")"):
        opening = next((t.i for t in doc[max(stop - 8, 0) : stop] if t.text == "("), None)
        if opening is not None:
            stop = opening
    first = stop
    while first > 0 and stop - first < 10:
        before = doc[first - 1]
        if before.is_space or before.text in ("-", "—", "–", ".", "!", "?", "”", '"'):
            break
        first -= 1
    else:
        if first > 0:
            return None
    words = [t for t in doc[first:stop] if not t.is_punct]
    if not words or any(t.pos_ in ("VERB", "AUX", "ADP", "SCONJ") for t in words):
        return None
    named = [t for t in words if t.ent_type_ == "PERSON"]
    dashed = first > 0 and doc[first - 1].text in ("-", "—", "–")
    if dashed_only and not dashed:
        return None
    if dashed_only and len(words) <= 4 and all(_name_word(t) for t in words):
        # The name is what follows the dash, whatever the parse hangs it on.
        name = clean_name(doc[words[0].i : words[-1].i + 1].text)
        end = words[-1].idx + len(words[-1].text)
        return mark, words[-1], Claimant(words[0].idx, end, name, "person")
    if not named and dashed and all(t.pos_ == "PROPN" for t in words) and len(words) <= 4:
        named = words  # "… - Philip Bump: “…”", a name the recogniser missed
    if not named:
        return None
    return mark, named[-1], None


def _name_word(token: Token) -> bool:
    """A word of a name standing alone after a dash: a proper noun, a person, or a
    capitalised noun the tagger took for a common one ("- Pew Research:")."""
    if token.pos_ == "PROPN" or token.ent_type_ == "PERSON":
        return True
    return token.pos_ == "NOUN" and token.is_title and token.lower_ not in TIME_WORDS


def lexical_cue(
    spacy_doc: SpacyDoc,
    start: int,
    end: int,
    people: PersonTracker,
    cues: dict[int, Cue],
    starts: list[int],
) -> Cue | None:
    """A speech verb and a name right next to a quotation that the parse did not tie to it.

    The parser often loses its way around quote marks ('"…," insisted councillor Brendan
    Hayes' with "insisted" as an adjective); the words next to the marks still say who
    spoke when they are a speech verb and a name (either order, an apposition allowed),
    a name and a speech verb and a colon, or a participle ("…, writing “…”").
    """
    found = _cue_after(spacy_doc, end, starts)
    claimant: Claimant | None = None
    if found is not None:
        cue, head = found
    else:
        before = _cue_before(spacy_doc, start, starts, cues, people)
        if before is None:
            return None
        cue, head, claimant = before
    if claimant is None and head is not None:
        claimant = people.claimant(head, spacy_doc)
    if claimant is None or claimant.name is None:
        return None
    return Cue(token=cue, claimant=claimant, content=set(), quote_only=True)
