"""Parameter descriptions shared by every plot function, written once (seaborn's ``_docstrings`` idea)."""

from __future__ import annotations

from collections.abc import Callable

#: Parameter descriptions by name.
DOCS = {
    "ds": """ds : Dataset
        The curated data, from :func:`comparison.load_dataset`.""",
    "lang": """lang : {"zh-Hans", "zh-Hant", "en"}
        Language of every text on the figure: Simplified Chinese (default),
        Traditional Chinese or English.""",
    "ax": """ax : matplotlib.axes.Axes, optional
        The Axes to draw on. When omitted, a new figure of a suitable size is
        made (with constrained layout).""",
    "returns": """Returns
    -------
    matplotlib.axes.Axes
        The Axes drawn on; ``ax.figure`` is the figure to show or save.""",
}


def shared_docs(func: Callable) -> Callable:
    """Fill ``{ds}``, ``{lang}``, ``{ax}`` and ``{returns}`` in ``func``'s docstring."""
    func.__doc__ = func.__doc__.format(**DOCS)
    return func
