"""The package's structure: no import cycles, and no stage importing a later one.

Imports are read from the source (ast), at module level and inside functions alike; a
function-level import is still a dependency. The only exception is ``Briefing.render``,
the public convenience that calls the renderers (``accord.model`` -> ``accord.render``).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "accord"

# Stages in pipeline order; a module may import its own stage and earlier ones only.
STAGES = [
    ("model", {"accord.model", "accord.errors"}),
    ("ingest", {"accord.ingest"}),
    ("clean", {"accord.clean", "accord.duplicates"}),
    ("analyse", {"accord.analyse"}),
    ("align", {"accord.align"}),
    ("compare", {"accord.compare"}),
    ("summarise", {"accord.summarise"}),
    ("render", {"accord.render"}),
]
ALLOWED_UPWARD = {("accord.model", "accord.render")}  # Briefing.render


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, modules: set[str]) -> set[str]:
    """The accord modules a file imports: "from accord.x import y" is accord.x.y when that
    is a module, else accord.x."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
    return {name for name in found if name in modules}


def graph() -> dict[str, set[str]]:
    paths = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {
        name: imports_of(path, set(paths)) - {name, "accord"}  # accord/__init__: the API
        for name, path in paths.items()
    }


def stage_of(module: str) -> int | None:
    for number, (_, prefixes) in enumerate(STAGES):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return number
    return None  # an interface (pipeline, cli, web, batch, stories) may import any stage


def test_no_import_cycles():
    edges = {m: ts - {t for s, t in ALLOWED_UPWARD if s == m} for m, ts in graph().items()}
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    assert cycles == []


def test_no_stage_imports_a_later_stage():
    backwards = [
        (source, target)
        for source, targets in graph().items()
        for target in targets
        if (s := stage_of(source)) is not None
        and (t := stage_of(target)) is not None
        and t > s
        and (source, target) not in ALLOWED_UPWARD
    ]
    assert backwards == []


def test_the_stages_are_where_the_architecture_says():
    for _, prefixes in STAGES:
        assert any(
            (PACKAGE.parent / p.replace(".", "/")).with_suffix(".py").is_file()
            or (PACKAGE.parent / p.replace(".", "/")).is_dir()
            for p in prefixes
        ), prefixes
