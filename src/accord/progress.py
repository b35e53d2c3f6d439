"""How far a batch has got, on stderr: a rich progress bar on a terminal, else a status line.

A run of thousands of clusters takes hours; the user (or the log of a job scheduler) must
see that it moves, how fast and when it will end. On a terminal that is a live bar; when
stderr is a file or a pipe, a bar's control codes would garble the log, so one plain line
is written every ``interval`` seconds (and after the first result, and at the end):

    accord: batch: 120/2000 clusters (6%), 4.1 clusters/s, 2 errors, about 7m 38s left

The total is known when the input could be counted (see :func:`count_records`);
otherwise the line gives what is done and the rate only. Progress goes to stderr only:
stdout and the output file hold results and nothing else.
"""

from __future__ import annotations

import gzip
import sys
import time
from pathlib import Path
from typing import Any, Protocol, TextIO

# Counting a file's lines costs a read of it: cheap up to these sizes (a second or two).
COUNT_PLAIN_BYTES = 1 << 30
COUNT_GZIP_BYTES = 100 << 20
INTERVAL = 10.0  # seconds between status lines when stderr is not a terminal


def count_records(path: Path, limit: int | None = None) -> int | None:
    """The number of records a run will read (non-blank lines, at most ``limit``), or None
    when the file is too large to count cheaply (or cannot be read: the run says why)."""
    try:
        size = path.stat().st_size
        gzipped = path.suffix == ".gz"
        if size > (COUNT_GZIP_BYTES if gzipped else COUNT_PLAIN_BYTES):
            return limit
        opener: Any = gzip.open if gzipped else open
        count = 0
        with opener(path, "rb") as stream:
            for line in stream:
                count += bool(line.strip())
                if limit is not None and count >= limit:
                    return limit
        return count
    except (OSError, EOFError):
        return limit


class Progress(Protocol):
    def advance(self, failed: bool) -> None: ...

    def close(self) -> None: ...


def duration(seconds: float) -> str:
    """45s, 7m 38s, 2h 05m."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m {whole % 60:02d}s"
    return f"{whole // 3600}h {whole % 3600 // 60:02d}m"


class StatusLines:
    """One plain line every ``interval`` seconds (and after the first result, and at the
    end), for a log file or a pipe."""

    def __init__(
        self,
        total: int | None,
        stream: TextIO | None = None,
        interval: float = INTERVAL,
        clock: Any = time.monotonic,
    ) -> None:
        self.total, self.stream, self.interval, self.clock = total, stream, interval, clock
        self.done = self.failed = 0
        self.started = clock()
        self.last: float | None = None
        self.written = -1  # the count the last line gave

    def line(self) -> str:
        elapsed = max(self.clock() - self.started, 1e-9)
        rate = self.done / elapsed
        parts = [f"{self.done}/{self.total}" if self.total else f"{self.done}"]
        parts[0] += " clusters"
        if self.total:
            parts[0] += f" ({100 * self.done // self.total}%)"
        parts.append(f"{rate:.1f} clusters/s")
        parts.append(f"{self.failed} error{'s' if self.failed != 1 else ''}")
        if self.total and rate > 0 and self.done < self.total:
            parts.append(f"about {duration((self.total - self.done) / rate)} left")
        elif self.total and self.done >= self.total:
            parts.append(f"done in {duration(elapsed)}")
        return "accord: batch: " + ", ".join(parts)

    def _write(self) -> None:
        stream = self.stream or sys.stderr
        stream.write(self.line() + "\n")
        stream.flush()
        self.last = self.clock()
        self.written = self.done

    def advance(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        if self.last is None or self.clock() - self.last >= self.interval:
            self._write()

    def close(self) -> None:
        if self.written != self.done:
            self._write()


class Bar:
    """A rich progress bar on the terminal: done/total, clusters/s, errors, time left."""

    def __init__(self, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        columns: list[Any] = [TextColumn("briefing")]
        if total:
            columns += [BarColumn(), MofNCompleteColumn()]
        else:
            columns += [TextColumn("{task.completed:.0f} clusters")]
        columns += [
            TextColumn("{task.fields[rate]} clusters/s"),
            TextColumn("{task.fields[errors]} errors"),
            TimeElapsedColumn(),
        ]
        if total:
            columns += [TextColumn("left"), TimeRemainingColumn()]
        self.progress = Progress(*columns, console=Console(stderr=True), transient=False)
        self.task = self.progress.add_task("batch", total=total, rate="-", errors=0)
        self.failed = 0
        self.started = time.monotonic()
        self.progress.start()

    def advance(self, failed: bool) -> None:
        self.failed += failed
        task = self.progress.tasks[0]
        rate = (task.completed + 1) / max(time.monotonic() - self.started, 1e-9)
        self.progress.update(self.task, advance=1, rate=f"{rate:.1f}", errors=self.failed)

    def close(self) -> None:
        self.progress.stop()


class Silent:
    def advance(self, failed: bool) -> None:
        pass

    def close(self) -> None:
        pass


def progress_for(total: int | None, enabled: bool = True, interval: float = INTERVAL) -> Progress:
    """A bar when stderr is a terminal, status lines otherwise, nothing when disabled."""
    if not enabled:
        return Silent()
    if sys.stderr.isatty():
        return Bar(total)
    return StatusLines(total, interval=interval)
