"""街道 from an OSM extract's admin_level 8 boundaries: matched to NBS codes, clipped, used only when they cover the district, labelled osm."""

import json
import warnings
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from click.testing import CliRunner

from geo import data, settings
from geo.boundaries import load_boundaries
from geo.cli import main
from geo.osm_boundaries import read_admin_areas
from osm_xml import write_osm_xml

CODE = "120101"  # 天津市和平区: six 街道 (劝业场, 小白楼, 五大道, 新兴, 南营门, 南市)
REPORT = "二、2025年重点工作\n实施南京路提升改造工程。\n"


def _strips(outline, count=6):
    """The outline cut into ``count`` vertical strips, west to east."""
    west, south, east, north = outline.bounds
    step = (east - west) / count
    return [outline.intersection(shapely.box(west + i * step, south - 0.01, west + (i + 1) * step, north + 0.01))
            for i in range(count)]


def _ring(polygon):
    return [tuple(xy) for xy in shapely.get_coordinates(polygon.exterior)]


def _hole(strip):
    """A small square inside ``strip``: a hole of its 街道, the enclave of another."""
    x, y = strip.representative_point().coords[0]
    return shapely.box(x - 0.0003, y - 0.0003, x + 0.0003, y + 0.0003)


def write_extract(path, *, keep=range(6), extras=True, parent=False, inset_m=0.0, levels=None):
    """An OSM XML extract of 和平区's 街道 as admin_level 8 boundaries: relations (outer and inner
    ways) and a closed way, named in the ways mappers name them; with ``extras``, an enclave in a
    hole, a boundary mostly outside the district and boundaries of other levels; with ``parent``,
    the district itself tagged admin_level 8 too (relation 500, its outline's convex hull); with
    ``inset_m``, the 街道 drawn that far inside the outline (OSM's boundary beside a simplified one);
    ``levels``, ``{strip: admin_level}`` of 街道 (and ``"enclave"``) tagged another level than 8."""
    outline = data.load_district_outline(CODE).geometry.iloc[0]
    if inset_m:
        from geo.crs import metric_crs_for, metric_geometry, wgs84_geometry

        crs = metric_crs_for(outline)
        outline = wgs84_geometry(metric_geometry(outline, crs).buffer(-inset_m), crs)
    strips = _strips(outline)
    names = [{"name": "劝业场街道"}, {"name": "小白楼"}, {"name": "Wudadao", "name:zh": "五大道街道"},
             {"name": "新興街道"}, {"name:zh-Hans": "南营门街道", "name": "Nanyingmen"}, {"name": "南市街道"}]
    admin = {"type": "boundary", "boundary": "administrative", "admin_level": "8"}
    ways, relations = [], []
    for i in keep:
        strip = max(shapely.get_parts(strips[i]), key=lambda p: p.area)
        tags = {**admin, **names[i], **({"admin_level": levels[i]} if i in (levels or {}) else {})}
        if i == 4:  # a closed way
            ways.append((1000 + i, _ring(strip), {k: v for k, v in tags.items() if k != "type"}))
            continue
        ways.append((1000 + i, _ring(strip), {}))
        members = [(1000 + i, "outer")]
        if i == 5 and extras:
            ways.append((1100, _ring(_hole(strip)), {}))
            members.append((1100, "inner"))
        relations.append((100 + i, members, tags))
    if extras:
        enclave = _hole(max(shapely.get_parts(strips[5]), key=lambda p: p.area))
        ways.append((1200, _ring(enclave), {"boundary": "administrative", "admin_level": (levels or {}).get("enclave", "8"),
                                            "name": "飞地社区"}))
        east, north = outline.bounds[2], outline.bounds[3]
        outside = shapely.box(east - 0.002, north - 0.01, east + 0.02, north)  # mostly beyond the east edge
        ways.append((1300, _ring(outside), {}))
        relations.append((300, [(1300, "outer")], {**admin, "name": "外区街道"}))
        ways.append((1400, _ring(outline.envelope.buffer(0.01).envelope), {}))
        relations.append((400, [(1400, "outer")], {**admin, "admin_level": "6", "name": "和平区"}))
        relations.append((401, [(1000, "outer")], {**admin, "admin_level": "9", "name": "某社区"}))
    if parent:
        ways.append((1500, _ring(outline.convex_hull), {}))
        relations.append((500, [(1500, "outer")], {**admin, "name": "和平区"}))
    return write_osm_xml(path, ways, relations=relations, share_nodes=True)


