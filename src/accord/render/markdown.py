"""The briefing as Markdown, with citations as [source] tags after each statement.

Every piece of source text is escaped: HTML in a source (``<script>``, ``<img onerror>``)
comes out as text, never as markup a Markdown viewer would render, and Markdown syntax in
a source (links, code, table bars) stays literal. The file holds every entry of every
section; copies of a report (duplicates) are not counted as support.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from accord.model import Briefing
from accord.render.common import (
    LEGEND,
    MARKS,
    Support,
    denials,
    originals,
    other_values_note,
    source_names,
    support,
)

# Markdown punctuation that could turn source text into links, images, code or emphasis
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")
_ENTITY_START = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def escape(text: str) -> str:
    """Source text as literal Markdown on one line."""
    # "&" only where it would start an entity: "AT&T" stays readable, "&lt;" stays literal
    text = _ENTITY_START.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    text = " ".join(text.split())  # one line: a newline could start a heading or a list
    # a heading, quote or list marker at the start: escape the punctuation ("2011\\." keeps
    # the number, a backslash before a digit would show)
    return _LINE_START.sub(_escape_marker, text, count=1)


def _escape_marker(match: re.Match[str]) -> str:
    lead, marker = match.group(1), match.group(2)
    return f"{lead}{marker}\\" if marker[0].isdigit() else f"{lead}\\{marker}"


def cite(cited: Support, names: dict[str, str] | None = None) -> str:
    """``[Reuters] [Le Monde] (also in The Star)``: each counted report by its name."""
    names = names or {}
    # plain brackets: with every "[" in source text escaped, no reference link can match
    tags = " ".join(f"[{escape(names.get(s, s))}]" for s in cited.counted)
    also = ", ".join(escape(names.get(s, s)) for s in cited.also)
    also = f" (also in {also})" if also else ""
    return tags + also


def claimants_note(claimants: list[str]) -> str:
    return f" — {escape(', '.join(claimants))}" if claimants else ""


def positions(briefing: Briefing, cites: Callable[[list[str]], str]) -> list[str]:
    """Who claims what: each party's statements, then denials beside what they answer."""
    if not briefing.positions:
        return []
    lines = ["## Who claims what", ""]
    for p in briefing.positions:
        speakers = f" (speaking: {escape(', '.join(p.speakers))})" if p.speakers else ""
        lines += [f"### {escape(p.party)}{speakers}", ""]
        for s in p.statements:
            mark = " **(denial)**" if s.denial else ""
            who = f"{escape(s.speaker)} " if s.speaker else ""
            cue = f"_{escape(s.cue)}_ " if s.cue else ""
            lines.append(f"- {who}{cue}{escape(s.text)}{mark} {cites(s.sources)}")
        lines.append("")
    answered = denials(briefing)
    if answered:
        lines += ["### Denials and rebuttals", "", "| denial | answers |", "| --- | --- |"]
        for party, s in answered:
            answers = "—"
            if s.answers:
                said = f": {escape(s.answers.text)}" if s.answers.text else ""
                answers = f"**{escape(s.answers.party)}**{said}"
            who = f" ({escape(s.speaker)})" if s.speaker else ""
            cue = f" {escape(s.cue)}" if s.cue else ""
            denial = f"**{escape(party)}**{who}{cue}: {escape(s.text)}"
            lines.append(f"| {denial} {cites(s.sources)} | {answers} |")
        lines.append("")
    return lines


def coverage(briefing: Briefing, names: dict[str, str]) -> list[str]:
    """The coverage grid: a row per key fact or claim, a column per report (numbered, the
    numbers named below the table)."""
    grid = briefing.coverage
    if grid is None or not grid.rows or not grid.columns:
        return []
    numbers = " | ".join(str(n) for n in range(1, len(grid.columns) + 1))
    lines = [
        "## Coverage: who states what",
        "",
        f"| key point | {numbers} |",
        "| --- |" + " :-: |" * len(grid.columns),
    ]
    for row in grid.rows:
        about = f"{escape(row.about)}: " if row.kind == "discrepancy" else ""
        label = f"{about}{escape(row.text)}{claimants_note([row.claimant] if row.claimant else [])}"
        if row.kind == "discrepancy" and other_values_note(row):
            label += f" ({escape(other_values_note(row))})"
        lines.append(f"| {label} | " + " | ".join(MARKS[c.state] for c in row.cells) + " |")
    lines += ["", f"{LEGEND}."]
    for n, column in enumerate(grid.columns, 1):
        copies = ", ".join(escape(names.get(a, a)) for a in column.also)
        also = f" (also in {copies})" if column.also else ""
        # the name readers see; the Sources section gives its id
        lines.append(f"{n}. {escape(names.get(column.source, column.label))}{also}")
    lines.append("")
    return lines


