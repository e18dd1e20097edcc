"""Entry point for ``geo`` and ``python -m geo``: Ctrl-C or SIGTERM at any moment, even while loading, is one line."""

import _signal
import os
import sys

_received = []


def _record(signum, frame):
    _received.append(signum)


if __name__ == "__main__" or os.path.basename(sys.argv[0]).split(".")[0] == "geo":
    # The program itself (``python -m geo``, ``geo``), not a module imported by another: before
    # anything else loads (``signal`` builds enums for some milliseconds), an interrupt is
    # recorded, and :func:`run` answers it once its own handlers are in place.
    _signal.signal(_signal.SIGINT, _record)
    _signal.signal(_signal.SIGTERM, _record)

import signal  # noqa: E402 - after the handlers, on purpose

INTERRUPTED = "geo: interrupted; no output was changed (the previous set is intact)"
INTERRUPTED_AFTER = "geo: interrupted after the new outputs were all in place (the set is complete)"
EXIT_INTERRUPTED = 130


def _interrupt(signum, frame):
    _received.append(signum)
    raise KeyboardInterrupt


def run():
    """Run the command line; an interrupt (Ctrl-C, SIGTERM) at any point exits with 130 and one line."""
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    sys.unraisablehook = _quiet_interrupt
    try:
        if _received:  # interrupted while this module loaded
            raise KeyboardInterrupt
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
    import click.exceptions
    from click.exceptions import Abort, ClickException

    NoArgsIsHelpError = getattr(click.exceptions, "NoArgsIsHelpError", ())  # click 8.2 and later

    from geo.cli import main

    try:
        # The process ends with the command (see _exit), which need not tidy for a caller going on.
        code = main.main(standalone_mode=False, obj={"process_ends": True})
    except Abort:  # click's form of a Ctrl-C while it parses options
        raise KeyboardInterrupt from None
    except NoArgsIsHelpError as exc:  # `geo` alone: the help, as click shows it
        exc.show()
        return exc.exit_code
    except ClickException as exc:  # usage errors: one line, click's exit code (2)
        sys.stderr.write(f"geo: error: {usage_error_line(exc)}\n")
        return exc.exit_code
    return code if isinstance(code, int) else 0


def usage_error_line(exc) -> str:
    """The one line (after ``geo: error: ``) saying what is wrong with the command line.

    Parameters
    ----------
    exc : click.ClickException
        What click raised while it parsed and checked the options.

    Returns
    -------
    str
        ``--format: 'kml' is not one of ...`` for a bad value (named by the option's long
        form, or an argument's name); else click's message, with where to find help for a
        missing or unknown option, argument or command.
    """
    from click.exceptions import BadParameter, MissingParameter, UsageError

    from geo.safe_text import one_line

    if isinstance(exc, BadParameter) and not isinstance(exc, MissingParameter) and exc.param is not None:
        opts = getattr(exc.param, "opts", None) or []
        name = max(opts, key=len) if exc.param.param_type_name == "option" and opts else \
            exc.param.human_readable_name
        return one_line(f"{name}: {exc.message.rstrip('.')}")
    message = exc.format_message().rstrip(".")
    if isinstance(exc, UsageError) and exc.ctx is not None:
        message += f" (see '{exc.ctx.command_path} --help')"
    return one_line(message)


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
    copies = sys.modules.get("geo.kml_encoding")  # UTF-8 copies of GBK KML: os._exit runs no atexit handler
    if copies is not None:
        copies.remove_copies()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said
            pass
    os._exit(code if isinstance(code, int) else (0 if code is None else 1))


if __name__ == "__main__":
    run()
