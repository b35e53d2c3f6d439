"""Accord: read many news reports of one event and get a cited briefing, offline.

>>> import accord
>>> briefing = accord.brief(["text of report one ...", "text of report two ..."], words=250)
>>> briefing.to_dict()["summary"]  # doctest: +SKIP
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from accord.errors import AccordError, InputError

if TYPE_CHECKING:
    from accord.model import Briefing, Document
    from accord.pipeline import brief

__all__ = ["AccordError", "Briefing", "Document", "InputError", "brief"]
__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    # The pipeline (spaCy, every stage) is imported on first use, not by ``import accord``:
    # the ``accord`` command then catches a Ctrl-C that comes while it loads.
    if name == "brief":
        from accord.pipeline import brief

        return brief
    if name in ("Briefing", "Document"):
        from accord import model

        return getattr(model, name)
    raise AttributeError(f"module 'accord' has no attribute {name!r}")
