"""The ``accord`` command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from accord.errors import AccordError, exit_interrupted
from accord.model import DEFAULT_WORDS
from accord.render import FORMATS

if TYPE_CHECKING:
    from accord.ingest.http import FetchOptions

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Accord: a cited briefing from many news reports of one event, offline.",
)

SUFFIX_FORMATS = {
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".txt": "text",
}


def _print_version(value: bool) -> None:
    if value:
        from accord import __version__

        typer.echo(f"accord {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Accord: a cited briefing from many news reports of one event, offline."""


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"accord: {message}", err=True)
    raise typer.Exit(code)


def choose_format(fmt: str | None, output: Path | None) -> str:
    if fmt is None and output is not None:
        fmt = SUFFIX_FORMATS.get(output.suffix.lower())
        if fmt is None:
            known = ", ".join(sorted(SUFFIX_FORMATS))
            fail(
                f"-o {output}: cannot tell the format from "
                f"{repr(output.suffix) if output.suffix else 'a name without a suffix'}; "
                f"end it in {known}, or give --format"
            )
    fmt = fmt or "text"
    if fmt not in FORMATS:
        fail(f"--format {fmt}: choose one of {', '.join(FORMATS)}")
    return fmt


AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private", help="Allow URLs on private, loopback or link-local addresses."
    ),
]
CacheDir = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir", help="HTTP cache (default: $ACCORD_CACHE_DIR or ~/.cache/accord/http)."
    ),
]


def fetch_options(allow_private: bool, cache_dir: Path | None) -> FetchOptions:
    from accord.ingest.http import FetchOptions

    return FetchOptions(allow_private=allow_private, cache_dir=cache_dir)


@app.command()
def brief(
    articles: Annotated[
        list[str], typer.Argument(help="Files or folders (.txt, .html, .md); - reads stdin.")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="text | md | html | json (default: text, or from -o's suffix)"
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write here (atomically) instead of stdout."),
    ] = None,
    words: Annotated[
        int, typer.Option("--words", "-w", min=10, max=5000, help="Summary length in words.")
    ] = DEFAULT_WORDS,
    lang: Annotated[
        str, typer.Option("--lang", help="Language of the reports; only English (en) is supported.")
    ] = "en",
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="Terminal view: every fact, claim and discrepancy, not the top ones."
        ),
    ] = False,
    allow_private: AllowPrivate = False,
    cache_dir: CacheDir = None,
) -> None:
    """Brief several reports about one event."""
    from accord.ingest.sources import read_arguments
    from accord.output import check_writable, write_atomic
    from accord.pipeline import BriefOptions, brief_documents
    from accord.render import render

    if lang.lower() not in ("en", "eng", "english"):
        fail(f"--lang {lang}: only English (en) is supported")
    chosen = choose_format(fmt, output)
    protected: list[Path] = []
    if output is not None:  # before any work: a run must not fail at its very end
        protected = _files_under([Path(a) for a in articles if a != "-" and Path(a).exists()])
        check_writable(output, protected)
    notes: list[str] = []
    documents = read_arguments(articles, fetch_options(allow_private, cache_dir), notes)
    for note in notes:
        typer.echo(f"accord: note: {note}", err=True)
    _load_for_good()
    briefing = brief_documents(documents, BriefOptions(words))
    if output is not None:
        write_atomic(output, render(briefing, chosen, full=show_all), protected=protected)  # type: ignore[arg-type]
        typer.echo(f"accord: wrote {output}", err=True)
    elif chosen == "text" and sys.stdout.isatty():
        from accord.render.terminal import show

        show(briefing, full=show_all)
    else:
        sys.stdout.write(render(briefing, chosen, full=show_all))  # type: ignore[arg-type]


@app.command()
def stories(
    inputs: Annotated[
        list[str], typer.Argument(help="Files, folders, URLs, feeds (.rss/.atom) or .warc files.")
    ],
    output_dir: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write story-NN.json/.md/.html briefings here."),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option("--threshold", "-t", min=0.0, max=1.0, help="Cosine distance to merge at."),
    ] = None,
    words: Annotated[int, typer.Option("--words", "-w", min=10, max=5000)] = DEFAULT_WORDS,
    as_json: Annotated[bool, typer.Option("--json", help="Print the groups as JSON.")] = False,
    allow_private: AllowPrivate = False,
    cache_dir: CacheDir = None,
) -> None:
    """Sort a mixed pile of articles into stories; brief each story with several sources."""
    from accord.ingest.sources import read_arguments
    from accord.stories import run_stories

    if output_dir is not None:
        _check_output_folder(output_dir)
    notes: list[str] = []
    documents = read_arguments(inputs, fetch_options(allow_private, cache_dir), notes)
    for note in notes:
        typer.echo(f"accord: note: {note}", err=True)
    run_stories(documents, output_dir, threshold=threshold, words=words, as_json=as_json)


