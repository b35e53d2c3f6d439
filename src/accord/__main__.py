"""``python -m accord`` and the ``accord`` command.

The command line is imported inside :func:`run`, so that a Ctrl-C while Accord's modules
load (about a second, longer on a busy machine) says "accord: interrupted" and exits 130,
as it does once the command runs, instead of showing a traceback.
"""

from __future__ import annotations

import sys


def run() -> None:
    try:
        from accord.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("accord: interrupted\n")
        raise SystemExit(130) from None
    main()


if __name__ == "__main__":  # not when a worker process (spawn) imports this module
    run()
