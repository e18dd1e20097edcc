"""The coverage report as text: the terminal table, Markdown, JSON and CSV formats and the sentences they share."""

from __future__ import annotations

import json
import unicodedata

from geo.coverage_tables import cell, coverage_tables, csv_text
from geo.data import categories, category_codes
from geo.io import InputError
from geo.safe_text import markdown_text, one_line
from geo.settings import GAP_CLOSING_M, JOIN_SNAP_M, OVERLAP_TOLERANCE_M2

FORMATS = ("table", "csv", "json", "md")


def format_coverage(report, fmt: str) -> str:
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


def _lines_sentence(report) -> str:
    """The km of lines inside the zones, and (when any) of the same lines outside them, counted nowhere."""
    t, level = report.totals, _level(report)
    outside = t.get("line_km_outside") or 0.0
    beyond = (f"; {outside:.3f} km more of these lines lie in no {level} (beyond the district, or in a gap or hole"
              f" between {level}) and count nowhere" if outside >= 0.0005 else "")
    wholly = t.get("line_km_wholly_outside") or 0.0
    if wholly >= 0.0005:
        beyond += f"; {wholly:.3f} km of lines located in no {level} count nowhere either"
    return (f"Lines inside the {level}: {t['line_km']:.3f} km (road rebuild {t['road_km_rebuild']:.3f} km,"
            f" road greening {t['road_km_greening']:.3f} km, new road {t['road_km_new']:.3f} km){beyond}.")


def _shared_edge_km_sentence(report) -> str:
    """What the ``shared edge km`` column measures; "" for a table without it."""
    if "shared_edge_km" not in report.by_subdistrict.columns:
        return ""
    level = _level(report)
    return (f"Shared edge km: the length of a {level}'s boundary lying on another {level}'s edge (within"
            f" {JOIN_SNAP_M:g} m, and across a gap of under {2 * GAP_CLOSING_M:g} m that the join closes) or inside it"
            f" where they overlap; the rest of its boundary is the district's edge, or a wider gap.")


def shared_edge_lines(report) -> tuple:
    """(the sentence that says how the projects on an edge two zones share are counted, one line per such
    project and edge); ("", []) when none."""
    rows, level = getattr(report, "shared_edges", None) or [], _level(report)
    if not rows:
        return "", []
    intro = (f"A stretch of line within {JOIN_SNAP_M:g} m of two {level} (geo.settings.JOIN_SNAP_M) lies on the edge"
             f" they share and counts once, in the {level} of the smaller code, and so does a point on it. A GIS"
             f" overlay taking each {level} as drawn (QGIS's Sum line lengths, Count points in polygon) counts such a"
             f" stretch in both {level}, or in the other alone where float noise puts the line a hair inside it, and"
             f" such a point in one or none: its km for these {level} differ from this table's by up to the km below.")
    items = []
    for row in rows:
        held = [name or code for name, code in zip(row["names"], row["codes"])]
        edge = (f"the edge of {held[0]} and {held[1]}" if len(held) == 2
                else f"the corner where {'、'.join(held[:-1])} and {held[-1]} meet")
        where = f"{row['km']:.3f} km along {edge}" if row["km"] is not None else f"a point on {edge}"
        counted = row["counted_in_name"] or row["counted_in"]
        items.append(f"{row['name']} ({row['category']}): {where}, counted in {counted} only")
    return intro, items


