from pathlib import Path

import pytest

from accord.errors import InputError
from accord.ingest.documents import MAX_BYTES, looks_like_html
from accord.ingest.sources import read_arguments, read_items
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
        ("caf\u00e9 cr\u00e8me".encode("latin-1"), "not UTF-8"),
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
