"""Entry point for ``geo`` and ``python -m geo``: Ctrl-C or SIGTERM at any moment, even while loading, is one line."""

import os
import signal
import sys

INTERRUPTED = "geo: interrupted; no output was changed (the previous set is intact)"
INTERRUPTED_AFTER = "geo: interrupted after the new outputs were all in place (the set is complete)"
EXIT_INTERRUPTED = 130

_received = []


def _interrupt(signum, frame):
    _received.append(signum)
    raise KeyboardInterrupt


def run():
    """Run the command line; an interrupt (Ctrl-C, SIGTERM) at any point exits with 130 and one line."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    sys.unraisablehook = _quiet_interrupt
    try:
        code = _run()
    except KeyboardInterrupt:
        outputs = sys.modules.get("geo.outputs")  # after a commit the new set is in place
        sys.stderr.write((INTERRUPTED_AFTER if outputs is not None and outputs.committed() else INTERRUPTED) + "\n")
        _exit_interrupted()
    except SystemExit as exc:
        if exc.code == EXIT_INTERRUPTED:  # the CLI already said what happened to the outputs
            _exit_interrupted()
        code = exc.code
    if _received:
        # A library swallowed the KeyboardInterrupt and the run went on to the end: the
        # new set is complete, and the interrupt is still reported.
        sys.stderr.write(INTERRUPTED_AFTER + "\n")
        _exit_interrupted()
    _exit(code)


def _quiet_interrupt(unraisable, default=sys.unraisablehook):
    """An interrupt raised where Python cannot pass it on (a callback of the import lock, a
    finaliser) is no traceback: it is in ``_received``, and :func:`run` reports it at the end."""
    if not isinstance(unraisable.exc_value, KeyboardInterrupt):
        default(unraisable)


def _run():
    from click.exceptions import Abort, ClickException

    from geo.cli import main

    try:
        code = main.main(standalone_mode=False)
    except Abort:  # click's form of a Ctrl-C while it parses options
        raise KeyboardInterrupt from None
    except ClickException as exc:  # usage errors: click's own message and exit code
        exc.show()
        return exc.exit_code
    return code if isinstance(code, int) else 0


def _exit_interrupted():
    _exit(EXIT_INTERRUPTED)


def _exit(code):
    """Leave now, with ``code``: every output is committed and every message written.

    Interpreter shutdown would put the default signal handlers back while it tears down
    the libraries, so a Ctrl-C in that window would kill the process without a word; and
    CPython ends by SIGINT instead of the exit code when a KeyboardInterrupt crossed an
    exec() of a string (dataclasses, namedtuples), even one that was handled.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code if isinstance(code, int) else (0 if code is None else 1))


if __name__ == "__main__":
    run()
