"""Entry point for ``python -m geo``."""

from geo.cli import main

if __name__ == "__main__":
    main()
