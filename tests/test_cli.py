"""The command line, run as a user runs it: in a subprocess."""

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLE


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accord", *args],
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


def test_brief_writes_json_atomically(tmp_path: Path):
    out = tmp_path / "briefing.json"
    result = run("brief", str(EXAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["sources"]) == 4
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_formats(tmp_path: Path):
    md = run("brief", str(EXAMPLE), "--format", "md")
    assert md.returncode == 0 and md.stdout.startswith("# Briefing")
    html_file = tmp_path / "b.html"
    assert run("brief", str(EXAMPLE), "-o", str(html_file)).returncode == 0
    page = html_file.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "<script src" not in page and "<link" not in page
    text = run("brief", str(EXAMPLE), "--words", "80")
    assert text.returncode == 0 and "Summary" in text.stdout


def test_stdin_is_a_source():
    result = run(
        "brief",
        "-",
        str(EXAMPLE / "western-wire.txt"),
        "-f",
        "json",
        stdin="Firefighters fought a warehouse blaze at Kelmouth harbour for nine hours.",
    )
    assert result.returncode == 0, result.stderr
    assert [s["id"] for s in json.loads(result.stdout)["sources"]] == ["stdin", "western-wire"]


def test_bad_input_gets_one_line_and_no_traceback(tmp_path: Path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    for args, needle in [
        (["brief", str(tmp_path / "missing.txt")], "missing.txt: no such file"),
        (["brief", str(binary)], "photo.txt: looks like a binary file"),
        (["brief", str(EXAMPLE), "--format", "pdf"], "--format pdf"),
        (["brief", str(EXAMPLE), "--lang", "fr"], "only English"),
    ]:
        result = run(*args)
        assert result.returncode != 0
        assert needle in result.stderr
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_output_never_overwrites_an_input(tmp_path: Path):
    source = tmp_path / "report.txt"
    source.write_text((EXAMPLE / "western-wire.txt").read_text(encoding="utf-8"), encoding="utf-8")
    before = source.read_bytes()
    result = run("brief", str(source), str(EXAMPLE / "radio-kelmouth.txt"), "-o", str(source))
    assert result.returncode != 0 and "refusing to overwrite" in result.stderr
    assert source.read_bytes() == before


def test_failed_run_leaves_no_output_file(tmp_path: Path):
    out = tmp_path / "briefing.json"
    result = run("brief", str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.returncode != 0
    assert list(tmp_path.iterdir()) == []
