"""Batch mode: a JSONL dataset briefed by a process pool and by a Dask cluster."""

import gzip
import json
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
