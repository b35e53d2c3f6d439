"""Rules of the cross-check that keep real coverage's look-alikes apart (issue 9, round 2).

Each rule is tested on invented sentences: one case it must leave alone, one it must
still report.
"""

from __future__ import annotations

from accord.align import align
from accord.compare.discrepancies import _one_speaker, speaker_discrepancies
from accord.compare.frames import estimates_of_one_total, states_figure
from accord.compare.places import detail_of_one_place, place_role, roles_compatible
from accord.compare.quotes import merge_quotes
from accord.model import Cluster
from tests.analysed import brief, documents, sentence


def _speaker_items(*texts: str):
    cluster = Cluster(documents=documents(*texts))
    cluster.quotes = merge_quotes(cluster)
    return speaker_discrepancies(cluster.quotes, cluster)


def test_two_named_people_for_one_quotation_are_reported():
    (found,) = _speaker_items(
        '"We will rebuild the school by autumn," said Maria Lopez.',
        '"We will rebuild the school by autumn," said Peter Novak.',
    )
    assert {v.text for v in found.variants} == {"Maria Lopez", "Peter Novak"}


def test_speaker_reached_through_a_pronoun_is_not_compared():
    assert not _speaker_items(
        'Maria Lopez toured the site. "We will rebuild the school by autumn," said Peter Novak.',
        'Maria Lopez met Peter Novak there. "We will rebuild the school by autumn," he said.',
    )


def test_group_or_role_is_not_a_named_speaker():
    assert not _speaker_items(
        'He was charged with "driving a vehicle in a reckless manner," police said.',
        'He was charged with "driving a vehicle in a reckless manner," said Peter Novak.',
    )


def test_two_speakers_of_one_surname_are_not_compared():
    assert not _speaker_items(
        '"It was the happiest year of my life," Anna Brook said on Monday.',
        'Actor Paul Brook died in May. "It was the happiest year of my life," Brook said.',
    )


def _places(*texts: str) -> list[set[str]]:
    return [{str(v.value) for v in d.variants} for d in brief(*texts) if d.kind == "place"]


def test_place_role_reads_the_frame():
    s = sentence(
        "Police in Sonora, Mexico, found the van and sent the driver to Texas on a Tuesday."
    )
    assert place_role(s, "Mexico") == "location"
    assert place_role(s, "Texas") == "direction"
    assert place_role(sentence("A Vermont farmer found the calf on Monday."), "Vermont") == (
        "modifier"
    )
    assert place_role(sentence("The president of Chile met the visitors."), "Chile") == ""
    assert place_role(sentence("Peru has closed the pass to trucks."), "Peru") == ""


def test_places_in_different_roles_are_not_one_fact():
    # Where the man was found and where he was sent are both true.
    assert not _places(
        "The fugitive was arrested in Sonora, Mexico, and deported by the police last week.",
        "The fugitive was arrested and deported to Texas by the police last week.",
    )


def test_places_in_one_role_still_conflict():
    assert _places(
        "A bus carrying 30 pilgrims overturned in Ohio on Sunday, police said.",
        "A bus carrying 30 pilgrims overturned in Nevada on Sunday, police said.",
    ) == [{"ohio", "nevada"}]


def _numbers(*texts: str) -> list[set[float]]:
    return [{v.value.value for v in d.variants} for d in brief(*texts) if d.kind in ("quantity",)]


def test_thousands_grouped_by_spaces_are_one_number():
    q = sentence("The trial enrolled 12 480 patients in four countries.").quantities[0]
    assert (q.value, q.counted) == (12480, "patient")
    values = [q.value for q in sentence("He ran the 3 100-metre heats.").quantities]
    assert 3100 not in values


def test_durations_of_two_events_do_not_compare():
    assert not _numbers(
        "The ferry captain was sentenced to 12 years in prison for the sinking on Monday.",
        "The ferry captain has spent 3 years in a city jail since the sinking on Monday.",
    )


def test_duration_of_one_event_still_compares():
    assert _numbers(
        "The pump at the city hospital was switched off for 18 hours, the inquest heard.",
        "The inquest heard the pump at the city hospital was switched off for 19 hours.",
    ) == [{18.0, 19.0}]
    # The nearest verb of "19 hours" is "undergoing"; "switched" stands near it too.
    assert _numbers(
        "The pump at the city hospital was switched off for 18 hours, the inquest heard.",
        "The pump at the city hospital was switched off for 19 hours after undergoing tests.",
    ) == [{18.0, 19.0}]


def test_a_norm_is_not_a_measurement():
    assert not _numbers(
        "Adults need 8.5 hours of sleep a night, the sleep study of nurses found.",
        "Nurses sleep 6.2 hours a night on average, the sleep study found.",
    )


def test_bare_figure_in_the_other_sentence_puts_it_in_play():
    (three,) = sentence("Police searched the homes of three retired guards.").quantities
    bare = sentence("The three are thought to have served in the unit that shot 40 guards.")
    other = sentence("Three children and 40 guards were in the unit.")
    assert states_figure(bare, three)
    assert not states_figure(other, three)


