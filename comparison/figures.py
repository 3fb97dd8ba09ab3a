"""Saving figures as PNG and SVG files that depend on the figure alone (same figure, same bytes)."""

from __future__ import annotations

from pathlib import Path

import matplotlib as mpl
from matplotlib.figure import Figure

#: Resolution of the PNG files.
PNG_DPI = 150

#: Fixed salt for the ids in SVG files, so that saving twice gives the same bytes.
SVG_HASHSALT = "elderly-care-targets"


def save_figure(fig: Figure, path: str | Path) -> list[Path]:
    """Write ``fig`` as ``<path>.png`` (150 dpi) and ``<path>.svg``; return the two paths.

    ``path`` has no suffix (``build/coverage_en``). The figure is laid out
    afresh and that layout is used for both files, which carry no date or
    software stamp; SVG ids use a fixed salt. So saving the same figure
    twice, or the same chart drawn again, gives identical bytes. The folder
    is created when missing.
    """
    path = Path(path)
    if path.suffix.lower() in {".png", ".svg", ".pdf"}:
        raise ValueError(f"give the path without a suffix ({path.with_suffix('')}): both .png and .svg are written")
    path.parent.mkdir(parents=True, exist_ok=True)
    png, svg = path.with_name(path.name + ".png"), path.with_name(path.name + ".svg")
    engine = fig.get_layout_engine()
    if engine is not None:
        _lay_out_afresh(fig)
        fig.set_layout_engine("none")  # keep that layout for both files
    try:
        with mpl.rc_context({"svg.hashsalt": SVG_HASHSALT}):
            fig.savefig(png, dpi=PNG_DPI, metadata={"Software": None})
            fig.savefig(svg, metadata={"Date": None})
    finally:
        fig.set_layout_engine(engine)
    return [png, svg]


def _lay_out_afresh(fig: Figure) -> None:
    """Run the layout engine of ``fig`` from the Axes' grid positions, as for a new figure.

    Constrained layout starts from the Axes' current positions, so each run
    moves them a little; laying out from the same start every time makes the
    saved files depend on the figure alone, not on how often it was drawn.
    """
    for ax in fig.axes:
        spec = ax.get_subplotspec()
        if spec is not None:
            in_layout = ax.get_in_layout()
            ax.set_position(spec.get_position(fig))
            ax.set_in_layout(in_layout)  # set_position takes the Axes out of the layout
    fig.draw_without_rendering()


