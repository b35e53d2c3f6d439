"""The briefing as a rich terminal view.

Long sections show their top entries and say how many more there are (``--all`` shows
every one); copies of a report (duplicates) are not counted as support.
"""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from accord.model import Briefing
from accord.render.common import (
    LEGEND,
    MARKS,
    denials,
    originals,
    other_values_note,
    source_names,
    split,
    support,
)

MORE_HINT = "accord brief --all shows every one"


def _citations(sources: list[str], roots: dict[str, str], names: dict[str, str]) -> Text:
    cited = support(sources, roots)
    text = Text(" " + " ".join(f"[{names.get(s, s)}]" for s in cited.counted), style="cyan")
    if cited.also:
        text.append(f" (also in {', '.join(names.get(s, s) for s in cited.also)})", style="dim")
    return text


def _row(table: Table, *cells: str) -> None:
    """Cells as plain Text: source text is never read as rich markup ("[/b]" would raise)."""
    table.add_row(*(Text(cell) for cell in cells))


def _more(rest: list[object], what: str) -> Text | None:
    if not rest:
        return None
    return Text(f"{len(rest)} more {what} not shown: {MORE_HINT}", style="dim")


def headline(
    briefing: Briefing, roots: dict[str, str], names: dict[str, str]
) -> list[RenderableType]:
    """The headline and the key points, each with its citations."""
    parts: list[RenderableType] = []
    if briefing.headline:
        line = Text(briefing.headline.text, style="bold")
        line.append_text(_citations(briefing.headline.sources, roots, names))
        parts.append(line)
    if briefing.key_points:
        points = Text()
        for n, point in enumerate(briefing.key_points):
            points.append(("\n" if n else "") + "• " + point.text)
            points.append_text(_citations(point.sources, roots, names))
        parts.append(Panel(points, title="Key points", title_align="left", border_style="blue"))
    return parts


def timeline(
    briefing: Briefing, roots: dict[str, str], names: dict[str, str], full: bool
) -> list[RenderableType]:
    """The timeline's first events (all with ``full``), and how many more there are."""
    if not briefing.timeline:
        return []
    shown, rest = split(briefing.timeline, "timeline", full)
    table = Table(title="Timeline", title_justify="left", expand=True)
    table.add_column("when", style="bold", ratio=1)
    table.add_column("event", ratio=4)
    table.add_column("sources", style="cyan", ratio=1)
    for event in shown:
        text = event.text
        if event.dates:
            text += "\nDated differently: " + "; ".join(
                f"{v.text} ({support(v.sources, roots).names(names)})" for v in event.dates
            )
        when = event.when + (" (as stated)" if event.stated else "")
        _row(table, when, text, support(event.sources, roots).names(names))
    return [table, *filter(None, [_more(rest, "events")])]


def renderables(briefing: Briefing, full: bool = False) -> list[RenderableType]:
    roots = originals(briefing)
    names = source_names(briefing)
    parts: list[RenderableType] = []
    for note in briefing.notes:
        parts.append(Text(f"Note: {note}", style="yellow"))
    parts += headline(briefing, roots, names)
    summary = Text()
    for sentence in briefing.summary:
        summary.append(sentence.text)
        if sentence.claimants:
            summary.append(f" — {', '.join(sentence.claimants)}", style="italic")
        summary.append_text(_citations(sentence.sources, roots, names))
        summary.append("\n")
    parts.append(Panel(summary, title="Summary", title_align="left", border_style="blue"))
    parts += timeline(briefing, roots, names, full)
    if briefing.discrepancies:
        shown, rest = split(briefing.discrepancies, "discrepancies", full)
        table = Table(title="Where the sources differ", title_justify="left", expand=True)
        table.add_column("about", style="bold")
        table.add_column("variant")
        table.add_column("sources", style="cyan")
        for d in shown:
            for n, v in enumerate(d.variants):
                claimed = f" — {v.claimant}" if v.claimant else ""
                _row(
                    table,
                    d.about if n == 0 else "",
                    v.text + claimed,
                    support(v.sources, roots).names(names),
                )
        parts += [table, *filter(None, [_more(rest, "discrepancies")])]
    if briefing.facts:
        shown, rest = split(briefing.facts, "facts", full)
        table = Table(title="Facts", title_justify="left", expand=True)
        for column in ("kind", "fact", "sources"):
            table.add_column(column)
        for f in shown:
            _row(
                table,
                f.kind,
                f.text + (f" — {f.claimant}" if f.claimant else ""),
                support(f.sources, roots).label(names),
            )
        parts += [table, *filter(None, [_more(rest, "facts")])]
    if briefing.quotes:
        shown, rest = split(briefing.quotes, "quotes", full)
        table = Table(title="Who said what", title_justify="left", expand=True)
        table.add_column("speaker", style="bold")
        table.add_column("quote")
        table.add_column("sources", style="cyan")
        for q in shown:
            _row(
                table,
                q.speaker or "unattributed",
                f"\u201c{q.text}\u201d",
                support(q.sources, roots).names(names),
            )
        parts += [table, *filter(None, [_more(rest, "quotes")])]
    parts += _positions(briefing, roots, names, full)
    parts += _coverage(briefing, names, full)
    if briefing.single_source:
        shown, rest = split(briefing.single_source, "single_source", full)
        table = Table(title="Claims made by one source only", title_justify="left", expand=True)
        table.add_column("claim")
        table.add_column("source", style="cyan")
        for c in shown:
            _row(table, c.text, names.get(c.source, c.source))
        parts += [table, *filter(None, [_more(rest, "claims")])]
    parts.append(_sources(briefing, names))
    return parts


