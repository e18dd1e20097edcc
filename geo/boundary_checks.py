"""Official boundaries checked: invalid polygons repaired, overlaps and gaps between 街道, and their place against the bundled outline (CRS, datum, sister projection)."""

from __future__ import annotations

import re

from geo import settings
from geo.io import InputError


def misplaced_warning(label, zones, bundled, what="the bundled outline of {name} ({code})", union=None, level="街道"):
    """[one line] when official 街道 barely overlap the bundled outline of their district (wrong CRS, datum or
    file); an InputError when they lie far from it (``settings.OUTLINE_FAR_M``). ``what`` names the
    outline (``this outline`` for an ``--outline`` file, ``label``); ``union`` is the union of the
    ``zones``' geometries when the caller has it (slow for detailed 街道: taken once); ``level`` is the
    zones' word (乡镇 in a rural county: :func:`geo.places.zone_level`)."""
    share, mine, theirs = _share_inside(zones, bundled, union)
    if share >= settings.OUTLINE_OVERLAP_MIN:
        return []
    row = bundled.iloc[0]
    distance = mine.distance(theirs) if share == 0 else 0.0
    where = f"{distance / 1000:.0f} km from" if share == 0 else f"only {share:.0%} inside"
    message = f"the {level} lie {where} {what.format(name=row['name'], code=row['code'])}"
    if distance > settings.OUTLINE_FAR_M:
        raise InputError(label, f"{message}: no project there could be joined; wrong CRS or datum "
                                                "(a .prj of another zone?), or another district's file (--district-code)?")
    return [f"{label}: {message}; wrong CRS or datum, or another district's file?"]


def lies_on(zones, bundled, union=None) -> bool:
    """Whether official 街道 lie on the bundled outline of a district as its own would
    (``settings.OUTLINE_OVERLAP_MIN`` of their area inside it, the share :func:`misplaced_warning`
    is silent at). ``union``: as there."""
    return _share_inside(zones, bundled, union)[0] >= settings.OUTLINE_OVERLAP_MIN


def _share_inside(zones, bundled, union=None):
    """(share of the 街道's area inside the bundled outline, the 街道 and the outline in metres)."""
    import shapely

    from geo.crs import metric_crs_for, metric_geometry

    crs = metric_crs_for(bundled)
    mine = metric_geometry(shapely.union_all(zones.geometry.values) if union is None else union, crs)
    theirs = metric_geometry(shapely.union_all(bundled.geometry.values), crs)
    return (mine.intersection(theirs).area / mine.area if mine.area else 0.0), mine, theirs