def overlap_lines(report) -> tuple:
    """(the sentence that says how what lies where two zones overlap is counted, one line per overlapping pair
    naming its area, the zone that counts it and the projects there); ("", []) when no pair overlaps."""
    rows, level = getattr(report, "zone_overlaps", None) or [], _level(report)
    if not rows:
        return "", []
    intro = (f"Where two {level} overlap by more than {OVERLAP_TOLERANCE_M2:g} m² (geo.settings.OVERLAP_TOLERANCE_M2:"
             f" edges digitised twice, or a {level} drawn twice), a point lying there, and a line's km and an area's"
             f" km² there, count once, in the {level} of the smaller code. A GIS overlay taking each {level} as drawn"
             f" (QGIS's Count points in polygon, Sum line lengths) counts them in both.")
    items = []
    for row in rows:
        held = [name or code for name, code in zip(row["names"], row["codes"])]
        there = [f"{item['name']} ({item['category']}), "
                 + (f"{item['km']:.3f} km" if item["km"] is not None else
                    f"{item['area_km2']:.6f} km²" if item["area_km2"] is not None else "a point")
                 for item in row["projects"]]
        counted = row["counted_in_name"] or row["counted_in"]
        items.append(f"{held[0]} and {held[1]} overlap by {row['area_m2']:,} m², counted in {counted}: "
                     + ("; ".join(there) if there else "no located project counts there"))
    return intro, items


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
    names = [one_line(name) for name in report.header.get("outside_district") or []]  # from data: one line each
    km = report.header.get("outside_district_km") or [None] * len(names)
    names = [f"{name}, a line of {length:.3f} km" if length else name for name, length in zip(names, km)]
    outside = f" ({'、'.join(names)})" if names else ""
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
                ("road_km_new", "road km new", True), ("shared_edge_km", "shared edge km", True)]
    return [column for column in columns if column[0] in report.by_subdistrict.columns]


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
    rows = [[one_line(cell(row[key])) for key, _, _ in columns] for row in report.by_subdistrict.to_dict("records")]
    lines += _aligned([h for _, h, _ in columns], rows, [n for _, _, n in columns])
    lines += ["", f"District-wide records (no place on the map): {len(report.district_wide)}"]
    if len(report.district_wide):
        keys = ["id", "name", "category", "quantity", "reason"]
        rows = [[one_line(cell(r[k])) for k in keys] for r in report.district_wide.to_dict("records")]
        lines += _aligned(keys, rows, [False] * len(keys))
    lines += ["", f"Gaps ({level} without any project of the category):"]
    for label, names in _gap_lines(report):
        lines.append(f"  {label}: {'、'.join(map(one_line, names)) if names else 'none'}")
    lines += ["", _lines_sentence(report)] + [sentence for sentence in [_shared_edge_km_sentence(report)] if sentence]
    for intro, items in (shared_edge_lines(report), overlap_lines(report)):
        if items:
            lines += ["", intro] + [f"  {one_line(item)}" for item in items]
    return "\n".join(lines) + "\n"


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
    paragraph += f" {_shared_edge_km_sentence(report)}".rstrip()
    lines = [f"## {markdown_text(header['district'])}: projects by {level}", "", markdown_text(paragraph), "",
             f"### By {level}", ""]
    columns = _display_columns(report)
    rows = [[cell(row[key]) for key, _, _ in columns] for row in report.by_subdistrict.to_dict("records")]
    lines += _md_table([h for _, h, _ in columns], rows, [n for _, _, n in columns])
    lines += ["", "### District-wide (no place on the map)", ""]
    if len(report.district_wide):
        keys = ["id", "name", "category", "quantity", "reason"]
        rows = [[cell(r[k]) for k in keys] for r in report.district_wide.to_dict("records")]
        lines += _md_table(keys, rows, [False] * len(keys))
    else:
        lines.append("None.")
    intro, items = shared_edge_lines(report)
    if items:
        lines += ["", f"### On an edge two {level} share", "", markdown_text(intro), ""]
        lines += [f"- {markdown_text(item)}" for item in items]
    intro, items = overlap_lines(report)
    if items:
        lines += ["", f"### Where two {level} overlap", "", markdown_text(intro), ""]
        lines += [f"- {markdown_text(item)}" for item in items]
    lines += ["", "### Gaps", ""]
    for label, names in _gap_lines(report):
        lines.append(f"- **{markdown_text(label)}**: {'、'.join(map(markdown_text, names)) if names else 'none'}")
    return "\n".join(lines) + "\n"
