"""``python -m comparison``: the command line (see :mod:`comparison.cli`)."""

import sys

from comparison.cli import main

sys.exit(main())
