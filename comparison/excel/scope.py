"""What a workbook covers: the cities, topics and domain a user chose, resolved to ids."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from comparison import align
from comparison.dataset import Dataset


@dataclass(frozen=True)
class Selection:
    """What a workbook covers.

    ``city_ids`` and ``topic_ids`` list the covered ids in display order;
    ``cities``, ``topics`` and ``domain`` are the resolved filters as
    :mod:`comparison.align` takes them (``None``: no filter).
    """

    city_ids: list[str]
    topic_ids: list[str]
    cities: list[str] | None = None
    topics: list[str] | None = None
    domain: list[str] | None = None

    @property
    def filters_topics(self) -> bool:
        return self.topics is not None or self.domain is not None

    @property
    def narrowed(self) -> bool:
        return self.cities is not None or self.filters_topics


def select(ds: Dataset, *, cities=None, topics=None, domain=None, indicators=None) -> Selection:
    """Resolve city, topic and domain names (ids or names in any language) to a :class:`Selection`.

    ``indicators`` is the former name of ``topics``. Raises
    :class:`comparison.align.SelectionError` naming the valid ids and the
    closest match for any unknown name.
    """
    city_filter = align.resolve_cities(ds, cities)
    topic_filter = align.resolve_topics(ds, topics if topics is not None else indicators)
    domain_filter = align.resolve_domains(ds, [domain] if isinstance(domain, str) else domain)
    order = ds.topic_order
    keep = set(order if topic_filter is None else topic_filter)
    if domain_filter is not None:
        in_domain = ds.topics["domain_id"].astype(str).isin(domain_filter)
        keep &= set(ds.topics.loc[in_domain, "topic_id"].astype(str))
    cities_kept = set(ds.jurisdiction_order if city_filter is None else city_filter)
    return Selection(
        city_ids=[j for j in ds.jurisdiction_order if j in cities_kept],
        topic_ids=[t for t in order if t in keep],
        cities=city_filter,
        topics=topic_filter,
        domain=domain_filter,
    )


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
