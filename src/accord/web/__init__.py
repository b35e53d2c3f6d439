"""The local web app behind ``accord serve``: a FastAPI app that runs the same pipeline as
the CLI and a self-contained page (no CDN, works offline) to read the briefing."""

from accord.web.app import create_app
from accord.web.settings import WebSettings

__all__ = ["WebSettings", "create_app"]
