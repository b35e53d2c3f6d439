"""Positions: what each party says, one identity per party, denials beside the claims
they answer; and who the summary's claims are given to."""

from __future__ import annotations

from accord.align import align
from accord.compare import compare
from accord.compare.parties import party_key
from accord.model import Cluster
from tests.analysed import documents

REPORT = (
    "The Harbour Trust said at least 30 boats were sunk by the storm in the bay. "
    'Anna Berg, a spokeswoman for the Harbour Trust, said: "The damage is the worst '
    'we have seen in decades." '
    "The port authority denied that the sea wall had failed during the storm. "
    "Yesterday was calm."
)
ANSWER = (
    "The storm sank at least 30 boats in the bay, the Harbour Trust said on Monday. "
    "The city's port authority rejected the claim and said the sea wall held. "
    "A report said the water rose two metres."
)


def positions(*texts: str):
    cluster = compare(align(Cluster(documents=documents(*texts))))
    return cluster.positions


def by_party(found, name):
    return next(p for p in found if p.party == name)


def test_one_party_per_identity_with_its_statements_and_sources():
    found = positions(REPORT, ANSWER)
    trust = by_party(found, "Harbour Trust")
    assert trust.kind == "organisation"
    assert set(trust.sources) == {"s0", "s1"}
    boats = [s for s in trust.statements if "boats" in s.text]
    # the same reported speech in two sources is one statement with both
    assert len(boats) == 1 and set(boats[0].sources) == {"s0", "s1"}
    assert all(e.source in boats[0].sources for e in boats[0].evidence)


def test_a_spokeswoman_speaks_for_her_organisation():
    trust = by_party(positions(REPORT, ANSWER), "Harbour Trust")
    assert trust.speakers == ["Anna Berg"]
    quote = next(s for s in trust.statements if s.kind == "direct")
    assert quote.speaker == "Anna Berg" and "worst" in quote.text


def test_parties_are_never_dates_artifacts_or_fragments():
    names = {p.party.lower() for p in positions(REPORT, ANSWER)}
    assert not names & {"yesterday", "report", "a report", "the report", "it"}
    assert all(any(c.isalpha() for c in name) for name in names)


def test_a_denial_is_linked_to_the_claim_it_answers():
    found = positions(
        "The Harbour Trust said the sea wall failed during the storm and flooded the quay.",
        "The port authority denied that the sea wall failed during the storm.",
    )
    authority = next(p for p in found if "port authority" in p.party.lower())
    denial = next(s for s in authority.statements if s.denial)
    assert denial.answers is not None and denial.answers.party == "Harbour Trust"
    assert "sea wall" in (denial.answers.text or "")
    assert denial.answers.sources == ["s0"]


def test_calling_a_claim_false_is_a_rebuttal_but_a_plain_statement_is_not():
    found = positions(
        "The mayor said the new bridge would open in May. "
        "The builders said the report about cracks in the bridge was fabricated.",
    )
    said = {s.text: s.denial for p in found for s in p.statements}
    assert any(denial for text, denial in said.items() if "fabricated" in text)
    assert not any(denial for text, denial in said.items() if "open in May" in text)


def test_party_keys_join_the_ways_reports_name_a_ministry():
    assert party_key("Russia's Ministry of Defence") == party_key("the Russian defense ministry")
    assert party_key("Russia") != party_key("Russia's Defence Ministry")


def test_parties_with_more_sources_come_first_and_descriptions_last():
    found = positions(
        "Local officials said the road was closed. The Harbour Trust said 30 boats sank.",
        "The Harbour Trust said thirty boats sank in the storm.",
    )
    assert found[0].party == "Harbour Trust"
    assert found[-1].kind == "role"


def test_a_party_named_with_and_without_its_owner_does_not_answer_itself():
    found = positions(
        "The city's port authority said the sea wall held during the storm.",
        "The port authority denied that the sea wall failed during the storm.",
    )
    denials = [s for p in found for s in p.statements if s.denial]
    assert denials and all(s.answers is None for s in denials)


def test_summary_sentences_carry_the_party_their_sources_give_them_to():
    import accord

    briefing = accord.brief(
        [
            "The Harbour Trust said at least 30 boats were sunk by the storm in the bay. "
            "The storm closed the ferry service on Monday.",
            "At least 30 boats were sunk by the storm in the bay, the Harbour Trust said. "
            "The ferry service was closed on Monday because of the storm.",
        ]
    )
    boats = next(s for s in briefing.summary if "boats" in s.text)
    assert boats.claimants == ["Harbour Trust"]
    ferry = next(s for s in briefing.summary if "ferry" in s.text)
    assert ferry.claimants == []  # stated in the sources' own voice
    data = briefing.to_dict()
    assert "claimants" in data["summary"][0] and "positions" in data


def test_long_sections_say_how_many_more_and_all_shows_them():
    import accord
    from accord.render import render

    names = ["Anna Berg", "Tom Hale", "Rita Moss", "Omar Said", "Lena Fox", "Ivan Dahl"]
    names += ["Mia Lund", "Carl Webb"]
    text = " ".join(
        f"{name} said the {thing} was damaged by the storm on Monday."
        for name, thing in zip(
            names,
            ["pier", "school", "library", "depot", "clinic", "bridge", "market", "dam"],
            strict=True,
        )
    )
    briefing = accord.brief([text, "The storm hit the town on Monday and damaged the pier."])
    assert len(briefing.positions) == 8
    short, full = render(briefing, "text"), render(briefing, "text", full=True)
    assert "2 more parties not shown" in short and "more parties" not in full
    assert full.count("Carl Webb") > short.count("Carl Webb")  # his position shows too
    assert "2 more parties" in render(briefing, "html")
    assert "Carl Webb" in render(briefing, "md")  # Markdown holds every entry


