"""Briefings in worker processes, so that one over its time budget can be stopped.

A thread cannot be stopped: a briefing that runs for minutes would hold its worker for
minutes. Each worker here is a process (started with ``spawn``, the language model loaded
once, then briefing request after request); a briefing still running at the deadline is
ended by killing its process, and a fresh one takes its place. The pool is used from the
app's worker threads, at most ``size`` at once.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import queue
import signal
import threading
from multiprocessing.connection import Connection
from typing import Any

from accord.errors import AccordError, InputError
from accord.model import Briefing, Document

STARTUP_S = 180.0  # loading the model takes a few seconds; a loaded machine may be slow


class Overdue(Exception):
    """The briefing was still running at the deadline; its process has been ended."""


class WorkerFailed(Exception):
    """The worker process died or failed in a way that is not the request's fault."""


def _warm_up() -> None:
    """Load everything a briefing needs, so that the first request does not pay for it."""
    from accord.ingest.documents import document_from_text
    from accord.pipeline import BriefOptions, brief_documents

    brief_documents(
        [
            document_from_text("a", "At least 200 people were evacuated on Tuesday, police said."),
            document_from_text("b", "About 180 people were evacuated on Tuesday, officials said."),
        ],
        BriefOptions(40),
    )


def _serve_jobs(conn: Connection) -> None:
    """The worker process: brief each (documents, words) received until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which ends us
    from accord.pipeline import BriefOptions, brief_documents

    try:
        _warm_up()
        conn.send(("ready", None))
    except Exception as error:  # reported to the parent, which says why
        conn.send(("error", f"{type(error).__name__}: {error}"))
        return
    while True:
        try:
            documents, words = conn.recv()
        except (EOFError, OSError):
            return  # the server has gone
        try:
            reply: tuple[str, Any] = ("ok", brief_documents(documents, BriefOptions(words)))
        except InputError as error:
            reply = ("input", (error.source, error.problem))
        except AccordError as error:
            reply = ("accord", str(error))
        except Exception as error:  # the parent answers 500 with its name
            reply = ("error", type(error).__name__)
        conn.send(reply)


class Worker:
    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")
        self.conn, child = context.Pipe()
        self.process = context.Process(
            target=_serve_jobs, args=(child,), name="accord-brief", daemon=True
        )
        self.process.start()
        child.close()
        try:
            ready = self.conn.poll(STARTUP_S) and self.conn.recv()
        except (EOFError, OSError):
            ready = None
        if not ready or ready[0] != "ready":
            self.kill()
            raise WorkerFailed(f"a briefing worker did not start ({ready and ready[1]})")

    def brief(self, documents: list[Document], words: int, timeout_s: float) -> Briefing:
        try:
            self.conn.send((documents, words))
            if not self.conn.poll(timeout_s):
                raise Overdue()
            kind, payload = self.conn.recv()
        except (EOFError, OSError) as error:
            raise WorkerFailed("the briefing worker stopped") from error
        if kind == "ok":
            return payload  # type: ignore[no-any-return]
        if kind == "input":
            raise InputError(*payload)
        if kind == "accord":
            raise AccordError(payload)
        raise WorkerFailed(payload)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=10)
        self.conn.close()


class ProcessPool:
    """Up to ``size`` worker processes, started when first needed (or by :meth:`warm`)."""

    def __init__(self, size: int, timeout_s: float) -> None:
        self.size = size
        self.timeout_s = timeout_s
        self._idle: queue.SimpleQueue[Worker] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._count = 0  # started and not ended, idle or busy
        self._closed = False

    def brief(self, documents: list[Document], words: int) -> Briefing:
        """Brief in a worker process; :class:`Overdue` after ``timeout_s`` of running."""
        worker = self._take()
        keep = True
        try:
            return worker.brief(documents, words, self.timeout_s)
        except (Overdue, WorkerFailed):
            keep = False
            raise
        finally:
            self._give_back(worker, keep)

    def warm(self) -> None:
        """Start every worker now, in the background, so that no request waits for one."""
        for _ in range(self.size):
            self._start_in_background()

    def _start_in_background(self) -> None:
        with self._lock:
            if self._closed or self._count >= self.size:
                return
            self._count += 1

        def start() -> None:
            with contextlib.suppress(WorkerFailed):  # a request will try again and say why
                self._give_back(self._start(), keep=True)

        threading.Thread(target=start, name="accord-warm", daemon=True).start()

    def close(self) -> None:
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                return

    def _take(self) -> Worker:
        """An idle worker, else a new one while fewer than ``size`` exist, else wait."""
        wait = 0.0
        while True:
            try:
                return self._idle.get(timeout=wait) if wait else self._idle.get_nowait()
            except queue.Empty:
                pass
            with self._lock:
                start_one = self._count < self.size
                if start_one:
                    self._count += 1
            if start_one:
                return self._start()
            wait = 0.5  # one is busy or starting; a failed start frees its place

    def _start(self) -> Worker:
        """A new worker; its place (already counted) is given back if it fails to start."""
        try:
            return Worker()
        except BaseException:
            with self._lock:
                self._count -= 1
            raise

    def _give_back(self, worker: Worker, keep: bool) -> None:
        if keep and not self._closed:
            self._idle.put(worker)
            return
        worker.kill()
        with self._lock:
            self._count -= 1
        self._start_in_background()  # its replacement loads the model before it is needed