@pytest.fixture(scope="module")
def extract(tmp_path_factory):
    return write_extract(tmp_path_factory.mktemp("osm") / "heping.osm")


@pytest.fixture(scope="module")
def heping(extract):
    return load_boundaries(district_code=CODE, osm_path=extract)


def test_admin_level_8_relations_and_closed_ways_are_read_with_their_ids(extract):
    areas = {a.osm_id: a for a in read_admin_areas(extract)}
    assert set(areas) == {"r100", "r101", "r102", "r103", "w1004", "r105", "w1200", "r300"}  # not levels 6 and 9
    assert {a.level for a in areas.values()} == {"8"}
    assert areas["r102"].names[0] == "五大道街道"  # name:zh before name


def _as_overpass_json(xml_path, json_path):
    """The same data as an Overpass API answer in JSON (``[out:json]; ... out body;``)."""
    import xml.etree.ElementTree as ET

    elements = []
    for element in ET.parse(xml_path).getroot():
        item = {"type": element.tag, "id": int(element.get("id"))}
        if element.tag == "node":
            item.update(lat=float(element.get("lat")), lon=float(element.get("lon")))
        if element.tag == "way":
            item["nodes"] = [int(nd.get("ref")) for nd in element.findall("nd")]
        if element.tag == "relation":
            item["members"] = [{"type": m.get("type"), "ref": int(m.get("ref")), "role": m.get("role")}
                               for m in element.findall("member")]
        tags = {t.get("k"): t.get("v") for t in element.findall("tag")}
        if tags:
            item["tags"] = tags
        elements.append(item)
    json_path.write_text(json.dumps({"version": 0.6, "elements": elements}, ensure_ascii=False), encoding="utf-8")
    return json_path


def _as_pbf(xml_path, pbf_path):
    import osmium

    with osmium.SimpleWriter(str(pbf_path)) as writer:
        for obj in osmium.FileProcessor(str(xml_path)):
            writer.add(obj)
    return pbf_path


def _as_gzip(xml_path, gz_path):
    import gzip

    gz_path.write_bytes(gzip.compress(xml_path.read_bytes(), mtime=0))
    return gz_path


def _as_turbo_geojson(xml_path, geojson_path):
    """The areas as Overpass Turbo exports them: tags as properties, the object in ``@id``."""
    features = [{"type": "Feature", "properties": {"@id": f"{'relation' if a.osm_id[0] == 'r' else 'way'}/{a.osm_id[1:]}",
                                                   "boundary": "administrative", "admin_level": a.level,
                                                   **dict(zip(("name:zh", "name"), a.names[:2]))},
                 "geometry": shapely.geometry.mapping(a.geometry)} for a in read_admin_areas(xml_path)]
    geojson_path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return geojson_path


def _out_geom_elements(xml_path):
    """The ways and relations of an OSM XML file as Overpass's ``out geom;`` gives them: each way
    with its nodes' coordinates, each relation's member ways with theirs, no node elements."""
    import xml.etree.ElementTree as ET

    root = ET.parse(xml_path).getroot()
    located = {n.get("id"): {"lat": float(n.get("lat")), "lon": float(n.get("lon"))} for n in root.iter("node")}
    ways = {w.get("id"): [nd.get("ref") for nd in w.findall("nd")] for w in root.iter("way")}
    elements = []
    for element in root:
        tags = {t.get("k"): t.get("v") for t in element.findall("tag")}
        if element.tag == "way":
            refs = ways[element.get("id")]
            elements.append({"type": "way", "id": int(element.get("id")), "nodes": [int(r) for r in refs],
                             "geometry": [located[r] for r in refs], "tags": tags})
        elif element.tag == "relation":
            members = [{"type": m.get("type"), "ref": int(m.get("ref")), "role": m.get("role"),
                        "geometry": [located[r] for r in ways[m.get("ref")]]} for m in element.findall("member")]
            elements.append({"type": "relation", "id": int(element.get("id")), "members": members, "tags": tags})
    return elements


