"""Entry point for ``geo`` and ``python -m geo``: Ctrl-C or SIGTERM at any moment, even while loading, is one line."""

import os
import signal
import sys

INTERRUPTED = "geo: interrupted; no output was changed (the previous set is intact)"
EXIT_INTERRUPTED = 130


def _terminate(signum, frame):
    raise KeyboardInterrupt


def run():
    """Run the command line; SIGTERM is treated as Ctrl-C, and an interrupt at any point exits with 130."""
    signal.signal(signal.SIGTERM, _terminate)
    try:
        _run()
    except KeyboardInterrupt:
        sys.stderr.write(INTERRUPTED + "\n")
        _exit_interrupted()
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED:  # the CLI already said what happened to the outputs
            _exit_interrupted()
        raise


def _run():
    from click.exceptions import Abort, ClickException

    from geo.cli import main

    try:
        code = main.main(standalone_mode=False)
    except Abort:  # click's form of a Ctrl-C while it parses options
        raise KeyboardInterrupt from None
    except ClickException as exc:  # usage errors: click's own message and exit code
        exc.show()
        sys.exit(exc.exit_code)
    sys.exit(code if isinstance(code, int) else 0)


def _exit_interrupted():
    # CPython remembers a KeyboardInterrupt that crossed an exec() of a string (dataclasses,
    # namedtuples) and, even when it was handled, ends the process by SIGINT instead of
    # the exit code. The message is out and no output is pending, so leave directly.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(EXIT_INTERRUPTED)


if __name__ == "__main__":
    run()
