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

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from accord.errors import InputError
from accord.ingest.documents import (
    MAX_BYTES,
    SUFFIXES,
    document_from_bytes,
    document_from_path,
    document_from_text,
    unique_ids,
)
from accord.ingest.feeds import documents_from_feed, is_feed_or_archive, read_feed_or_archive
from accord.ingest.http import FetchOptions, document_from_fetched, fetch, is_feed, is_url
from accord.model import Document

STDIN = "-"

Item = str | Path | Document


Notes = list[str]  # where a reader reports what it left out; None: refuse instead


def expand_paths(paths: Iterable[Path], notes: Notes | None = None) -> list[Path]:
    """Folders become the supported files inside them (sorted, hidden ones skipped).

    A subfolder that cannot be read is never skipped silently: with ``notes`` it is left out
    with a note, without (the Python API) it is refused.
    """
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in _walk(path, notes) if p.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError(str(path), f"folder holds no {', '.join(sorted(SUFFIXES))} files")
            files.extend(found)
        else:
            files.append(path)
    return files


def _walk(folder: Path, notes: Notes | None) -> Iterable[Path]:
    """Files under ``folder``, hidden files and folders skipped, unreadable ones reported."""

    def unreadable(error: OSError) -> None:
        where = error.filename or str(folder)
        problem = f"cannot be read ({error.strerror or error})"
        if notes is None:
            raise InputError(where, problem)
        notes.append(f"{where}: {problem}; left out")

    for root, folders, names in os.walk(folder, onerror=unreadable):
        folders[:] = [f for f in folders if not f.startswith(".")]
        for name in names:
            candidate = Path(root, name)
            if not name.startswith(".") and candidate.is_file():
                yield candidate


def read_stdin() -> Document:
    """Standard input, read no further than the limit."""
    data = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise InputError("<stdin>", f"is over the {MAX_BYTES // 2**20} MB limit")
    return document_from_bytes("stdin", data, "<stdin>")


def fetch_documents(url: str, options: FetchOptions | None = None) -> list[Document]:
    """A URL as sources: one page, or every article of a feed."""
    fetched = fetch(url, options)
    if is_feed(fetched):
        return documents_from_feed(fetched.body, fetched.final_url, options)
    return [document_from_fetched(fetched)]


def read_items(items: Sequence[Item] | Item) -> list[Document]:
    """The Python API's input: article text (str), files (Path) or ready Documents.

    A single item (one ``str``, ``Path`` or ``Document``) is one source, never a sequence of
    characters. A ``str`` is always article text: one that names an existing file or folder
    (a single line without spaces) is refused with a hint to pass ``pathlib.Path``, since
    briefing the file name as if it were a report is never what was meant.
    """
    if isinstance(items, str | Path | Document):
        items = [items]
    documents: list[Document] = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, Document):
            documents.append(item)
        elif isinstance(item, Path):
            documents.extend(document_from_path(p) for p in expand_paths([item]))
        elif isinstance(item, str):
            name = f"S{number}"
            if _names_a_path(item):
                raise InputError(
                    name,
                    f"is the path {item!r}, not article text; pass pathlib.Path({item!r}) "
                    "to read the file",
                )
            documents.append(document_from_text(name, item))
        else:
            raise TypeError(f"cannot read a {type(item).__name__}; give str, Path or Document")
    return unique_ids(documents)


def _names_a_path(text: str) -> bool:
    candidate = text.strip()
    if not candidate or len(candidate) > 4096 or any(c.isspace() for c in candidate):
        return False
    try:
        return Path(candidate).expanduser().exists()
    except (OSError, ValueError):
        return False


def read_arguments(
    arguments: Sequence[str],
    fetch_options: FetchOptions | None = None,
    notes: Notes | None = None,
) -> list[Document]:
    """The CLI's input: paths, folders, "-" for stdin, URLs, feeds and WARC files.

    With ``notes``, what is left out (an unreadable subfolder, an oversized WARC record) is
    reported there, one line each; without, such input is refused.
    """
    documents: list[Document] = []
    for argument in arguments:
        if argument == STDIN:
            documents.append(read_stdin())
        elif is_url(argument):
            documents.extend(fetch_documents(argument, fetch_options))
        elif is_feed_or_archive(Path(argument)):
            documents.extend(read_feed_or_archive(Path(argument), fetch_options, notes))
        else:
            paths = expand_paths([Path(argument)], notes)
            documents.extend(document_from_path(p) for p in paths)
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
    if isinstance(record, Mapping) and (record.get("text") is not None or "html" in record):
        html = record.get("html") is not None
        field = "html" if html else "text"
        body, given = record.get(field), record.get("id")
        if not isinstance(body, str):
            raise InputError(where, f"document {number}: {field} is not a string")
        if given is not None and not isinstance(given, str | int):
            raise InputError(where, f"document {number}: id is not a string")
        return (str(given).strip() if given is not None else "") or fallback, body, html
    raise InputError(where, f"document {number} is neither text nor {{id, text}}")
