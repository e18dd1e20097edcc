"""Coverage by 街道: per-zone project counts, district-wide records, gaps and reconciled totals, and their formats."""

from __future__ import annotations

import csv
import io
import json
import math
import unicodedata
from dataclasses import dataclass, field

import pandas as pd

from geo.data import categories, category_codes
from geo.atomic_files import csvt_line, value_kind
from geo.io import InputError
from geo.safe_text import cell_text, markdown_text, one_line

QUALITIES = ("approximate", "official", "osm", "outline")
FORMATS = ("table", "csv", "json", "md")

# Facility kinds a planner checks every 街道 for; pass as ``gap_categories`` to report
# gaps for them even when the report names none (then every 街道 is a gap).
PLANNER_CATEGORIES = ("school", "health", "culture", "sanitation", "market", "park")

# Line categories whose length per zone is reported as its own column.
ROAD_KM_COLUMNS = {"road_rebuild": "road_km_rebuild", "road_greening": "road_km_greening", "road_new": "road_km_new"}

GROUP_REASON = "counted group, not named in the report"
UNLOCATED_REASON = "not located"


@dataclass
class CoverageReport:
    """Coverage of a district by its 街道; see :func:`coverage_report` for each part."""

    header: dict
    by_subdistrict: pd.DataFrame
    district_wide: pd.DataFrame
    gaps: dict
    totals: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        """All parts as plain JSON-ready values (frames become lists of row dicts)."""
        return {
            "header": self.header,
            "totals": self.totals,
            "by_subdistrict": _records(self.by_subdistrict),
            "district_wide": _records(self.district_wide),
            "gaps": self.gaps,
        }


