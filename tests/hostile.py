"""Shared tools of the hostile-input suite (``tests/test_hostile_*.py``).

Each case builds a workspace in a temporary folder: a copy of ``data/``, a
folder of source texts, a private cache folder, and, outside every folder the
command is given, a file holding :data:`SECRET`. The command runs in a fresh
process as a user runs it; :func:`refused` checks the exit code, that no
traceback was shown, that the secret never reached the output, and that the
message names what it must.

:func:`edit_cells`, which changes cells of one row of a CSV file, serves every
test that breaks a copy of the data (``test_validate.py``, ``test_bad_input.py``
and ``test_excel.py`` too).
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from conftest import DATA, ROOT

#: Written into files outside the named folders; it must never appear in any output.
SECRET = "SECRET-b6f1c0de-outside-the-named-folders"
SMALL_TEXT = "到2025年，全市养老机构护理型床位占比达到55%以上，每千名老年人拥有养老床位40张。\n"


@dataclass
class Workspace:
    root: Path
    data: Path
    sources: Path
    cache: Path
    outside: Path

    @property
    def secret_file(self) -> Path:
        return self.outside / "secret.txt"

    def env(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "XDG_CACHE_HOME": str(self.cache),
            "MPLCONFIGDIR": str(self.cache / "mpl"),
            "COMPARISON_SOURCES": "",
            "COMPARISON_REQUIRE_SOURCES": "",
            "COMPARISON_DEBUG": "",
            "PYTHONIOENCODING": "utf-8",
            **extra,
        }

    def run(self, *args: str, timeout: float = 120, stdin: bytes | None = None, memory_mb: int | None = None, **env: str) -> subprocess.CompletedProcess:
        """``python -m comparison ARGS --data data`` in the workspace folder (files show as ``data/….csv``)."""
        args = [str(a) for a in args]
        if args and args[0] in ("validate", "export", "extract", "build") and "--data" not in args:
            args += ["--data", "data"]
        return subprocess.run(
            [sys.executable, "-m", "comparison", *args],
            cwd=self.root,
            env=self.env(**env),
            capture_output=True,
            timeout=timeout,
            input=stdin,
            preexec_fn=_limit_memory(memory_mb) if memory_mb else None,
        )

    def snapshot(self) -> dict[Path, bytes]:
        """Every file of the workspace and the outside folder, to prove that nothing was overwritten."""
        return {p: p.read_bytes() for folder in (self.data, self.sources, self.outside) for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def _limit_memory(megabytes: int):
    """A ``preexec_fn`` that caps the child's address space, so that a memory blow-up fails fast instead of swapping."""

    def limit() -> None:
        import resource

        cap = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return limit


def make_workspace(tmp_path: Path) -> Workspace:
    root = tmp_path / "work"
    ws = Workspace(root=root, data=root / "data", sources=root / "sources", cache=tmp_path / "cache", outside=tmp_path / "outside")
    shutil.copytree(DATA, ws.data)
    for folder in (ws.sources, ws.cache, ws.outside):
        folder.mkdir(parents=True)
    ws.secret_file.write_text(f"{SECRET}\n{SMALL_TEXT}", encoding="utf-8")
    (ws.outside / "units.csv").write_text((DATA / "units.csv").read_text(encoding="utf-8") + f"{SECRET},x,x,x\n", encoding="utf-8")
    return ws


def text(done: subprocess.CompletedProcess) -> tuple[str, str]:
    return done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


def refused(done: subprocess.CompletedProcess, *fragments: str, code: int = 1) -> str:
    """Assert a clean refusal: exit ``code``, no traceback, no secret, every fragment in the output; returns stderr."""
    out, err = text(done)
    assert "Traceback" not in out + err, err
    assert SECRET not in out + err, "a file outside the named folders was read"
    assert done.returncode == code, (done.returncode, out, err)
    for fragment in fragments:
        assert fragment in out + err, (fragment, out, err)
    return err


def succeeded(done: subprocess.CompletedProcess) -> str:
    out, err = text(done)
    assert "Traceback" not in out + err, err
    assert SECRET not in out + err
    assert done.returncode == 0, (out, err)
    return out


def edit_cells(path: Path, key: str, match: str, /, **changes: str) -> int:
    """Change cells of the row whose ``key`` equals ``match``; return its physical line (the header is line 1).

    The columns are those of the file: changing a column it does not have raises :class:`ValueError`.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    fields = list(rows[0])
    for i, row in enumerate(rows):
        if row[key] == match:
            row.update(changes)
            line = i + 2
            break
    else:
        raise KeyError(match)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return line


def first_source(ws: Workspace) -> str:
    with open(ws.data / "sources.csv", encoding="utf-8", newline="") as fh:
        return next(csv.DictReader(fh))["source_id"]


def point_source_at(ws: Workspace, name: str, content: bytes | None = None) -> int:
    """Make the first source's text_file ``name`` (recording the SHA-256 of ``content`` when given); returns the line."""
    sha = hashlib.sha256(content).hexdigest() if content is not None else "0" * 64
    return edit_cells(ws.data / "sources.csv", "source_id", first_source(ws), text_file=name, text_sha256=sha)


def set_descriptor(ws: Workspace, old: str, new: str, count: int = 1) -> int:
    """Replace ``old`` by ``new`` in the copied descriptor; returns the line where ``old`` stood."""
    path = ws.data / "datapackage.yaml"
    body = path.read_text(encoding="utf-8")
    assert old in body, old
    path.write_text(body.replace(old, new, count), encoding="utf-8")
    return body[: body.index(old)].count("\n") + 1


def set_top_level(ws: Workspace, key: str, value: str) -> int:
    """Set the descriptor's top-level ``key: …`` line to ``key: value``, whatever it held; returns its line."""
    body = (ws.data / "datapackage.yaml").read_text(encoding="utf-8")
    old = next(line for line in body.splitlines() if line.startswith(f"{key}:"))
    return set_descriptor(ws, old, f"{key}: {value}")


__all__ = ["ROOT", "SECRET", "SMALL_TEXT", "Workspace", "edit_cells", "first_source", "make_workspace", "point_source_at", "refused", "set_descriptor", "set_top_level", "succeeded", "text"]
