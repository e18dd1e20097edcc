"""How a ``geo`` command ends: one-line errors and exit codes, warnings and stage lines on stderr, the collector off."""

from __future__ import annotations

import contextlib
import errno
import functools
import gc
import os
import sys
import warnings

import click

from geo.safe_text import one_line, terminal_line


def report_warnings(warnings):
    for warning in warnings:
        click.echo(f"warning: {terminal_line(warning)}", err=True)


def stage_printer():
    """Stage lines (extract: reading ...) for a person at a terminal; nothing in a pipe or a log,
    where stderr holds only warnings and the one-line error."""
    if not sys.stderr.isatty():
        return None
    return lambda message: click.echo(one_line(message), err=True)


def _outputs_committed():
    """True when this run already put its new outputs in place (geo.outputs loaded and committed)."""
    outputs = sys.modules.get("geo.outputs")
    return outputs is not None and outputs.committed()


def _check_text_options(ctx):
    """InputError naming the option (or argument) whose text, not a path, holds bytes that are no UTF-8: a
    terminal or script in GBK on a UTF-8 system (Python keeps them as lone surrogates, which no output
    can be written with). A path of such bytes is a file's name, and is left as it is."""
    from geo.io import InputError
    from geo.text_codecs import argv_bytes_problem

    for param in ctx.command.params:
        values = ctx.params.get(param.name)
        if isinstance(param.type, click.Path) or values is None:
            continue
        for value in values if isinstance(values, (tuple, list)) else (values,):
            problem = argv_bytes_problem(value) if isinstance(value, str) else None
            if problem:
                raise InputError(param.opts[0] if isinstance(param, click.Option) else param.human_readable_name,
                                 problem)


def process_ends() -> bool:
    """True when the process ends with the command (``geo``, ``python -m geo``: see
    :func:`geo.__main__.run`), False for a caller that goes on (click's test runner)."""
    return bool((click.get_current_context().find_root().obj or {}).get("process_ends"))


@contextlib.contextmanager
def collector_off():
    """Python's cyclic garbage collector off while a command runs.

    Its passes walk the objects made since the last: in ``geo extract`` the modules, lexicon
    tables, patterns and models loaded before the fork (a fifth of that start-up's instructions)
    and, after the extraction, everything it kept; all of it lives to the end, and the little
    cyclic garbage is freed by the next pass. The collector is back on at the end, unless the
    process ends with the command (a pass then would only walk it all once more).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled and not process_ends():
            gc.enable()


def handle_errors(func):
    """Turn input problems into one line on stderr and exit code 2 (traceback with --verbose)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        verbose = (ctx.find_root().params or {}).get("verbose", False)
        try:
            _check_text_options(ctx)
            with warnings.catch_warnings():
                if not verbose:
                    # Library warnings (GDAL's "non closed ring", numba hints...) would add
                    # lines to stderr; problems that matter are raised as errors instead.
                    warnings.simplefilter("ignore")
                return func(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # whoever read the standard output left (geo ... | head): no word, as any Unix tool
            _standard_output_gone()
            sys.exit(EXIT_PIPE_CLOSED)
        except KeyboardInterrupt as exc:
            from geo.__main__ import EXIT_INTERRUPTED, INTERRUPTED, INTERRUPTED_AFTER

            if getattr(exc, "committed", False) or _outputs_committed():
                click.echo(INTERRUPTED_AFTER, err=True)
            else:
                click.echo(INTERRUPTED, err=True)
            sys.exit(EXIT_INTERRUPTED)
        except Exception as exc:  # noqa: BLE001 - last line of defence: never a traceback
            from geo.io import InputError  # imported here so that `geo --help` stays light

            if verbose:
                raise
            if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG and exc.filename:  # -o, --out-dir...
                exc = InputError(exc.filename, f"is too long a name ({exc.strerror}: a file's or folder's name holds "
                                               "255 bytes at most, 85 Chinese characters in UTF-8)")
            if isinstance(exc, InputError):
                click.echo(f"geo: error: {terminal_line(exc)}", err=True)
                sys.exit(2)
            message = one_line(str(exc).splitlines()[0]) if str(exc).strip() else ""
            click.echo(f"geo: error: {type(exc).__name__}: {message} (rerun with --verbose for details)", err=True)
            sys.exit(2)

    return wrapper


EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE: the status a shell shows for a program a closed pipe ended


def _standard_output_gone():
    """Point the standard output at the null device: what is still buffered for a reader that
    left is dropped, and the last flush at exit raises no second BrokenPipeError."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no file descriptor behind stdout (a test's runner): nothing to point
        pass
