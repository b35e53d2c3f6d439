"""Batch mode: a JSONL dataset briefed by a process pool and by a Dask cluster."""

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from accord.batch import BatchOptions, read_records, run, write_jsonl
from accord.errors import InputError
from tests.conftest import EXAMPLE


def _dataset(tmp_path: Path) -> Path:
    reports = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLE.glob("*.txt"))]
    records = [
        {"id": "fire", "documents": reports[:3], "summary": "ignored"},
        {"id": "broken", "documents": [42]},
        {"id": "typed", "documents": [{"id": "wire", "text": reports[3]}]},
    ]
    path = tmp_path / "clusters.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.writelines(json.dumps(r) + "\n" for r in records)
    return path


def test_records_are_read_and_bad_lines_named(tmp_path: Path):
    assert [r["id"] for r in read_records(_dataset(tmp_path))] == ["fire", "broken", "typed"]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "documents": []}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2: is not valid JSON"):
        list(read_records(bad))


@pytest.mark.parametrize("workers", [1, 2])
def test_local_engine_keeps_order_and_reports_bad_clusters(tmp_path: Path, workers: int):
    out = tmp_path / "out.jsonl"
    options = BatchOptions(words=100, workers=workers)
    briefed, failed = write_jsonl(run(read_records(_dataset(tmp_path)), options), out)
    assert (briefed, failed) == (2, 1)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["fire", "broken", "typed"]
    assert "neither text" in lines[1]["error"]
    fire = lines[0]["briefing"]
    assert len(fire["sources"]) == 3 and fire["summary"]
    assert lines[2]["briefing"]["sources"][0]["id"] == "wire"


@pytest.mark.slow
def test_dask_engine_gives_the_same_briefings(tmp_path: Path):
    pytest.importorskip("distributed")
    dataset = _dataset(tmp_path)
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    write_jsonl(run(read_records(dataset), BatchOptions(words=100, workers=1)), local)
    write_jsonl(run(read_records(dataset), BatchOptions(words=100, engine="dask", workers=2)), dask)
    assert local.read_text(encoding="utf-8") == dask.read_text(encoding="utf-8")


