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
scheduler is not flooded with tiny tasks.
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, Literal

from accord.errors import AccordError, InputError
from accord.ingest.sources import documents_from_records
from accord.model import DEFAULT_WORDS, Document

Engine = Literal["local", "dask"]
CHUNK = 16


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


def brief_chunk(records: list[dict[str, Any]], words: int) -> list[dict[str, Any]]:
    return [brief_record(record, words) for record in records]


def chunks(records: Iterable[dict[str, Any]], size: int = CHUNK) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for record in records:
        chunk.append(record)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def run_local(records: Iterable[dict[str, Any]], options: BatchOptions) -> Iterator[dict[str, Any]]:
    workers = options.workers or os.cpu_count() or 1
    if workers == 1:
        for chunk in chunks(records):
            yield from brief_chunk(chunk, options.words)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # map keeps input order; results stream out as the earliest chunk finishes
        for results in pool.map(partial(brief_chunk, words=options.words), chunks(records)):
            yield from results


def run_dask(records: Iterable[dict[str, Any]], options: BatchOptions) -> Iterator[dict[str, Any]]:
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
        futures = [
            client.submit(brief_chunk, chunk, options.words, pure=False)
            for chunk in chunks(records)
        ]
        for future in futures:  # in submission order, so output follows input
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(records: Iterable[dict[str, Any]], options: BatchOptions) -> Iterator[dict[str, Any]]:
    engine = run_dask if options.engine == "dask" else run_local
    return engine(records, options)


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def write_jsonl(results: Iterable[dict[str, Any]], path: Path) -> tuple[int, int]:
    """Write results atomically; return (briefed, failed) counts."""
    from accord.output import write_atomic_lines

    counts = [0, 0]

    def lines() -> Iterator[str]:
        for result in results:
            counts["error" in result] += 1
            line = json.dumps(result, ensure_ascii=False)
            if not line.isascii() and _has_surrogate(line):
                line = json.dumps(result)  # escaped: a lone surrogate has no UTF-8 form
            yield line + "\n"

    write_atomic_lines(path, lines())
    return counts[0], counts[1]
