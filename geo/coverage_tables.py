"""The coverage report as tidy tables (coverage.csv, its district-wide, gaps and totals tables) and their CSV and .csvt text."""

from __future__ import annotations

import csv
import io

import pandas as pd

from geo.atomic_files import csvt_line, value_kind
from geo.coverage_records import is_null
from geo.data import categories
from geo.safe_text import cell_text


def coverage_tables(report) -> dict:
    """The coverage report as tidy tables, one header row each, for pandas, Excel and QGIS.

    Returns
    -------
    dict
        ``{file name: pandas.DataFrame}``:

        ``coverage.csv``: one row per 街道 (``code``, ``name``, ``projects``, one count per
        category, road km), with the district, boundary quality and source, and the CRS
        the km were measured in as columns, so the file joins to the 街道 layer on ``code``.
        ``coverage_districtwide.csv``: records with no place on the map.
        ``coverage_gaps.csv``: one row per (category, 街道 without any project of it).
        ``coverage_totals.csv``: ``key``, ``value``: the reconciled counts and km.
    """
    header = report.header
    by_zone = report.by_subdistrict.copy()
    for key in ("district", "boundary_quality", "boundary_source", "metric_crs"):
        by_zone[key] = header.get(key)
    gaps = pd.DataFrame(
        [{"category": code, "category_label": categories()[code]["label_zh"] if code in categories() else "",
          "code": zone_code, "name": name}
         for code, zones in _gap_zones(report).items() for zone_code, name in zones],
        columns=["category", "category_label", "code", "name"])
    # Object cells: counts stay integers (22), km floats (24.725), not one float column (22.000).
    totals = pd.DataFrame([{"key": key, "value": value} for key, value in report.totals.items()
                           if not isinstance(value, dict)], columns=["key", "value"], dtype=object)
    return {"coverage.csv": by_zone, "coverage_districtwide.csv": report.district_wide.copy(),
            "coverage_gaps.csv": gaps, "coverage_totals.csv": totals}


def _gap_zones(report) -> dict:
    """category -> [(code, name)] of the 街道 without any project of it, in code order."""
    frame = report.by_subdistrict
    return {code: list(frame.loc[frame[code] == 0, ["code", "name"]].itertuples(index=False, name=None))
            for code in report.gaps if code in frame.columns}


def csv_text(table: pd.DataFrame) -> str:
    """One table as CSV: a header row, then rows; km with 3 decimals, no index."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(table.columns))
    for row in table.itertuples(index=False, name=None):
        writer.writerow([cell_text(v) if isinstance(v, str) else cell(v) for v in row])
    return out.getvalue()


def csvt_text(table: pd.DataFrame) -> str:
    """The ``.csvt`` of :func:`csv_text`'s CSV: one GDAL type per column, from which QGIS (through
    GDAL) reads codes as text, counts as integers and km as reals. Without it every column is
    text, and a ``code`` read as a number no longer joins the 街道 layer's text codes."""
    kinds = (value_kind([v for v in table[column].tolist() if not is_null(v)]) for column in table.columns)
    return csvt_line(kinds) + "\n"


def cell(value) -> str:
    """A CSV cell of a value not text: a float with 3 decimals (km), nothing for None, else its ``str``."""
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)