def coverage_report(projects, allocations, zones, *, boundary_source, boundary_quality, district_name,
                    features=None, gap_categories=None, zone_code="code", zone_name="name",
                    metric_crs=None, removed=0) -> CoverageReport:
    """Count the catalog's projects per 街道 and list what has no place or no coverage.

    Parameters
    ----------
    projects : geopandas.GeoDataFrame
        The flat catalog layer from :func:`geo.catalog.features_to_gdf`: one row per
        catalog record, with at least ``id``, ``name``, ``category`` and a geometry
        (None when unlocated); ``named``, ``reason``, ``quantity_value`` and
        ``quantity_unit`` are used when present.
    allocations : pandas.DataFrame
        :func:`geo.join.allocate_to_zones` of ``projects`` against ``zones``.
    zones : geopandas.GeoDataFrame
        The 街道 polygons (code and name columns); every zone gets a row, even empty.
    boundary_source : str
        Where the boundaries come from, shown in every format.
    boundary_quality : {"approximate", "official", "osm", "outline"}
        Approximate boundaries, and those from OpenStreetMap (``osm``), are labelled as
        not official in every format.
    district_name : str
        The district, e.g. "天桥区".
    features : list of dict, optional
        The catalog features behind ``projects``, for nested properties the flat layer
        lacks: ``quantity`` and the ``measures`` list of district-wide records.
    gap_categories : sequence of str, optional
        Categories to report gaps for. Default: the vocabulary categories present in
        the catalog (located or not). :data:`PLANNER_CATEGORIES` is the usual
        planner's set.
    zone_code, zone_name : str
        Names of the code and name columns in ``zones``.
    metric_crs : str, optional
        The CRS the allocations' areas were measured in (``"EPSG:45xx"``; km are geodesic), stated in
        the header of every format.
    removed : int, default 0
        How many records of the catalog were marked not a project on the map (left out of
        ``projects``, counted nowhere: :mod:`geo.hand_review`), stated so that the counts
        reconcile with ``projects.geojson``.

    Returns
    -------
    CoverageReport
        ``header``: district, boundary_source, boundary_quality, metric_crs and ``counts``
        (catalog, located_in_district, outside_district, district_wide, marked_not_a_project,
        zones, project_zone_pairs).

        ``by_subdistrict``: one row per zone sorted by code: ``code, name,
        projects`` (distinct projects touching the zone), one count column per
        category in :func:`geo.data.category_codes` order, ``road_km_rebuild``,
        ``road_km_greening`` and ``road_km_new`` (km of those lines inside the zone, 3 decimals).

        ``district_wide``: catalog records with no place on the map, i.e. no
        geometry, or a counted group (``named`` false) even if it has one:
        ``id, name, category, quantity, reason``, sorted by (category, id).
        ``quantity`` joins the quantity and the ``measures`` (e.g. "10所; 学位4500个");
        ``reason`` is the geocoder's reason, else "counted group, not named in the
        report" for groups, else "not located".

        ``gaps``: category -> names of the zones (code order) with no located
        project of that category.

        ``totals``: the catalog splits exactly into located_in_district +
        outside_district + district_wide (records with a geometry but no zone piece
        are outside); project_zone_pairs can exceed located_in_district because a
        road crossing two zones counts in both; ``line_km`` is the total km of lines
        inside the zones, ``line_km_outside`` the km of the same lines lying in no zone (beyond the
        district, or in a gap or hole between zones: counted nowhere), plus the road km totals, zone
        counts and ``by_category``.

    Raises
    ------
    geo.io.InputError
        When a required column is missing, ids repeat, the quality is unknown, or
        allocations name projects or zones that are not given.
    """
    if boundary_quality not in QUALITIES:
        raise InputError(None, f"unknown boundary quality {boundary_quality!r} (use approximate, official, osm or outline)")
    _require(projects, ("id", "name", "category"), "projects")
    _require(allocations, ("id", "code", "km"), "allocations")
    _require(zones, (zone_code, zone_name), "zones")
    if not projects["id"].is_unique:
        raise InputError(None, "project ids repeat in the catalog")
    zone_table = pd.DataFrame({"code": zones[zone_code].astype(str).to_numpy(),
                               "name": zones[zone_name].fillna("").astype(str).to_numpy()})
    if not zone_table["code"].is_unique:
        raise InputError(None, "zone codes repeat")
    zone_table = zone_table.sort_values("code", kind="stable").reset_index(drop=True)

    catalog = _catalog_table(projects)
    unknown = set(allocations["id"]) - set(catalog["id"])
    if unknown:
        listed = ", ".join(sorted(map(str, unknown))[:5])
        raise InputError(None, f"allocations name projects not in the catalog: {listed}")
    stray = set(allocations["code"].astype(str)) - set(zone_table["code"])
    if stray:
        raise InputError(None, f"allocations name zones not given: {', '.join(sorted(stray)[:5])}")

    pieces = allocations[["id", "code", "km"] + (["share"] if "share" in allocations else [])].copy()
    pieces["code"] = pieces["code"].astype(str)
    pieces = pieces.merge(catalog[["id", "category", "place"]], on="id", how="left")
    # District-wide records (groups) are never counted in a zone, even with a geometry.
    pieces = pieces[pieces["place"] == "located"]
    allocated = set(pieces["id"])
    catalog.loc[(catalog["place"] == "located") & catalog["id"].isin(allocated), "place"] = "in_district"
    catalog.loc[catalog["place"] == "located", "place"] = "outside_district"

    by_zone = _by_subdistrict(zone_table, pieces)
    district_wide = _district_wide(catalog, features)
    present = [c for c in category_codes() if c in set(catalog["category"])]
    wanted = list(gap_categories) if gap_categories is not None else present
    unknown = [c for c in wanted if c not in categories()]
    if unknown:
        raise InputError(None, f"unknown gap category {unknown[0]!r} (see geo/data/categories.csv)")
    gaps = {c: by_zone.loc[by_zone[c] == 0, "name"].tolist() for c in wanted}

    counts = catalog["place"].value_counts()
    counts_dict = {
        "catalog": int(len(catalog)),
        "located_in_district": int(counts.get("in_district", 0)),
        "outside_district": int(counts.get("outside_district", 0)),
        "district_wide": int(counts.get("district_wide", 0)),
        "marked_not_a_project": int(removed),  # in projects.geojson beside the catalog's, counted nowhere
        "zones": int(len(zone_table)),
        "project_zone_pairs": int(by_zone["projects"].sum()),
    }
    outside = catalog[catalog["place"] == "outside_district"].sort_values(["category", "id"], kind="stable")
    header = {"district": district_name, "boundary_source": boundary_source,
              "boundary_quality": boundary_quality, "counts": counts_dict,
              "outside_district": [str(name) for name in outside["name"]]}
    if metric_crs:
        from geo.crs import metric_crs_name

        header["metric_crs"] = metric_crs_name(metric_crs)
    totals = dict(counts_dict)
    totals.update({
        "zones_without_projects": int((by_zone["projects"] == 0).sum()),
        "line_km": _km(pieces["km"].sum(min_count=1)),
        "line_km_outside": _km(_km_outside(pieces)),
        # Summed before rounding, so a total may differ from its rounded column's sum by 1 m or so.
        **{column: _km(pieces.loc[pieces["category"] == category, "km"].sum())
           for category, column in ROAD_KM_COLUMNS.items()},
        "by_category": _by_category(catalog, by_zone, present),
    })
    return CoverageReport(header=header, by_subdistrict=by_zone, district_wide=district_wide, gaps=gaps,
                          totals=totals)


