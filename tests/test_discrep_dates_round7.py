"""Date rules of issue 9, round 7: the verb a date dates, from the parse.

Each rule is tested on invented sentences: one case it must leave alone, one it must
still report.
"""

from __future__ import annotations

from accord.compare.dates import different_events
from accord.model import DateMention
from tests.analysed import brief, sentence


def _values(*texts: str) -> list[set[str]]:
    return [{str(v.value) for v in d.variants} for d in brief(*texts)]


def _event(text: str) -> str:
    return sentence(text).dates[0].event


def test_a_date_knows_the_verb_it_dates():
    assert _event("Two cousins were charged friday in a county court.") == "charge"
    assert _event("The council on monday approved the new budget.") == "approve"
    assert _event("A farmer was stabbed and killed in the market on Sunday.") == "kill"
    # the day between the subject and its verb dates the verb, whatever the parser hangs
    # it from
    assert _event("Governor smith on thursday signed the bill into law.") == "sign"
    # a date of a thing, not of a verb: nothing to say
    assert _event("Friday's storm flooded the valley.") == ""


def test_dates_of_two_acts_are_two_events_unless_one_act_in_other_words():
    def day(event: str) -> DateMention:
        return DateMention("monday", "monday", 0, 6, event=event)

    assert different_events(day("approve"), day("reject"))
    assert different_events(day("shoot"), day("die"))  # acts that follow one another
    assert not different_events(day("kill"), day("die"))
    assert not different_events(day("find"), day("discover"))
    assert not different_events(day(""), day("discover"))


def test_weekdays_of_two_acts_of_one_story_are_not_compared():
    approved = (
        "The mayor of Kelmouth on monday approved a plan to rebuild the old river bridge "
        "before the winter floods."
    )
    dropped = (
        "The Kelmouth council on tuesday dropped the mayor's plan to rebuild the old river "
        "bridge before the winter floods."
    )
    assert not _values(approved, dropped)
    charged = "Anna lee marsh, 31, and tom price, 40, were charged friday with arson and theft."
    held = "Anna lee marsh, 31, a former nurse, and tom price, 40, were detained wednesday."
    assert not _values(charged, held)


def test_one_act_on_two_days_is_still_reported():
    first = (
        "The mayor of Kelmouth on monday approved a plan to rebuild the old river bridge "
        "before the winter floods."
    )
    second = first.replace("on monday", "on tuesday")
    assert {"monday", "tuesday"} in _values(first, second)


def test_two_days_for_one_written_announcement_are_reported():
    first = (
        "Harbour authority press officer maria quell said in a release tuesday that an "
        "inspection of the northern pier had found cracks in two of its pillars."
    )
    second = (
        "The harbour authority said in a statement wednesday that inspectors of the "
        "northern pier found cracks in the pillars and closed it to traffic."
    )
    assert {"tuesday", "wednesday"} in _values(first, second)
    # another speaker's statement is another announcement
    other = second.replace("The harbour authority", "The fishermen's union")
    assert not _values(first, other)