def datum_warning(label, zones, bundled, what="街道", file_crs=None, union=None, advice=None):
    """[one line] when official 街道 (``what`` their level: 乡镇 in a rural county) or an ``outline`` fit the bundled outline of their district far
    better read otherwise than as they were (``settings.DATUM_FIT_GAIN`` more of their edge within
    ``settings.DATUM_FIT_NEAR_M`` of it): as GCJ-02 or BD-09 (a web map's 街道, that --districts-datum
    shifts), or, drawn in a projected ``file_crs``, their numbers in its sister projection (a .prj of
    UTM zone 50N on Gauss-Kruger CM 117E numbers: the same meridian, 1.6 km off in Jinan). ``union``: as for
    :func:`misplaced_warning`. ``advice`` replaces the advice on a datum (an OSM extract's 街道)."""
    import numpy as np
    import shapely

    from geo.crs import (BD09, DATUM_LABELS, GCJ02, WGS84, convert_geometry, crs_label, is_web_mercator, metric_crs_for,
                         metric_geometry)

    crs = metric_crs_for(bundled)
    outline = metric_geometry(shapely.union_all(bundled.geometry.values).boundary, crs)
    shapely.prepare(outline)  # tests every point of the edge: a search of its indexed segments each
    edge = (shapely.union_all(zones.geometry.values) if union is None else union).boundary

    def fitting(geom):  # the share of the edge's points (one every half the distance) near the outline
        ring = metric_geometry(geom, crs)
        points = shapely.points(shapely.get_coordinates(shapely.segmentize(ring, settings.DATUM_FIT_NEAR_M / 2)))
        return float(np.mean(shapely.dwithin(outline, points, settings.DATUM_FIT_NEAR_M)))

    one = what == "outline" or "boundary" in what  # the outline, or OpenStreetMap's boundary of the district
    fit, their = ("fits", "its") if one else ("fit", "their")
    projected = file_crs is not None and file_crs.is_projected
    readings = {}  # how else to read them: (edge in WGS-84, advice)
    for datum in (GCJ02, BD09):
        try:
            shifted = convert_geometry(edge, datum, WGS84)
        except ValueError:  # outside the box where GCJ-02 applies
            continue
        # Web Mercator is a web map's lon/lat merely projected: --districts-datum shifts them.
        said = advice or ("shift its lon/lat to WGS-84 before projecting if they come from that map"
                          if projected and not is_web_mercator(file_crs)
                          else f"pass --districts-datum {datum} if they come from that map" if not one else
                          "shift it to WGS-84 first if it comes from that map")
        readings[DATUM_LABELS[datum]] = (shifted, said)
    sister = _sister_projection(file_crs)
    if sister is not None:
        from pyproj import Transformer

        there = Transformer.from_crs(4326, file_crs, always_xy=True)
        back = Transformer.from_crs(sister, 4326, always_xy=True)
        moved = shapely.transform(edge, lambda xy: np.column_stack(back.transform(*there.transform(xy[:, 0], xy[:, 1]))))
        readings[crs_label(sister)] = (moved, "is the .prj wrong? Save the file with its right CRS")
    base = fitting(edge)
    shares = {label: fitting(geom) for label, (geom, _) in readings.items()}
    best = max(shares, key=shares.get, default=None)
    if best is None or shares[best] < base + settings.DATUM_FIT_GAIN:
        return []
    row = bundled.iloc[0]
    as_is = f"their .prj's {crs_label(file_crs)}" if projected else "WGS-84"
    return [f"{label}: the {what} {fit} the bundled outline of {row['name']} ({row['code']}) far better "
            f"read as {best} than as {as_is} ({shares[best]:.0%} of {their} edge within "
            f"{settings.DATUM_FIT_NEAR_M:.0f} m of it, against {base:.0%}); {readings[best][1]}"]