def _as_out_geom_json(xml_path, json_path):
    """``[out:json]; relation[boundary=administrative](...); out geom;``"""
    json_path.write_text(json.dumps({"version": 0.6, "generator": "Overpass API", "elements": _out_geom_elements(xml_path)},
                                    ensure_ascii=False), encoding="utf-8")
    return json_path


def _as_out_geom_xml(xml_path, out_path):
    """``relation[boundary=administrative](...); out geom;`` in XML: ``<nd ref lat lon>`` in ways,
    ``<member><nd lat lon/></member>`` in relations."""
    from xml.sax.saxutils import quoteattr

    def nds(points, refs=None):
        return "".join(f'<nd{f" ref={chr(34)}{r}{chr(34)}" if refs else ""} lat="{p["lat"]}" lon="{p["lon"]}"/>'
                       for p, r in zip(points, refs or [None] * len(points)))

    def tags(element):
        return "".join(f"<tag k={quoteattr(k)} v={quoteattr(v)}/>" for k, v in element["tags"].items())

    body = []
    for e in _out_geom_elements(xml_path):
        if e["type"] == "way":
            body.append(f'<way id="{e["id"]}">{nds(e["geometry"], e["nodes"])}{tags(e)}</way>')
        else:
            members = "".join(f'<member type="{m["type"]}" ref="{m["ref"]}" role="{m["role"]}">{nds(m["geometry"])}</member>'
                              for m in e["members"])
            body.append(f'<relation id="{e["id"]}">{members}{tags(e)}</relation>')
    out_path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="Overpass API">\n'
                        + "\n".join(body) + "\n</osm>\n", encoding="utf-8")
    return out_path


@pytest.mark.parametrize("convert, name", [(_as_pbf, "heping.osm.pbf"), (_as_gzip, "heping.osm.gz"),
                                           (_as_overpass_json, "overpass.json"), (_as_turbo_geojson, "export.geojson"),
                                           (_as_out_geom_json, "out_geom.json"), (_as_out_geom_xml, "out_geom.osm")])
def test_every_osm_form_holding_relations_gives_the_same_boundaries(extract, tmp_path, convert, name):
    def summary(areas):
        return [(a.osm_id, a.names[:2], round(a.geometry.area, 12)) for a in areas]

    assert summary(read_admin_areas(convert(extract, tmp_path / name))) == summary(read_admin_areas(extract))


GDAL_LAYERS = ("points", "lines", "multilinestrings", "multipolygons", "other_relations")
needs_gdal_osm = pytest.mark.skipif("OSM" not in __import__("pyogrio").list_drivers(),
                                    reason="the GDAL bundled with pyogrio has no OSM driver: no real GDAL layers")


def _gdal_read(osm, layer, config=None):
    """One layer as GDAL's OSM driver reads ``osm`` (QGIS opening it, ogr2ogr converting it); with
    ``config``, an osmconf.ini of its own (``-oo CONFIG_FILE=``)."""
    import pyogrio

    return pyogrio.read_dataframe(osm, layer=layer, **({"CONFIG_FILE": str(config)} if config else {})), \
        pyogrio.read_info(osm, layer=layer)["geometry_type"]


def _as_gdal_gpkg(xml_path, gpkg_path, config=None):
    """``ogr2ogr -f GPKG out.gpkg extract.osm``: every layer of GDAL's OSM driver."""
    import pyogrio

    for layer in GDAL_LAYERS:
        frame, geometry_type = _gdal_read(xml_path, layer, config)
        pyogrio.write_dataframe(frame, gpkg_path, layer=layer, driver="GPKG", geometry_type=geometry_type)
    return gpkg_path


def _as_gdal_gpkg_level_in_other_tags(xml_path, gpkg_path):
    """GDAL's layers made with an osmconf.ini that has no admin_level column: the level in other_tags."""
    import pyogrio

    default = Path(pyogrio.get_gdal_data_path()) / "osmconf.ini"
    config = gpkg_path.with_suffix(".ini")
    config.write_text(default.read_text(encoding="utf-8").replace(",admin_level,", ","), encoding="utf-8")
    _as_gdal_gpkg(xml_path, gpkg_path, config)
    assert "admin_level" not in pyogrio.read_info(gpkg_path, layer="multipolygons")["fields"]
    return gpkg_path


