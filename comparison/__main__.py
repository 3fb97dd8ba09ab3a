"""``python -m comparison``: the command line (see :mod:`comparison.cli`)."""

from comparison.cli import entry

entry()
