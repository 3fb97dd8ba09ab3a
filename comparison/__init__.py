"""Compare the quantified targets of Chinese local elderly-care policies.

The package loads the curated data in ``data/`` (see ``data/datapackage.yaml``),
checks every target against the text of its source, aligns differently worded
targets through the codebook of topics and measures, and writes tables,
charts and an Excel workbook in Simplified Chinese, Traditional Chinese or
English.

Typical use::

    import comparison as cmp
    ds = cmp.load_dataset()
    cmp.comparison_table(ds, lang="en")
"""

from comparison.errors import DataError, Finding

__version__ = "0.2.0"

__all__ = [
    "DataError",
    "Dataset",
    "Finding",
    "__version__",
    "load_dataset",
    "comparison_table",
    "coverage_matrix",
    "targets_long",
]


def __getattr__(name):
    # pandas and the modules built on it are imported on first use, so that
    # ``import comparison`` (and ``python -m comparison --help``) stays cheap.
    if name in {"Dataset", "load_dataset"}:
        from comparison import dataset

        return getattr(dataset, name)
    if name in {"comparison_table", "coverage_matrix", "targets_long", "per_1000_table", "filter_targets"}:
        from comparison import align

        return getattr(align, name)
    raise AttributeError(f"module 'comparison' has no attribute {name!r}")
