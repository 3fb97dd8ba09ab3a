"""What every chart shares: the city colours, checking arguments, fonts, titles, axis labels and the source line."""

from __future__ import annotations

import textwrap

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

from comparison.align import jurisdiction_names, targets_long
from comparison.dataset import Dataset
from comparison.fonts import setup_fonts
from comparison.labels import check_lang, vocab
from comparison.palette import OKABE_ITO
from comparison.words import CHART as TEXT


# --------------------------------------------------------------------------- colours
def city_palette(ds: Dataset) -> dict[str, str]:
    """Jurisdiction id → colour, the same in every chart.

    Colours are Okabe & Ito's colour-blind-safe palette, given in the display
    order of the jurisdictions (they repeat after eight cities).
    """
    return {j: OKABE_ITO[i % len(OKABE_ITO)] for i, j in enumerate(ds.jurisdiction_order)}


# --------------------------------------------------------------------------- shared helpers
def _text(key: str, lang: str, **values) -> str:
    """A chart text from :data:`TEXT` in ``lang``, with ``values`` filled in."""
    return vocab(TEXT, key, lang).format(**values)


def _wrap(text: str, lang: str, width: int, indent: str = "") -> str:
    """Break ``text`` into lines of about ``width`` Latin characters (half as many Chinese ones);
    lines after the first start with ``indent``."""
    return textwrap.fill(text, width if lang == "en" else max(1, width // 2), subsequent_indent=indent)


def _prepare(ds, lang: str) -> None:
    """Check the arguments every plot function takes, and set up the fonts."""
    if not isinstance(ds, Dataset):
        raise TypeError(
            f"the charts take the Dataset from comparison.load_dataset(), not a {type(ds).__name__}: "
            "ds = comparison.load_dataset(); charts.plot_coverage(ds)"
        )
    check_lang(lang)
    setup_fonts()


def _axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """``ax``, or the Axes of a new figure of ``figsize`` inches with constrained layout."""
    if ax is None:
        _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _non_parameter_targets(ds: Dataset, lang: str) -> pd.DataFrame:
    """:func:`~comparison.align.targets_long` without policy parameters (as in the coverage counts)."""
    long = targets_long(ds, lang)
    kind = dict(zip(ds.targets["target_id"].astype(str), ds.targets["kind"]))
    return long[long["target_id"].map(kind) != "parameter"]


def _extent(artist: Artist, renderer) -> Bbox:
    """The drawn extent of ``artist`` on the canvas (its Axes' box when it draws nothing)."""
    return artist.get_tightbbox(renderer) or artist.axes.bbox


def _note_below(ax: Axes, text: str, anchor: Artist | None = None, **kwargs) -> Annotation:
    """Write ``text`` under ``anchor`` (default: the x axis with its labels), flush with the y axis labels.

    The position is worked out at draw time, so the note never overlaps tick
    labels however long they are, and constrained layout makes room for it.
    """
    anchor = anchor if anchor is not None else ax.xaxis

    def corner(renderer) -> Bbox:
        return Bbox.from_bounds(_extent(ax.yaxis, renderer).x0, _extent(anchor, renderer).y0, 1, 1)

    return ax.annotate(
        text, xy=(0, 0), xycoords=corner, xytext=(0, -8), textcoords="offset points",
        ha="left", va="top", annotation_clip=False, **kwargs,
    )


def source_line(ds: Dataset, lang: str, extra: tuple[str, ...] = ()) -> str:
    """The source line of the charts: the documents, any ``extra`` sources (keys of :data:`TEXT`), the data version."""
    names = jurisdiction_names(ds, lang)
    cities = ", ".join(names) if lang == "en" else "、".join(names)
    parts = [_text("source", lang, cities=cities), *(_text(key, lang) for key in extra), _text("version", lang, version=ds.version)]
    return ("; " if lang == "en" else "；").join(parts)


def _finish(
    ax: Axes,
    ds: Dataset,
    lang: str,
    *,
    title: str,
    xlabel: str,
    ylabel: str,
    extra_sources: tuple[str, ...] = (),
    below: Artist | None = None,
) -> Axes:
    """Give ``ax`` its title, axis labels and source line (under ``below``, default the x axis)."""
    ax.set_title(title, fontsize=12)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    note = _note_below(ax, source_line(ds, lang, extra_sources), below, fontsize=7.5, color="0.35")
    note.set_gid("source-line")
    _use_chart_fonts(ax)
    return ax


def _use_chart_fonts(ax: Axes) -> None:
    """Give every text of ``ax`` the fonts of :func:`~comparison.fonts.setup_fonts`.

    Texts keep the fonts that were set when they were made: an Axes made
    before ``setup_fonts`` (or after ``seaborn.set_theme``) has a title, axis
    labels and ticks that cannot draw Chinese.

    Every text is drawn literally: a name such as ``$x$`` is not parsed as
    mathematics.
    """
    family = mpl.rcParams["font.family"]
    ax.tick_params(labelfontfamily=family)  # ticks made later too
    for text in ax.findobj(Text):
        text.set_fontfamily(family)
        text.set_parse_math(False)


def _despine(ax: Axes, *sides: str) -> None:
    for side in sides:
        ax.spines[side].set_visible(False)


