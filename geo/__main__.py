"""Entry point for ``geo`` and ``python -m geo``: Ctrl-C at any moment, even while loading, is one line."""

import sys


def run():
    """Run the command line; an interrupt before the CLI has loaded exits quietly with 130."""
    try:
        from geo.cli import main

        main()
    except KeyboardInterrupt:
        sys.stderr.write("geo: interrupted before any output was written\n")
        sys.exit(130)


if __name__ == "__main__":
    run()