def _sister_projection(crs):
    """The projection whose numbers a file of ``crs`` most likely holds when its .prj is wrong: UTM
    zone n and the CGCS2000 Gauss-Kruger zone of its central meridian (6n - 183), either way;
    None for any other CRS."""
    from pyproj import CRS

    from geo.crs import GK_FIRST_EPSG, GK_FIRST_MERIDIAN, GK_LAST_MERIDIAN, GK_STEP, is_metric_crs

    epsg = crs.to_epsg() if crs is not None and crs.is_projected else None
    if epsg is None or not is_metric_crs(f"EPSG:{epsg}") or 32700 < epsg:  # southern UTM zones: not China
        return None
    if 32601 <= epsg <= 32660:
        meridian = 6 * (epsg - 32600) - 183
        inside = GK_FIRST_MERIDIAN <= meridian <= GK_LAST_MERIDIAN
        return CRS.from_epsg(GK_FIRST_EPSG + (meridian - GK_FIRST_MERIDIAN) // GK_STEP) if inside else None
    meridian = GK_FIRST_MERIDIAN + (epsg - GK_FIRST_EPSG) * GK_STEP
    return CRS.from_epsg(32600 + (meridian + 183) // 6) if (meridian + 183) % 6 == 0 else None


def swapped_axes_hint(frame) -> str:
    """``; x and y swapped? …`` when ``frame``'s numbers lie in China in its projected CRS read the other way
    round (a surveyor's X, the northing, written as x: the GIS way is the easting first); else ``""``."""
    import numpy as np
    from pyproj import Transformer

    from geo.crs import in_china

    crs = frame.crs
    if crs is None or not crs.is_projected or frame.empty:
        return ""
    x0, y0, x1, y1 = frame.total_bounds
    try:
        lon, lat = Transformer.from_crs(crs, 4326, always_xy=True).transform([y0, y1], [x0, x1])
    except Exception:  # noqa: BLE001 - pyproj's errors: no hint to give
        return ""
    if not (np.isfinite(lon).all() and np.isfinite(lat).all() and in_china(lon, lat).all()):
        return ""
    return (f"; x and y swapped? (x {x0:.0f} to {x1:.0f} are northings, as surveyors write X: in "
            f"{crs.to_string()} read the other way round they lie in China; put the eastings first)")


def listed(names, limit=3):
    """``a、b、c…``: the first ``limit`` names, for a one-line message."""
    names = [str(n) for n in names]
    return "、".join(names[:limit]) + ("…" if len(names) > limit else "")


def repair_polygons(geoms, path, labels):
    """Repair the invalid polygons of a user's file (a bow-tie ring, a hole crossing its shell), saying so.

    The one repair of user polygons: 街道 of ``--districts``, ``--outline`` and the
    areas of gazetteers.

    Parameters
    ----------
    geoms : sequence of shapely geometries
        Geometries of the file; only Polygons and MultiPolygons are looked at.
    path : str or path-like
        The file, named in the warning.
    labels : sequence of str
        What names each geometry in the warning: a 街道 name, ``entry 3 (金牛建材)``.

    Returns
    -------
    (numpy.ndarray, list of str)
        The geometries, each invalid polygon replaced by the polygonal part of
        ``shapely.make_valid`` (method ``structure``: overlapping parts unioned, holes cut from their
        shell only); and one warning line, or none when every polygon was valid.
    """
    import numpy as np
    import shapely

    geoms = np.array(list(geoms), dtype=object)
    polygonal = np.isin(shapely.get_type_id(geoms), (3, 6))  # Polygon, MultiPolygon
    invalid = polygonal & ~shapely.is_valid(geoms)
    if not invalid.any():
        return geoms, []
    reasons = sorted({re.sub(r"\[.*", "", r).strip().lower() for r in shapely.is_valid_reason(geoms[invalid])})
    # "structure": parts that overlap are unioned and a hole is taken out of its shell only, where the
    # default (even-odd linework) makes an overlap of two parts a hole and a hole's part beyond its shell land.
    reordered = [_shell_first(g) for g in geoms[invalid]]
    if any(g is not o for g, o in zip(reordered, geoms[invalid])):
        reasons.append("a hole enclosing its shell: rings read in the other order")
    repaired = shapely.make_valid(np.array(reordered, dtype=object), method="structure", keep_collapsed=False)
    geoms[invalid] = [_polygonal_part(g) for g in repaired]
    names = listed(np.array(list(labels), dtype=object)[invalid])
    return geoms, [f"{path}: repaired {int(invalid.sum())} invalid polygon(s) ({', '.join(reasons)}): {names}"]


def _shell_first(geom):
    """``geom`` with each polygon's rings reordered when one of its holes encloses its shell (the rings
    written in the wrong order, as some tools do): the largest ring the shell, the others its holes; else
    ``geom`` itself. "structure" cuts a hole from its shell only: such a polygon had no area left."""
    import shapely

    def ordered(polygon):
        shell = shapely.Polygon(polygon.exterior)
        rings = [shapely.Polygon(ring) for ring in polygon.interiors]
        if not any(ring.covers(shell) for ring in rings):
            return polygon
        largest = max(range(len(rings)), key=lambda i: rings[i].area)
        holes = [polygon.exterior] + [r for i, r in enumerate(polygon.interiors) if i != largest]
        return shapely.Polygon(polygon.interiors[largest], holes)

    if geom.geom_type == "Polygon":
        result = ordered(geom)
        return geom if result is geom else result
    if geom.geom_type == "MultiPolygon":
        originals = list(geom.geoms)  # (each walk of .geoms makes new objects: compared with these)
        parts = [ordered(p) for p in originals]
        return geom if all(a is b for a, b in zip(parts, originals)) else shapely.MultiPolygon(parts)
    return geom


def _polygonal_part(geom):
    import shapely

    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.unary_union(parts) if parts else shapely.Polygon()


def parent_zones(metric, keep, inside_min):
    """``{index: count}`` of the areas of ``keep`` that hold two or more others of them, each at
    least ``inside_min`` of its area inside it, together covering at least half of it: the level
    above, drawn or tagged as the 街道 are (a district's own polygon among its 街道, its OpenStreetMap
    boundary at admin_level 8). Two copies of one 街道, or a 街道 around one enclave it lacks the
    hole of, are none.

    ``metric`` holds every area's geometry in metres, ``keep`` the indices of those considered."""
    import shapely

    geoms = metric[keep]
    areas = shapely.area(geoms)
    held = {}
    for outer, inner in zip(*shapely.STRtree(geoms).query(geoms, predicate="intersects")):
        if outer != inner and areas[inner] > 0 and \
                shapely.area(shapely.intersection(geoms[outer], geoms[inner])) / areas[inner] >= inside_min:
            held.setdefault(int(outer), []).append(int(inner))
    parents = {}
    for outer, inner in sorted(held.items()):
        cover = shapely.area(shapely.intersection(shapely.union_all(geoms[inner]), geoms[outer]))
        if len(inner) >= 2 and cover >= 0.5 * areas[outer]:
            parents[keep[outer]] = len(inner)
    return parents


def without_parents(zones, metric, path, level="街道"):
    """``(zones, metric, union, warnings)``: the official ``zones`` (and their ``metric`` copy, rows
    alike) without those holding two or more of the others (:func:`parent_zones`): the district's own
    polygon, or a 开发区 drawn over its 街道, in a file of 街道 would take every project of theirs (a
    shared place goes to the smaller code), leaving them empty. ``union``: the metric geometries'
    union (taken once: slow for detailed 街道). A warning names each one left out."""
    import numpy as np
    import shapely

    union = shapely.unary_union(metric.geometry.values)
    # A zone holding others overlaps them by half its area at least: 街道 whose areas add up to
    # their union's (edges shared) hold none, and none is cut out to see.
    if float(shapely.area(metric.geometry.values).sum()) - union.area < settings.OVERLAP_TOLERANCE_M2 / 2:
        return zones, metric, union, []
    parents = parent_zones(metric.geometry.values, np.arange(len(zones)), settings.DISTRICTS_PARENT_INSIDE_MIN)
    if not parents:
        return zones, metric, union, []
    warnings = [f"{path}: {zones['name'].iloc[i]} ({zones['code'].iloc[i]}) is left out: it holds {count} other "
                f"{level} of the file (the district itself, or a zone over them?)" for i, count in parents.items()]
    rows = [i for i in range(len(zones)) if i not in parents]
    metric = metric.iloc[rows]
    return zones.iloc[rows], metric, shapely.unary_union(metric.geometry.values), warnings


def collections_opened(gdf, name_field, path):
    """``(gdf, warnings)``: the 街道 features stored as GeometryCollections (FME, a PostGIS ``ST_Collect``,
    a web map's export of a 街道 with its label point) as the union of their polygons, and a line naming
    those whose points or lines were left out. A collection of no polygon is left as it is, for the
    caller to refuse."""
    import numpy as np
    import shapely

    geoms = gdf.geometry.values
    collections = np.flatnonzero(shapely.get_type_id(geoms) == shapely.GeometryType.GEOMETRYCOLLECTION)
    if not collections.size:
        return gdf, []
    gdf, dropped = gdf.copy(), []
    for row in collections:
        parts = shapely.get_parts(geoms[row])
        polygons = parts[shapely.get_dimensions(parts) == 2]
        if not polygons.size:
            continue
        if polygons.size < parts.size:
            dropped.append(row)
        gdf.iloc[row, gdf.columns.get_loc(gdf.geometry.name)] = shapely.union_all(polygons)
    if not dropped:
        return gdf, []
    names = gdf[name_field].iloc[dropped] if name_field in gdf.columns else [f"feature {row + 1}" for row in dropped]
    return gdf, [f"{path}: {len(dropped)} feature(s) stored as GeometryCollections of polygons and points or lines "
                 f"({listed(names)}): their polygons are kept, the points and lines left out"]


def osm_boundaries_kept(gdf, path):
    """``(gdf, warnings)``: of the polygons GDAL reads from an OpenStreetMap extract (every closed way
    and relation: buildings, parks, markets), the 街道 and 乡镇 boundaries alone (``boundary`` =
    ``administrative``, ``admin_level`` 8), and lines naming the others left out and the boundary
    relations GDAL could not build (it drops one whose rings do not close without a word). InputError
    when there is none: an extract's market was read as the district's one 街道."""
    import pandas as pd

    level = gdf["admin_level"] if "admin_level" in gdf.columns else pd.Series(None, index=gdf.index)
    boundary = gdf["boundary"] if "boundary" in gdf.columns else pd.Series(None, index=gdf.index)
    keep = (boundary.astype(str) == "administrative") & (level.astype(str).str.strip() == "8")
    names = gdf["name"].fillna("?") if "name" in gdf.columns else [f"feature {n + 1}" for n in range(len(gdf))]
    others = listed(pd.Series(names, index=gdf.index)[~keep])
    built = set(pd.to_numeric(gdf["osm_id"], errors="coerce").dropna().astype(int)) if "osm_id" in gdf.columns else set()
    unbuilt = osm_boundaries_unbuilt(path, built)
    lost = (f"{len(unbuilt)} 街道 boundary relation(s) left out, the file lacking some of their member ways or their "
            f"rings not closing (an extract cut at its edge?): {listed(unbuilt)}") if unbuilt else ""
    if not keep.any():
        found = f": its polygons are {others}" if others else ""
        raise InputError(path, f"is an OpenStreetMap extract holding no 街道 boundary (a closed relation or way "
                               f"tagged boundary=administrative, admin_level=8){found}{f'; {lost}' if lost else ''}; "
                               "export the 街道 polygons from it (GeoJSON, GeoPackage) for --districts, and give the "
                               "extract itself as --osm (geo build, geo geocode)")
    said = [f"{path}: {lost}"] if lost else []
    if keep.all():
        return gdf, said
    return gdf[keep], said + [f"{path}: left out {int((~keep).sum())} of its {len(gdf)} OpenStreetMap polygon(s) "
                              f"that are no 街道 boundary (boundary=administrative, admin_level=8): {others}"]


def osm_boundaries_unbuilt(path, built, levels=("8",), kept=None):
    """``['白石街道 (r220)', …]``: the boundary relations of an OSM extract (``admin_level`` among ``levels``)
    whose id is not in ``built``, from one pass over its relations (none when osmium cannot read it);
    those whose tags ``kept`` (a callable, optional) takes alone."""
    try:
        import osmium

        from geo.osm_boundaries import admin_level

        unbuilt = []
        for relation in osmium.FileProcessor(str(path), osmium.osm.RELATION):
            tags = relation.tags
            if tags.get("boundary") == "administrative" and admin_level(tags.get("admin_level") or "") in levels \
                    and relation.id not in built and (kept is None or kept({tag.k: tag.v for tag in tags})):
                unbuilt.append(f"{tags.get('name') or '?'} (r{relation.id})")
        return unbuilt
    except Exception:  # (osmium's errors: GDAL read the file, the warning is all that is lost)
        return []


def labels_left_out(gdf, name_field, path):
    """``(gdf, warnings)``: a file of 街道 polygons that also holds points or lines each named as one of
    them (an 奥维 or Google Earth KML with a pin at each 街道, its outline drawn again as a line) without
    them, and one line saying how many were left out. Any other mixture is returned as it is, for the
    caller to refuse (a 街道 given as a point alone has no area to join)."""
    from geo.places import zone_level

    polygonal = gdf.geom_type.isin(["Polygon", "MultiPolygon"])
    if not polygonal.any() or polygonal.all() or name_field not in gdf.columns:
        return gdf, []
    names = gdf[name_field].where(gdf[name_field].notna(), None).map(lambda n: None if n is None else str(n).strip())
    if not names[~polygonal].isin(set(names[polygonal].dropna())).all():
        return gdf, []
    kinds = "、".join(sorted(set(gdf.geom_type[~polygonal])))
    return gdf[polygonal], [f"{path}: {int((~polygonal).sum())} features ({kinds}) named as its "
                            f"{zone_level(names[polygonal].dropna())} polygons are left out (pins or labels: "
                            f"{listed(names[~polygonal])})"]


def _overlap_counted(zones, i, j) -> str:
    """What the join does with the overlap of zones ``i`` and ``j`` (rows of ``zones``): counts what lies there
    in the one of the smaller code alone (:func:`geo.join.allocate_to_zones`); nothing without codes."""
    if "code" not in zones:
        return ""
    first = min((i, j), key=lambda row: str(zones["code"].iloc[row]))
    return f"; a project there is counted in {zones['name'].iloc[first]} alone (the smaller code)"


def topology_warnings(metric_zones, path, union=None, gaps_found=None, level="街道"):
    """[lines] for the 街道 ``metric_zones`` (a GeoDataFrame in metres, with ``name``) of ``path``: each
    pair overlapping by more than ``settings.OVERLAP_TOLERANCE_M2``, and the gaps between them larger than
    that. ``union`` is the union of their geometries when the caller has it (slow for detailed 街道:
    taken once, and kept for the district's outline). ``gaps_found``, a list, gets every gap (metric
    polygons, small ones too: :func:`across_gaps` takes them). ``level``: the zones' word, as in
    :func:`misplaced_warning`."""
    import shapely

    warnings = []
    geoms = metric_zones.geometry.values
    union = shapely.unary_union(geoms) if union is None else union
    # The zones' areas beyond their union's are at least any two's overlap: when that is well below
    # the tolerance (a clean file, edges shared), no pair can exceed it, and none is cut out to see.
    overlap = float(shapely.area(geoms).sum()) - union.area
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="intersects")
    keep = (left < right) & (overlap >= settings.OVERLAP_TOLERANCE_M2 / 2)
    if keep.any():
        areas = shapely.area(shapely.intersection(geoms[left[keep]], geoms[right[keep]]))
        big = areas > settings.OVERLAP_TOLERANCE_M2
        for i, j, area in zip(left[keep][big], right[keep][big], areas[big]):
            warnings.append(f"{path}: {metric_zones['name'].iloc[i]} and {metric_zones['name'].iloc[j]} "
                            f"overlap by {area:,.0f} m²{_overlap_counted(metric_zones, i, j)}")
    gaps = _gaps(geoms, union)
    if gaps_found is not None:
        gaps_found.extend(gaps)
    gaps = [g for g in gaps if g.area > settings.OVERLAP_TOLERANCE_M2]
    if gaps:
        warnings.append(f"{path}: {len(gaps)} gap(s) between {level} totalling {sum(g.area for g in gaps):,.0f} m²")
    return warnings


def _gaps(geoms, union):
    """What lies between the 街道 ``geoms`` (metric) of ``union``, as polygons: the holes of their union,
    and slivers narrower than twice ``settings.GAP_CLOSING_M`` between two or more of them that open
    to the district's edge (a notch in one 街道's edge is none)."""
    import numpy as np
    import shapely

    holes = [shapely.Polygon(ring) for part in shapely.get_parts(union) for ring in part.interiors]
    if len(geoms) < 2:  # no sliver lies between two: the closing (slow for a detailed edge) is not needed
        return holes
    distance = settings.GAP_CLOSING_M
    # Closed and compared simplified (settings.BOUNDARY_SIMPLIFY_M): densified edges made the buffers quadratic.
    shape = union.simplify(settings.BOUNDARY_SIMPLIFY_M)
    closed = shape.buffer(distance, join_style="mitre").buffer(-distance, join_style="mitre")
    shape_holes = [shapely.Polygon(ring) for part in shapely.get_parts(shape) for ring in part.interiors]
    slivers = shapely.get_parts(shapely.difference(closed, shapely.union_all([shape, *shape_holes])))
    # The slivers in a tree, each 街道 prepared once to find those near it: a detailed edge's notches are
    # thousands of slivers, and each tested on its own measured the whole 街道 again (8,301 slivers of 10
    # 街道 of 30,000 vertices: 7.6 s, now 0.1 s).
    zone, sliver = shapely.STRtree(slivers).query(geoms, predicate="dwithin", distance=distance)
    zones_near = np.bincount(np.unique(np.column_stack([sliver, zone]), axis=0)[:, 0], minlength=len(slivers))
    return holes + [s for s, near in zip(slivers, zones_near) if near >= 2]


def across_gaps(zones, crs, gaps=None):
    """The 街道 ``zones`` (EPSG:4326) for the join, each taking what lies within ``settings.GAP_CLOSING_M``
    of it in the gaps between them (:func:`_gaps`, measured in the metric ``crs``), and those gaps
    (one lon/lat geometry, None when there are none). ``gaps`` (lon/lat, empty for none) is them when
    the caller knows them (:func:`topology_warnings` found them on reading the file): the union of
    detailed 街道 takes seconds.

    A 乡镇 drawn a few metres short of its neighbour leaves a sliver no project belongs in: a school
    on the boundary fell in it, in no 乡镇, and so did a road's stretch running along it. Where the
    sliver lies within reach of two of them (it is narrower than twice the distance), both take
    it, and the join counts it once, in the smaller code, as where they overlap.
    """
    import numpy as np
    import shapely

    from geo.crs import metric_geometry, wgs84_geometry

    if len(zones) < 2 or (gaps is not None and gaps.is_empty):
        return zones, None
    metric = np.asarray(metric_geometry(zones.geometry.values, crs), dtype=object)
    metric = shapely.make_valid(metric, method="structure", keep_collapsed=False)
    if gaps is None:
        gaps = shapely.union_all(_gaps(metric, shapely.union_all(metric)))
    else:
        gaps = metric_geometry(gaps, crs)
    gaps = _wider_than_noise(gaps)
    if gaps.is_empty:
        return zones, None
    near = np.unique(shapely.STRtree(metric).query(gaps, predicate="dwithin", distance=settings.GAP_CLOSING_M))
    taken = shapely.intersection(shapely.buffer(metric[near], settings.GAP_CLOSING_M, quad_segs=4), gaps)
    grows = ~shapely.is_empty(taken) & (shapely.area(taken) > 0)
    if not grows.any():
        return zones, None
    geoms = np.asarray(zones.geometry.values, dtype=object).copy()
    grown = [_polygonal_part(g) for g in shapely.union(metric[near][grows], taken[grows])]  # no stray edge of the sliver
    geoms[near[grows]] = wgs84_geometry(np.asarray(grown, dtype=object), crs)
    return zones.assign(geometry=list(geoms)), wgs84_geometry(gaps, crs)


def _wider_than_noise(gaps):
    """``gaps`` (metric) opened by ``settings.JOIN_SNAP_M`` (mitred: a sliver's corners stay): what is narrower, a
    spike of float noise (the closed union of 街道 sharing their edges runs back and forth along its edge, a
    kilometre at a time) grew each 街道 beside it by a spike of no area, whose edges are measured (their shared
    edge km) though nothing can lie in it; the join snaps within that distance anyway."""
    import shapely

    if gaps.is_empty:
        return gaps
    opened = shapely.buffer(shapely.buffer(gaps, -settings.JOIN_SNAP_M, join_style="mitre"), settings.JOIN_SNAP_M,
                            join_style="mitre")
    return shapely.intersection(opened, gaps)


def fitting_zone_hint(frame, county) -> str:
    """``; read as EPSG:4547 (...) they lie in 江汉区 (420103): ...`` when ``frame`` holds Gauss-Kruger
    metres without their zone number (read without a CRS, or under a wrong one) that, read in a
    CGCS2000 zone (3-degree or 6-degree) whose central meridian lies near the bundled outline of
    ``county``, lie mostly in it (within ``settings.NEAR_DISTRICT_M``); else ''. The numbers alone do
    not tell the meridian, their district does."""
    import numpy as np
    import shapely
    from pyproj import CRS, Transformer

    from geo import data
    from geo.crs import GK_FIRST_EPSG, GK_FIRST_MERIDIAN, GK_LAST_MERIDIAN, buffer_metres

    if county not in data.counties():
        return ""
    coords = shapely.get_coordinates(frame.geometry.dropna().values)
    if not len(coords):
        return ""
    coords = coords[np.linspace(0, len(coords) - 1, min(len(coords), 2000)).astype(int)]
    easting, northing = (float(v) for v in np.median(coords, axis=0))
    if not (0 < easting < 1_000_000 and 1_000_000 <= northing < 10_000_000):
        return ""
    row = data.load_district_outline(county).iloc[0]
    outline = buffer_metres(row.geometry, settings.NEAR_DISTRICT_M)
    middle = (outline.bounds[0] + outline.bounds[2]) / 2
    # 3-degree zones (EPSG:4534 on, CM 75E...) first: a 6-degree zone of the same meridian is the same projection
    zones = [(GK_FIRST_EPSG + (cm - GK_FIRST_MERIDIAN) // 3, cm) for cm in range(GK_FIRST_MERIDIAN, GK_LAST_MERIDIAN + 1, 3)]
    zones += [(4502 + (cm - GK_FIRST_MERIDIAN) // 6, cm) for cm in range(GK_FIRST_MERIDIAN, GK_LAST_MERIDIAN + 1, 6)]
    for epsg, meridian in zones:
        if abs(meridian - middle) > (3 if epsg >= GK_FIRST_EPSG else 6):
            continue
        lon, lat = Transformer.from_crs(epsg, 4326, always_xy=True).transform(coords[:, 0], coords[:, 1])
        if np.mean(shapely.contains_xy(outline, lon, lat)) >= 0.5:
            return (f"; read as EPSG:{epsg} ({CRS.from_epsg(epsg).name}) they lie in {row['name']} ({county}): "
                    "if the file is CGCS2000, give it that CRS")
    return ""


def datum_named_only(path, crs):
    """What to say of the 街道 file ``path`` whose name says GCJ-02 or BD-09 (街道_GCJ02.kml, 街道(百度坐标).geojson: a
    web-map tool's export) where nothing in it states a datum (``crs`` lon/lat, no .prj naming one): read as WGS-84
    without a word, its 街道 hundreds of metres off. Said, not applied (a name is no statement); [] for any other."""
    from geo.crs import DATUM_LABELS, is_web_mercator, stated_web_datum
    from geo.gazetteer_files import datum_in_name

    if crs is None or not (crs.is_geographic or is_web_mercator(crs)) or stated_web_datum(crs):
        return []
    if (named := datum_in_name(path)) is None:
        return []
    return [f"{path}: its name says {DATUM_LABELS[named]}, but nothing in the file states a datum: its lon/lat are "
            f"read as WGS-84; if a web map drew them, give --districts-datum {named}"]