def format_coverage(report: CoverageReport, fmt: str) -> str:
    """Render a coverage report as text.

    Parameters
    ----------
    report : CoverageReport
        From :func:`coverage_report`.
    fmt : {"table", "csv", "json", "md"}
        ``table``: aligned plain text for a terminal (CJK characters count two
        columns). ``csv``: the tidy per-街道 table of ``coverage.csv`` (one header row, one
        row per 街道, boundary quality and source as columns; write it to a file with
        :func:`geo.atomic_files.write_csv_atomic`, whose BOM Excel on Chinese Windows needs). ``json``:
        every part. ``md``: Markdown with a header paragraph that states when the
        boundaries are approximate or from OpenStreetMap. ``table`` and ``md`` leave out category columns
        that are zero in every zone; ``csv`` and ``json`` keep them all.

    Returns
    -------
    str
        The text, ending with a newline; equal reports give equal text.
    """
    if fmt not in FORMATS:
        raise InputError(None, f"unknown coverage format {fmt!r} (use {', '.join(FORMATS)})")
    return {"table": _format_table, "csv": _format_csv, "json": _format_json, "md": _format_md}[fmt](report)


# --------------------------------------------------------------------------- building


def _require(frame, columns, what):
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise InputError(None, f"{what} lack column(s) {', '.join(missing)}")


def _catalog_table(projects) -> pd.DataFrame:
    """id, name, category, quantity, reason, named and place (located or district_wide)."""
    geometry = projects.geometry
    has_place = geometry.notna().to_numpy() & ~geometry.is_empty.fillna(True).to_numpy()
    named = projects["named"].map(_is_named) if "named" in projects else True
    table = pd.DataFrame({
        "id": projects["id"].to_numpy(),
        "name": projects["name"].to_numpy(),
        "category": projects["category"].astype(str).to_numpy(),
        "named": pd.Series(named, index=projects.index).to_numpy(dtype=bool),
        "reason": projects["reason"].to_numpy() if "reason" in projects else None,
        "quantity_value": projects["quantity_value"].to_numpy() if "quantity_value" in projects else None,
        "quantity_unit": projects["quantity_unit"].to_numpy() if "quantity_unit" in projects else None,
    })
    table["place"] = "located"
    table.loc[~has_place | ~table["named"], "place"] = "district_wide"
    return table


def _is_named(value) -> bool:
    # Missing means named: only an explicit false marks a counted group.
    if _is_null(value):
        return True
    return bool(value)