def _positions(
    briefing: Briefing, roots: dict[str, str], names: dict[str, str], full: bool
) -> list[RenderableType]:
    """Who claims what: a table per party's statements, then denials beside what they
    answer."""
    if not briefing.positions:
        return []
    shown, rest = split(briefing.positions, "positions", full)
    table = Table(title="Who claims what", title_justify="left", expand=True)
    table.add_column("party", style="bold")
    table.add_column("says")
    table.add_column("sources", style="cyan")
    hidden = 0
    for p in shown:
        statements, more = split(p.statements, "statements", full)
        hidden += len(more)
        for n, s in enumerate(statements):
            who = f"{s.speaker} " if s.speaker else ""
            mark = " (denial)" if s.denial else ""
            party = p.party if n == 0 else ""
            cue = f"{s.cue}: " if s.cue else ""
            said = f"{who}{cue}{s.text}{mark}"
            _row(table, party, said, support(s.sources, roots).names(names))
        if more:
            _row(table, "", f"… {len(more)} more statements", "")
    parts: list[RenderableType] = [table]
    if rest or hidden:
        what = f"{len(rest)} more parties" if rest else f"{hidden} more statements"
        parts.append(Text(f"{what} not shown: {MORE_HINT}", style="dim"))
    answered = denials(briefing)
    if answered:
        table = Table(title="Denials and rebuttals", title_justify="left", expand=True)
        table.add_column("denial")
        table.add_column("answers")
        for party, s in answered:
            who = f" ({s.speaker})" if s.speaker else ""
            answers = "—"
            if s.answers:
                answers = s.answers.party + (f": {s.answers.text}" if s.answers.text else "")
            cue = f" {s.cue}" if s.cue else ""
            _row(table, f"{party}{who}{cue}: {s.text}", answers)
        parts.append(table)
    return parts


def _coverage(briefing: Briefing, names: dict[str, str], full: bool) -> list[RenderableType]:
    """The coverage grid: key points by report, numbered columns named below."""
    grid = briefing.coverage
    if grid is None or not grid.rows or not grid.columns:
        return []
    shown, rest = split(grid.rows, "coverage", full)
    table = Table(title="Coverage: who states what", title_justify="left", expand=True)
    table.add_column("key point", ratio=1)
    for n in range(1, len(grid.columns) + 1):
        table.add_column(str(n), justify="center", width=3)
    for row in shown:
        about = f"{row.about}: " if row.kind == "discrepancy" else ""
        claimed = f" — {row.claimant}" if row.claimant else ""
        others = f" ({other_values_note(row)})" if row.kind == "discrepancy" else ""
        label = f"{about}{row.text}{claimed}{others if others != ' ()' else ''}"
        _row(table, label, *(MARKS[c.state] for c in row.cells))
    legend = Text(LEGEND + "\n", style="dim")
    for n, column in enumerate(grid.columns, 1):
        copies = ", ".join(names.get(a, a) for a in column.also)
        also = f" (also in {copies})" if column.also else ""
        legend.append(f"{n} {names.get(column.source, column.label)}{also}\n", style="dim")
    return [table, *filter(None, [_more(rest, "key points")]), legend]


def _sources(briefing: Briefing, names: dict[str, str]) -> Table:
    """Each source by the name readers see, with what is known of where it comes from."""
    rows = []
    for number, s in enumerate(briefing.sources, start=1):
        about = [s.meta[k] for k in ("author", "date", "url") if s.meta.get(k)]
        if s.meta.get("outlet") and s.meta.get("agency"):
            about.insert(0, f"{s.meta['agency']} wire copy")
        if s.duplicate_of:
            about.append(f"copy of {names.get(s.duplicate_of, s.duplicate_of)}, not counted")
        if names[s.id] != s.id:
            about.append(s.id)  # the id the citations of the JSON use
        rows.append((str(number), names[s.id], " · ".join(about)))
    table = Table(title="Sources", title_justify="left", expand=True)
    table.add_column("#", justify="right", width=3)
    table.add_column("source", style="cyan", ratio=2)
    table.add_column("about", overflow="fold", ratio=3)  # a URL has no space to wrap at
    for row in rows:
        _row(table, *row)
    return table


def show(briefing: Briefing, console: Console | None = None, full: bool = False) -> None:
    (console or Console()).print(Group(*renderables(briefing, full)))


def to_text(briefing: Briefing, width: int = 100, full: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False)
    show(briefing, console, full)
    return buffer.getvalue()
