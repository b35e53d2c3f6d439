"""The day of one event compared wherever each source states it (issue 9, branch
xrecall2): event frames (event word, argument, day) in sentences that share few words.

Invented sentences: what each rule must report, and what it must leave alone.
"""

from __future__ import annotations

from accord.align import align
from accord.compare.ages import ages_of_one_person
from accord.compare.event_dates import event_date_conflicts, event_frames
from accord.model import Cluster
from tests.analysed import brief, documents


def _cluster(*texts: str) -> Cluster:
    return align(Cluster(documents=documents(*texts)))


def _found(*texts: str) -> list[tuple[str, str]]:
    return [(a.value, b.value) for a, b in event_date_conflicts(_cluster(*texts))]


def _frames(text: str) -> list[tuple[str, str, str]]:
    cluster = _cluster(text)
    return [
        (f.event, f.argument, f.date.value) for s in cluster.sentences() for f in event_frames(s)
    ]


def test_a_report_released_on_two_days_is_compared():
    texts = (
        "Donors in Kelmouth gave less to charity, said the survey, issued on Sunday by the "
        "Belvar Institute.",
        "Poorer families give more than the rich, according to a survey released Tuesday by "
        "the Belvar Institute.",
    )
    assert _found(*texts) == [("sunday", "tuesday")]
    assert any(d.kind == "date" for d in brief(*texts))


def test_remains_found_and_bodies_discovered_are_one_find():
    assert _found(
        "Detectives found the remains of two hikers near the old quarry on Friday.",
        "The bodies were discovered Saturday by a forest ranger in the Kelmouth hills.",
    ) == [("friday", "saturday")]


def test_a_possessive_day_dates_the_event_noun():
    assert _frames("Saturday's attack left the Belvar market in ruins.") == [
        ("attack", "", "saturday")
    ]
    assert _found(
        "Saturday's attack left the Belvar market in ruins.",
        "Witnesses described the assault on Friday as chaotic.",
    ) == [("saturday", "friday")]


def test_a_reporting_day_is_not_the_event_day():
    # "said Wednesday" dates the statement; the find is undated there
    assert not _found(
        "The bodies were found in the river, police said Wednesday.",
        "Divers found the bodies of the two fishermen on Monday.",
    )


def test_two_events_of_one_story_are_not_compared():
    # the arrest and the arraignment are two days of one story
    assert not _found(
        "Tom Gravel was arrested on Tuesday at his home in Kelmouth.",
        "Gravel was arraigned Thursday in the Belvar district court.",
    )


def test_a_plan_is_not_what_happened():
    assert not _frames("The council is expected to vote on Thursday on the new budget.")
    assert not _found(
        "Lawmakers will vote Thursday on the plan to close the Kelmouth mill.",
        "The chamber voted on Wednesday to approve the plan.",
    )


def test_a_thing_released_must_be_the_same_thing():
    # a prisoner released and a report released are two events
    assert not _found(
        "The Belvar Institute report, released Sunday, found rising rents.",
        "The journalist was released Tuesday after two years in detention.",
    )


def test_a_source_with_two_days_for_one_event_is_not_compared():
    assert not _found(
        "The remains were found on Friday. A second set of remains was found on Sunday.",
        "Hikers found the remains on Saturday near the Kelmouth trail.",
    )


def test_one_event_around_midnight_is_not_a_conflict():
    assert not _found(
        "Tom Gravel died late Sunday night at a Kelmouth hospital, his family said.",
        "Gravel died early Monday after a long illness.",
    )


def test_another_clause_between_the_event_and_the_day():
    # the day belongs to the closing, a verb of another clause
    assert not _frames("The study found that the clinic closed on Monday.")
    assert not _frames("The remains of the ship that sank on Friday were never found.")


def test_relative_ranges_and_months_are_not_days():
    assert not _found(
        "The survey, released last week, found rising rents in Kelmouth.",
        "A survey released in March found rising rents.",
    )


# --- one person's age through a role noun -------------------------------------------


def _ages(*texts: str) -> list[tuple[float, float]]:
    return [(a.value.value, b.value.value) for a, b in ages_of_one_person(_cluster(*texts))]


def test_an_age_by_a_role_noun_and_an_appositive_role_are_one_person():
    assert _ages(
        "Fans cheered as the 31-year-old Kelmouth rapper walked on stage.",
        "The rapper, 30, said the tour would go on.",
    ) == [(31.0, 30.0)]


def test_a_role_is_the_one_aged_person_of_the_cluster_named_in_its_document():
    assert _ages(
        "Mara Vell, 41, told reporters she would sail again.",
        "Vell spoke at the harbour. The 42-year-old explorer said the voyage had been hard.",
    ) == [(41.0, 42.0)]


def test_kin_and_generic_people_are_not_roles():
    # a son and a man are someone else in each story
    assert not _ages(
        "Her 19-year-old son was taken to hospital in Belvar.",
        "The son, 20, was treated for burns.",
    )
    assert not _ages(
        "A 40-year-old man was arrested in Kelmouth.",
        "The man, 41, has not been named.",
    )


def test_ages_far_apart_or_at_another_time_are_two_people_or_two_times():
    assert not _ages(
        "The 45-year-old singer opened the festival.",
        "The singer, 22, closed it on Sunday.",
    )
    assert not _ages(
        "Mara Vell, 41, told reporters she would sail again.",
        "Vell was 40 years old when she first crossed the strait.",
    )


# --- a find announced before the day another source gives ---------------------------


def test_a_find_announced_before_the_day_another_source_gives_is_compared():
    assert _found(
        "The remains of two hikers had been found near the quarry, the sheriff said Tuesday.",
        "Rangers found the remains of the two hikers near the Kelmouth quarry on Wednesday.",
    ) == [("tuesday", "wednesday")]


def test_a_find_announced_after_it_happened_is_no_conflict():
    assert not _found(
        "The bodies were found in the river, police said Wednesday.",
        "Divers found the bodies of the two fishermen on Monday.",
    )


def test_a_weekday_and_its_calendar_date_are_one_day():
    assert _found(
        "The bodies were found Thursday, Sept. 11, 2014, in a house in Kelmouth.",
        "Investigators found the bodies on Friday inside the Kelmouth house.",
    ) == [("thursday", "friday")]
