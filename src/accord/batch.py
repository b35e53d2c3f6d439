"""Batch: brief every cluster of a JSONL dataset, on this machine or on a Dask cluster.

Input lines are ``{"id": ..., "documents": [...]}`` (the Multi-News format; extra keys such
as ``summary`` are ignored). A document is article text, or ``{"id", "text"}`` /
``{"id", "html"}``. Each output line is ``{"id", "briefing"}``, or ``{"id", "error"}`` for a
cluster that could not be briefed, in input order.

Engines:

- ``local``: a process pool on this machine (``--workers``, default: all cores).
- ``dask``: Dask's distributed scheduler. With ``--scheduler tcp://host:8786`` the work goes
  to an existing cluster whose workers have Accord installed; without it, a local Dask
  cluster is started (useful to try the setup before pointing it at a real cluster).

Records travel to workers in chunks so that each worker loads spaCy once and the
scheduler is not flooded with tiny tasks. At most a few chunks per worker are in flight:
the input is read as the work goes, not all at once (a dataset may not fit in memory),
and the output is written in input order as soon as the earliest chunk is done.
"""

from __future__ import annotations

import gzip
import json
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from accord.errors import AccordError, InputError
from accord.ingest.sources import documents_from_records
from accord.model import DEFAULT_WORDS, Document
from accord.progress import Progress

Engine = Literal["local", "dask"]
CHUNK = 4  # clusters per task: small enough that no worker waits long for the last one
AHEAD = 4  # chunks in flight per worker: keeps every worker busy while output is written


@dataclass(frozen=True, slots=True)
class BatchOptions:
    words: int = DEFAULT_WORDS
    engine: Engine = "local"
    workers: int = 0  # 0: one per core
    scheduler: str | None = None  # a Dask scheduler address


def read_records(path: Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """Records of a JSONL(.gz) file; a malformed line stops with its line number."""
    if not path.is_file():
        raise InputError(str(path), "no such file")
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as stream:  # type: ignore[operator]
            for number, line in enumerate(stream, start=1):
                if limit is not None and number > limit:
                    return
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(
                        f"{path}:{number}", f"is not valid JSON ({error.msg})"
                    ) from None
                if not isinstance(record, dict) or not isinstance(record.get("documents"), list):
                    raise InputError(f"{path}:{number}", 'needs an object with a "documents" list')
                record.setdefault("id", f"line-{number}")
                yield record
    except (OSError, EOFError, UnicodeDecodeError) as error:
        raise InputError(str(path), f"cannot be read ({error})") from None


def record_documents(record: dict[str, Any]) -> list[Document]:
    return documents_from_records(
        record["documents"], where=f"cluster {record['id']}", skip_empty=True
    )


def brief_record(record: dict[str, Any], words: int) -> dict[str, Any]:
    """One output line; a bad cluster becomes an error line instead of stopping the run."""
    from accord.pipeline import MIN_ARTICLE_WORDS, BriefOptions, brief_documents

    try:
        # Datasets carry crawl failures (empty or few-word documents): skip them, not the cluster.
        documents = [d for d in record_documents(record) if len(d.raw.split()) >= MIN_ARTICLE_WORDS]
        return {
            "id": record["id"],
            "briefing": brief_documents(documents, BriefOptions(words)).to_dict(),
        }
    except AccordError as error:
        return {"id": record["id"], "error": str(error)}
    except Exception as error:  # a bug met on one cluster must not end the run
        return {"id": record["id"], "error": f"internal error: {type(error).__name__}: {error}"}


@dataclass(frozen=True, slots=True)
class Line:
    """One output line, encoded where the cluster was briefed: text crosses from a worker
    to the writing process at almost no cost, where a briefing's nested dict had to be
    pickled by the worker and unpickled by the writer, which shares the cores."""

    failed: bool
    text: str


def encode(result: dict[str, Any]) -> Line:
    text = json.dumps(result, ensure_ascii=False)
    if not text.isascii() and _has_surrogate(text):
        text = json.dumps(result)  # escaped: a lone surrogate has no UTF-8 form
    return Line("error" in result, text)


def brief_chunk(records: list[dict[str, Any]], words: int) -> list[Line]:
    return [encode(brief_record(record, words)) for record in records]


def chunks(records: Iterable[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def warm_up() -> None:
    """Load what a briefing needs (spaCy, the gazetteer, the scorer) in this process.

    Called before the local pool is made: its workers are forked from this process, so they
    share the loaded model instead of each loading its own (seconds of CPU and hundreds of
    MB per worker; on two cores, the one part of a run that did not divide)."""
    brief_record(
        {
            "id": "warm-up",
            "documents": [
                "At least 200 people were evacuated from the valley on Tuesday, police said.",
                "About 180 people were evacuated from the valley on Tuesday, officials said.",
            ],
        },
        40,
    )


def in_order(submit: Any, records: Iterable[dict[str, Any]], window: int) -> Iterator[Line]:
    """Results of ``submit(chunk)`` futures in input order, with at most ``window`` chunks
    submitted and not yet written (``Executor.map`` would read the whole input first)."""
    pending: deque[Any] = deque()
    for chunk in chunks(records):
        pending.append(submit(chunk))
        while len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def run_local(records: Iterable[dict[str, Any]], options: BatchOptions) -> Iterator[Line]:
    workers = options.workers or os.cpu_count() or 1
    if workers == 1:
        for chunk in chunks(records):
            yield from brief_chunk(chunk, options.words)
        return
    # On Linux the workers are forked, so the model loaded here once is theirs too;
    # elsewhere (spawn) each worker loads its own.
    context = multiprocessing.get_context("fork") if sys.platform == "linux" else None
    if context is not None:
        warm_up()
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:

        def submit(chunk: list[dict[str, Any]]) -> Future[list[Line]]:
            return pool.submit(brief_chunk, chunk, options.words)

        yield from in_order(submit, records, workers * AHEAD)


def run_dask(records: Iterable[dict[str, Any]], options: BatchOptions) -> Iterator[Line]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise AccordError('the dask engine needs Dask: pip install "dask[distributed]"') from None
    if options.scheduler:
        client = Client(options.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=options.workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
        )
        client = Client(cluster)
    try:
        # workers that join later are fed too: the window is only how far input is read ahead
        workers = max(2, sum(client.nthreads().values()))

        def submit(chunk: list[dict[str, Any]]) -> Any:
            return client.submit(brief_chunk, chunk, options.words, pure=False)

        yield from in_order(submit, records, workers * AHEAD)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(records: Iterable[dict[str, Any]], options: BatchOptions) -> Iterator[Line]:
    engine = run_dask if options.engine == "dask" else run_local
    return engine(records, options)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def write_jsonl(
    results: Iterable[Line], path: Path, progress: Progress | None = None
) -> tuple[int, int]:
    """Write results atomically; return (briefed, failed) counts. ``progress`` hears of
    each result as it is written."""
    from accord.output import write_atomic_lines

    counts = [0, 0]

    def lines() -> Iterator[str]:
        for result in results:
            counts[result.failed] += 1
            if progress is not None:
                progress.advance(result.failed)
            yield result.text + "\n"

    write_atomic_lines(path, lines())
    return counts[0], counts[1]
