"""Where the data, the source texts and the notebooks are, and reading only inside them.

The corpus of source texts is found by one rule, which the Makefile follows
too: the folder named by ``$COMPARISON_SOURCES``; else, when that variable is
not set at all, ``../shared/seeds`` beside the project root (a checkout's
parent folder) if it exists; else none (the quote checks are then skipped,
and said to be). Setting the variable to an empty value means "no corpus".

:func:`confined` resolves a file name that a data file gives (a resource path
in ``datapackage.yaml``, a ``text_file`` in ``sources.csv``) inside the folder
it belongs to, and refuses names that leave it: ``../``, absolute paths, and
symbolic links that point outside.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from comparison.errors import UnsafePathError, display_path, shown

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
_BUNDLED = PACKAGE_DIR / "_bundled"

#: Environment variable naming the folder that holds the corpus' source texts.
SOURCES_ENV = "COMPARISON_SOURCES"
#: When set (as in CI), a missing corpus is an error instead of a skipped check.
REQUIRE_SOURCES_ENV = "COMPARISON_REQUIRE_SOURCES"
#: The corpus' place relative to the project root when nothing else names it.
BESIDE_PROJECT = Path("..") / "shared" / "seeds"


def default_data_dir() -> Path:
    """The curated data: ``data/`` of a checkout, or the copy bundled in the wheel."""
    checkout = PROJECT_ROOT / "data"
    if (checkout / "datapackage.yaml").exists():
        return checkout
    return _BUNDLED / "data"


def default_notebooks_dir() -> Path:
    checkout = PROJECT_ROOT / "notebooks"
    if checkout.is_dir():
        return checkout
    return _BUNDLED / "notebooks"


def default_sources_dir() -> Path | None:
    """The source-text folder: ``$COMPARISON_SOURCES``, else ``../shared/seeds`` beside a checkout, else ``None``."""
    if SOURCES_ENV in os.environ:
        value = os.environ[SOURCES_ENV].strip()
        return Path(value) if value else None
    if (PROJECT_ROOT / "pyproject.toml").is_file():
        beside = (PROJECT_ROOT / BESIDE_PROJECT).resolve()
        if beside.is_dir():
            return beside
    return None


def sources_required() -> bool:
    return os.environ.get(REQUIRE_SOURCES_ENV, "").strip() not in {"", "0", "false", "no"}


def name_problem(name: str) -> str | None:
    """Why the file name ``name`` (as a data file gives it) may not be used, or ``None``.

    A name is a relative path with ``/`` between folders, without ``..``,
    without a drive or a leading slash, and without control characters.
    """
    if not name or not name.strip():
        return "is empty"
    if any(ord(ch) < 0x20 or ch == "\x7f" for ch in name):
        return "contains a control character"
    if "\\" in name or PureWindowsPath(name).drive or PurePosixPath(name).is_absolute() or name.startswith("~"):
        return "is an absolute path (or uses backslashes); give a path relative to the folder, with / between folders"
    if ".." in PurePosixPath(name).parts:
        return "leads out of the folder ('..')"
    return None


def confined(folder: Path | str, name: str) -> Path:
    """``folder / name``, checked to stay inside ``folder`` once every symbolic link is followed.

    Raises :class:`UnsafePathError` for a name that leaves the folder (see
    :func:`name_problem`) or a link that points outside it. The file need not
    exist.
    """
    folder = Path(folder)
    if why := name_problem(name):
        raise UnsafePathError(f"'{shown(name)}' {why}")
    path = folder / name
    try:
        real_folder = folder.resolve()
        real = path.resolve()
    except (OSError, RuntimeError) as exc:
        raise UnsafePathError(f"'{shown(name)}' cannot be resolved: {exc}") from None
    if real != real_folder and real_folder not in real.parents:
        raise UnsafePathError(f"'{shown(name)}' is a symbolic link (or lies under one) that leads out of {display_path(folder)}, to {real}")
    return path


def regular_file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file without waiting (a folder, a named pipe, a device …), or ``None``.

    Checked before opening: opening a named pipe would wait for a writer.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "not found"
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a regular file; save the text to a file first"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a regular file"
    return "is not a regular file"


def read_regular_bytes(path: Path, limit: int | None = None) -> bytes:
    """The bytes of the regular file ``path``; :class:`UnsafePathError` for anything else or a file over ``limit`` bytes.

    The file is opened without blocking and checked again once open, so that a
    file swapped for a named pipe after the first check cannot make this wait.
    """
    if why := regular_file_problem(path):
        raise UnsafePathError(f"{display_path(path)} {why}")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise UnsafePathError(f"{display_path(path)} cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise UnsafePathError(f"{display_path(path)} is not a regular file")
        if limit is not None and st.st_size > limit:
            raise UnsafePathError(f"{display_path(path)} is {st.st_size:,} bytes; at most {limit:,} are read")
        try:
            return fh.read()
        except OSError as exc:
            raise UnsafePathError(f"{display_path(path)} cannot be read: {exc.strerror or exc}") from None


# --------------------------------------------------------------------------- writing
#: The suffix a file is first written under before it replaces the target (see :func:`write_atomically`).
TEMP_SUFFIX = ".{pid}.partial"
#: Bytes of a file name kept free for the temporary name a writer makes beside the target
#: (this module's suffix, or the workbook writer's ``.~NAME.PID.tmp``).
TEMP_RESERVE = 32


def _name_max(folder: Path) -> int:
    try:
        return os.pathconf(folder, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def output_problem(path: Path, inputs: list[Path] = (), input_dirs: list[Path] = ()) -> str | None:
    """Why ``path`` cannot be written, found before any work is done; ``None`` when it looks fine.

    Refused: an existing folder; a name too long for the file system once the
    temporary suffix of :func:`write_atomically` is added; a missing folder;
    and any of the ``inputs`` (compared after following links, so a link to
    an input is refused too) or a file inside one of ``input_dirs``.
    """
    path = Path(path)
    if path.is_dir():
        return f"'{display_path(path)}' is a folder: give a file name"
    folder = path.parent
    if not folder.is_dir():
        return f"the folder '{display_path(folder)}' does not exist: create it first or choose another place"
    longest = _name_max(folder)
    suffix = TEMP_RESERVE
    if len(os.fsencode(path.name)) + suffix > longest:
        return f"the file name '{path.name[:40]}…' is too long: at most {longest - suffix} bytes"
    try:
        target = path.resolve()
    except (OSError, RuntimeError) as exc:
        return f"'{display_path(path)}' cannot be resolved: {exc}"
    for source in inputs:
        try:
            same = target == Path(source).resolve() or (path.exists() and os.path.samefile(path, source))
        except OSError:
            same = False
        if same:
            return f"'{display_path(path)}' is an input of this command ({display_path(source)}); it is never overwritten: choose another output name"
    for folder_in in input_dirs:
        try:
            real = Path(folder_in).resolve()
        except (OSError, RuntimeError):
            continue
        if real in target.parents:
            return f"'{display_path(path)}' lies inside the data folder {display_path(folder_in)}, which is never written to: choose another place"
    return None


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it, so that a failure leaves any old file whole.

    An existing link at ``path`` is replaced by the new file, never followed.
    """
    path = Path(path)
    tmp = path.with_name(path.name + TEMP_SUFFIX.format(pid=os.getpid()))
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