def _by_subdistrict(zone_table, pieces) -> pd.DataFrame:
    frame = zone_table.copy()
    projects = pieces.groupby("code")["id"].nunique()
    frame["projects"] = frame["code"].map(projects).fillna(0).astype("int64")
    per_category = pieces.groupby(["code", "category"])["id"].nunique()
    for code in category_codes():
        counts = per_category.xs(code, level="category") if code in per_category.index.get_level_values(1) else {}
        frame[code] = frame["code"].map(counts).fillna(0).astype("int64")
    for category, column in ROAD_KM_COLUMNS.items():
        km = pieces[pieces["category"] == category].groupby("code")["km"].sum()
        frame[column] = frame["code"].map(km).fillna(0.0).astype(float).round(3)
    return frame


def _district_wide(catalog, features) -> pd.DataFrame:
    props_by_id = {}
    for feature in features or []:
        props = feature.get("properties") or {}
        props_by_id[props.get("id")] = props
    rows = []
    wide = catalog[catalog["place"] == "district_wide"].sort_values(["category", "id"], kind="stable")
    for record in wide.itertuples(index=False):
        props = props_by_id.get(record.id)
        if props is not None:
            quantity = props.get("quantity") or {}
            parts = [_quantity_text(quantity.get("value"), quantity.get("unit")) + _of_total(quantity, props.get("group_total"))]
            parts += [_measure_text(m) for m in props.get("measures") or []]
        else:
            parts = [_quantity_text(record.quantity_value, record.quantity_unit)]
        reason = record.reason if isinstance(record.reason, str) and record.reason.strip() else None
        if reason is None:
            reason = GROUP_REASON if not record.named else UNLOCATED_REASON
        rows.append({"id": record.id, "name": record.name, "category": record.category,
                     "quantity": "; ".join(p for p in parts if p), "reason": reason})
    return pd.DataFrame(rows, columns=["id", "name", "category", "quantity", "reason"])


def _of_total(quantity, total) -> str:
    """The report's count a group's rest belongs to and how many of it are named (their 街道 count them):
    "（共13条，其中3条已列名）" after the 10条 of 13条道路 that names 3; "" for a count without named members."""
    if not isinstance(total, dict) or _is_null(total.get("value")) or _is_null(quantity.get("value")):
        return ""
    rest, whole, unit = float(quantity["value"]), float(total["value"]), total.get("unit") or ""
    if whole <= rest or unit != (quantity.get("unit") or ""):
        return ""
    return f"（共{_quantity_text(whole, unit)}，其中{_quantity_text(whole - rest, unit)}已列名）"


def _quantity_text(value, unit) -> str:
    if _is_null(value):
        return ""
    number = float(value)
    text = str(int(number)) if number.is_integer() else repr(number)
    return f"{text}{unit if isinstance(unit, str) else ''}"


def _measure_text(measure) -> str:
    """A ``measures`` item: a string, or a dict with ``text``, or noun (label) + value + unit."""
    if isinstance(measure, str):
        return measure.strip()
    if isinstance(measure, dict):
        if measure.get("text"):
            return str(measure["text"])
        # geo.extract writes {"value": 4500, "unit": "个", "noun": "学位"}.
        label = measure.get("noun") or measure.get("label") or measure.get("name") or ""
        return f"{label}{_quantity_text(measure.get('value'), measure.get('unit'))}"
    return str(measure)


def _by_category(catalog, by_zone, present) -> dict:
    out = {}
    for code in present:
        rows = catalog[catalog["category"] == code]["place"].value_counts()
        out[code] = {
            "in_district": int(rows.get("in_district", 0)),
            "outside_district": int(rows.get("outside_district", 0)),
            "district_wide": int(rows.get("district_wide", 0)),
            "zones_with": int((by_zone[code] > 0).sum()),
        }
    return out


def _km_outside(pieces) -> float:
    """km of the lines with a piece in a zone that lie in no zone: a line's whole length is its km over its share
    (0 when ``allocations`` give no share)."""
    if "share" not in pieces:
        return 0.0
    lines = pieces.dropna(subset=["km"]).groupby("id")[["km", "share"]].sum()
    lines = lines[lines["share"] > 0]
    return float((lines["km"] / lines["share"] - lines["km"]).clip(lower=0.0).sum())


