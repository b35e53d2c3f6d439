"""Recall rules for unseen coverage (issue 9, round 9): the day of one act where the words
near the date do not reach the act or what it acts on, and the dependency parse does.

Each rule is tested on invented sentences: one case it must report, one it must leave alone.
"""

from __future__ import annotations

from accord.analyse.dates import date_events, extract_dates
from accord.analyse.nlp import pipeline
from accord.compare.event_dates import event_date_conflicts
from tests.test_discrep_unaligned import _found


def _events(text: str) -> list[tuple[str, str, str]]:
    mentions = extract_dates(text)
    date_events(mentions, pipeline()(text))
    return [(m.value, m.event, m.argument) for m in mentions]


def test_the_parse_gives_a_dated_verb_what_it_acts_on():
    # whose body, and who was found dead (round 10: several dead are dated apart)
    assert _events("The body of a 40-year-old climber from Tarn was found Monday.") == [
        ("monday", "find", "dead climber")
    ]
    assert _events("On Monday, the climber's brother was found dead near the lake.") == [
        ("monday", "find", "dead brother")
    ]
    assert _events("The body was found Monday near the lake.") == [("monday", "find", "body")]
    assert _events("The union filed a lawsuit in state court Monday.") == [
        ("monday", "file", "lawsuit")
    ]
    # a pronoun says nothing of what was found
    assert _events("It was found Monday near the lake.")[0][2] == ""


def test_a_find_dated_far_from_its_words_is_one_find():
    assert _found(
        event_date_conflicts,
        "The body of Ana Pirel, a 31-year-old teacher from the coast, was found Monday.",
        "A teacher was found dead near the coast road on Sunday, police said.",
    ) == [("Monday", "Sunday")]
    # the find of a car is not the find of a body
    assert not _found(
        event_date_conflicts,
        "The car of Ana Pirel, a 31-year-old teacher from the coast, was found Monday.",
        "A teacher was found dead near the coast road on Sunday, police said.",
    )


def test_one_filing_told_as_a_verb_and_as_a_participle():
    assert _found(
        event_date_conflicts,
        "The club, fans may recall, filed an odd brief in the appeals court Tuesday.",
        "Lawyers for the club wrote in their opening brief filed Friday with the court.",
    ) == [("Tuesday", "Friday")]
    # a filing planned is not one made
    assert not _found(
        event_date_conflicts,
        "The club filed an odd brief in the appeals court Tuesday.",
        "Lawyers for the club said they will file their reply brief Friday.",
    )


def test_a_length_before_a_mountain_is_its_height():
    from accord.compare.unaligned import measures_of_one_thing

    assert _found(
        measures_of_one_thing,
        "She was the first to die this year on the 22,410 foot mountain, the tallest in Asia.",
        "Rescuers reached her at 19,000 feet up the 22,302-foot peak on Friday.",
    ) == [("22,410 foot", "22,302")]
    # the height of a camp on the mountain is not the mountain's
    assert not _found(
        measures_of_one_thing,
        "She was the first to die this year on the 22,410 foot mountain, the tallest in Asia.",
        "Rescuers reached her at the 19,000-foot high camp on Friday.",
    )


def test_a_plan_is_told_apart_from_an_act_done():
    planned = [
        "He was remanded in custody to appear at the crown court on Monday.",
        "The council will vote on the budget Tuesday.",
        "She is expected to testify Thursday.",
    ]
    done = ["He appeared before the magistrates on Saturday.", "The council voted Tuesday."]
    for text in planned:
        mentions = extract_dates(text)
        date_events(mentions, pipeline()(text))
        assert mentions[0].planned, text
    for text in done:
        mentions = extract_dates(text)
        date_events(mentions, pipeline()(text))
        assert not mentions[0].planned, text


def test_the_part_of_a_day_does_not_hide_the_verb_it_dates():
    assert _events("The girl was taken to hospital, where she died Wednesday afternoon.") == [
        ("wednesday", "die", "")
    ]