@app.command("eval")
def eval_(
    dataset: Annotated[Path, typer.Argument(help="Multi-News JSON lines (.jsonl or .jsonl.gz).")],
    limit: Annotated[int | None, typer.Option("--limit", help="Only the first N clusters.")] = None,
    words: Annotated[
        int, typer.Option("--words", "-w", min=10, help="Summary budget.")
    ] = DEFAULT_WORDS,
    with_baselines: Annotated[
        bool, typer.Option("--baselines", help="Also run First-3, LexRank, TextRank, Centroid.")
    ] = False,
    json_path: Annotated[
        Path | None, typer.Option("--json", help="Write the table here as JSON.")
    ] = None,
    processes: Annotated[int, typer.Option("--processes", "-j", min=1)] = 2,
) -> None:
    """ROUGE of Accord's summaries (and baselines) against reference summaries."""
    try:
        from accord.evaluate.harness import main as evaluate_main
    except ModuleNotFoundError as missing:
        fail(
            f"accord eval needs the evaluation extra ({missing.name} is missing): "
            "pip install 'accord[eval]'"
        )
    if not dataset.is_file():
        fail(f"{dataset}: no such file")
    evaluate_main(dataset, limit, words, with_baselines, json_path, processes)


@app.command()
def batch(
    dataset: Annotated[
        Path, typer.Argument(help='JSON lines (.jsonl/.jsonl.gz): {"id", "documents"}.')
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help="Briefings, one JSON line each.")],
    engine: Annotated[
        str, typer.Option("--engine", help="local (process pool) or dask.")
    ] = "local",
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786).")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=0, help="0: one per core.")] = 0,
    words: Annotated[int, typer.Option("--words", "-w", min=10, max=5000)] = DEFAULT_WORDS,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="First N clusters.")] = None,
    progress: Annotated[
        bool,
        typer.Option(
            "--progress/--no-progress",
            help="Show progress on stderr: a bar on a terminal, else a status line every "
            "--every seconds.",
        ),
    ] = True,
    every: Annotated[
        float, typer.Option("--every", min=0.0, help="Seconds between status lines.")
    ] = 10.0,
) -> None:
    """Brief every cluster of a dataset, on this machine or on a Dask cluster."""
    from accord.batch import BatchOptions, read_records, run, write_jsonl
    from accord.output import check_writable
    from accord.progress import count_records, progress_for

    if engine not in ("local", "dask"):
        fail(f"--engine {engine}: choose local or dask")
    if scheduler and engine != "dask":
        fail("--scheduler goes with --engine dask")
    check_writable(output, [dataset])
    options = BatchOptions(words=words, engine=engine, workers=workers, scheduler=scheduler)  # type: ignore[arg-type]
    shown = progress_for(count_records(dataset, limit) if progress else None, progress, every)
    try:
        briefed, failed = write_jsonl(run(read_records(dataset, limit), options), output, shown)
    finally:
        shown.close()
    typer.echo(f"accord: wrote {output}: {briefed} briefed, {failed} failed", err=True)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to bind; loopback unless you mean to share.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=1, max=65535)] = 8000,
) -> None:
    """Start the local web app (paste or upload reports, read the cited briefing)."""
    from accord.web.server import serve as run_server

    run_server(host, port)


def _load_for_good() -> None:
    """Load the model now and have the garbage collector stop scanning what is loaded.

    A briefing run from the command line is one process: the modules and the model live
    until it ends, yet each full collection walks all of their objects again (100,000 of
    them; 0.1-0.2 s CPU of a run). Frozen (``gc.freeze``), they are left out of every
    later collection; what the briefing makes is collected as before. While the model
    loads (objects made to stay) the collector is off: another 0.05 s.
    """
    import gc

    from accord.analyse.nlp import pipeline

    gc.disable()
    try:
        pipeline()
    finally:
        gc.enable()
    gc.freeze()


def _check_output_folder(folder: Path) -> None:
    """The folder, or the nearest existing folder above it, must be writable."""
    existing = folder.resolve()
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        fail(f"{folder}: {existing} is a file, not a folder")
    if not os.access(existing, os.W_OK | os.X_OK):
        fail(f"{folder}: cannot write in folder {existing} (permission denied)")


def _files_under(paths: list[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        found.extend(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else found.append(
            path
        )
    return found


def main() -> None:
    try:
        app()
    except SystemExit as done:
        # typer turns Ctrl-C into a silent exit 130; say why the run stopped
        if done.code == 130 and _interrupted(done):
            exit_interrupted()
        raise
    except AccordError as error:
        typer.echo(f"accord: {error}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        exit_interrupted()
    except Exception as error:  # never show a user a traceback; ACCORD_DEBUG=1 does
        if os.environ.get("ACCORD_DEBUG"):
            raise
        typer.echo(
            f"accord: internal error: {type(error).__name__}: {error} "
            "(ACCORD_DEBUG=1 shows details)",
            err=True,
        )
        sys.exit(70)


def _interrupted(error: BaseException) -> bool:
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


if __name__ == "__main__":
    main()