def test_place_role_of_a_described_site():
    s = sentence("The whale washed up on a Vermont beach near the old pier.")
    assert place_role(s, "a Vermont") == "modifier"


def test_a_toll_and_an_estimate_in_unaligned_sentences():
    found = _numbers(
        "Officials said the death toll from the bombing of the market in the port rose to 64.",
        "A lorry bomb at the crowded market killed about 90 people, hospital sources said.",
    )
    assert found == [{64.0, 90.0}]


def test_tolls_of_one_size_are_not_estimates_apart():
    assert not _numbers(
        "Officials said the death toll from the bombing of the market in the port rose to 64.",
        "A lorry bomb at the crowded market killed about 62 people, hospital sources said.",
    )


def test_one_attack_and_a_whole_war_are_two_tolls():
    # the dead of one strike and "around 300,000" victims of the whole war share words
    # (people, the war, the strikes) but a figure many times the other counts something else
    cluster = align(
        Cluster(
            documents=documents(
                "The strikes on the province went on. Ten people died after one hit a market.",
                "The strikes on the province went on. The war has killed around 300,000 people.",
                "The strikes on the province went on. The war has killed about 250,000 people.",
            )
        )
    )
    found = [{qa.value.value, qb.value.value} for qa, qb in estimates_of_one_total(cluster)]
    assert found == [{300_000.0, 250_000.0}]


def test_two_magnitudes_of_one_quake():
    found = _numbers(
        "The national survey said a magnitude 4.1 earthquake struck the coast on Sunday.",
        "Seismologists abroad recorded the 4.6-magnitude tremor, which damaged a school.",
    )
    assert found == [{4.1, 4.6}]
    assert not _numbers(
        "The national survey said a magnitude 4.1 earthquake struck the coast on Sunday.",
        "Seismologists abroad recorded the magnitude 4.1 tremor, which damaged a school.",
    )


def test_one_persons_tally_stated_twice():
    found = _numbers(
        "The novelist Maria Lopez wrote more than 30 novels and taught in Leeds for years.",
        "Lopez was the author of nineteen novels, her publisher said on Friday.",
    )
    assert found == [{30.0, 19.0}]


def test_two_tallies_of_one_source_are_not_compared():
    assert not _numbers(
        "The novelist Maria Lopez wrote 12 novels before 1990 and she wrote 20 novels in all.",
        "Lopez was the author of nineteen novels, her publisher said on Friday.",
    )


def test_a_place_that_describes_and_a_place_where_are_one_fact():
    assert roles_compatible(
        sentence("Nobody has claimed the Denver shooting that killed two guards."),
        "Denver",
        sentence("Nobody has claimed the shooting in Houston that killed two guards."),
        "Houston",
    )
    assert roles_compatible(
        sentence("The clerk, a Vermont notary, refused to sign."),
        "Vermont",
        sentence("The clerk from Ohio refused to sign."),
        "Ohio",
    )
    assert not roles_compatible(
        sentence("The fugitive was arrested in Sonora, Mexico, last week."),
        "Mexico",
        sentence("The fugitive was deported to Texas last week."),
        "Texas",
    )


def test_a_described_site_and_the_place_that_holds_it_do_not_conflict():
    assert not roles_compatible(
        sentence("Divers found a steamer off a Maine beach near the lighthouse."),
        "a Maine",
        sentence("Divers found a steamer off Wells Beach on Friday."),
        "Wells Beach",
    )
    assert not roles_compatible(
        sentence("Diggers found a chapel in the Karnak temple."),
        "the Karnak",
        sentence("Diggers found a chapel at a temple site in Luxor."),
        "Luxor",
    )


def test_a_listed_place_is_where_it_happens():
    s = sentence("The fever continues to batter Guinea, Mali and Liberia this year.")
    assert place_role(s, "Liberia") == "location"
    assert place_role(sentence("Chile and Peru vetoed the text."), "Peru") == ""


def test_a_label_is_not_a_count():
    values = [q.value for q in sentence("Passengers of flight 212 waited 9 hours.").quantities]
    assert values == [9]


def test_years_ago_dates_an_event_and_still_compares():
    assert _numbers(
        "The drone was captured by the army about three years ago, state television said.",
        "State television said the drone, seized about six years ago, was rebuilt by the army.",
    ) == [{3.0, 6.0}]


def test_one_thing_in_opposite_parts_of_one_country():
    found = [
        d
        for d in brief(
            "Rangers patrol the reserve in northwestern Kenya, home to the last white rhinos.",
            "The reserve in north-east Kenya is home to the last white rhinos, rangers said.",
        )
        if d.kind == "place"
    ]
    assert [{v.text.lower() for v in d.variants} for d in found] == [
        {"northwestern kenya", "north-east kenya"}
    ]
    assert not [
        d
        for d in brief(
            "Rangers patrol the reserve in northwestern Kenya, home to the last white rhinos.",
            "The reserve in northern Kenya is home to the last white rhinos, rangers said.",
        )
        if d.kind == "place"
    ]