def _as_gdal_geojson(xml_path, geojson_path):
    """GDAL's multipolygons layer saved as GeoJSON (QGIS: Export > Save Features As)."""
    import pyogrio

    frame, geometry_type = _gdal_read(xml_path, "multipolygons")
    pyogrio.write_dataframe(frame, geojson_path, driver="GeoJSON", geometry_type=geometry_type)
    return geojson_path


def _as_gdal_shapefiles(xml_path, folder):
    """``ogr2ogr -f "ESRI Shapefile" folder extract.osm``: a Shapefile per layer (admin_level cut to admin_leve)."""
    import pyogrio

    folder.mkdir()
    for layer in GDAL_LAYERS[:4]:  # other_relations, of collections, is no Shapefile
        frame, geometry_type = _gdal_read(xml_path, layer)
        with warnings.catch_warnings():  # GDAL says it cut admin_level, as ogr2ogr does
            warnings.simplefilter("ignore", RuntimeWarning)
            pyogrio.write_dataframe(frame, folder / f"{layer}.shp", geometry_type=geometry_type)
    assert "admin_leve" in pyogrio.read_info(folder / "multipolygons.shp")["fields"]
    return folder


def _as_quickosm(xml_path, gpkg_path):
    """QuickOSM's result: GDAL's multipolygons with full_id and osm_type, a column per key."""
    import pyogrio

    from geo.osm_tables import parse_other_tags

    frame, geometry_type = _gdal_read(xml_path, "multipolygons")
    rows = []
    for _, row in frame.iterrows():
        kind, number = ("way", row["osm_way_id"]) if isinstance(row["osm_way_id"], str) else ("relation", row["osm_id"])
        tags = {k: row[k] for k in ("name", "type", "admin_level", "boundary") if isinstance(row[k], str)}
        tags.update(parse_other_tags(row["other_tags"])[0] if isinstance(row["other_tags"], str) else {})
        rows.append({"full_id": f"{kind[0]}{number}", "osm_id": number, "osm_type": kind, **tags})
    keys = sorted({k for row in rows for k in row} - {"full_id", "osm_id", "osm_type"})
    table = gpd.GeoDataFrame([{k: row.get(k) for k in ("full_id", "osm_id", "osm_type", *keys)} for row in rows],
                             geometry=list(frame.geometry.values), crs=4326)
    pyogrio.write_dataframe(table, gpkg_path, layer="quickosm_boundaries", driver="GPKG", geometry_type=geometry_type)
    return gpkg_path


GDAL_FORMS = [(_as_gdal_gpkg, "heping.gpkg"), (_as_gdal_gpkg_level_in_other_tags, "other_tags.gpkg"),
              (_as_gdal_geojson, "multipolygons.geojson"), (_as_gdal_shapefiles, "shapefiles"),
              (_as_quickosm, "quickosm.gpkg")]


@needs_gdal_osm
@pytest.mark.parametrize("convert, name", GDAL_FORMS)
def test_gdal_osm_layers_and_quickosm_give_the_boundaries_the_extract_does(extract, tmp_path, convert, name):
    def summary(areas):
        return [(a.osm_id, a.level, a.names[:2], round(a.geometry.area, 12)) for a in areas]

    assert summary(read_admin_areas(convert(extract, tmp_path / name))) == summary(read_admin_areas(extract))


@needs_gdal_osm
@pytest.mark.parametrize("convert, name", GDAL_FORMS[:1] + GDAL_FORMS[3:])
def test_gdal_osm_layers_give_the_districts_street_districts_as_the_extract_does(extract, heping, tmp_path,
                                                                                convert, name):
    boundaries = load_boundaries(district_code=CODE, osm_path=convert(extract, tmp_path / name))
    assert boundaries.quality == "osm" and set(boundaries.zones["boundary_quality"]) == {"osm"}
    assert boundaries.notes == heping.notes
    assert boundaries.warnings == [w.replace("heping.osm", name) for w in heping.warnings]
    assert boundaries.source == heping.source.replace("heping.osm", name) and "ODbL" in boundaries.source
    columns = ["code", "name", "boundary_quality"]
    assert boundaries.zones[columns].values.tolist() == heping.zones[columns].values.tolist()
    assert all(a.symmetric_difference(b).area < 1e-12 for a, b in zip(boundaries.zones.geometry, heping.zones.geometry))


