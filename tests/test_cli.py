"""The command line, run as a user runs it: in a subprocess."""

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import EXAMPLE

ACCORD_COMMAND = Path(sys.executable).with_name("accord")  # the installed console script


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
    assert md.returncode == 0 and md.stdout.startswith("# ")  # the chosen headline
    assert "_Accord briefing; headline from_" in md.stdout
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


# --- output files --------------------------------------------------------------------------


def run_with_umask(mask: int, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "accord", *args],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.umask(mask),
    )


def test_new_output_files_honour_the_umask(tmp_path: Path):
    for mask, expected in ((0o022, 0o644), (0o027, 0o640), (0o002, 0o664)):
        out = tmp_path / f"briefing-{mask:03o}.md"
        result = run_with_umask(mask, "brief", str(EXAMPLE), "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE(out.stat().st_mode) == expected, f"umask {mask:03o}"


def test_an_existing_output_file_keeps_its_mode(tmp_path: Path):
    out = tmp_path / "briefing.json"
    out.write_text("{}")
    out.chmod(0o604)
    result = run_with_umask(0o077, "brief", str(EXAMPLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text())["sources"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o604


def test_an_unknown_output_suffix_is_refused_in_one_line(tmp_path: Path):
    for name in ("out.pdf", "out"):
        result = run("brief", str(EXAMPLE), "-o", str(tmp_path / name))
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "cannot tell the format" in lines[0], result.stderr
        assert "--format" in lines[0]
    assert list(tmp_path.iterdir()) == []
    chosen = run("brief", str(EXAMPLE), "-f", "json", "-o", str(tmp_path / "out.pdf"))
    assert chosen.returncode == 0 and json.loads((tmp_path / "out.pdf").read_text())["sources"]


def test_an_output_folder_that_is_missing_is_refused_before_any_work(tmp_path: Path, server):
    # a URL input shows the order: the output is checked before anything is fetched
    server.routes["/story"] = (200, {"Content-Type": "text/html"}, b"<p>A fire.</p>")
    story = f"http://127.0.0.1:{server.server_address[1]}/story"
    out = tmp_path / "missing" / "briefing.json"
    result = run("brief", story, str(EXAMPLE), "--allow-private", "-o", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == f"accord: {out}: folder {out.parent} does not exist"
    assert server.hits["/story"] == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write in a read-only folder")
def test_a_read_only_output_folder_is_refused_in_one_line(tmp_path: Path):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = run("brief", str(EXAMPLE), "-o", str(folder / "briefing.md"))
    finally:
        folder.chmod(0o755)
    assert result.returncode == 2
    assert "permission denied" in result.stderr and "internal error" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_check_writable_names_a_read_only_folder(tmp_path: Path, monkeypatch):
    from accord.errors import AccordError
    from accord.output import check_writable

    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != tmp_path)
    with pytest.raises(AccordError, match=r"cannot write in folder .* \(permission denied\)"):
        check_writable(tmp_path / "briefing.md")


# --- the command itself ---------------------------------------------------------------------


def test_version():
    import accord

    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"accord {accord.__version__}"


def _as_at_a_terminal() -> None:
    """Ctrl-C reaches a command run at a terminal; a shell's background job (how a loaded
    CI or an ``&`` may start pytest) ignores it, and the child would inherit that."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _interrupt(process: subprocess.Popen) -> str:
    """Send Ctrl-C and wait for the exit with stdin still open: ``communicate`` would close
    it at once, and a loaded machine may deliver that end of input before the signal."""
    process.send_signal(signal.SIGINT)
    process.wait(timeout=60)
    return process.stderr.read()


def test_ctrl_c_says_interrupted_and_exits_130():
    process = subprocess.Popen(
        [sys.executable, "-m", "accord", "brief", "-"],
        stdin=subprocess.PIPE,  # never written: the command waits for its input
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_as_at_a_terminal,
    )
    try:
        time.sleep(2)  # let it start and block on stdin (an interrupt earlier says the same)
        err = _interrupt(process)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130
    assert err.strip() == "accord: interrupted"


@pytest.mark.parametrize("command", [[sys.executable, "-m", "accord"], [str(ACCORD_COMMAND)]])
def test_ctrl_c_while_accord_loads_says_interrupted_too(command):
    # 0.4 s is inside the import of Accord's modules (about a second): no traceback there
    process = subprocess.Popen(
        [*command, "brief", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_as_at_a_terminal,
    )
    try:
        time.sleep(0.4)
        err = _interrupt(process)
    finally:
        if process.poll() is None:
            process.kill()
    assert (process.returncode, err.strip()) == (130, "accord: interrupted")


def test_terminal_view_says_how_many_more_and_all_shows_every_one():
    capped = run("brief", str(EXAMPLE))
    full = run("brief", str(EXAMPLE), "--all")
    facts = len(json.loads(run("brief", str(EXAMPLE), "-f", "json").stdout)["facts"])
    assert facts > 12, "the example needs more facts than the view shows at once"
    assert f"{facts - 12} more facts not shown: accord brief --all shows every one" in capped.stdout
    assert "more facts not shown" not in full.stdout
    assert full.stdout.count("\n") > capped.stdout.count("\n")


def _duplicate_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    wire = (EXAMPLE / "western-wire.txt").read_text(encoding="utf-8")
    (folder / "dup1.txt").write_text(wire, encoding="utf-8")
    (folder / "dup2.txt").write_text(wire, encoding="utf-8")
    (folder / "two.txt").write_text(
        (EXAMPLE / "coastal-courier.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return folder


def test_copies_of_a_report_are_not_counted_in_any_view(tmp_path: Path):
    folder = _duplicate_folder(tmp_path)
    data = json.loads(run("brief", str(folder), "-f", "json").stdout)
    assert [s["duplicate_of"] for s in data["sources"]] == [None, "dup1", None]
    text = run("brief", str(folder), "--all").stdout
    markdown = run("brief", str(folder), "-f", "md").stdout
    page = run("brief", str(folder), "-f", "html").stdout
    for view in (text, markdown, page):
        assert "3: dup1, dup2, two" not in view
        assert "dup1, dup2, two" not in view
    shared = [f for f in data["facts"] if {"dup1", "two"} <= set(f["sources"])]
    assert shared, "the copies and the third report should share a fact"
    if any("dup2" in f["sources"] for f in shared):  # copies cited side by side
        assert "2: dup1, two (also in dup2)" in text
        assert "2: dup1, two (also in dup2)" in markdown
        assert "(also in dup2)" in page
    assert "[dup1] [dup2]" not in text and "[dup1] [dup2]" not in markdown
    assert "2 sources (+1 copy, not counted)" in page
    assert 'class="fact-support">2/2<' in page and "/3<" not in page


def test_batch_and_stories_check_their_output_before_running(tmp_path: Path):
    dataset = tmp_path / "clusters.jsonl"
    dataset.write_text('{"id": "a", "documents": ["A fire broke out.", "A fire."]}\n')
    out = tmp_path / "missing" / "briefings.jsonl"
    batch = run("batch", str(dataset), "-o", str(out))
    assert batch.returncode == 2
    assert batch.stderr.strip() == f"accord: {out}: folder {out.parent} does not exist"
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    stories = run("stories", str(EXAMPLE), "-o", str(blocker / "stories"))
    assert stories.returncode == 2
    assert "is a file, not a folder" in stories.stderr
    assert len(stories.stderr.strip().splitlines()) == 1


def test_batch_output_honours_the_umask(tmp_path: Path):
    dataset = tmp_path / "clusters.jsonl"
    record = {
        "id": "fire",
        "documents": [
            "At least 200 people were evacuated from the harbour on Tuesday, police said.",
            "About 180 people were evacuated from the harbour on Tuesday, officials said.",
        ],
    }
    dataset.write_text(json.dumps(record) + "\n")
    out = tmp_path / "briefings.jsonl"
    result = run_with_umask(0o027, "batch", str(dataset), "-o", str(out), "--workers", "1")
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text().splitlines()[0])["id"] == "fire"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
