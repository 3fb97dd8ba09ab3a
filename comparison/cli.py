"""The command line: ``python -m comparison <command>``.

Each command lives in its own module (:data:`COMMANDS`), which adds its
sub-command with ``add_parser(subparsers)`` and runs it with
``run(args) -> int``. Library code raises library errors
(:mod:`comparison.errors`); only here do they become messages and exit codes.
User mistakes end with a one-paragraph message on standard error and exit
code 1 (2 for a malformed command line), never with a traceback.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys

from comparison.errors import DataError, Finding, UserError, display_path, shown

DESCRIPTION = """\
Compare the quantified targets of Chinese local elderly-care (养老服务) policies.

The curated data (data/*.csv, described by data/datapackage.yaml) holds every
quantified target of each policy document with the verbatim quote it came from.
"""

EPILOG = """\
examples:
  %(prog)s validate --sources ../shared/seeds
  %(prog)s export --lang en -o comparison.xlsx
  %(prog)s extract policy.txt --source-id hangzhou-2024 -o candidates.csv
  %(prog)s build --out build

Run '%(prog)s COMMAND --help' for the options of one command.
"""


#: Set (to anything but 0) to see the traceback of an unexpected error.
DEBUG_ENV = "COMPARISON_DEBUG"


def _print_problems(problems: list[Finding], stream) -> None:
    for p in problems:
        print(f"  {p}", file=stream)


# --------------------------------------------------------------------------- parser
#: The console command that ``pip install`` makes (``[project.scripts]`` in ``pyproject.toml``).
CONSOLE_COMMAND = "elderly-care-targets"


def _prog() -> str:
    """The command as the user typed it, for usage lines and messages: the console command, else ``python -m comparison``."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return CONSOLE_COMMAND if name.removesuffix(".exe") == CONSOLE_COMMAND else "python -m comparison"


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command-line parser; given ``argv``, only the sub-command it names is fully built (the others are listed)."""
    parser = argparse.ArgumentParser(
        prog=_prog(),
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    from comparison import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    chosen = _chosen_command(argv) if argv is not None else None
    for name, (module, help_text) in COMMANDS.items():
        if argv is None or name == chosen:
            importlib.import_module(module).add_parser(sub)
        else:
            # Only listed (for --help and the choices); the command's own module is imported when it is chosen.
            sub.add_parser(name, help=help_text)
    return parser


#: The sub-commands: name → (module, help). Every command is registered the
#: same way: its module adds it with ``add_parser(subparsers)`` and sets
#: ``func`` to its ``run(args) -> int``, importing heavy dependencies inside
#: ``run``. Only the chosen command's module is imported (``extract`` alone
#: compiles a hundred regular expressions); the help texts here must equal
#: the modules' own (tests/test_cli_lazy.py checks that).
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("comparison.validate_cli", "check the data: schema, ids, references, quotes against the source texts, values, deadlines"),
    "export": ("comparison.export_cli", "write the comparison as a formatted Excel workbook"),
    "extract": ("comparison.extract", "propose candidate targets from a policy text, as rows in the columns of targets.csv"),
    "build": ("comparison.build", "build every output: workbooks, figures, tables and the executed notebooks as a static site"),
}


def _chosen_command(argv: list[str]) -> str | None:
    """The sub-command named on the command line: the first argument that is not an option."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except BrokenPipeError:
        return _closed_pipe()
    except DataError as exc:
        print(f"{parser.prog} {args.command}: {len(exc.problems)} problem(s) in the data:", file=sys.stderr)
        _print_problems(exc.problems, sys.stderr)
        print(f"Run '{parser.prog} validate' for a full check.", file=sys.stderr)
        return 1
    except UserError as exc:
        print(f"{parser.prog} {args.command}: {shown(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        where = f" {display_path(exc.filename)}:" if exc.filename else ""
        print(f"{parser.prog} {args.command}:{where} {exc.strerror or exc}", file=sys.stderr)
        return 1
    except MemoryError:
        print(f"{parser.prog} {args.command}: out of memory", file=sys.stderr)
        return 1
    except Exception as exc:  # never a traceback: an unexpected error is named in one line
        if os.environ.get(DEBUG_ENV, "0") not in ("", "0"):
            raise
        print(
            f"{parser.prog} {args.command}: unexpected error ({type(exc).__name__}: {shown(exc)}). "
            f"Set {DEBUG_ENV}=1 to see where it happened, and report it.",
            file=sys.stderr,
        )
        return 1


def _closed_pipe() -> int:
    """The reader of standard output went away (``| head``): stop quietly, as other command-line tools do."""
    _drop_stdout()
    return 0


def entry() -> None:
    """The console command (``python -m comparison``, ``elderly-care-targets``): :func:`main`, then exit with its code.

    Before the interpreter shuts down, every object is moved out of the
    cyclic garbage collector's reach (:func:`gc.freeze`). The process is
    ending, so the last full collection, which walks every object pandas
    and openpyxl made, would free nothing the operating system does not
    free anyway. Measured on the five-city export (median of nine runs):
    0.71 s of CPU with the freeze, 0.81 s without, a tenth of the time a
    user waits for the command; kept for that reason.
    """
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # also from argparse's help and usage, which run before main's own handler
        code = _closed_pipe()
    except OSError as exc:  # standard output cannot be written (a full disk, /dev/full)
        _drop_stdout()
        print(f"{_prog()}: cannot write the output: {exc.strerror or exc}", file=sys.stderr)
        code = 1
    gc.freeze()
    sys.exit(code)


def _drop_stdout() -> None:
    """Send whatever standard output still buffers nowhere, so that the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