def test_a_boundary_repaired_says_so_as_a_districts_file_does(extract, tmp_path):
    # An Overpass Turbo export (or a file edited in QGIS) whose 南市街道 is drawn as two parts that
    # overlap: repaired, as the README says, but without the warning --districts gives.
    path = _as_turbo_geojson(extract, tmp_path / "export.geojson")
    collection = json.loads(path.read_text(encoding="utf-8"))
    for feature in collection["features"]:
        if feature["properties"].get("name:zh") == "南市街道":
            whole = shapely.geometry.shape(feature["geometry"])
            west, south, east, north = whole.bounds
            middle = (west + east) / 2
            halves = [whole.intersection(shapely.box(west, south, middle + 0.001, north)),
                      whole.intersection(shapely.box(middle - 0.001, south, east, north))]
            parts = [max(shapely.get_parts(half), key=lambda p: p.area) for half in halves]
            feature["geometry"] = shapely.geometry.mapping(shapely.MultiPolygon(parts))
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")
    boundaries = load_boundaries(district_code=CODE, osm_path=path)
    assert boundaries.quality == "osm"
    repaired = [w for w in boundaries.warnings if "repaired" in w]
    assert repaired == ["export.geojson: repaired 1 invalid polygon(s) (self-intersection): 南市街道"], \
        boundaries.warnings


def test_only_the_boundaries_near_the_district_are_read(extract):
    outline = data.load_district_outline(CODE).geometry.iloc[0]
    far = (outline.bounds[0] + 1, outline.bounds[1] + 1, outline.bounds[2] + 1, outline.bounds[3] + 1)
    assert read_admin_areas(extract, window=far) == []


def test_other_levels_are_read_when_the_setting_names_them(extract):
    assert {a.osm_id for a in read_admin_areas(extract, levels=("6",))} == {"r400"}


def test_the_district_s_street_districts_come_from_osm_with_their_nbs_codes(heping):
    zones = heping.zones.set_index("code")
    assert heping.quality == "osm"
    assert set(zones.index) == {f"120101{n:03d}" for n in range(1, 7)} | {"osm-w1200"}
    assert zones.loc["120101002", "name"] == "小白楼街道"  # matched without its suffix
    assert zones.loc["120101004", "name"] == "新兴街道"  # Traditional 新興 read as Simplified
    assert zones.loc["120101005", "name"] == "南营门街道"  # a closed way, by name:zh-Hans
    assert set(zones["boundary_quality"]) == {"osm"}
    assert "OpenStreetMap contributors, ODbL" in heping.source and "admin_level 8" in heping.source
    assert "heping.osm" in heping.source and "not official" in heping.source
    assert heping.notes == ["街道 from OpenStreetMap: 7 boundaries of 和平区 covering 100.0%"]


def test_a_boundary_with_an_inner_way_keeps_its_hole_and_the_enclave_fills_it(heping):
    zones = heping.zones.set_index("code")
    nanshi = zones.loc["120101006", "geometry"]
    assert len(nanshi.interiors if nanshi.geom_type == "Polygon" else nanshi.geoms[0].interiors) == 1
    enclave = zones.loc["osm-w1200", "geometry"]
    assert enclave.within(nanshi.buffer(1e-9).envelope) and enclave.intersection(nanshi).area < 1e-12
    assert any("1 OpenStreetMap boundary matches no 街道/乡镇 of 和平区" in w and "飞地社区 (w1200)" in w
               and "its code is made from its OSM id" in w for w in heping.warnings)


def test_a_boundary_mostly_outside_the_district_is_left_out_and_the_rest_clipped(heping):
    assert "外区街道" not in set(heping.zones["name"])
    outline = heping.outline.geometry.iloc[0]
    assert all(z.difference(outline).area < 1e-10 for z in heping.zones.geometry)


def test_no_warning_says_the_district_is_one_zone_when_osm_gives_its_street_districts(heping):
    assert not any("one zone" in w for w in heping.warnings)


