"""CAD drawings (DXF) and files of closed polylines as 街道: their CRS from a .prj beside a drawing, their closed polylines made polygons and named by the text labels inside them or by their own names."""

from __future__ import annotations

import re
from pathlib import Path

from geo import settings
from geo.crs import METRES_PER_DEGREE
from geo.io import InputError

CAD_SUFFIXES = (".dxf",)
_LINES = ("LineString", "MultiLineString", "LinearRing")
_AREAS = ("Polygon", "MultiPolygon")
# A DXF of AutoCAD 2007 (AC1021) or later holds its text in UTF-8, whatever its $DWGCODEPAGE.
_UTF8_FROM = 1021
_VERSION = re.compile(rb"\$ACADVER\s*?\r?\n\s*1\s*?\r?\n\s*AC(\d{4})")
# A character its code page lacks: \U+XXXX (UTF-16), or \M+nXXXX (two bytes of an East Asian code page).
_ESCAPE = re.compile(r"\\U\+([0-9A-Fa-f]{4})|\\M\+([1-5])([0-9A-Fa-f]{4})")
_MIF_CODECS = {"1": "cp932", "2": "cp950", "3": "cp949", "4": "johab", "5": "gbk"}


def is_drawing(path) -> bool:
    """Whether ``path`` is a CAD drawing GDAL reads (a DXF)."""
    return Path(str(path)).suffix.lower() in CAD_SUFFIXES


def drawing_gdal_options(path) -> dict:
    """GDAL's options for reading ``path``: ``DXF_ENCODING=UTF-8`` for a DXF of AutoCAD 2007 or
    later (its $ACADVER AC1021 on), whose text GDAL would read by its $DWGCODEPAGE (无影山街道 read
    as 鏃犲奖灞辫楅亾 under ANSI_936); none for another file."""
    if not is_drawing(path):
        return {}
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 16)
    except OSError:
        return {}  # the reading says what is wrong
    version = _VERSION.search(head)
    return {"DXF_ENCODING": "UTF-8"} if version and int(version.group(1)) >= _UTF8_FROM else {}


def decode_escapes(text):
    r"""``text`` of a DXF with its ``\U+XXXX`` and ``\M+nXXXX`` escapes (the characters its code
    page lacks, as AutoCAD writes them) decoded; other values as they are."""
    if not isinstance(text, str) or "\\" not in text:
        return text

    def character(match):
        if match.group(1):
            return chr(int(match.group(1), 16))
        return bytes.fromhex(match.group(3)).decode(_MIF_CODECS[match.group(2)], errors="replace")

    # A character beyond the BMP is two escapes, a surrogate pair: joined; a lone one dropped.
    return _ESCAPE.sub(character, text).encode("utf-16", "surrogatepass").decode("utf-16", "ignore")


def prj_beside(path):
    """The CRS of the .prj of the same name beside ``path`` (``jd.prj`` beside ``jd.dxf``, as ArcGIS
    reads a CAD drawing's), or None when there is none.

    Raises
    ------
    geo.io.InputError
        When the .prj names no CRS pyproj reads.
    """
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    from geo.dbf import read_sidecar

    path = Path(str(path))
    prj = next((p for p in (path.with_suffix(".prj"), path.with_suffix(".PRJ")) if p.is_file()), None)
    if prj is None:
        return None
    text = read_sidecar(prj).decode("utf-8", errors="replace").strip()
    try:
        return CRS.from_user_input(text)
    except CRSError:
        raise InputError(prj, "names no coordinate reference system (a .prj holds WKT, as ArcGIS or QGIS save it)") from None


def no_crs_of_drawing(path) -> str:
    """What to say of a CAD drawing without a .prj beside it."""
    path = Path(str(path))
    return f"a CAD drawing states no coordinate reference system: put its .prj beside it as {path.stem}.prj"


def name_field_hint(path) -> str:
    """What to add when ``--name-field`` is no column of a CAD drawing ``path``, else ''."""
    if not is_drawing(path):
        return ""
    return ("; a CAD drawing: --name-field Text takes the 街道 names from the text labels inside its closed "
            "polylines, --name-field Layer from the polylines' layer names")


