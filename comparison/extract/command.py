"""The command ``python -m comparison extract``: read a policy text, write its candidate targets as CSV."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_parser(subparsers) -> None:
    """Add the ``extract`` sub-command."""
    p = subparsers.add_parser(
        "extract",
        help="propose candidate targets from a policy text, as rows in the columns of targets.csv",
        description=(
            "Read a policy document (plain text: UTF-8, GB18030/GBK or Big5; Simplified or Traditional script)\n"
            "and propose every quantified target, standard and policy parameter it states: percentages,\n"
            "counts with measure words, per-1000 ratios, floor areas, coverage in words (全覆盖 = 100%).\n"
            "Each row has the columns of data/targets.csv with a verbatim quote, then 'confidence' (0-1)\n"
            "and 'reason' (the cue words). Fines, dates, document and article numbers are left out.\n"
            "The rows are candidates: check each one against the text before adding it to the data."
        ),
        epilog="example:\n  %(prog)s policy.txt --source-id hangzhou-2024 -o candidates.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("policy", type=Path, metavar="POLICY.txt", help="the policy text (plain text file)")
    p.add_argument(
        "--source-id",
        metavar="ID",
        help="source id of the rows, {jurisdiction}-{year} such as hangzhou-2024 (default: made from the file name)",
    )
    p.add_argument("--encoding", metavar="ENC", help="encoding of the file, e.g. gb18030 or big5 (default: detected)")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="CSV file to write (default: standard output)")
    p.add_argument("--data", type=Path, default=None, metavar="DIR", help="folder of the curated data (default: the project's data/)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Extract the candidates of ``args.policy`` and write them as CSV."""
    from comparison.errors import InputError, UserError, display_path
    from comparison.extract import extract_candidates
    from comparison.extract.codebook import (
        default_source_id,
        load_codebook,
        source_id_pattern,
    )
    from comparison.extract.output import candidates_to_csv
    from comparison.paths import default_data_dir, output_problem, write_atomically
    from comparison.policy_text import read_policy_text

    if args.output is not None and (problem := output_problem(args.output, [args.policy], [args.data or default_data_dir()])):
        raise UserError(problem)
    text = read_policy_text(args.policy, args.encoding)
    try:
        source_id = args.source_id or default_source_id(args.policy, text, source_id_pattern(args.data))
        frame = extract_candidates(text, source_id=source_id, codebook=load_codebook(args.data), data_dir=args.data)
    except InputError as exc:
        raise UserError(str(exc)) from None
    shown = display_path(args.policy)
    if frame.empty:
        raise UserError(
            f"found no candidate targets in {shown}: it states no percentages, counts with measure words or "
            "coverage (全覆盖) as goals; is it a policy text?"
        )
    csv_text = candidates_to_csv(frame)
    if args.output is None:
        sys.stdout.buffer.write(csv_text.encode("utf-8"))
        sys.stdout.flush()
        print(f"{_count(frame)} from {shown}.", file=sys.stderr)
        return 0
    try:
        write_atomically(args.output, csv_text.encode("utf-8"))
    except OSError as exc:
        raise UserError(f"cannot write {display_path(args.output)}: {exc.strerror or exc}") from None
    print(f"{_count(frame)} from {shown} written to {display_path(args.output)}.")
    return 0


def _count(frame) -> str:
    """``1 candidate target`` or ``N candidate targets``."""
    return f"{len(frame)} candidate target{'' if len(frame) == 1 else 's'}"

