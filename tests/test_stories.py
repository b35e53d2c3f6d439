"""accord.stories: a mixed pile of invented articles is sorted into its stories."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from accord.model import Document
from accord.stories import (
    DEFAULT_THRESHOLD,
    Story,
    brief_stories,
    cluster_texts,
    document_date,
    group_stories,
    span,
    stories_report,
)

# Three invented stories (three, two and three reports) and one unrelated report.
DAM = [
    """Brennmoor dam opens all six floodgates as reservoir rises

The river authority opened all six floodgates of the Brennmoor dam late on Monday after
three days of heavy rain lifted the reservoir to its highest level in a decade. Families
in Lower Brennmoor and Ashford were told to move valuables upstairs. The authority said
the dam itself was sound and that the release of water was a precaution.""",
    """Villages below Brennmoor reservoir warned of flooding

Residents of Ashford and Lower Brennmoor spent Monday night moving furniture upstairs
after the river authority warned that water released from the Brennmoor dam would raise
the river by a metre. Engineers opened the floodgates because of the heavy rain, the
authority said, adding that the dam was not at risk.""",
    """River Brenn to peak on Tuesday after dam release

Water levels on the river below the Brennmoor dam are expected to peak on Tuesday
afternoon, the river authority said. All six floodgates were opened after the reservoir
reached a ten-year high following heavy rain. Schools in Ashford will stay closed and the
river road to Lower Brennmoor is shut.""",
]
BRIDGE = [
    """Kelvin Harbour bridge reopens after storm repairs

The Kelvin Harbour bridge reopened to traffic on Thursday, eleven weeks after a winter
storm tore away part of its northern span. The port authority said engineers replaced
140 metres of decking and two support cables. Fish merchants had faced a long detour
through the inland ring road while the harbour bridge was closed.""",
    """Lorries return to harbour bridge as crossing reopens

Buses and lorries crossed the Kelvin Harbour bridge again on Thursday morning after the
port authority finished repairs to the span damaged in the winter storm. New decking and
cables were fitted, and a speed limit of thirty miles an hour will stay on the bridge for
a month, the port authority said.""",
]
CLOCK = [
    """Gold astronomical clock stolen from Varna city museum

Thieves broke into the Varna city museum overnight and stole a gilded astronomical clock
made in 1742, police said on Wednesday. The clock, the museum's best-known exhibit, was
taken from a display case on the first floor. The museum director said the alarm had been
switched off for maintenance.""",
    """Police hunt thieves who took museum's famous clock

Police in Varna are looking for two men seen leaving the city museum before dawn with a
large box. The museum lost its gilded astronomical clock from 1742 in the theft. Detectives
said the alarm system was out of service for maintenance and asked for dashcam footage.""",
    """Varna museum offers reward for stolen 1742 clock

The Varna city museum offered a reward on Thursday for the return of its astronomical
clock, stolen from a first-floor display case this week. The gilded clock was built in 1742
by a local watchmaker. Police said the thieves knew the alarm was switched off.""",
]
CHESS = [
    """Twelve-year-old wins regional chess championship