@pytest.mark.parametrize("inset_m, filled", [(60.0, True), (600.0, False)])
def test_an_edge_sliver_between_osm_and_the_bundled_outline_goes_to_the_street_it_borders(tmp_path, monkeypatch,
                                                                                          inset_m, filled):
    # OSM's boundaries lie up to ~170 m inside or outside the simplified bundled outline: a sliver
    # along the edge is no place outside every 街道; a strip 1.2 km wide (a 街道 OSM lacks) stays one.
    from geo.crs import metric_crs_for, metric_geometry

    monkeypatch.setattr(settings, "OSM_SUBDISTRICT_COVER_MIN", 0.3)  # the wide strip's 街道 are used too
    boundaries = load_boundaries(district_code=CODE, osm_path=write_extract(tmp_path / "inset.osm", extras=False,
                                                                            inset_m=inset_m))
    outline = boundaries.outline.geometry.iloc[0]
    crs = metric_crs_for(boundaries.outline)
    uncovered = metric_geometry(outline.difference(shapely.union_all(boundaries.zones.geometry.values)), crs).area
    assert boundaries.quality == "osm"
    assert (uncovered < 1.0) == filled, uncovered
    assert not any("gap" in w for w in boundaries.warnings)


def test_a_partial_set_is_refused_in_one_warning_and_the_district_stays_one_zone(tmp_path):
    partial = write_extract(tmp_path / "partial.osm", keep=range(3), extras=False)
    boundaries = load_boundaries(district_code=CODE, osm_path=partial)
    assert boundaries.quality == "outline" and len(boundaries.zones) == 1 and not boundaries.notes
    refused = [w for w in boundaries.warnings if "OpenStreetMap has" in w]
    assert len(refused) == 1
    assert refused[0].startswith("partial.osm: OpenStreetMap has 3 of the 6 街道 boundaries of 和平区, covering ")
    assert refused[0].endswith("% of it: not used (pass --districts FILE for official ones)")
    share = int(refused[0].split("covering ")[1].split("%")[0])
    assert 30 <= share <= 70


def test_a_boundary_holding_the_others_is_the_level_above_and_left_out_in_a_warning(tmp_path):
    """和平区 itself tagged admin_level 8 over its six 街道: not a seventh 街道 overlapping them all."""
    nested = write_extract(tmp_path / "nested.osm", parent=True)
    boundaries = load_boundaries(district_code=CODE, osm_path=nested)
    assert boundaries.quality == "osm" and "osm-r500" not in set(boundaries.zones["code"])
    assert set(boundaries.zones["code"]) == {f"120101{n:03d}" for n in range(1, 7)} | {"osm-w1200"}
    assert not any("overlap" in w for w in boundaries.warnings)
    left = [w for w in boundaries.warnings if "r500" in w]
    assert left == ["nested.osm: 和平区 (r500) is left out: it holds 7 other OpenStreetMap boundaries of admin_level 8 "
                    "(the level above theirs, tagged as theirs?)"]


def test_the_share_required_is_a_setting(tmp_path, monkeypatch):
    partial = write_extract(tmp_path / "partial.osm", keep=range(3), extras=False)
    monkeypatch.setattr(settings, "OSM_SUBDISTRICT_COVER_MIN", 0.3)
    assert load_boundaries(district_code=CODE, osm_path=partial).quality == "osm"


def test_an_extract_without_boundaries_changes_nothing_and_says_nothing(tmp_path):
    roads = write_osm_xml(tmp_path / "roads.osm", [(1, [(117.19, 39.12), (117.2, 39.12)], {"highway": "primary",
                                                                                            "name": "南京路"})])
    boundaries = load_boundaries(district_code=CODE, osm_path=roads)
    bundled = load_boundaries(district_code=CODE)
    assert boundaries.warnings == bundled.warnings and boundaries.quality == "outline"


def test_osm_boundaries_win_over_the_bundled_approximation_of_the_default_district(tmp_path):
    outline = data.load_district_outline(data.DEFAULT_DISTRICT_CODE).geometry.iloc[0]
    named = data.subdistrict_names(data.DEFAULT_DISTRICT_CODE)
    strips = _strips(outline, len(named))
    ways, relations = [], []
    for i, (row, strip) in enumerate(zip(named, strips)):
        for j, part in enumerate(shapely.get_parts(strip)):
            ways.append((1000 + 10 * i + j, _ring(part), {}))
        relations.append((100 + i, [(1000 + 10 * i + j, "outer") for j in range(len(shapely.get_parts(strip)))],
                          {"type": "boundary", "boundary": "administrative", "admin_level": "8", "name": row["name"]}))
    extract = write_osm_xml(tmp_path / "tianqiao.osm", ways, relations=relations, share_nodes=True)
    boundaries = load_boundaries(osm_path=extract)
    assert boundaries.quality == "osm" and sorted(boundaries.zones["code"]) == sorted(r["code"] for r in named)


