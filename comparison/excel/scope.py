"""What a workbook covers: the cities, indicators and domain a user chose, resolved to ids."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from comparison import align
from comparison.dataset import Dataset


@dataclass(frozen=True)
class Selection:
    """What a workbook covers.

    ``city_ids`` and ``indicator_ids`` list the covered ids in display order;
    ``cities``, ``indicators`` and ``domain`` are the resolved filters as
    :mod:`comparison.align` takes them (``None``: no filter).
    """

    city_ids: list[str]
    indicator_ids: list[str]
    cities: list[str] | None = None
    indicators: list[str] | None = None
    domain: list[str] | None = None

    @property
    def filters_indicators(self) -> bool:
        return self.indicators is not None or self.domain is not None

    @property
    def narrowed(self) -> bool:
        return self.cities is not None or self.filters_indicators


def select(ds: Dataset, *, cities=None, indicators=None, domain=None) -> Selection:
    """Resolve city, indicator and domain names (ids or names in any language) to a :class:`Selection`.

    Raises :class:`comparison.align.SelectionError` naming the valid ids and
    the closest match for any unknown name.
    """
    city_filter = align.resolve_cities(ds, cities)
    indicator_filter = align.resolve_indicators(ds, indicators)
    domain_filter = align.resolve_domains(ds, [domain] if isinstance(domain, str) else domain)
    order = ds.indicator_order
    keep = set(order if indicator_filter is None else indicator_filter)
    if domain_filter is not None:
        in_domain = ds.indicators["domain_id"].astype(str).isin(domain_filter)
        keep &= set(ds.indicators.loc[in_domain, "indicator_id"].astype(str))
    cities_kept = set(ds.jurisdiction_order if city_filter is None else city_filter)
    return Selection(
        city_ids=[j for j in ds.jurisdiction_order if j in cities_kept],
        indicator_ids=[i for i in order if i in keep],
        cities=city_filter,
        indicators=indicator_filter,
        domain=domain_filter,
    )


def source_jurisdictions(ds: Dataset) -> dict[str, str]:
    """Source id → jurisdiction id."""
    return dict(zip(ds.sources["source_id"].astype(str), ds.sources["jurisdiction_id"].astype(str)))


def selected_targets(ds: Dataset, selection: Selection) -> pd.DataFrame:
    """The rows of ``targets.csv`` in the selection, in the file's order, with its columns.

    Targets without a canonical indicator are kept unless indicators or a domain were chosen.
    """
    mask = ds.targets["source_id"].astype(str).map(source_jurisdictions(ds)).isin(selection.city_ids)
    if selection.filters_indicators:
        mask &= ds.targets["indicator_id"].astype(object).isin(selection.indicator_ids)
    return ds.targets[mask]


def selected_commitments(ds: Dataset, selection: Selection) -> pd.DataFrame:
    """The rows of ``commitments.csv`` in the selection, in the file's order."""
    mask = ds.commitments["source_id"].astype(str).map(source_jurisdictions(ds)).isin(selection.city_ids)
    return ds.commitments[mask & ds.commitments["indicator_id"].astype(str).isin(selection.indicator_ids)]
