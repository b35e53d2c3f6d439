"""Precision rules for unseen coverage (issue 9, round 4): datelines, loose weekdays, rates.

Each rule is tested on invented sentences: one case it must leave alone, one it must
still report.
"""

from __future__ import annotations

from accord.compare.frames import rate_unit
from accord.compare.statements import only_in_furniture
from tests.analysed import brief, documents, sentence

FIRE = "A fire destroyed the old grain mill on the river bank{day}, officials said."


def _values(*texts: str) -> list[set[str]]:
    return [{str(v.value) for v in d.variants} for d in brief(*texts)]


def test_a_datelined_day_is_the_articles_not_the_events():
    other = FIRE.format(day=" on July 9")
    for dateline in (
        "Kelmouth, July 10 -- ",
        "kelmouth, norland, july 10 -- ",
        "Kelmouth, July 10 (Xinhua) -- ",
        "July 10 (Reuters) - ",
        "Kelmouth, Norland, Thursday, July 10, 2014 — ",
    ):
        lead = dateline + FIRE.format(day="")
        assert not _values(lead, other), dateline


def test_the_same_day_stated_in_the_story_is_still_compared():
    assert {"--07-09", "--07-10"} in _values(
        FIRE.format(day=" on July 10"), FIRE.format(day=" on July 9")
    )
    # the dateline is furniture, a day in the sentence after it is not
    lead = "Kelmouth, July 11 -- " + FIRE.format(day=" on July 10")
    assert {"--07-09", "--07-10"} in _values(lead, FIRE.format(day=" on July 9"))


def test_a_bare_day_and_dash_opens_only_the_document():
    (first,) = documents("August 7 -- The council met again.")[0].sentences[:1]
    assert only_in_furniture(first, "August 7")
    later = documents("The council met. August 7 -- after a long night, the vote came.")[0]
    assert not only_in_furniture(later.sentences[1], "August 7")


def test_two_weekdays_of_different_acts_are_not_compared():
    # one person, one town, two acts: arrested Monday, photo released Tuesday
    assert not _values(
        "Daniel Ferris, a veteran officer of the Kelmouth county police force, was taken into "
        "custody Monday evening, according to a news release from the county police.",
        "The Kelmouth county police released Ferris's booking photo on Tuesday.",
    )


def test_two_weekdays_of_one_act_are_compared():
    assert {"monday", "sunday"} in _values(
        "A Belvar county deputy shot a goose that was blocking traffic Monday morning.",
        "A deputy with the Belvar county sheriff's office fatally shot a goose near the bridge "
        "on Sunday in an incident filmed by drivers.",
    )


def test_rate_units():
    cases = {
        "About 2,200 people die a year from falls in the home.": "year",
        "Falls in the home kill six people a day.": "day",
        "Every year, about 2,200 people die from falls.": "year",
        "He earns $15 an hour at the plant.": "hour",
        "The plant emits 40 tonnes annually.": "year",
        "Five people were killed a year ago.": "",
        "Five people were killed a day after the storm.": "",
        "It was the first crash of 2 planes in a year.": "",
        "The 3 men stayed for a week.": "",
        "The company lost $40 million a year earlier.": "",
    }
    for text, unit in cases.items():
        s = sentence(text)
        assert rate_unit(s, s.quantities[0]) == unit, text


def test_a_yearly_count_is_not_a_daily_one():
    assert not _values(
        "Falls in the home kill about 2,200 people a year in Norland, the safety council said.",
        "Falls in the home kill six people a day in Norland, the safety council said.",
    )


def test_two_yearly_counts_still_compare():
    assert (
        len(
            _values(
                "Each year, falls in the home kill about 2,200 people in Norland, they said.",
                "Falls in the home kill about 3,100 people every year in Norland, they said.",
            )
        )
        == 1
    )


def test_an_ordinal_before_brackets_is_no_conversion():
    from accord.compare.frames import is_conversion

    dynasty = sentence("King Amset was of the 12th dynasty ( 590 – 570 bc ) and ruled the south.")
    assert not is_conversion(dynasty, dynasty.quantities[-1])
    road = sentence("The road runs 95 km ( 60 miles ) along the coast.")
    assert all(is_conversion(road, q) for q in road.quantities)
    assert {"570.0-590.0", "572.0-591.0"} <= {
        f"{v.value.low}-{v.value.high}"
        for d in brief(
            "King Amset was of the 12th dynasty ( 590 – 570 bc ) and ruled the south.",
            "King Amset of the 12th dynasty ruled the south from 591 to 572 bc.",
        )
        for v in d.variants
    }


