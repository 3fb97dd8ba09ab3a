"""Where the data, the source texts and the notebooks are."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_BUNDLED = PACKAGE_DIR / "_bundled"

#: Environment variable naming the folder that holds the corpus' source texts.
SOURCES_ENV = "COMPARISON_SOURCES"
#: When set (as in CI), a missing corpus is an error instead of a skipped check.
REQUIRE_SOURCES_ENV = "COMPARISON_REQUIRE_SOURCES"


def default_data_dir() -> Path:
    """The curated data: ``data/`` of a checkout, or the copy bundled in the wheel."""
    checkout = PACKAGE_DIR.parent / "data"
    if (checkout / "datapackage.yaml").exists():
        return checkout
    return _BUNDLED / "data"


def default_notebooks_dir() -> Path:
    checkout = PACKAGE_DIR.parent / "notebooks"
    if checkout.is_dir():
        return checkout
    return _BUNDLED / "notebooks"


def default_sources_dir() -> Path | None:
    """The source-text folder named by ``COMPARISON_SOURCES``, or ``None``."""
    value = os.environ.get(SOURCES_ENV, "").strip()
    return Path(value) if value else None


def sources_required() -> bool:
    return os.environ.get(REQUIRE_SOURCES_ENV, "").strip() not in {"", "0", "false", "no"}
