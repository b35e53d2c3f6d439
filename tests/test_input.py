import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from accord.errors import InputError
from accord.ingest.documents import MAX_BYTES, looks_like_html
from accord.ingest.sources import documents_from_records, read_arguments, read_items
from accord.model import Document


def test_strings_get_ids_in_order():
    docs = read_items(["First report text.", "Second report text."])
    assert [d.id for d in docs] == ["S1", "S2"]
    assert docs[0].raw == "First report text."


def test_paths_use_file_names_and_folders_expand(tmp_path: Path):
    (tmp_path / "b.txt").write_text("Report b.", encoding="utf-8")
    (tmp_path / "a.html").write_text("<html><body><p>Report a.</p></body></html>", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    docs = read_items([tmp_path])
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].is_html and not docs[1].is_html


def test_documents_pass_through_and_duplicate_ids_are_made_unique(tmp_path: Path):
    one = tmp_path / "x" / "report.txt"
    two = tmp_path / "y" / "report.txt"
    for path in (one, two):
        path.parent.mkdir()
        path.write_text("Text.", encoding="utf-8")
    given = Document(id="mine", raw="Own text.")
    docs = read_items([given, one, two])
    assert [d.id for d in docs] == ["mine", "report", "report-2"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (bytes(range(1, 256)) * 8, "not UTF-8"),
    ],
)
def test_bad_files_name_the_file_and_the_problem(tmp_path: Path, content: bytes, message: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        read_arguments([str(path)])
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_path_and_empty_folder(tmp_path: Path):
    with pytest.raises(InputError, match="no such file"):
        read_arguments([str(tmp_path / "nope.txt")])
    with pytest.raises(InputError, match="folder holds no"):
        read_arguments([str(tmp_path)])


def test_oversized_file_is_refused(tmp_path: Path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:
        stream.seek(MAX_BYTES + 10)
        stream.write(b"x")
    with pytest.raises(InputError, match="over the 20 MB limit"):
        read_arguments([str(path)])


def test_html_is_recognised_by_content():
    assert looks_like_html("<!DOCTYPE html><html><body><p>x</p></body></html>")
    assert not looks_like_html("A plain report that mentions <b> once.")


# --- hostile and unusual input (issues 10 and 12) ---------------------------------------------

SURROGATE = "Officials said \ud800 the toll rose."


def test_lone_surrogates_are_refused_at_the_door_with_one_line() -> None:
    with pytest.raises(
        InputError, match=r"^S2: text holds invalid Unicode \(an unpaired surrogate\)$"
    ):
        read_items(["A fine report.", SURROGATE])
    record = json.loads('{"id": "odd", "text": "Officials said \\ud800 the toll rose."}')
    with pytest.raises(InputError, match=r"^odd: text holds invalid Unicode"):
        documents_from_records([record])
    with pytest.raises(InputError, match=r"id holds invalid Unicode"):
        documents_from_records([{"id": "x\udfff", "text": "Fine text."}])


def test_a_batch_record_with_a_surrogate_becomes_an_error_line() -> None:
    from accord.batch import brief_record

    record = json.loads('{"id": "c1", "documents": ["Officials said \\ud800 the toll rose."]}')
    result = brief_record(record, words=50)
    assert result == {"id": "c1", "error": "S1: text holds invalid Unicode (an unpaired surrogate)"}


def test_records_of_the_wrong_shape_are_refused() -> None:
    wrong = {
        "document 1: html is not a string": {"id": "x", "html": 5},
        "document 1: id is not a string": {"id": ["a"], "text": "t"},
        "document 1 is neither text nor {id, text}": 7,
    }
    for message, record in [*wrong.items(), ("document 1 is neither text", {"text": None})]:
        with pytest.raises(InputError) as caught:
            documents_from_records([record], where="cluster c")
        assert str(caught.value).startswith(f"cluster c: {message}")


def test_text_over_the_limit_is_refused_like_a_file() -> None:
    with pytest.raises(InputError, match=r"^S1: is 20.0 MB, over the 20 MB limit$"):
        read_items(["é" * (MAX_BYTES // 2 + 10)])  # 10 M characters, 20 MB of UTF-8


def test_a_single_string_is_one_document() -> None:
    docs = read_items("One report about the fire.")
    assert [(d.id, d.raw) for d in docs] == [("S1", "One report about the fire.")]


def test_a_string_naming_an_existing_file_asks_for_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "report.txt").write_text("The report.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"pass pathlib.Path\('report.txt'\)"):
        read_items(["report.txt"])
    assert [d.raw for d in read_items(Path("report.txt"))] == ["The report."]
    assert read_items(["missing.txt"])[0].raw == "missing.txt"  # not a path: article text
    assert read_items(["report.txt and more"])[0].raw == "report.txt and more"


@pytest.mark.parametrize(
    ("text", "encoding", "found"),
    [
        ("Les cafés ont fermé à cause de la grève, a déclaré le maire.", "latin-1", "cp1252"),
        ("The minister said “we will rebuild” – and the crowd cheered.", "cp1252", "cp1252"),
        ("Café crème", "latin-1", "cp1252"),
        ("Президент заявил, что переговоры продолжатся.", "cp1251", "cp1251"),
        ("A report saved as UTF-16, with its byte order mark. Café.", "utf-16", "utf-16"),
    ],
)
def test_non_utf8_files_are_decoded_and_the_encoding_recorded(
    tmp_path: Path, text: str, encoding: str, found: str
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = read_arguments([str(path)])
    assert doc.raw == text
    assert doc.meta["encoding"] == found


def test_utf8_files_record_no_encoding(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Caf\u00e9 owners said the fire started at night.", encoding="utf-8")
    assert "encoding" not in read_arguments([str(path)])[0].meta


def test_stdin_is_read_no_further_than_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    class Endless:
        """A pipe that never ends: reading it whole would never return."""

        def __init__(self) -> None:
            self.asked: list[int | None] = []

        def read(self, size: int | None = None) -> bytes:
            self.asked.append(size)
            if size is None or size < 0:
                raise AssertionError("read the whole of stdin")
            return b"x" * size

    pipe = Endless()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=pipe))
    with pytest.raises(InputError, match=r"^<stdin>: is over the 20 MB limit$"):
        read_arguments(["-"])
    assert pipe.asked == [MAX_BYTES + 1]


def test_an_unreadable_subfolder_is_noted_or_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("Report a.", encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "b.txt").write_text("Report b.", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # as for a folder without read permission
        if Path(str(path)) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    notes: list[str] = []
    docs = read_arguments([str(tmp_path)], notes=notes)
    assert [d.id for d in docs] == ["a"]
    assert notes == [f"{locked}: cannot be read (Permission denied); left out"]
    with pytest.raises(InputError, match=r"locked: cannot be read \(Permission denied\)$"):
        read_items([tmp_path])


def run_accord(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "accord", *args], input=stdin, capture_output=True, timeout=180
    )


def test_cli_refuses_a_huge_stdin_in_one_line() -> None:
    result = run_accord("brief", "-", stdin=b"word " * (MAX_BYTES // 5 + 1000))
    assert result.returncode == 2
    assert result.stderr == b"accord: <stdin>: is over the 20 MB limit\n"


@pytest.mark.slow
def test_cli_briefs_a_windows_1252_file_and_names_its_encoding(tmp_path: Path) -> None:
    example = Path(__file__).resolve().parents[1] / "examples" / "harbour-fire"
    texts = sorted(example.glob("*.txt"))[:2]
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(
        (
            texts[0].read_text(encoding="utf-8")
            + "\n\nCaf\u00e9 owners said \u201cnever again\u201d."
        ).encode("cp1252", errors="replace")
    )
    result = run_accord("brief", str(legacy), str(texts[1]), "-f", "json")
    assert result.returncode == 0, result.stderr
    sources = {s["id"]: s for s in json.loads(result.stdout)["sources"]}
    assert sources["legacy"]["encoding"] == "cp1252"
    assert "encoding" not in sources[texts[1].stem]
    assert "Caf\u00e9 owners said \u201cnever again\u201d." in sources["legacy"]["text"]