def test_fixed_holidays_are_days():
    (mention,) = sentence("The fire broke out on New Year's Day at the mill.").dates
    assert mention.value == "--01-01"
    assert sentence("They met on new years eve.").dates[0].value == "--12-31"
    assert not sentence("The new year began quietly.").dates
    assert {"--01-01", "--01-02"} in _values(
        "The fire broke out at the old mill on New Year's Day, killing two workers.",
        "The fire broke out at the old mill on Jan. 2, killing two workers.",
    )


def test_centuries_are_dates_of_their_own_kind():
    from accord.analyse.dates import compatible

    assert [
        d.value for d in sentence("A 13th-century church and a fifth century BC wall.").dates
    ] == [
        "c13",
        "c-5",
    ]
    assert not compatible("c12", "c13") and compatible("c12", "c12")
    assert compatible("c12", "monday") and compatible("c12", "1150")
    assert {"c12", "c13"} in _values(
        "The church of St Amset, built in the 12th century, burned down on Tuesday.",
        "Fire destroyed the 13th-century church of St Amset on Tuesday.",
    )


def test_weekdays_of_two_acts_in_edited_or_role_pairs_are_not_compared():
    from accord.compare.roles import role_date_conflicts
    from tests.analysed import sentences

    custody = (
        "Daniel Ferris, a Kelmouth police officer, was taken into custody Monday in Belvar, "
        "county police said."
    )
    photo = (
        "Kelmouth police released Daniel Ferris's booking photo Tuesday in Belvar, "
        "county police said."
    )
    assert not role_date_conflicts(*sentences(custody, photo))
    assert not _values(custody, photo)
    again = custody.replace("Monday", "at home Tuesday")
    assert {"monday", "tuesday"} in _values(custody, again)


def test_a_count_of_others_is_not_the_total():
    from accord.compare.frames import is_other

    s = sentence("A technology executive and five other people are feared dead after the fire.")
    assert is_other(s, s.quantities[0])
    assert not _values(
        "Six people, believed to have been inside the mansion when it caught fire, were missing.",
        "A technology executive and five other people, believed to have been inside the "
        "mansion when it caught fire, were missing.",
    )


def test_a_time_ago_is_not_a_duration():
    from accord.compare.frames import is_ago

    s = sentence("Five weeks ago, the actor was seen in Belvar.")
    assert is_ago(s, s.quantities[0])
    assert not _values(
        "Five weeks ago, the actor was seen holding hands with his new girlfriend in Belvar.",
        "The actor was seen holding hands with his new girlfriend in Belvar six weeks after "
        "he filed for divorce.",
    )


def test_ages_of_two_people_exchanged_between_the_same_words_are_two_ages():
    assert not _values(
        "Watch this video Kelmouth -- family members identified the 43-year-old woman killed "
        "in the crash on the highway.",
        "Watch this video Kelmouth -- the 18-year-old driving a sports car the wrong way on "
        "the highway died in the crash.",
    )


def test_months_of_two_acts_are_not_compared():
    assert not _values(
        "Norcom, which acquired the search firm in June, said the breach affected every account.",
        "Norcom said last month that the search firm's breach affected every account, more "
        "than it had disclosed in December.",
    )


def test_a_month_and_year_with_a_comma():
    assert [
        d.value for d in sentence("The breach took place in august, 2013 at the firm.").dates
    ] == ["2013-08"]


def test_a_published_line_with_its_weekday_is_furniture():
    s = sentence("( published tuesday, july 28, 2015 ) police released the footage of the arrest.")
    assert only_in_furniture(s, "july 28, 2015")


def test_an_order_of_size_is_not_another_figure():
    from accord.compare.frames import is_vague

    s = sentence("Several dogs and 30 cats were inside the shelter.")
    assert is_vague(s.quantities[0]) and not is_vague(s.quantities[1])
    assert not _values(
        "Now worth millions of euros, the paintings were stolen from a house in Belvar in 1970.",
        "Now worth at least 10.6m euros, the paintings were stolen from a house in Belvar in 1970.",
    )


def test_a_toll_with_the_attacker_is_not_the_victims_toll():
    assert not _values(
        "Police now confirm four people are dead in the shooting near the Belvar market, "
        "including the suspect.",
        "Police say a suspect gunned down three people in the shooting near the Belvar market.",
    )


def test_a_reporting_day_with_its_weekday_is_not_the_events():
    assert not _values(
        "A homeless man was found dead behind a store in Belvar, the county sheriff "
        "confirmed Friday, July 7.",
        "The county sheriff said the homeless man found dead behind a store in Belvar on "
        "May 1 was John Dickens.",
    )