def zones_from_drawing(gdf, name_field, code_field, path):
    """The 街道 of a drawing of lines as polygons: each closed polyline (its ends within
    ``settings.CAD_CLOSE_TOLERANCE_M``) or hatch, named by the text label inside it (a point whose
    ``name_field`` holds text, given to the smallest closed polyline around it), or, when no point
    holds one, by its own ``name_field`` (a layer per 街道). A named polygon around others named is
    cut round them (a 街道 around another); polygons of one name (an exclave and its 街道, each
    labelled; a polyline drawn twice, or with its hatch) are one 街道.

    Returns
    -------
    (GeoDataFrame, list of str)
        The named polygons with ``name_field`` (and ``code_field``) and the file's CRS; one line
        saying what was read and what was left out, and one naming labels in no closed polyline.

    Raises
    ------
    geo.io.InputError
        When no closed polyline is named, or one holds two different labels.
    """
    import geopandas as gpd
    import numpy as np
    import shapely

    from geo.boundary_checks import listed
    from geo.places import zone_level

    fields = [f for f in (name_field, code_field) if f]
    kinds = gdf.geom_type
    text = gdf[name_field].map(lambda v: str(v).strip() if v is not None and v == v else "")
    labels = gdf[(kinds == "Point") & (text != "")]
    shapes = gdf[kinds.isin(_LINES + _AREAS)]
    tolerance = settings.CAD_CLOSE_TOLERANCE_M / (METRES_PER_DEGREE if gdf.crs is not None and gdf.crs.is_geographic else 1.0)
    rings, open_lines = [], 0
    for index, geom in zip(shapes.index, shapes.geometry):
        parts = [geom] if geom.geom_type not in ("MultiLineString", "MultiPolygon") else list(geom.geoms)
        for part in parts:
            if part.geom_type in _AREAS:
                rings.append((index, part))
                continue
            coords = shapely.get_coordinates(part)
            if len(coords) >= 3 and np.hypot(*(coords[0] - coords[-1])) <= tolerance and \
                    shapely.Polygon(coords).area > 0:
                rings.append((index, shapely.Polygon(coords)))
            else:
                open_lines += 1
    polygons = shapely.make_valid(np.array([ring for _, ring in rings], dtype=object)) if rings else np.array([])
    names, label_of, lost = [None] * len(rings), {}, []
    layers = _ring_layers(shapes, rings)
    rank = _layer_ranks(polygons, layers, labels.geometry.values) if len(labels) else {}
    # each label to the smallest closed polyline around it of the layer most like the 街道's
    order = sorted(range(len(rings)), key=lambda i: (rank.get(layers[i], 0.0), shapely.area(polygons[i])))
    for _, label in labels.iterrows():  # each to the smallest closed polyline around it
        name = str(label[name_field]).strip()
        home = next((i for i in order if polygons[i].covers(label.geometry)), None)
        if home is None:
            lost.append(name)
        elif names[home] not in (None, name):
            raise InputError(path, f"a closed polyline holds two labels ({names[home]}, {name}): a boundary "
                                   "between them missing or not closed?")
        else:
            names[home], label_of[home] = name, label
    if not len(labels):  # no label: each polyline names itself (a layer per 街道)
        for i, (index, _) in enumerate(rings):
            names[i], label_of[i] = text.loc[index] or None, shapes.loc[index]
    named = [i for i, name in enumerate(names) if name is not None]
    if not named:
        raise InputError(path, f"no closed polyline holds a text label of {name_field!r} ({len(rings)} closed, "
                               f"{open_lines} open line(s)): draw the 街道 as closed polylines, or export them "
                               "as polygons with their names (QGIS: Polygonize, then Join attributes by location)")
    parts = {}  # name -> [(polyline, polygon)]: the parts of one 街道 (an exclave, each labelled) are one
    for i in named:  # a 街道 around another (a ring of land round a centre) is cut round it
        inner = [polygons[j] for j in named if names[j] != names[i] and polygons[i].contains(polygons[j])]
        parts.setdefault(names[i], []).append(
            (i, polygons[i].difference(shapely.union_all(inner)) if inner else polygons[i]))
    first = [pieces[0][0] for pieces in parts.values()]
    geoms = [shapely.union_all([geom for _, geom in pieces]) if len(pieces) > 1 else pieces[0][1]
             for pieces in parts.values()]
    rows = {f: [label_of[i].get(f) if f != name_field else names[i] for i in first] for f in fields}
    zones = gpd.GeoDataFrame(rows, geometry=geoms, crs=gdf.crs)
    used = {layers[i] for i in named}
    other = sorted({layer for layer in layers if layer not in used}) if len(set(layers)) > 1 else []
    elsewhere = sum(layer in other for layer in layers)
    unnamed = len(rings) - len(named) - elsewhere
    left = [f"{count} {one if count == 1 else many}" for count, one, many in (
        (unnamed, "closed polyline without one", "closed polylines without one"),
        (elsewhere, f"closed polyline of another CAD layer ({'、'.join(other)})",
         f"closed polylines of other CAD layers ({'、'.join(other)})"),
        (open_lines, "open line", "open lines")) if count]
    named_by = "holding a text label" if len(labels) else f"named by their own {name_field!r}"
    level = zone_level(list(parts) + lost)  # what the warnings call them: 乡镇 in a rural county
    warnings = [f"{path}: a CAD drawing: {len(first)} {level} from the closed polylines {named_by}"
                + (f" ({len(named)} polylines: the parts of a {level} made one)" if len(named) > len(first) else "")
                + (f"; {' and '.join(left)} left out" if left else "")
                + (f"; each part of a {level} (an exclave) needs its label" if unnamed and len(labels) else "")]
    if lost:
        warnings.append(f"{path}: {len(lost)} text label(s) of {name_field!r} lie in no closed polyline and name "
                        f"no {level} ({listed(lost)}): their boundaries are open or missing")
    return zones, warnings


