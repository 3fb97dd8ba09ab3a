"""The colours of the outputs, shared by the workbook and the charts.

Coverage statuses are one blue ramp (ColorBrewer "Blues"): they stay in order
without hue, in greyscale and with the common colour-vision deficiencies.
Cities take Okabe & Ito's colour-blind-safe palette in display order.
"""

from __future__ import annotations

#: Coverage status → colour (``#RRGGBB``), in the order the statuses are listed.
STATUS_COLOURS = {"quantified": "#2171B5", "qualitative": "#9ECAE1", "not_mentioned": "#EFEFEF"}

#: Status → colour of text drawn on it (white on the dark blue).
STATUS_TEXT_COLOURS = {"quantified": "#FFFFFF", "qualitative": "#000000", "not_mentioned": "#595959"}

#: Okabe & Ito's colour-blind-safe palette, in the order the cities receive it.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442")


def rgb(colour: str) -> str:
    """``#RRGGBB`` as the ``RRGGBB`` that Excel styles take."""
    return colour.lstrip("#").upper()
