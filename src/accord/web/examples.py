"""The example clusters bundled in ``accord/examples/``, offered as API-ready documents."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from accord.ingest.documents import HTML_SUFFIXES, SUFFIXES


def examples_root() -> Path | None:
    """``accord/examples`` in the installed package, else ``examples/`` of a source checkout."""
    package = Path(str(resources.files("accord")))
    for root in (package / "examples", package.parents[1] / "examples"):
        if root.is_dir():
            return root
    return None


def bundled_examples(root: Path | None = None) -> list[dict[str, Any]]:
    """[{"name": folder, "documents": [{"id": stem, "text" or "html": content}]}]."""
    root = examples_root() if root is None else root
    if root is None or not root.is_dir():
        return []
    examples = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        documents = []
        for path in sorted(folder.iterdir()):
            if not path.is_file() or path.suffix.lower() not in SUFFIXES:
                continue
            kind = "html" if path.suffix.lower() in HTML_SUFFIXES else "text"
            documents.append({"id": path.stem, kind: path.read_text(encoding="utf-8")})
        if documents:
            examples.append({"name": folder.name, "documents": documents})
    return examples