def key_point_lines(briefing: Briefing, cites: Callable[[list[str]], str]) -> list[str]:
    """The key points as a list, each with its citations."""
    if not briefing.key_points:
        return []
    return [
        "## Key points",
        "",
        *(f"- {escape(p.text)} {cites(p.sources)}" for p in briefing.key_points),
        "",
    ]


def timeline_lines(briefing: Briefing, cites: Callable[[list[str]], str]) -> list[str]:
    """The timeline, every event: its date, its sentence, its sources, and how each source
    dates it where they differ."""
    if not briefing.timeline:
        return []
    lines = ["## Timeline", ""]
    for event in briefing.timeline:
        stated = " (as stated)" if event.stated else ""
        lines.append(
            f"- **{escape(event.when)}**{stated}: {escape(event.text)} {cites(event.sources)}"
        )
        if event.discrepancy is not None and event.discrepancy < len(briefing.discrepancies):
            about = briefing.discrepancies[event.discrepancy].about
            lines.append(
                f"  - dated differently (see _{escape(about)}_ under where the sources differ):"
            )
            lines += [f"    - {escape(v.text)} {cites(v.sources)}" for v in event.dates]
    lines.append("")
    return lines


def to_markdown(briefing: Briefing) -> str:
    roots = originals(briefing)
    names = source_names(briefing)

    def cites(sources: list[str]) -> str:
        return cite(support(sources, roots), names)

    lines: list[str] = ["# Briefing", ""]
    titles = [s.title for s in briefing.sources if s.title]
    if briefing.headline:
        lines += [f"_{escape(briefing.headline.text)}_ {cites(briefing.headline.sources)}", ""]
    elif titles:
        lines += [f"_{escape(titles[0])}_", ""]
    for note in briefing.notes:
        lines += [f"> Note: {escape(note)}", ""]
    lines += key_point_lines(briefing, cites)
    lines += ["## Summary", ""]
    summary = briefing.summary
    lines += [
        f"{escape(s.text)}{claimants_note(s.claimants)} {cites(s.sources)}" for s in summary
    ] or ["(no summary)"]
    lines.append("")
    lines += timeline_lines(briefing, cites)
    lines += positions(briefing, cites)
    if briefing.discrepancies:
        lines += ["## Where the sources differ", ""]
        for d in briefing.discrepancies:
            lines.append(f"**{escape(d.about)}**")
            lines.append("")
            for v in d.variants:
                claimed = f" — {escape(v.claimant)}" if v.claimant else ""
                lines.append(f"- {escape(v.text)}{claimed} {cites(v.sources)}")
                lines += [
                    f"  - _{escape(names.get(e.source, e.source))}_: {escape(e.text)}"
                    for e in v.evidence
                ]
            lines.append("")
    if briefing.facts:
        lines += ["## Facts", "", "| kind | fact | sources |", "| --- | --- | --- |"]
        for f in briefing.facts:
            found = support(f.sources, roots)
            claimed = f" — {escape(f.claimant)}" if f.claimant else ""
            lines.append(
                f"| {escape(f.kind)} | {escape(f.text)}{claimed} | {escape(found.label(names))} |"
            )
        lines.append("")
    if briefing.quotes:
        lines += ["## Quotes", ""]
        for q in briefing.quotes:
            speaker = escape(q.speaker) if q.speaker else "unattributed"
            lines.append(f"- **{speaker}**: \u201c{escape(q.text)}\u201d {cites(q.sources)}")
        lines.append("")
    lines += coverage(briefing, names)
    if briefing.single_source:
        lines += ["## Claims made by one source only", ""]
        lines += [f"- {escape(c.text)} {cites([c.source])}" for c in briefing.single_source]
        lines.append("")
    lines += ["## Sources", ""]
    for s in briefing.sources:
        title = f": {escape(s.title)}" if s.title else ""
        extra = (
            f" (copy of {escape(names.get(s.duplicate_of, s.duplicate_of))}, not counted)"
            if s.duplicate_of
            else ""
        )
        blocks = "block" if len(s.removed) == 1 else "blocks"
        about = [s.meta[k] for k in ("author", "date", "url") if s.meta.get(k)]
        if s.meta.get("outlet") and s.meta.get("agency"):
            about.insert(0, f"{s.meta['agency']} wire copy")
        if names[s.id] != s.id:
            about.append(s.id)
        about_text = f" ({escape(' · '.join(about))})" if about else ""
        lines.append(
            f"- **{escape(names[s.id])}**{about_text}{title}{extra}"
            f" ({len(s.removed)} {blocks} removed in cleaning)"
        )
    return "\n".join(lines).rstrip() + "\n"
