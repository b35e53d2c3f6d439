"""Turns API requests into briefings: builds documents, runs the pipeline in worker threads
(never on the event loop) with a bounded number at once, and keeps recent results.

Identical requests that arrive while one is being briefed share that one computation: they
all get its briefing, or all get its error. A request waits at most ``timeout_s`` for its
briefing and then gets 503. With ``isolate`` (the default) the pipeline runs in worker
processes and one still running after ``timeout_s`` is stopped (its process is ended);
without, it runs in the thread, which cannot be stopped: it finishes, and its result is
cached for a retry.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable

import anyio
import anyio.to_thread

from accord.errors import InputError
from accord.ingest.sources import documents_from_records
from accord.model import Briefing, Document
from accord.pipeline import BriefOptions, brief_documents
from accord.web.schemas import BriefRequest
from accord.web.settings import WebSettings
from accord.web.workers import Overdue, ProcessPool

BriefFn = Callable[[list[Document], int], Briefing]


class Busy(Exception):
    """Too many briefings are running or waiting; the client should retry later."""


class TimedOut(Exception):
    """The briefing took longer than the server's time budget for one request."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took over {seconds:g} s")
        self.seconds = seconds


class TooLarge(InputError):
    """One document is longer than the app accepts (413)."""


def documents_from_request(
    request: BriefRequest, max_documents: int, max_chars: int | None = None
) -> list[Document]:
    records = [source.model_dump(exclude_none=True) for source in request.documents]
    documents = documents_from_records(records, limit=max_documents)
    for doc in documents:
        if max_chars is not None and len(doc.raw) > max_chars:
            raise TooLarge(
                doc.id, f"is {len(doc.raw):,} characters, over the {max_chars:,}-character limit"
            )
    return documents


def request_key(request: BriefRequest) -> str:
    fields = request.model_dump(include={"documents", "words"})
    payload = json.dumps(fields, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


class BriefingCache:
    """A small thread-safe LRU of briefings by request."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[str, Briefing] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Briefing | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: str, briefing: Briefing) -> None:
        with self._lock:
            self._items[key] = briefing
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class Briefer:
    def __init__(self, settings: WebSettings, brief_fn: BriefFn | None = None) -> None:
        self.settings = settings
        self.pool: ProcessPool | None = None
        if brief_fn is None and settings.isolate:
            self.pool = ProcessPool(settings.workers, settings.timeout_s)
            brief_fn = self.pool.brief
        self.brief_fn: BriefFn = brief_fn or (
            lambda docs, words: brief_documents(docs, BriefOptions(words))
        )
        self.cache = BriefingCache(settings.cache_size)
        self._limiter: anyio.CapacityLimiter | None = None
        # running + waiting computations, by request; only touched on the event loop
        self._flights: dict[str, asyncio.Task[Briefing]] = {}

    @property
    def limiter(self) -> anyio.CapacityLimiter:
        if self._limiter is None:  # created lazily: it needs a running event loop
            self._limiter = anyio.CapacityLimiter(self.settings.workers)
        return self._limiter

    @property
    def admitted(self) -> int:
        return len(self._flights)

    async def brief(self, request: BriefRequest) -> Briefing:
        documents = documents_from_request(
            request, self.settings.max_documents, self.settings.max_document_chars
        )
        key = request_key(request)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        flight = self._flights.get(key)
        if flight is None:
            if len(self._flights) >= self.settings.workers + self.settings.max_pending:
                raise Busy()
            flight = asyncio.get_running_loop().create_task(self._compute(documents, request.words))
            self._flights[key] = flight
            flight.add_done_callback(lambda done: self._landed(key, done))
        try:
            # shield: one waiter giving up (timeout, disconnect) must not cancel the others'
            return await asyncio.wait_for(asyncio.shield(flight), self.settings.timeout_s)
        except TimeoutError:
            raise TimedOut(self.settings.timeout_s) from None

    async def _compute(self, documents: list[Document], words: int) -> Briefing:
        try:
            return await anyio.to_thread.run_sync(
                self.brief_fn, documents, words, limiter=self.limiter
            )
        except Overdue:
            raise TimedOut(self.settings.timeout_s) from None

    def warm(self) -> None:
        """Start the worker processes now rather than on the first request."""
        if self.pool is not None:
            self.pool.warm()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()

    def _landed(self, key: str, flight: asyncio.Task[Briefing]) -> None:
        """Every waiter has been woken by now, with the result or the error."""
        self._flights.pop(key, None)
        if not flight.cancelled() and flight.exception() is None:
            self.cache.put(key, flight.result())
