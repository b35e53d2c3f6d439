"""``python -m accord`` and the ``accord`` command.

The command line is imported inside :func:`run`, so that a Ctrl-C while Accord's modules
load (about a second, longer on a busy machine) says "accord: interrupted" and exits 130,
as it does once the command runs, instead of showing a traceback.
"""

from __future__ import annotations

from accord.errors import exit_interrupted


def run() -> None:
    try:
        from accord.cli import main
    except KeyboardInterrupt:
        exit_interrupted()  # nothing has started yet
    main()


if __name__ == "__main__":  # not when a worker process (spawn) imports this module
    run()