def test_a_sentence_that_also_names_the_other_date_more_precisely_holds_it():
    from accord.compare.dates import holds_date
    from tests.test_discrep_unaligned import _cluster

    (sentence,) = _cluster("He is charged with killing her on March 3, 2016.").sentences()
    assert holds_date(sentence, "--03-03")
    (loose,) = _cluster("He is charged with a killing in 2016.").sentences()
    assert not holds_date(loose, "2016-03-03")


def test_a_county_or_a_valley_may_hold_a_town_but_not_a_state():
    from accord.compare.places import may_hold
    from tests.test_discrep_unaligned import _cluster

    (county,) = _cluster("Shots were fired at a Harford County high school on Monday.").sentences()
    assert may_hold(county, "Harford County", "Bel Air")
    assert not may_hold(county, "Harford County", "Ohio")
    (valley,) = _cluster("The owner of an inn in the Napa Valley asked her to leave.").sentences()
    assert may_hold(valley, "the Napa", "Calistoga")
    (city,) = _cluster("The owner of an inn in Napa asked her to leave.").sentences()
    assert not may_hold(city, "Napa", "Calistoga")


def test_a_relative_clause_does_not_take_the_date_from_its_main_verb():
    # "that was blocking the road Monday morning": when was it shot? the parse cannot say
    assert _events("A deputy shot a deer that was blocking the road Monday morning.") == [
        ("monday", "", "")
    ]


def test_one_persons_home_town_told_differently():
    from accord.compare.hometowns import hometowns_of_one_person

    assert _found(
        hometowns_of_one_person,
        "Police said Dale Ormsby, 41, of Springfield pleaded guilty on Wednesday.",
        "Officers charged Dale Ormsby of Brattleboro with robbery in August.",
    ) == [("Springfield", "Brattleboro")]
    # a source that names both towns knows both: a move, a place of work
    assert not _found(
        hometowns_of_one_person,
        "Police said Dale Ormsby, 41, of Springfield pleaded guilty in Brattleboro on Wednesday.",
        "Officers charged Dale Ormsby of Brattleboro with robbery in August.",
    )
    # two people who share a surname
    assert not _found(
        hometowns_of_one_person,
        "Police said Dale Ormsby, 41, of Springfield pleaded guilty on Wednesday.",
        "Officers charged Karen Ormsby of Brattleboro with robbery in August.",
    )


def test_nearly_a_figure_and_at_least_it_differ_though_a_third_source_states_it():
    from tests.analysed import brief

    texts = (
        "A climber fell nearly 200ft onto a ledge in the park on Sunday.",
        "A climber fell at least 200 feet and spent the night on a ledge.",
        "Rangers said the climber had fallen 200 feet from the trail.",
    )
    assert any(d.kind == "quantity" for d in brief(*texts))
    # a figure and "more than" it: the same figure stated twice is not flagged by this rule
    assert not any(
        d.kind == "quantity"
        for d in brief(
            "The council spent $20 million on the bridge.",
            "The council spent more than $20 million on the bridge, and $20 million on roads.",
        )
    )


def test_a_woman_is_one_person_with_the_place_that_says_which():
    from accord.compare.ages import ages_of_one_person

    assert _found(
        ages_of_one_person,
        "The court heard from the 44-year-old Mill Creek woman on Tuesday.",
        "The 45-year-old woman from Mill Creek denied the charge.",
    ) == [("44", "45")]
    # a woman with no place may be any woman of the story
    assert not _found(
        ages_of_one_person,
        "The court heard from the 44-year-old woman on Tuesday.",
        "The 45-year-old woman denied the charge.",
    )


def test_a_source_that_sets_the_other_value_aside_itself_is_not_a_dispute():
    from tests.analysed import brief

    assert not any(
        d.kind == "quantity"
        for d in brief(
            "The second autopsy found he was hit five times - not six - by the officers.",
            "A private autopsy released in May found he was hit six times by the officers.",
        )
    )
    assert any(
        d.kind == "quantity"
        for d in brief(
            "The second autopsy found he was hit five times by the officers.",
            "A private autopsy released in May found he was hit six times by the officers.",
        )
    )
