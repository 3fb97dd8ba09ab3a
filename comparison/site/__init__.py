"""The static site of ``python -m comparison build``: one folder that works when copied or zipped alone.

Per edition (``zh-Hans``, ``en``; :data:`EDITIONS`), under ``site/<edition>/``:

* ``index.html`` — the learning path, the source documents, the explorer, downloads;
* ``<notebook>.html`` — each notebook executed in that edition (:mod:`.notebooks`);
* ``sources/<source_id>.html`` — each source text with every curated quote
  highlighted; ``#<target_id>`` or ``#<commitment_id>`` opens one passage (:mod:`.sources`);
* ``explorer.html`` — the comparison explorer (:mod:`.explorer`).

``site/index.html`` chooses an edition; ``site/downloads/`` holds the
workbooks and ``site/figures/`` the charts, so nothing links outside ``site/``.
"""

from __future__ import annotations

#: Site editions built by default: Simplified Chinese and English.
EDITIONS = ("zh-Hans", "en")


def source_page(source_id: str) -> str:
    """The path of a source's annotated page, relative to its edition's folder."""
    return f"sources/{source_id}.html"


def passage_url(source_id: str, row_id: str) -> str:
    """The link to one target's or commitment's passage, relative to its edition's folder."""
    return f"{source_page(source_id)}#{row_id}"
