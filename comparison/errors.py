"""Problems found in user data, reported with file, line and column.

Every check in the package reports a :class:`Finding` instead of raising on the
first one, so that a user sees every mistake at once. :class:`DataError`
carries the list when a caller must stop. :class:`UserError` is a single
mistake the user can fix (a file that cannot be read, an unknown name); the
command line shows the message of either without a traceback.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


class UserError(Exception):
    """A mistake the user can fix; its message is shown without a traceback."""


class SelectionError(UserError, ValueError):
    """A filter named a city, topic, measure or domain that does not exist, or named none."""


class UnsafePathError(UserError):
    """A path named in the data leaves the folder it must stay in, or is not a regular file."""


#: Characters shown escaped in messages: format characters (zero-width space, joiners, direction marks),
#: controls other than tab and line end, separators other than the ordinary and ideographic space,
#: and the non-characters U+FFFE/U+FFFF.
_VISIBLE_SPACES = {" ", "\u3000", "\t", "\n"}


def _invisible(ch: str) -> bool:
    if ch in _VISIBLE_SPACES:
        return False
    cat = unicodedata.category(ch)
    return cat in ("Cf", "Cc", "Zl", "Zp", "Cs", "Co", "Cn") or (cat == "Zs" and ch != " ") or ch in "\ufffe\uffff"


def shown(text: object) -> str:
    """``text`` with invisible characters written as ``\\u200b`` escapes, so that a reader sees them."""
    text = str(text)
    if text.isascii() and text.isprintable():
        return text
    return "".join(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF and _invisible(ch) else (f"\\U{ord(ch):08x}" if _invisible(ch) else ch) for ch in text)


@dataclass(frozen=True, order=True)
class Finding:
    """What a check found at one place of an input file: an error (``severity="error"``, the input must be
    mended) or a note (``severity="note"``, something unusual but unambiguous that was normalised; see :func:`note`).

    ``line`` is the 1-based physical line of the CSV file (the header is line 1);
    ``column`` is the column's name as in the header. Either may be ``None``
    when the problem concerns the whole file or the whole row.
    """

    file: str
    line: int | None
    column: str | None
    message: str
    severity: str = field(default="error", compare=False)

    def __str__(self) -> str:
        where = shown(self.file)
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column '{shown(self.column)}'"
        tag = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {tag}{shown(self.message)}"


def note(file: str, line: int | None, column: str | None, message: str) -> Finding:
    """A :class:`Finding` that is not an error: something in the input was normalised, and the user is told."""
    return Finding(file, line, column, message, "note")


class DataError(Exception):
    """Raised when input data has one or more errors; ``problems`` lists them all."""

    def __init__(self, problems: list[Finding]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or ""))
        super().__init__(self._summary())

    def _summary(self) -> str:
        head = f"{len(self.problems)} problem(s) in the data:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def display_path(path: Path | str) -> str:
    """A path as the user will recognise it: relative to the working directory when possible.

    Links are not followed, so that a link is named by its own name, not by
    where it points.
    """
    import os

    p = Path(path)
    try:
        absolute = Path(os.path.normpath(os.path.abspath(p)))
        for cwd in (Path(os.path.abspath(os.getcwd())), Path.cwd().resolve()):
            try:
                return str(absolute.relative_to(cwd))
            except ValueError:
                continue
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):
        return str(p)


class InputError(ValueError):
    """Raised when something the user named (a file, an option's value) cannot be used; the message says why."""
