"""accord.duplicates: re-published copies of one story are found; distinct reports are not."""

from __future__ import annotations

import copy
import random

from accord.duplicates import find_duplicates, jaccard, shingles
from accord.model import Document

WIRE = """The regional water board closed the Ostmark reservoir to swimmers on Saturday after
tests found blue-green algae in three of the five bathing areas along its eastern shore.
The board said the closure would last at least ten days and that anglers could still use
the western bank, where samples were clear. Dogs should be kept out of the water, a
spokeswoman said, because the toxins can kill an animal within hours. Lifeguards turned
away about two hundred visitors on the first morning of the ban. The board blamed the
warmest June on record and fertiliser run-off from farms upstream, and it promised to
publish fresh test results every Tuesday and Friday until the reservoir reopens."""

OTHER_REPORT = """Swimmers were turned away from the Ostmark reservoir this weekend. Officials
from the water board told families at the eastern beaches that toxic algae had been found
and that the lake would stay shut for more than a week. Several visitors said they had
driven for an hour and learned of the closure only at the gate. Farmers' groups rejected
the suggestion that fertiliser from their fields had fed the bloom, pointing instead to
the long spell of hot weather."""


def doc(doc_id: str, text: str, date: str = "") -> Document:
    return Document(id=doc_id, raw=text, text=text, meta={"date": date} if date else {})


def test_shingles_ignore_case_and_punctuation() -> None:
    assert shingles("The Board said: closed!") == shingles("the board said closed")
    assert shingles("") == frozenset()
    assert len(shingles("one two three")) == 1
    assert jaccard(shingles(WIRE), shingles(WIRE)) == 1.0


def test_exact_and_edited_copies_point_at_the_first() -> None:
    edited = WIRE.replace("Saturday", "Saturday morning").replace("spokeswoman", "spokesperson")
    docs = [doc("wire", WIRE), doc("report", OTHER_REPORT), doc("copy", WIRE), doc("edit", edited)]
    assert find_duplicates(docs) == {"copy": "wire", "edit": "wire"}


def test_trimmed_and_padded_copies() -> None:
    sentences = WIRE.split(". ")
    trimmed = ". ".join(sentences[:5]) + "."
    padded = "Our reporter adds: locals were furious about the news today. " + WIRE
    docs = [doc("wire", WIRE), doc("trimmed", trimmed), doc("padded", padded)]
    assert find_duplicates(docs) == {"trimmed": "wire", "padded": "wire"}


def test_different_reports_of_one_event_are_not_duplicates() -> None:
    docs = [doc("wire", WIRE), doc("report", OTHER_REPORT)]
    assert find_duplicates(docs) == {}
    short = [doc("a", "Reservoir closed to swimmers."), doc("b", "Reservoir closed to anglers.")]
    assert find_duplicates(short) == {}


def test_chains_resolve_to_the_original_and_dates_decide_earlier() -> None:
    b = WIRE + " A second paragraph was added by the regional desk for its readers."
    c = b + " And a third line came from the evening edition of the paper."
    docs = [doc("a", WIRE), doc("b", b), doc("c", c)]
    assert find_duplicates(docs) == {"b": "a", "c": "a"}
    dated = [doc("late", WIRE, "2024-06-12"), doc("early", WIRE, "2024-06-10")]
    assert find_duplicates(dated) == {"late": "early"}
    undated = [doc("late", WIRE, "2024-06-12"), doc("early", WIRE)]
    assert find_duplicates(undated) == {"early": "late"}  # input order when a date is missing


def test_pure_and_finds_copies_among_many() -> None:
    # Speed is measured in benchmarks/, not here: a timed test fails on a busy machine.
    rng = random.Random(7)
    vocabulary = [f"w{n}" for n in range(3000)]
    docs = [doc(f"d{n}", " ".join(rng.choices(vocabulary, k=400))) for n in range(400)]
    docs += [doc(f"copy{n}", docs[n].text) for n in range(0, 400, 40)]
    before = copy.deepcopy(docs)
    found = find_duplicates(docs)
    assert found == {f"copy{n}": f"d{n}" for n in range(0, 400, 40)}
    assert docs == before
