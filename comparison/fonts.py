"""A Simplified-Chinese font for matplotlib, found and registered without root.

Charts mix Latin text, digits and Chinese. :func:`setup_fonts` sets
``font.family`` to ``["DejaVu Sans", <CJK family>]`` so that matplotlib picks,
glyph by glyph, DejaVu Sans for Latin text and the CJK font for the rest
(Simplified and Traditional characters alike).

Where the font comes from, in order of preference:

1. a system *Noto Sans CJK SC* face, when matplotlib can see one (Debian's
   ``fonts-noto-cjk`` with matplotlib ≥ 3.11; older matplotlib versions see
   only the Japanese face of that collection, whose 门 and 角 have Japanese
   shapes, so it is not used);
2. ``NotoSansCJKsc-Regular.otf`` from the PyPI package ``mplfonts`` (a
   dependency of this project), registered at run time. Only that one file is
   used: the package also bundles a commercial font (SimHei) that we must not
   use.
"""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import matplotlib as mpl
from matplotlib import font_manager

#: The CJK family the charts use.
CJK_FAMILY = "Noto Sans CJK SC"
#: The Latin family tried first for every glyph.
LATIN_FAMILY = "DejaVu Sans"
#: The one file of ``mplfonts`` we register (SIL Open Font License).
MPLFONTS_FILE = "NotoSansCJKsc-Regular.otf"


class ChineseFontNotFound(RuntimeError):
    """No Simplified-Chinese font is available to matplotlib."""


def setup_fonts() -> str:
    """Make matplotlib draw Chinese, and return the CJK family name it uses.

    Finds and registers the font once per process (later calls only re-apply
    the settings, so call it freely, and again after ``seaborn.set_theme``,
    which resets fonts). Sets ``font.family`` to Latin-then-CJK fallback and
    ``axes.unicode_minus`` to ``False`` (the CJK font has no U+2212 minus).

    Raises :class:`ChineseFontNotFound`, saying what to install, when neither
    a system Noto Sans CJK SC face nor the ``mplfonts`` package is available.
    """
    family = _register_cjk_font()
    mpl.rcParams.update(_rc(family))
    return family


def rc_params() -> dict:
    """The font settings as a dict for ``seaborn.set_theme(rc=rc_params())`` or ``plt.rc_context``."""
    return _rc(_register_cjk_font())


def _rc(cjk_family: str) -> dict:
    return {"font.family": [LATIN_FAMILY, cjk_family], "axes.unicode_minus": False}


@functools.cache
def _register_cjk_font() -> str:
    """Find the CJK font, register it with matplotlib if needed, and return its family name."""
    if _system_has(CJK_FAMILY):
        return CJK_FAMILY
    path = _mplfonts_file()
    if path is None:
        raise ChineseFontNotFound(
            "No Simplified-Chinese font for matplotlib. Install the Python package 'mplfonts' "
            "(pip install mplfonts; it is a dependency of this project: pip install -e .), "
            "or the system fonts 'fonts-noto-cjk' (Debian/Ubuntu) together with matplotlib >= 3.11."
        )
    font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def _system_has(family: str) -> bool:
    return any(entry.name == family for entry in font_manager.fontManager.ttflist)


def _mplfonts_file() -> Path | None:
    """The path of mplfonts' Noto Sans CJK SC file, found without importing the package."""
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / MPLFONTS_FILE
    return path if path.is_file() else None
