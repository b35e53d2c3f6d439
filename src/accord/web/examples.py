"""The example clusters bundled in ``accord/examples/``, offered as API-ready documents."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from accord.input import HTML_SUFFIXES, SUFFIXES


def examples_root() -> Path:
    return Path(str(resources.files("accord"))) / "examples"


def bundled_examples(root: Path | None = None) -> list[dict[str, Any]]:
    """[{"name": folder, "documents": [{"id": stem, "text" or "html": content}]}]."""
    root = examples_root() if root is None else root
    if not root.is_dir():
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
