"""Accord: read many news reports of one event and get a cited briefing, offline.

>>> import accord
>>> briefing = accord.brief(["text of report one ...", "text of report two ..."], words=250)
>>> briefing.to_dict()["summary"]  # doctest: +SKIP
"""

from accord.errors import AccordError, InputError
from accord.model import Briefing, Document
from accord.pipeline import brief

__all__ = ["AccordError", "Briefing", "Document", "InputError", "brief"]
__version__ = "0.1.0"