def zones_from_closed_lines(gdf, path, name_field=None):
    """The 街道 of a file of boundaries drawn as closed polylines, each feature's with its name (a
    Shapefile or GeoPackage of lines, as a 自然资源局 may keep them), as polygons: each closed line (its
    ends within ``settings.CAD_CLOSE_TOLERANCE_M``) a ring, a ring inside another of one feature its
    hole. None when the file holds other geometries or a line that is not closed (open border lines
    name no 街道: the caller refuses them).

    Returns
    -------
    (GeoDataFrame, list of str) or None
        The frame with polygons for its lines, and one line saying so (the zones called by the level
        of their ``name_field``'s names: 乡镇 in a rural county).
    """
    import shapely

    from geo.closed_lines import enclosed
    from geo.places import zone_level

    if gdf.empty or not gdf.geom_type.isin(_LINES).all():
        return None
    geographic = gdf.crs is not None and gdf.crs.is_geographic
    polygons, count = [], 0
    for geom in gdf.geometry:
        # Even-odd: a ring inside another is its hole, rings apart are its parts (an exclave).
        polygon = enclosed(geom, settings.CAD_CLOSE_TOLERANCE_M, geographic)
        if polygon is None:
            return None
        count += shapely.get_num_geometries(geom)
        polygons.append(polygon)
    zones = gdf.set_geometry(gdf.geometry.__class__(polygons, index=gdf.index, crs=gdf.crs))
    level = zone_level(gdf[name_field].dropna().astype(str)) if name_field in gdf.columns else "街道"
    return zones, [f"{path}: {count} closed lines made {level} polygons (a ring inside another is its hole)"]


def outline_from_lines(gdf, path):
    """The district outline of an ``--outline`` file drawn as lines (a 行政区界线 layer: one closed line,
    or a segment per neighbour meeting end to end, their ends within ``settings.CAD_CLOSE_TOLERANCE_M``),
    as the polygon they close; an area they close inside another (an enclave of another district) is
    its hole. None when the file holds other geometries.

    Returns
    -------
    (GeoDataFrame, list of str) or None
        One feature, the polygon, in the file's CRS; one line saying so.

    Raises
    ------
    InputError
        The lines close no area (an open end is named, in the file's coordinates).
    """
    import numpy as np
    import shapely

    if gdf.empty or not gdf.geom_type.isin(_LINES).all():
        return None
    tolerance = settings.CAD_CLOSE_TOLERANCE_M / (METRES_PER_DEGREE if gdf.crs is not None and gdf.crs.is_geographic else 1.0)
    lines = shapely.union_all(gdf.geometry.values)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.snap(lines, lines, tolerance))))
    if not faces.size:
        x, y = shapely.get_coordinates(shapely.get_parts(shapely.line_merge(lines))[0])[-1]
        raise InputError(path, f"expected a polygon outline (its lines close no area: an open end at {x:.6g}, {y:.6g})")
    shells = shapely.polygons(shapely.get_exterior_ring(faces))
    inside = [shapely.contains_properly(shells, shapely.point_on_surface(face)).sum() for face in faces]
    polygon = shapely.union_all(faces[np.asarray(inside) % 2 == 1])  # even-odd: an enclave's ring is a hole
    frame = gdf.iloc[:1].set_geometry(gdf.geometry.__class__([polygon], index=gdf.index[:1], crs=gdf.crs))
    return frame, [f"{path}: the outline drawn as {len(gdf)} line(s), read as the polygon they close"]


def _ring_layers(shapes, rings):
    """The CAD layer of each closed polyline (GDAL's ``Layer`` field of a DXF), or "" for all when the
    drawing names none."""
    column = next((c for c in shapes.columns if str(c).lower() == "layer"), None)
    if column is None:
        return [""] * len(rings)
    return [str(shapes.at[index, column] or "") for index, _ in rings]


def _layer_ranks(polygons, layers, labels):
    """How unlike a layer of 街道 boundaries each CAD layer is, 0 for one where each closed polyline holds
    one label (the 街道's: each label counted in the smallest of the layer's polylines around it, so a
    街道 round another holds its own); more for one whose polylines hold none (社区 or parcels drawn inside
    them, around some labels) and most for one where a polyline holds several (a frame round the map): of
    the polylines around a label, the one of the best-ranked layer is the label's 街道."""
    import shapely

    ranks = {}
    for layer in set(layers):
        mine = sorted((i for i, own in enumerate(layers) if own == layer), key=lambda i: shapely.area(polygons[i]))
        held = dict.fromkeys(mine, 0)
        for label in labels:
            home = next((i for i in mine if shapely.covers(polygons[i], label)), None)
            if home is not None:
                held[home] += 1
        counts = list(held.values())
        ranks[layer] = 2.0 if any(count > 1 for count in counts) else sum(count == 0 for count in counts) / len(counts)
    return ranks
