"""The ``accord`` command line."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from accord.errors import AccordError
from accord.model import DEFAULT_WORDS
from accord.render import FORMATS

if TYPE_CHECKING:
    from accord.fetch import FetchOptions

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


@app.callback()
def root() -> None:
    """Accord: a cited briefing from many news reports of one event, offline."""


def fail(message: str, code: int = 2) -> None:
    typer.echo(f"accord: {message}", err=True)
    raise typer.Exit(code)


def choose_format(fmt: str | None, output: Path | None) -> str:
    if fmt is None:
        fmt = SUFFIX_FORMATS.get(output.suffix.lower(), "json") if output else "text"
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
    from accord.fetch import FetchOptions

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
    allow_private: AllowPrivate = False,
    cache_dir: CacheDir = None,
) -> None:
    """Brief several reports about one event."""
    from accord.input import read_arguments
    from accord.output import write_atomic
    from accord.pipeline import BriefOptions, brief_documents
    from accord.render import render

    if lang.lower() not in ("en", "eng", "english"):
        fail(f"--lang {lang}: only English (en) is supported")
    chosen = choose_format(fmt, output)
    documents = read_arguments(articles, fetch_options(allow_private, cache_dir))
    briefing = brief_documents(documents, BriefOptions(words))
    if output is not None:
        inputs = [Path(a) for a in articles if a != "-"]
        write_atomic(output, render(briefing, chosen), protected=_files_under(inputs))  # type: ignore[arg-type]
        typer.echo(f"accord: wrote {output}", err=True)
    elif chosen == "text" and sys.stdout.isatty():
        from accord.render.terminal import show

        show(briefing)
    else:
        sys.stdout.write(render(briefing, chosen))  # type: ignore[arg-type]


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
    from accord.input import read_arguments
    from accord.stories import run_stories

    documents = read_arguments(inputs, fetch_options(allow_private, cache_dir))
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
) -> None:
    """Brief every cluster of a dataset, on this machine or on a Dask cluster."""
    from accord.batch import BatchOptions, read_records, run, write_jsonl

    if engine not in ("local", "dask"):
        fail(f"--engine {engine}: choose local or dask")
    if scheduler and engine != "dask":
        fail("--scheduler goes with --engine dask")
    options = BatchOptions(words=words, engine=engine, workers=workers, scheduler=scheduler)  # type: ignore[arg-type]
    briefed, failed = write_jsonl(run(read_records(dataset, limit), options), output)
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
    except AccordError as error:
        typer.echo(f"accord: {error}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("accord: interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # never show a user a traceback; ACCORD_DEBUG=1 does
        if os.environ.get("ACCORD_DEBUG"):
            raise
        typer.echo(
            f"accord: internal error: {type(error).__name__}: {error} "
            "(ACCORD_DEBUG=1 shows details)",
            err=True,
        )
        sys.exit(70)


if __name__ == "__main__":
    main()