def test_one_item_ranked_differently():
    found = _numbers(
        "The bill would change the second verse of the hymn sung at every match.",
        "If passed, the fourth verse of the hymn will be sung differently at matches.",
    )
    assert found == [{2.0, 4.0}]
    assert not _numbers(
        "The bill would change the second verse of the hymn and the third verse of the hymn.",
        "If passed, the fourth verse of the hymn will be sung differently at matches.",
    )


def test_one_place_in_more_or_less_detail():
    assert detail_of_one_place("the Kew", "Kew Gardens")
    assert detail_of_one_place("East Africa", "northern Tanzania")
    assert not detail_of_one_place("Sudan", "South Sudan")
    assert not detail_of_one_place("Ohio", "Nevada")


def test_a_speaker_with_the_words_around_the_name_is_the_same_speaker():
    assert _one_speaker("showrunner Rob Thomas tweeted", "Rob Thomas")
    assert not _one_speaker("Rob Thomas", "Rob Hale")
    assert not _speaker_items(
        'Writer Rob Thomas tweeted: "I am heartbroken to hear of his passing today."',
        '"I am heartbroken to hear of his passing today," said Rob Thomas.',
    )


def test_where_someone_is_and_where_they_come_from_are_two_facts():
    # A nurse working in one place may come from another: both are true.
    in_place = sentence("A Chilean nurse in Oregon has agreed to fly home to Santiago.")
    from_place = sentence("A nurse from Chile who posted a warning has agreed to fly home.")
    assert place_role(in_place, "Oregon") == "location"
    assert place_role(from_place, "Chile") == "origin"
    assert not roles_compatible(in_place, "Oregon", from_place, "Chile")
    detailed = sentence("The baker is from a small hill town in Umbria, his sister said.")
    assert place_role(detailed, "Umbria") == "origin"
    # A modifier may still be either ("a Vermont notary" / "the clerk from Ohio"), and
    # two locations still conflict.
    assert place_role(sentence("He lives in a small town in Umbria."), "Umbria") == "location"


def test_a_person_working_in_one_place_and_from_another_is_not_reported():
    assert not _places(
        "A nurse at a clinic in Oregon has agreed to fly home, her lawyer said on Monday.",
        "A nurse from Chile at a clinic has agreed to fly home, her lawyer said on Monday.",
    )


def test_a_day_after_an_inverted_speaker_is_when_it_was_said():
    from accord.compare.dates import reported_on

    s = sentence("The dam failed on Friday, said her brother, Tom Reyes, on Sunday.")
    friday, sunday = sorted(s.dates, key=lambda d: d.start)
    assert reported_on(s, sunday.start)
    assert not reported_on(s, friday.start)
    # A day that ends a clause of its own is still the event's day.
    plain = sentence("Her brother said the dam, which was old, failed on Sunday.")
    assert not reported_on(plain, plain.dates[0].start)


def test_a_figure_rounded_to_the_places_it_states_is_not_a_conflict():
    from accord.compare.counts import consistent_rounding, quantities_conflict

    def q(text: str):
        return sentence(text).quantities[0]

    precise, rounded = q("The tower is 212.4 metres tall."), q("The tower is 212 metres tall.")
    assert consistent_rounding(precise, rounded)
    assert not quantities_conflict(precise, rounded)
    # Rounded the wrong way, or two figures stated to one place, still disagree.
    assert not consistent_rounding(q("The tower is 212.7 metres tall."), rounded)
    assert quantities_conflict(q("The tower is 213 metres tall."), rounded)


def test_a_county_and_its_state_are_a_part_and_its_whole():
    county = sentence("A Dade County firefighter was hurt while rescuing a dog.")
    state = sentence("A Georgia firefighter was hurt while rescuing a dog.")
    assert not roles_compatible(county, "Dade", state, "Georgia")
    assert not roles_compatible(state, "Georgia", county, "Dade")
    # Two states stay peers that can conflict.
    other = sentence("An Ohio firefighter was hurt while rescuing a dog.")
    assert roles_compatible(other, "Ohio", state, "Georgia")


def test_a_sum_that_could_be_owed_is_not_the_sum_paid():
    from accord.compare.frames import is_irrealis

    possible = sentence("The club says the coach could have to pay $ 9 million in damages.")
    paid = sentence("The club paid the coach $ 40,000 last year to stay quiet.")
    assert is_irrealis(possible, possible.quantities[0])
    assert not is_irrealis(paid, paid.quantities[0])


def test_a_day_in_an_after_clause_dates_the_earlier_act():
    from accord.compare.dates import of_prior_act

    s = sentence("The hiker was found alive after going missing on Sunday.")
    assert of_prior_act(s, s.dates[0])
    plain = sentence("The hiker was found alive on Tuesday near the lake.")
    assert not of_prior_act(plain, plain.dates[0])
