"""The ingest package imports one way: documents ← cache, http ← feeds ← sources."""

from __future__ import annotations

import ast
from pathlib import Path

import accord.ingest

INGEST = Path(accord.ingest.__file__).parent
# what each module may import from accord.ingest (and nothing later in the pipeline)
ALLOWED = {
    "documents": set(),
    "cache": set(),
    "http": {"documents", "cache"},
    "feeds": {"documents", "cache", "http"},
    "sources": {"documents", "cache", "http", "feeds"},
}
LATER_STAGES = ("clean", "analyse", "align", "compare", "summarise", "render", "pipeline")


def accord_imports(path: Path) -> set[str]:
    """Every ``accord.*`` module a file imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.level:
                found.add(f"accord.ingest.{node.module}")
            elif node.module.startswith("accord"):
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("accord"))
    return found


def test_ingest_modules_import_one_way() -> None:
    modules = {p.stem for p in INGEST.glob("*.py")} - {"__init__"}
    assert modules == set(ALLOWED)
    for name in modules:
        imported = accord_imports(INGEST / f"{name}.py")
        siblings = {m.split(".")[2] for m in imported if m.startswith("accord.ingest.")}
        assert siblings <= ALLOWED[name], (name, siblings - ALLOWED[name])
        later = {m for m in imported if m.split(".")[1] in LATER_STAGES}
        assert not later, (name, later)


def test_old_input_modules_are_gone() -> None:
    package = INGEST.parent
    assert not any((package / f"{name}.py").exists() for name in ("input", "fetch", "feeds"))