def _lines_sentence(report) -> str:
    """The km of lines inside the zones, and (when any) of the same lines outside them, counted nowhere."""
    t, level = report.totals, _level(report)
    outside = t.get("line_km_outside") or 0.0
    beyond = (f"; {outside:.3f} km more of these lines lie in no {level} (beyond the district, or in a gap or hole"
              f" between {level}) and count nowhere" if outside >= 0.0005 else "")
    return (f"Lines inside the {level}: {t['line_km']:.3f} km (road rebuild {t['road_km_rebuild']:.3f} km,"
            f" road greening {t['road_km_greening']:.3f} km, new road {t['road_km_new']:.3f} km){beyond}.")


def _km(value) -> float:
    return 0.0 if value is None or pd.isna(value) else round(float(value), 3)


def _records(frame) -> list:
    out = []
    for row in frame.to_dict(orient="records"):
        out.append({k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()})
    return out


# --------------------------------------------------------------------------- formats


def _level(report) -> str:
    """The word for the report's zones: 街道, or 乡镇, 街道/乡镇... of a county's (:func:`geo.places.zone_level`)."""
    from geo.places import zone_level

    return zone_level(report.by_subdistrict["name"]) if "name" in report.by_subdistrict.columns else "街道"


def _boundary_sentence(report) -> str:
    header, level = report.header, _level(report)
    measured = (f" Lengths along the ellipsoid (geodesic), areas in {header['metric_crs']}."
                if header.get("metric_crs") else "")
    if header["boundary_quality"] == "approximate":
        return (f"Boundaries: approximate (source: {header['boundary_source']}); "
                f"a project near a {level} boundary may belong to the neighbouring {level}.{measured}")
    if header["boundary_quality"] == "outline":
        return (f"Boundaries: no 街道 boundaries, the district outline is the one zone "
                f"(source: {header['boundary_source']}).{measured}")
    if header["boundary_quality"] == "osm":
        return (f"Boundaries: OpenStreetMap, not official (source: {header['boundary_source']}); "
                f"a project near a {level} boundary may belong to the neighbouring {level}.{measured}")
    return f"Boundaries: official (source: {header['boundary_source']}).{measured}"


def _summary_sentence(report) -> str:
    c, level = report.header["counts"], _level(report)
    names = report.header.get("outside_district") or []
    outside = f" ({'、'.join(map(one_line, names))})" if names else ""  # names from data: one line each
    return (f"{c['catalog']} catalog records = {c['located_in_district']} located in the district"
            f" + {c['outside_district']} located in no {level} (outside the district, or where its {level} leave a gap)"
            f"{outside} + {c['district_wide']} district-wide (no place)"
            f"{_removed_clause(c.get('marked_not_a_project', 0))};"
            f" {c['project_zone_pairs']} project-{level} pairs over {c['zones']} {level}"
            f" (a project crossing two {level} counts in both).")


def _removed_clause(removed) -> str:
    """What the summary says of the records marked not a project on the map: none said when none."""
    return f", and {removed} more marked not a project on the map (counted nowhere)" if removed else ""


def _shown_categories(report) -> list:
    frame = report.by_subdistrict
    return [c for c in category_codes() if c in frame.columns and frame[c].sum() > 0]


def _display_columns(report):
    """(key, heading, numeric) for the per-街道 table in table and md formats."""
    columns = [("code", "code", False), ("name", _level(report), False), ("projects", "projects", True)]
    columns += [(c, categories()[c]["label_zh"], True) for c in _shown_categories(report)]
    columns += [("road_km_rebuild", "road km rebuild", True), ("road_km_greening", "road km greening", True),
                ("road_km_new", "road km new", True)]
    return columns


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return "" if value is None else str(value)


def _gap_lines(report) -> list:
    return [(f"{categories()[c]['label_zh']} {c}" if c in categories() else c, names)
            for c, names in report.gaps.items()]