def test_a_quotation_that_continues_without_a_cue_is_its_speaker_s():
    found = positions(
        'The storm damaged the old pier on Monday. "We will rebuild the pier before the '
        'summer season," said Anna Berg, the harbour manager.\n\n"The work will take most '
        'of the winter and cost a great deal of money."',
        "The old pier was damaged by the storm on Monday, the council said.",
    )
    berg = by_party(found, "Anna Berg")
    texts = [s.text for s in berg.statements]
    assert any("most of the winter" in t for t in texts) and len(texts) == 2


def test_a_title_before_a_name_ties_the_person_to_the_organisation():
    found = positions(
        "Harbour Trust chief executive Tom Hale said the storm sank 30 boats in the bay. "
        "The Harbour Trust said the quay would reopen next week.",
        "Tom Hale said thirty boats were sunk in the bay by the storm.",
    )
    trust = by_party(found, "Harbour Trust")
    assert trust.speakers == ["Tom Hale"]
    assert not any(p.party.startswith("Harbour Trust chief") for p in found)


def test_pronoun_possessions_and_run_together_words_are_no_party():
    from accord.compare.parties import Parties
    from accord.model import Attribution

    cluster = Cluster(documents=documents("Anna Berg said the pier was damaged."))
    parties = Parties(cluster)

    def party(source: str, kind: str = "role"):
        return parties.of(
            Attribution("indirect", source, "said", "x", "s0", 0, 0, 0, 0, 0, 0, 0, kind)
        )

    assert party("his wife", "person") is None
    assert party("said.berg") is None
    assert party("the report") is None
    assert party("the organization") is None
    assert party("officials") is not None
    assert party("the district attorney's office") is not None
    assert party("a judge's act") is None
    assert party("Russia's Defence Ministry", "organisation") is not None


def test_denials_and_rebuttals_say_how_many_more_and_all_shows_them():
    import accord
    from accord.render import render

    names = ["Anna Berg", "Tom Hale", "Rita Moss", "Omar Said", "Lena Fox", "Ivan Dahl"]
    names += ["Mia Lund", "Carl Webb"]
    things = ["pier", "school", "library", "depot", "clinic", "bridge", "market", "dam"]
    text = " ".join(
        f"{name} denied that the {thing} was damaged by the storm on Monday."
        for name, thing in zip(names, things, strict=True)
    )
    briefing = accord.brief([text, "The storm hit the town on Monday and damaged the pier."])
    denials = [s for p in briefing.positions for s in p.statements if s.denial]
    assert len(denials) == 8
    short, full = render(briefing, "text"), render(briefing, "text", full=True)
    assert "2 more denials and rebuttals not shown" in short
    assert "more denials" not in full
    html = render(briefing, "html")
    assert "2 more denials and rebuttals" in html and html.count("denied that the dam") >= 1
    assert sum(s["denial"] for p in briefing.to_dict()["positions"] for s in p["statements"]) == 8


def test_a_relay_is_no_party_of_what_the_speaker_it_names_says():
    import accord

    briefing = accord.brief(
        [
            "“The flood has destroyed the old mill bridge,” Mayor Anna Berg said in a "
            "statement, according to Radio Kel.",
            "The flood destroyed the mill bridge on Sunday, Mayor Anna Berg said.",
        ]
    )
    parties = [p.party for p in briefing.positions]
    assert "Anna Berg" in parties and "Radio Kel" not in parties


def test_a_party_whose_content_runs_over_another_s_claim_is_still_a_party():
    import accord

    briefing = accord.brief(
        [
            "The Norland Defence Ministry said it had no comment, while the Norland Foreign "
            "Ministry said it needed to study the flood report first.",
            "The Norland Foreign Ministry said it needed to study the flood report before "
            "it could act.",
        ]
    )
    parties = {p.party for p in briefing.positions}
    assert {"Norland Defence Ministry", "Norland Foreign Ministry"} <= parties, parties


def test_a_description_that_ends_one_named_body_is_that_body():
    import accord

    briefing = accord.brief(
        [
            "The Kelmouth County Fire Service said 60 firefighters fought the blaze overnight.",
            "More than 60 firefighters fought the blaze overnight, the county fire service said.",
        ]
    )
    parties = [p.party for p in briefing.positions]
    assert parties.count("Kelmouth County Fire Service") == 1
    assert "county fire service" not in parties
    claimants = {f.claimant for f in briefing.facts if f.kind == "quantity"} - {None}
    assert claimants == {"Kelmouth County Fire Service"}


def test_a_cue_reads_as_in_mid_sentence():
    found = positions(
        "According to the Harbour Trust, at least 30 boats were sunk by the storm in the bay.",
        "The storm sank at least 30 boats in the bay, the Harbour Trust said on Monday.",
    )
    cues = {s.cue for s in by_party(found, "Harbour Trust").statements}
    assert "according to" in cues and "According" not in cues
