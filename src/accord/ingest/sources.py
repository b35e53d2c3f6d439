"""The one door in: everything a user gives becomes validated :class:`Document` objects here.

* :func:`read_items`: the Python API (``accord.brief``): article text, paths, Documents;
* :func:`read_arguments`: the command line: paths, folders, ``-`` for stdin, URLs, feeds
  and web archives;
* :func:`documents_from_records`: JSON records (``"text"``, ``{"id", "text"}`` or
  ``{"id", "html"}``), used by the web app, ``accord batch`` and the evaluation alike.

Each builds its documents with :func:`accord.ingest.documents.document_from_text`, so every
source meets the same validator and the same wording.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from accord.errors import InputError
from accord.ingest.documents import (
    MAX_BYTES,
    SUFFIXES,
    decode,
    document_from_path,
    document_from_text,
    unique_ids,
)
from accord.ingest.feeds import documents_from_feed, is_feed_or_archive, read_feed_or_archive
from accord.ingest.http import FetchOptions, document_from_fetched, fetch, is_feed, is_url
from accord.model import Document

STDIN = "-"

Item = str | Path | Document


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Folders become the supported files inside them (sorted, hidden ones skipped)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            if not found:
                raise InputError(str(path), f"folder holds no {', '.join(sorted(SUFFIXES))} files")
            files.extend(found)
        else:
            files.append(path)
    return files


def read_stdin() -> Document:
    data = sys.stdin.buffer.read()
    if len(data) > MAX_BYTES:
        raise InputError("<stdin>", f"is over the {MAX_BYTES // 2**20} MB limit")
    return document_from_text("stdin", decode(data, "<stdin>"), name="<stdin>")


def fetch_documents(url: str, options: FetchOptions | None = None) -> list[Document]:
    """A URL as sources: one page, or every article of a feed."""
    fetched = fetch(url, options)
    if is_feed(fetched):
        return documents_from_feed(fetched.body, fetched.final_url, options)
    return [document_from_fetched(fetched)]


def read_items(items: Sequence[Item]) -> list[Document]:
    """The Python API's input: article text (str), files (Path) or ready Documents."""
    documents: list[Document] = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, Document):
            documents.append(item)
        elif isinstance(item, Path):
            documents.extend(document_from_path(p) for p in expand_paths([item]))
        elif isinstance(item, str):
            documents.append(document_from_text(f"S{number}", item))
        else:
            raise TypeError(f"cannot read a {type(item).__name__}; give str, Path or Document")
    return unique_ids(documents)


def read_arguments(
    arguments: Sequence[str], fetch_options: FetchOptions | None = None
) -> list[Document]:
    """The CLI's input: paths, folders, "-" for stdin, URLs, feeds and WARC files."""
    documents: list[Document] = []
    for argument in arguments:
        if argument == STDIN:
            documents.append(read_stdin())
        elif is_url(argument):
            documents.extend(fetch_documents(argument, fetch_options))
        elif is_feed_or_archive(Path(argument)):
            documents.extend(read_feed_or_archive(Path(argument), fetch_options))
        else:
            documents.extend(document_from_path(p) for p in expand_paths([Path(argument)]))
    return unique_ids(documents)


def documents_from_records(
    records: Sequence[Any],
    *,
    where: str = "documents",
    id_prefix: str = "S",
    skip_empty: bool = False,
    limit: int | None = None,
) -> list[Document]:
    """JSON records as documents: ``"text"`` (plain text), ``{"id", "text"}`` or
    ``{"id", "html"}``; a record without an id gets ``<id_prefix><number>``.

    ``where`` names the collection in errors (a cluster, the request); ``skip_empty`` leaves
    out blank texts instead of refusing them (datasets carry crawl failures); ``limit``
    refuses more than that many records.
    """
    if limit is not None and len(records) > limit:
        raise InputError(where, f"{len(records)} given, at most {limit}")
    documents: list[Document] = []
    for number, record in enumerate(records, start=1):
        doc_id, body, html = _record_fields(record, number, where, id_prefix)
        if skip_empty and not body.strip():
            continue
        documents.append(document_from_text(doc_id, body, html=html))
    return unique_ids(documents)


def _record_fields(record: Any, number: int, where: str, id_prefix: str) -> tuple[str, str, bool]:
    fallback = f"{id_prefix}{number}"
    if isinstance(record, str):
        return fallback, record, False
    if isinstance(record, Mapping):
        html = record.get("html") is not None
        body = record.get("html") if html else record.get("text")
        given = record.get("id")
        if isinstance(body, str) and (given is None or isinstance(given, str | int)):
            return (str(given).strip() if given is not None else "") or fallback, body, html
    raise InputError(where, f"document {number} is neither text nor {{id, text}}")
