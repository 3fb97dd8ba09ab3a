"""The rows of the data a workbook covers (the :class:`~comparison.selection.Selection` a user chose)."""

from __future__ import annotations

import pandas as pd

from comparison import align
from comparison.dataset import Dataset
from comparison.selection import Selection


def source_jurisdictions(ds: Dataset) -> dict[str, str]:
    """Source id → jurisdiction id."""
    return dict(zip(ds.sources["source_id"].astype(str), ds.sources["jurisdiction_id"].astype(str)))


def selected_targets(ds: Dataset, selection: Selection) -> pd.DataFrame:
    """The rows of ``targets.csv`` in the selection, in the file's order, with its columns.

    Targets of no codebook measure (so of no topic) are kept unless topics or a domain were chosen.
    """
    mask = ds.targets["source_id"].astype(str).map(source_jurisdictions(ds)).isin(selection.city_ids)
    if selection.filters_topics:
        topic = ds.targets["measure_id"].astype(object).map(align.measure_topics(ds))
        mask &= topic.isin(selection.topic_ids)
    return ds.targets[mask]


def selected_commitments(ds: Dataset, selection: Selection) -> pd.DataFrame:
    """The rows of ``commitments.csv`` in the selection, in the file's order."""
    mask = ds.commitments["source_id"].astype(str).map(source_jurisdictions(ds)).isin(selection.city_ids)
    return ds.commitments[mask & ds.commitments["topic_id"].astype(str).isin(selection.topic_ids)]
