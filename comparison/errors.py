"""Problems found in user data, reported with file, line and column.

Every check in the package reports a :class:`Problem` instead of raising on the
first one, so that a user sees every mistake at once. :class:`DataError`
carries the list when a caller must stop.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong (or normalised) in an input file.

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
        where = self.file
        if self.line is not None:
            where += f", line {self.line}"
        if self.column is not None:
            where += f", column '{self.column}'"
        tag = "" if self.severity == "error" else f"{self.severity}: "
        return f"{where}: {tag}{self.message}"


class DataError(Exception):
    """Raised when input data has one or more errors; ``problems`` lists them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or ""))
        super().__init__(self._summary())

    def _summary(self) -> str:
        head = f"{len(self.problems)} problem(s) in the data:"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


def display_path(path: Path | str) -> str:
    """A path as the user will recognise it: relative to the working directory when possible."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(p)


class InputError(ValueError):
    """Raised when something the user named (a file, an option's value) cannot be used; the message says why."""