def test_a_failed_run_leaves_no_output(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "documents": ["A report of a storm."]}\n{oops\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError):
        write_jsonl(run(read_records(bad), BatchOptions(workers=1)), out)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.jsonl"]


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _accord_batch(
    source: Path, out: Path, timeout: int = 300, *extra: str
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            *("-m", "accord", "batch", str(source), "-o", str(out), "--workers", "1", *extra),
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def test_bad_records_give_error_lines_and_the_run_goes_on(tmp_path: Path):
    """A document that is not a string, a lone surrogate (a \\ud800 escape in the JSON) and
    a document that is neither text nor an object: an error line each, the rest briefed."""
    reports = [json.dumps(p.read_text(encoding="utf-8")) for p in sorted(EXAMPLE.glob("*.txt"))]
    surrogate = reports[2].replace(" fire", " \\ud800fire")
    source = _write_lines(
        tmp_path / "in.jsonl",
        [
            f'{{"id": "first", "documents": [{reports[0]}, {reports[1]}]}}',
            '{"id": "h", "documents": [{"id": "x", "html": 5}]}',
            f'{{"id": "s", "documents": [{surrogate}, {reports[3]}]}}',
            '{"id": "broken", "documents": [42]}',
            f'{{"id": "last", "documents": [{reports[2]}, {reports[3]}]}}',
        ],
    )
    out = tmp_path / "out.jsonl"
    result = _accord_batch(source, out, 300, "--every", "0")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["first", "h", "s", "broken", "last"]
    assert [sorted(line) for line in lines] == [
        ["briefing", "id"],
        ["error", "id"],
        ["error", "id"],
        ["error", "id"],
        ["briefing", "id"],
    ]
    assert "not a string" in lines[1]["error"]
    assert "2 briefed, 3 failed" in result.stderr
    # stderr is a pipe: a plain status line per result (--every 0), the total counted
    status = [line for line in result.stderr.splitlines() if line.startswith("accord: batch:")]
    assert status[0].startswith("accord: batch: 1/5 clusters (20%), ")
    assert "clusters/s, 0 errors, about " in status[0]
    assert status[-1].startswith("accord: batch: 5/5 clusters (100%), ")
    assert status[-1].endswith(", 3 errors, done in " + status[-1].rsplit(" ", 1)[-1])
    assert "\x1b" not in result.stderr  # no terminal control codes in a log


def test_a_terminal_gets_a_progress_bar(tmp_path: Path):
    """Run as a user at a terminal runs it (a pseudo-terminal): a rich bar on stderr, the
    output file as always."""
    import os
    import pty

    source = _dataset(tmp_path)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "accord", "batch", str(source), "-o", str(out)]
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "120", "TERM": "xterm"}
    process = subprocess.Popen(
        [*command, "--workers", "1", "--limit", "2"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        seen += data
    os.close(master)
    assert process.wait(timeout=300) == 0, seen
    shown = seen.decode("utf-8", "replace")
    assert "\x1b[" in shown and "━" in shown  # drawn with control codes: a bar
    assert "2/2" in shown and "1 errors" in shown and "clusters/s" in shown
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        "fire",
        "broken",
    ]


def test_status_lines_give_rate_errors_and_time_left():
    import io

    from accord.progress import StatusLines

    now = [0.0]
    stream = io.StringIO()
    status = StatusLines(10, stream, interval=5.0, clock=lambda: now[0])
    for failed in (False, True, False, False):
        now[0] += 2.0
        status.advance(failed)
    status.close()
    assert stream.getvalue().splitlines() == [
        "accord: batch: 1/10 clusters (10%), 0.5 clusters/s, 0 errors, about 18s left",
        "accord: batch: 4/10 clusters (40%), 0.5 clusters/s, 1 error, about 12s left",
    ]
    unknown = StatusLines(None, io.StringIO(), clock=lambda: 4.0)
    unknown.started = 0.0
    unknown.advance(False)
    assert unknown.line() == "accord: batch: 1 clusters, 0.2 clusters/s, 0 errors"


def test_records_are_counted_when_cheap(tmp_path: Path):
    from accord.progress import count_records

    dataset = _dataset(tmp_path)
    assert count_records(dataset) == 3
    assert count_records(dataset, limit=2) == 2
    plain = _write_lines(tmp_path / "p.jsonl", ['{"documents": []}', "", '{"documents": []}'])
    assert count_records(plain) == 2
    assert count_records(tmp_path / "missing.jsonl") is None


def test_an_unexpected_error_in_one_cluster_becomes_its_error_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import accord.pipeline

    real = accord.pipeline.brief_documents

    def brief_documents(documents, options):
        if documents[0].raw.startswith("Explode"):
            raise ZeroDivisionError("a bug met on this cluster only")
        return real(documents, options)

    monkeypatch.setattr(accord.pipeline, "brief_documents", brief_documents)
    report = (EXAMPLE / "western-wire.txt").read_text(encoding="utf-8")
    records = [
        {"id": "bug", "documents": ["Explode " + report]},
        {"id": "fine", "documents": [report]},
    ]
    out = tmp_path / "out.jsonl"
    assert write_jsonl(run(iter(records), BatchOptions(words=50, workers=1)), out) == (1, 1)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == {
        "id": "bug",
        "error": "internal error: ZeroDivisionError: a bug met on this cluster only",
    }
    assert "briefing" in lines[1]


@pytest.mark.slow
def test_a_document_over_spacys_length_limit_is_briefed_in_a_batch(tmp_path: Path):
    report = (EXAMPLE / "western-wire.txt").read_text(encoding="utf-8")
    run_on = " ".join(report.replace(".", "").split())  # one long sentence per paragraph
    huge = "\n\n".join(f"Paragraph {n}: {run_on}" for n in range(1150))
    assert len(huge) > 1_000_000
    source = _write_lines(
        tmp_path / "in.jsonl",
        [
            json.dumps({"id": "huge", "documents": [huge, report]}),
            json.dumps({"id": "after", "documents": [report]}),
        ],
    )
    out = tmp_path / "out.jsonl"
    result = _accord_batch(source, out, timeout=1200)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["huge", "after"]
    assert "briefing" in lines[0], lines[0].get("error")
    assert "briefing" in lines[1]