def _width(text: str) -> int:
    """Terminal columns: East Asian wide and fullwidth characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * (width - _width(text))
    return fill + text if right else text + fill


def _aligned(headings, rows, numeric) -> list:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(headings)]
    lines = ["  ".join(_pad(h, w, n) for h, w, n in zip(headings, widths, numeric)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in rows:
        lines.append("  ".join(_pad(v, w, n) for v, w, n in zip(row, widths, numeric)).rstrip())
    return lines


def _format_table(report) -> str:
    header, level = report.header, _level(report)
    lines = [f"{one_line(header['district'])}: projects by {level}", one_line(_boundary_sentence(report)),
             _summary_sentence(report), ""]
    columns = _display_columns(report)
    rows = [[one_line(_cell(row[key])) for key, _, _ in columns] for row in report.by_subdistrict.to_dict("records")]
    lines += _aligned([h for _, h, _ in columns], rows, [n for _, _, n in columns])
    lines += ["", f"District-wide records (no place on the map): {len(report.district_wide)}"]
    if len(report.district_wide):
        keys = ["id", "name", "category", "quantity", "reason"]
        rows = [[one_line(_cell(r[k])) for k in keys] for r in report.district_wide.to_dict("records")]
        lines += _aligned(keys, rows, [False] * len(keys))
    lines += ["", f"Gaps ({level} without any project of the category):"]
    for label, names in _gap_lines(report):
        lines.append(f"  {label}: {'、'.join(map(one_line, names)) if names else 'none'}")
    lines += ["", _lines_sentence(report)]
    return "\n".join(lines) + "\n"


def coverage_tables(report: CoverageReport) -> dict:
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
        writer.writerow([cell_text(v) if isinstance(v, str) else _cell(v) for v in row])
    return out.getvalue()


def csvt_text(table: pd.DataFrame) -> str:
    """The ``.csvt`` of :func:`csv_text`'s CSV: one GDAL type per column, from which QGIS (through
    GDAL) reads codes as text, counts as integers and km as reals. Without it every column is
    text, and a ``code`` read as a number no longer joins the 街道 layer's text codes."""
    kinds = (value_kind([v for v in table[column].tolist() if not _is_null(v)]) for column in table.columns)
    return csvt_line(kinds) + "\n"


def _is_null(value) -> bool:
    """None or NaN (pandas' missing value in a column of numbers)."""
    return value is None or (isinstance(value, float) and math.isnan(value))


def _format_csv(report) -> str:
    return csv_text(coverage_tables(report)["coverage.csv"])


def _format_json(report) -> str:
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"




def _md_table(headings, rows, numeric) -> list:
    lines = ["| " + " | ".join(markdown_text(h) for h in headings) + " |",
             "|" + "|".join("---:" if n else "---" for n in numeric) + "|"]
    lines += ["| " + " | ".join(markdown_text(v) for v in row) + " |" for row in rows]
    return lines


def _format_md(report) -> str:
    header, level = report.header, _level(report)
    paragraph = f"{_boundary_sentence(report)} {_summary_sentence(report)} {_lines_sentence(report)}"
    lines = [f"## {markdown_text(header['district'])}: projects by {level}", "", markdown_text(paragraph), "",
             f"### By {level}", ""]
    columns = _display_columns(report)
    rows = [[_cell(row[key]) for key, _, _ in columns] for row in report.by_subdistrict.to_dict("records")]
    lines += _md_table([h for _, h, _ in columns], rows, [n for _, _, n in columns])
    lines += ["", "### District-wide (no place on the map)", ""]
    if len(report.district_wide):
        keys = ["id", "name", "category", "quantity", "reason"]
        rows = [[_cell(r[k]) for k in keys] for r in report.district_wide.to_dict("records")]
        lines += _md_table(keys, rows, [False] * len(keys))
    else:
        lines.append("None.")
    lines += ["", "### Gaps", ""]
    for label, names in _gap_lines(report):
        lines.append(f"- **{markdown_text(label)}**: {'、'.join(map(markdown_text, names)) if names else 'none'}")
    return "\n".join(lines) + "\n"