def test_an_outline_file_takes_the_osm_street_districts_clipped_to_it(extract, tmp_path):
    outline = data.load_district_outline(CODE)
    west = outline.assign(geometry=outline.geometry.intersection(_strips(outline.geometry.iloc[0], 2)[0].buffer(1e-9)))
    west[["code", "name", "geometry"]].to_file(tmp_path / "west.geojson", driver="GeoJSON")
    boundaries = load_boundaries(outline_path=tmp_path / "west.geojson", district_code=CODE, osm_path=extract)
    assert boundaries.quality == "osm" and sorted(boundaries.zones["code"]) == ["120101001", "120101002", "120101003"]
    assert boundaries.notes == ["街道 from OpenStreetMap: 3 boundaries of 和平区 covering 100.0%"]


def test_districts_file_wins_over_osm_boundaries(extract, tmp_path):
    official = load_boundaries(district_code=CODE, osm_path=extract).zones.assign(JDMC=lambda z: z["name"])
    official[["JDMC", "geometry"]].to_file(tmp_path / "jiedao.geojson", driver="GeoJSON")
    boundaries = load_boundaries(tmp_path / "jiedao.geojson", name_field="JDMC", district_code=CODE,
                                 osm_path=extract)
    assert boundaries.quality == "official" and not boundaries.notes


@pytest.fixture(scope="module")
def built(extract, tmp_path_factory):
    work = tmp_path_factory.mktemp("build")
    (work / "report.txt").write_text(REPORT, encoding="utf-8")
    out = work / "out"
    result = CliRunner().invoke(main, ["build", "--report", str(work / "report.txt"), "--district-code", CODE,
                                       "--osm", str(extract), "--basemap", "none", "--out-dir", str(out)])
    assert result.exit_code == 0, result.output
    return out, result


def test_build_says_in_one_line_that_its_street_districts_come_from_osm(built):
    _, result = built
    assert sum(line.startswith("街道 from OpenStreetMap: 7 boundaries of 和平区") for line in result.output.splitlines()) == 1