A twelve-year-old pupil from Millbrook won the regional junior chess championship on
Saturday, beating three older players in the final round of the tournament. She had only
learned the game two years ago at an after-school club.""",
]


def pile() -> tuple[list[Document], dict[str, str]]:
    docs: list[Document] = []
    truth: dict[str, str] = {}
    for story, texts in (("dam", DAM), ("bridge", BRIDGE), ("clock", CLOCK), ("chess", CHESS)):
        for n, text in enumerate(texts, start=1):
            doc_id = f"{story}-{n}"
            docs.append(Document(id=doc_id, raw=text))
            truth[doc_id] = story
    order = [4, 0, 7, 2, 5, 8, 1, 3, 6]  # interleave the stories
    return [docs[i] for i in order], truth


def test_cluster_texts_recovers_the_stories_in_lower_case() -> None:
    texts = [t.lower() for t in DAM + BRIDGE + CLOCK + CHESS]
    assert cluster_texts(texts) == [0, 0, 0, 1, 1, 2, 2, 2, 3]
    assert cluster_texts([]) == []
    assert cluster_texts(["only one"]) == [0]


def test_threshold_controls_merging() -> None:
    texts = DAM + BRIDGE + CLOCK + CHESS
    assert len(set(cluster_texts(texts, threshold=0.01))) == len(texts)
    assert set(cluster_texts(texts, threshold=1.0)) == {0}


def test_group_stories() -> None:
    docs, truth = pile()
    docs[1].meta["date"] = "2024-03-04"
    docs[3].meta["date"] = "2024-03-05T09:00:00Z"
    stories = group_stories(docs, threshold=DEFAULT_THRESHOLD)
    assert [story.size for story in stories] == [3, 3, 2, 1]
    for story in stories:
        assert len({truth[doc_id] for doc_id in story.sources}) == 1
    by_story = {truth[story.sources[0]]: story for story in stories}
    dam = by_story["dam"]
    assert dam.title in {text.splitlines()[0] for text in DAM}
    assert (dam.first, dam.last) == ("2024-03-04", "2024-03-05")
    assert span(dam) == "2024-03-04 – 2024-03-05"
    assert by_story["clock"].first is None and span(by_story["clock"]) == ""
    assert all(doc.text for doc in docs)  # cleaned on the way
    report = stories_report(stories, DEFAULT_THRESHOLD)
    assert report["documents"] == 9
    assert report["stories"][0]["story"] == 1
    assert json.loads(json.dumps(report)) == report


def test_document_date() -> None:
    assert document_date(Document(id="a", raw="", meta={"date": "2024-02-29"})) == "2024-02-29"
    assert document_date(Document(id="a", raw="", meta={"date": "2024-02-30"})) is None
    assert document_date(Document(id="a", raw="", meta={"date": "March 2024"})) is None
    assert document_date(Document(id="a", raw="")) is None


def test_brief_stories_writes_each_story_atomically(tmp_path: Path) -> None:
    docs, _ = pile()
    stories = group_stories(docs)
    out = tmp_path / "out"
    written = brief_stories(stories, out, words=60)
    names = sorted(path.name for path in written)
    assert names == [f"story-{n:02d}.{fmt}" for n in (1, 2, 3) for fmt in ("html", "json", "md")]
    assert sorted(p.name for p in out.iterdir()) == names  # no temporary files left behind
    briefing = json.loads((out / "story-03.json").read_text())
    assert sorted(source["id"] for source in briefing["sources"]) == ["bridge-1", "bridge-2"]
    assert briefing["summary"]
    assert stories[3].files == []  # the single report is not briefed
    assert stories[0].files[0].endswith("story-01.json")


def test_story_to_dict() -> None:
    story = Story(number=2, title="T", documents=[Document(id="x", raw="")], first="2024-01-01")
    assert story.to_dict() == {
        "story": 2,
        "title": "T",
        "size": 1,
        "sources": ["x"],
        "names": ["x"],
        "first": "2024-01-01",
        "last": None,
        "files": [],
    }


def test_stories_name_their_sources_by_outlet_as_the_briefing_does() -> None:
    import io

    from accord.stories import print_table

    tails = ["Source: The Kelvin Courier", "Copyright 2024 The Associated Press"]
    docs = [
        Document(id=f"bridge-{n}.txt", raw=f"{t}\n\n{tail}")
        for n, (t, tail) in enumerate(zip(BRIDGE, tails, strict=True))
    ]
    stories = group_stories(docs)
    assert len(stories) == 1
    assert stories[0].names == ["The Kelvin Courier", "AP (wire)"]
    assert stories[0].to_dict()["sources"] == ["bridge-0.txt", "bridge-1.txt"]
    out = io.StringIO()
    print_table(stories, file=out)
    assert "The Kelvin Courier" in out.getvalue() and "bridge-0.txt" not in out.getvalue()


@pytest.mark.slow
def test_cli_stories(tmp_path: Path) -> None:
    pile_dir = tmp_path / "pile"
    pile_dir.mkdir()
    for name, texts in (("dam", DAM), ("bridge", BRIDGE), ("clock", CLOCK), ("chess", CHESS)):
        for n, text in enumerate(texts, start=1):
            (pile_dir / f"{name}-{n}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-m", "accord", "stories", str(pile_dir), "-o", str(out), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert [story["size"] for story in report["stories"]] == [3, 3, 2, 1]
    assert report["threshold"] == DEFAULT_THRESHOLD
    assert json.loads((out / "stories.json").read_text()) == report
    assert len(list(out.glob("story-*.md"))) == 3
    assert "wrote 10 files" in result.stderr
    table = subprocess.run(
        [sys.executable, "-m", "accord", "stories", str(pile_dir), "-t", "0.05"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert table.returncode == 0, table.stderr
    assert "9 stories in 9 articles" in table.stdout
