"""Coverage by 街道: the report built from the join (per-街道 counts, reconciled totals) and the coverage API.

The report's parts are written by its sibling modules: :mod:`geo.coverage_records` (district-wide records),
:mod:`geo.coverage_tables` (the tidy tables and their CSV) and :mod:`geo.coverage_text` (the text formats);
their public functions are importable from here as well.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from geo.coverage_edges import line_km, on_shared_edges
from geo.coverage_records import GROUP_REASON, UNLOCATED_REASON, district_wide_table, is_null
from geo.coverage_tables import coverage_tables, csv_text, csvt_text
from geo.coverage_text import FORMATS, format_coverage
from geo.coverage_zones import shared_edge_km, zone_overlaps
from geo.data import categories, category_codes
from geo.io import InputError

__all__ = ["CoverageReport", "coverage_report", "format_coverage", "coverage_tables", "csv_text", "csvt_text",
           "FORMATS", "QUALITIES", "PLANNER_CATEGORIES", "ROAD_KM_COLUMNS", "GROUP_REASON", "UNLOCATED_REASON"]

QUALITIES = ("approximate", "official", "osm", "outline")

# Facility kinds a planner checks every 街道 for; pass as ``gap_categories`` to report
# gaps for them even when the report names none (then every 街道 is a gap).
PLANNER_CATEGORIES = ("school", "health", "culture", "sanitation", "market", "park")

# Line categories whose length per zone is reported as its own column.
ROAD_KM_COLUMNS = {"road_rebuild": "road_km_rebuild", "road_greening": "road_km_greening", "road_new": "road_km_new"}


@dataclass
class CoverageReport:
    """Coverage of a district by its 街道; see :func:`coverage_report` for each part."""

    header: dict
    by_subdistrict: pd.DataFrame
    district_wide: pd.DataFrame
    gaps: dict
    totals: dict = field(default_factory=dict)
    shared_edges: list = field(default_factory=list)
    zone_overlaps: list = field(default_factory=list)

    def to_dict(self) -> dict:
        """All parts as plain JSON-ready values (frames become lists of row dicts)."""
        return {
            "header": self.header,
            "totals": self.totals,
            "by_subdistrict": _records(self.by_subdistrict),
            "district_wide": _records(self.district_wide),
            "gaps": self.gaps,
            "shared_edges": self.shared_edges,
            "zone_overlaps": self.zone_overlaps,
        }


def coverage_report(projects, allocations, zones, *, boundary_source, boundary_quality, district_name,
                    features=None, gap_categories=None, zone_code="code", zone_name="name",
                    metric_crs=None, removed=0, joined_zones=None) -> CoverageReport:
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
    joined_zones : geopandas.GeoDataFrame, optional
        The zones as the join took them (:func:`geo.boundary_checks.across_gaps`: slivers between 街道 closed),
        for the km of edge each shares with another; default ``zones``.

    Returns
    -------
    CoverageReport
        ``header``: district, boundary_source, boundary_quality, metric_crs and ``counts``
        (catalog, located_in_district, outside_district, district_wide, marked_not_a_project,
        zones, project_zone_pairs), ``outside_district`` (the names of the records located in no zone,
        sorted by (category, id)) and ``outside_district_km`` (as many: a line's km, None for others).

        ``by_subdistrict``: one row per zone sorted by code: ``code, name,
        projects`` (distinct projects touching the zone), one count column per
        category in :func:`geo.data.category_codes` order, ``road_km_rebuild``,
        ``road_km_greening`` and ``road_km_new`` (km of those lines inside the zone, 3 decimals) and
        ``shared_edge_km``: the km of its boundary on another zone's edge or inside it
        (:func:`geo.coverage_zones.shared_edge_km`, of ``joined_zones``).

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
        district, or in a gap or hole between zones: counted nowhere), ``line_km_wholly_outside`` the km
        of the lines located in no zone, ``line_km_along_shared_edges`` the km of lines along an edge two
        zones share (counted once, in the smaller code) and ``points_on_shared_edges`` how many points lie on
        one, ``zone_overlaps`` how many pairs of zones overlap (by more than
        :data:`geo.settings.OVERLAP_TOLERANCE_M2`), ``zone_overlap_m2`` their area and
        ``projects_in_zone_overlaps`` how many located projects lie there, plus the road km totals, zone
        counts and ``by_category``.

        ``shared_edges``: :func:`geo.coverage_edges.on_shared_edges` of the projects located in the
        district: each line along, and point on, an edge two zones share, and the zone it counted in.

        ``zone_overlaps``: :func:`geo.coverage_zones.zone_overlaps` of ``zones`` as drawn: each pair overlapping,
        by how much, the zone (the smaller code) what lies there counted in, and the projects lying there.

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
    edges = shared_edge_km(joined_zones if joined_zones is not None else zones, zone_code=zone_code,
                           metric_crs=metric_crs)
    by_zone["shared_edge_km"] = by_zone["code"].map(edges).fillna(0.0).astype(float)
    district_wide = district_wide_table(catalog, features)
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
    # The catalog's rows are the projects' rows (its index their positions).
    outside_km = line_km(projects.geometry.values[outside.index.to_numpy()], projects.crs, zones, metric_crs)
    header["outside_district_km"] = [float(km) if km > 0 else None for km in outside_km]
    in_district = np.flatnonzero((catalog["place"] == "in_district").to_numpy())
    shared = on_shared_edges(projects.iloc[in_district], zones, zone_code=zone_code, zone_name=zone_name,
                             metric_crs=metric_crs)
    overlaps = zone_overlaps(zones, projects.iloc[in_district], zone_code=zone_code, zone_name=zone_name,
                             metric_crs=metric_crs)
    if metric_crs:
        from geo.crs import metric_crs_name

        header["metric_crs"] = metric_crs_name(metric_crs)
    totals = dict(counts_dict)
    totals.update({
        "zones_without_projects": int((by_zone["projects"] == 0).sum()),
        "line_km": _km(pieces["km"].sum(min_count=1)),
        "line_km_outside": _km(_km_outside(pieces)),
        "line_km_wholly_outside": _km(outside_km.sum()),
        "line_km_along_shared_edges": _km(sum(row["km"] for row in shared if row["km"] is not None)),
        "points_on_shared_edges": len({row["id"] for row in shared if row["km"] is None}),
        "zone_overlaps": len(overlaps),
        "zone_overlap_m2": sum(row["area_m2"] for row in overlaps),
        "projects_in_zone_overlaps": len({item["id"] for row in overlaps for item in row["projects"]}),
        # Summed before rounding, so a total may differ from its rounded column's sum by 1 m or so.
        **{column: _km(pieces.loc[pieces["category"] == category, "km"].sum())
           for category, column in ROAD_KM_COLUMNS.items()},
        "by_category": _by_category(catalog, by_zone, present),
    })
    return CoverageReport(header=header, by_subdistrict=by_zone, district_wide=district_wide, gaps=gaps,
                          totals=totals, shared_edges=shared, zone_overlaps=overlaps)


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
    if is_null(value):
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


def _km(value) -> float:
    return 0.0 if value is None or pd.isna(value) else round(float(value), 3)


def _records(frame) -> list:
    out = []
    for row in frame.to_dict(orient="records"):
        out.append({k: (v.item() if hasattr(v, "item") else v) for k, v in row.items()})
    return out