def test_coverage_outputs_label_osm_boundaries_as_not_official(built):
    out, _ = built
    layer = json.loads((out / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["boundary_quality"] for f in layer["features"]} == {"osm"}
    md = (out / "maps_out" / "coverage.md").read_text(encoding="utf-8")
    assert "Boundaries: OpenStreetMap, not official" in md and "ODbL" in md
    import openpyxl

    sheet = openpyxl.load_workbook(out / "maps_out" / "coverage.xlsx")["说明"]
    values = [str(c.value) for row in sheet.iter_rows() for c in row]
    assert "osm" in values and any("OpenStreetMap" in v and "非官方" in v for v in values)


def test_maps_draw_osm_boundaries_dashed_with_their_own_legend(built):
    from geo.render.style import APPROXIMATE_LABEL, OFFICIAL_LABEL, OSM_LABEL

    out, _ = built
    for name in ("projects.html", "coverage.html", "index.html"):
        page = (out / "maps_out" / name).read_text(encoding="utf-8")
        assert OSM_LABEL in page and OFFICIAL_LABEL not in page and APPROXIMATE_LABEL not in page, name
    assert '"dashArray"' in (out / "maps_out" / "coverage.html").read_text(encoding="utf-8")


def test_later_stages_keep_the_stored_osm_street_districts(built):
    out, _ = built
    result = CliRunner().invoke(main, ["coverage", "--layers-dir", str(out / "layers"), "-p",
                                       str(out / "projects.geojson"), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "Boundaries: OpenStreetMap, not official" in result.output


def test_layers_command_names_the_street_districts_quality(built):
    out, _ = built
    result = CliRunner().invoke(main, ["layers", "--layers-dir", str(out / "layers")])
    line = next(line for line in result.output.splitlines() if line.startswith("subdistricts"))
    assert "OpenStreetMap" in line


def test_gpkg_export_styles_osm_boundaries_dashed(built, tmp_path):
    import sqlite3

    out, _ = built
    result = CliRunner().invoke(main, ["export", "subdistricts", "--layers-dir", str(out / "layers"),
                                       "-o", str(tmp_path / "s.gpkg")])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(tmp_path / "s.gpkg") as db:
        qml, = db.execute("SELECT styleQML FROM layer_styles WHERE f_table_name='subdistricts'").fetchone()
    assert "dash" in qml


def test_geocode_takes_the_street_districts_from_its_osm_extract(extract, tmp_path):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(tmp_path / "report.txt"), "-o", str(tmp_path / "p.geojson")]).exit_code == 0
    result = runner.invoke(main, ["geocode", "-p", str(tmp_path / "p.geojson"), "--layers-dir", str(tmp_path / "layers"),
                                  "--district-code", CODE, "--osm", str(extract)])
    assert result.exit_code == 0, result.output
    assert "街道 from OpenStreetMap: 7 boundaries of 和平区 covering 100.0%" in result.output.splitlines()
    zones = gpd.read_file(tmp_path / "layers" / "subdistricts.geojson")
    assert set(zones["boundary_quality"]) == {"osm"} and len(zones) == 7


@needs_gdal_osm
def test_build_with_gdal_osm_layers_says_its_street_districts_come_from_osm(extract, tmp_path):
    gpkg = _as_gdal_gpkg(extract, tmp_path / "heping.gpkg")
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", "--report", str(tmp_path / "report.txt"), "--district-code", CODE,
                                       "--osm", str(gpkg), "--basemap", "none", "--out-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "街道 from OpenStreetMap: 7 boundaries of 和平区 covering 100.0%" in result.output.splitlines()
    layer = json.loads((tmp_path / "out" / "layers" / "subdistricts.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["boundary_quality"] for f in layer["features"]} == {"osm"}
    assert all("heping.gpkg" in f["properties"]["source"] for f in layer["features"])


def test_boundaries_of_an_unreadable_admin_level_are_named_when_the_set_falls_short_without_them(tmp_path):
    # admin_level=8;9 (or 街道) is no level: such a boundary is left out, rightly, but the warning that
    # the rest covered too little to be used said nothing of it, and the mapper could not tell why.
    odd = write_extract(tmp_path / "odd.osm", extras=False, levels={1: "8;9", 3: "街道"})
    boundaries = load_boundaries(district_code=CODE, osm_path=odd)
    assert boundaries.quality == "outline" and len(boundaries.zones) == 1
    (refused,) = [w for w in boundaries.warnings if "OpenStreetMap has" in w]
    assert refused.startswith("odd.osm: OpenStreetMap has 4 of the 6 街道 boundaries of 和平区, covering ")
    assert refused.endswith("% of it: not used (pass --districts FILE for official ones); 2 boundaries inside 和平区 are "
                            "left out for an admin_level that is no level: 小白楼 (r101, admin_level '8;9')、"
                            "新兴街道 (r103, admin_level '街道')")
    every = write_extract(tmp_path / "every.osm", extras=False, levels={i: "8;9" for i in range(6)})
    boundaries = load_boundaries(district_code=CODE, osm_path=every)
    assert boundaries.quality == "outline" and len(boundaries.zones) == 1
    assert [w for w in boundaries.warnings if "admin_level" in w] == [
        "every.osm: OpenStreetMap has no 街道 boundary of 和平区 to use; 6 boundaries inside 和平区 are left out for an "
        "admin_level that is no level: 劝业场街道 (r100, admin_level '8;9')、小白楼 (r101, admin_level '8;9')、"
        "五大道街道 (r102, admin_level '8;9')…"]
    used = write_extract(tmp_path / "used.osm", levels={"enclave": " 8; 9"})  # the set covers the district without it
    boundaries = load_boundaries(district_code=CODE, osm_path=used)
    assert boundaries.quality == "osm" and "osm-w1200" not in set(boundaries.zones["code"])
    assert [w for w in boundaries.warnings if "admin_level" in w] == [
        "used.osm: 1 boundary inside 和平区 is left out for an admin_level that is no level: 飞地社区 (w1200, "
        "admin_level '8; 9'), not among the 街道 used"]

