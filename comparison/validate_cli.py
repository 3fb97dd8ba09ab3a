"""``python -m comparison validate``: check the curated data and say what is wrong, where."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "check the data: schema, ids, references, quotes against the source texts, values, deadlines"

DESCRIPTION = (
    "Check the curated data: every column against datapackage.yaml, unique ids and resolving references,\n"
    "every quote against its source text (after Traditional→Simplified and ignoring whitespace),\n"
    "every value against its quote, every deadline against the document's period, and the SHA-256 of\n"
    "each source text. Each problem names its file, line and column. Exit code 1 when any is found."
)


def add_parser(subparsers) -> None:
    """Register the ``validate`` sub-command."""
    p = subparsers.add_parser("validate", help=HELP, description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=None, metavar="DIR", help="folder of the curated data (default: the project's data/)")
    p.add_argument(
        "--sources",
        type=Path,
        default=None,
        metavar="DIR",
        help="folder of the source texts (default: $COMPARISON_SOURCES); without it the quote checks are skipped",
    )
    p.set_defaults(func=run)


def _print_all(problems, stream) -> None:
    for p in problems:
        print(f"  {p}", file=stream)


def run(args: argparse.Namespace) -> int:
    """Validate and print the report: normalisations and skipped checks on standard output, problems on standard error."""
    from comparison.errors import display_path
    from comparison.validate import validate

    report = validate(args.data, args.sources)
    print(f"Data: {display_path(report.data_dir)}")
    if report.notes:
        print("Accepted with these normalisations:")
        _print_all(report.notes, sys.stdout)
    for message in report.skipped:
        print(f"NOTE: {message}.")
    if report.errors:
        print(f"validate: {len(report.errors)} problem(s) found:", file=sys.stderr)
        _print_all(report.errors, sys.stderr)
        return 1
    counts = ", ".join(f"{v} {k}" for k, v in report.counts.items())
    print(f"OK: {counts}; no problems found.")
    return 0
