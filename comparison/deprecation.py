"""Former names kept for one release: each use warns, naming the new name and the release that removes the old one.

In data version 0.2.0 the codebook's *indicators* became *topics*
(``topics.csv``, ``topic_id``), each with its measures. The functions,
properties, keywords and command-line options under the old name still work
until :data:`REMOVED_IN`; every use warns with :class:`DeprecationWarning`
(the command line prints a note instead).
"""

from __future__ import annotations

import warnings

from comparison.errors import SelectionError

#: The release that removes the former names (the tests' warning filter in ``pyproject.toml`` names it too).
REMOVED_IN = "0.3.0"


def renamed_note(old: str, new: str) -> str:
    """The sentence that says ``old`` is deprecated, that ``new`` replaces it and which release removes it."""
    return f"{old} is deprecated and will be removed in {REMOVED_IN}: use {new}"


def warn_renamed(old: str, new: str, *, stacklevel: int = 2) -> None:
    """Warn that ``old`` was used instead of ``new``.

    ``stacklevel`` counts as in :func:`warnings.warn` called where this is
    called: the default, 2, names the code that called the function (or read
    the property) that calls this.
    """
    warnings.warn(renamed_note(old, new), DeprecationWarning, stacklevel=stacklevel + 1)


def renamed_keyword(function: str, new: str, new_value, old: str, old_value, *, stacklevel: int = 2):
    """The value of the keyword ``new`` of ``function``, or of its former name ``old`` (which warns).

    Raises :class:`~comparison.errors.SelectionError` when both are given.
    ``stacklevel`` counts as in :func:`warn_renamed`.
    """
    if old_value is None:
        return new_value
    if new_value is not None:
        raise SelectionError(f"give {new} or {old} (its former name), not both")
    warn_renamed(f"{function}({old}=...)", f"{new}=...", stacklevel=stacklevel + 1)
    return old_value
