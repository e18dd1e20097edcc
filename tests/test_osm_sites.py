"""OSM site relations (type=site: a school's buildings and gate under its name) read from every OSM form --osm takes."""

import json

import pyogrio
import pytest
import shapely
from pyproj import Geod

from geo.osm import load_osm

from osm_xml import write_osm_xml

GEOD = Geod(ellps="WGS84")
DISTRICT = shapely.box(116.95, 36.65, 117.05, 36.75)
# Two unnamed buildings of a school (closed ways) and its unnamed gate (a node), and a culture
# centre mapped as two unnamed nodes 180 m apart: each site's name and kind are on its relation.
BUILDINGS = {10: [(117.000, 36.700), (117.001, 36.700), (117.001, 36.701), (117.000, 36.701), (117.000, 36.700)],
             11: [(117.002, 36.700), (117.003, 36.700), (117.003, 36.701), (117.002, 36.701), (117.002, 36.700)]}
NODES = {9001: (117.0015, 36.6995), 9002: (117.010, 36.710), 9003: (117.012, 36.710)}
SITES = [(500, [("way", 10, "building"), ("way", 11, "building"), ("node", 9001, "entrance")],
          {"type": "site", "site": "school", "amenity": "school", "name": "天桥区第一实验学校"}),
         (501, [("node", 9002, ""), ("node", 9003, "")],
          {"type": "site", "amenity": "arts_centre", "name": "天桥区文化馆"}),
         # A survey point's site (site=geodesic, as IGN's in Monaco): no kind of facility, no entry.
         (502, [("node", 9003, "")], {"type": "site", "site": "geodesic", "name": "Principaute B"})]


def _xml(tmp_path, name="sites.osm"):
    return write_osm_xml(tmp_path / name, [(i, coords, {"building": "yes"}) for i, coords in BUILDINGS.items()],
                         [(i, xy, {}) for i, xy in NODES.items()], SITES, share_nodes=True)


def _pbf(tmp_path):
    import osmium

    pbf = tmp_path / "sites.osm.pbf"
    with osmium.SimpleWriter(str(pbf)) as writer:
        for obj in osmium.FileProcessor(str(_xml(tmp_path))):
            writer.add(obj)
    return pbf


def _overpass_out_geom(tmp_path):
    """The Overpass API's ``[out:json]; rel[type=site]; out geom;``: members carry their geometry."""
    def member(kind, ref, role):
        if kind == "node":
            return {"type": "node", "ref": ref, "role": role, "lon": NODES[ref][0], "lat": NODES[ref][1]}
        return {"type": "way", "ref": ref, "role": role,
                "geometry": [{"lon": x, "lat": y} for x, y in BUILDINGS[ref]]}

    elements = [{"type": "relation", "id": i, "members": [member(*m) for m in members], "tags": tags}
                for i, members, tags in SITES]
    path = tmp_path / "sites.json"
    path.write_text(json.dumps({"version": 0.6, "generator": "Overpass API", "elements": elements}), encoding="utf-8")
    return path


def _turbo_geojson(tmp_path):
    """Overpass Turbo's export: a site relation is no feature; its members carry it in ``@relations``."""
    features = []
    for way_id, coords in BUILDINGS.items():
        features.append({"type": "Feature", "id": f"way/{way_id}", "geometry": {"type": "Polygon", "coordinates": [coords]},
                         "properties": {"@id": f"way/{way_id}", "building": "yes", "@relations": []}})
    for node_id, xy in NODES.items():
        features.append({"type": "Feature", "id": f"node/{node_id}", "geometry": {"type": "Point", "coordinates": xy},
                         "properties": {"@id": f"node/{node_id}", "@relations": []}})
    by_id = {f["properties"]["@id"]: f for f in features}
    for relation_id, members, tags in SITES:
        for kind, ref, role in members:
            by_id[f"{kind}/{ref}"]["properties"]["@relations"].append({"role": role, "rel": relation_id,
                                                                        "reltags": tags})
    path = tmp_path / "sites.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "generator": "overpass-turbo", "features": features},
                               ensure_ascii=False), encoding="utf-8")
    return path


def _gdal_layers(tmp_path):
    """What ``ogr2ogr -f GPKG`` (or QGIS) writes of the XML: site relations in ``other_relations``."""
    osm, gpkg = _xml(tmp_path), tmp_path / "sites.gpkg"
    for layer in ("points", "lines", "multilinestrings", "multipolygons", "other_relations"):
        info = pyogrio.read_info(osm, layer=layer)
        pyogrio.write_dataframe(pyogrio.read_dataframe(osm, layer=layer), gpkg, layer=layer, driver="GPKG",
                                geometry_type=info["geometry_type"])
    return gpkg


FORMS = {"xml": _xml, "pbf": _pbf, "overpass json out geom": _overpass_out_geom, "overpass turbo geojson": _turbo_geojson,
         "gdal layers": _gdal_layers}


@pytest.mark.parametrize("form", FORMS)
def test_a_site_relation_of_buildings_is_their_union_under_its_name_and_kind(tmp_path, form):
    if form == "gdal layers" and "OSM" not in pyogrio.list_drivers():
        pytest.skip("the GDAL bundled with pyogrio has no OSM driver")
    entries = {e.name: e for e in load_osm(FORMS[form](tmp_path), DISTRICT)}
    assert sorted(entries) == ["天桥区文化馆", "天桥区第一实验学校"]
    school = entries["天桥区第一实验学校"]
    expected = shapely.union_all([shapely.Polygon(c) for c in BUILDINGS.values()])
    assert school.geometry.normalize().equals_exact(expected.normalize(), 1e-7)
    assert (school.category, school.feature_type, school.extra["osm_ids"]) == ("school", "facility", "r500")
    assert "site relation 500" in school.method and "union of its 2 member areas" in school.method
    assert school.accuracy_m == 20.0


@pytest.mark.parametrize("form", FORMS)
def test_a_site_relation_of_nodes_is_a_point_at_their_centre_as_accurate_as_they_spread(tmp_path, form):
    if form == "gdal layers" and "OSM" not in pyogrio.list_drivers():
        pytest.skip("the GDAL bundled with pyogrio has no OSM driver")
    (centre,) = [e for e in load_osm(FORMS[form](tmp_path), DISTRICT) if e.name == "天桥区文化馆"]
    assert centre.geometry.equals_exact(shapely.Point(117.011, 36.710), 1e-9)
    assert centre.category == "culture" and centre.extra["osm_ids"] == "r501"
    half = GEOD.inv(117.010, 36.710, 117.011, 36.710)[2]  # 89 m
    assert centre.accuracy_m == pytest.approx(20.0 + half, abs=1)
    assert "site relation 501" in centre.method and "centre of its 2 members" in centre.method


def test_a_site_relation_beyond_the_district_is_not_kept(tmp_path):
    assert load_osm(_xml(tmp_path), shapely.box(121.4, 31.2, 121.5, 31.3)) == []


def test_a_site_relations_member_multipolygon_is_its_area_hole_and_all(tmp_path):
    # A hospital site whose grounds are an unnamed multipolygon (outer ring of two ways, a courtyard hole).
    nodes = {1: (117.0, 36.70), 2: (117.01, 36.70), 3: (117.01, 36.71), 4: (117.0, 36.71),
             5: (117.004, 36.704), 6: (117.006, 36.704), 7: (117.006, 36.706), 8: (117.004, 36.706)}
    xml = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6">']
    xml += [f'<node id="{i}" lat="{lat}" lon="{lon}"/>' for i, (lon, lat) in nodes.items()]
    for way_id, refs in ((20, (1, 2, 3)), (21, (3, 4, 1)), (22, (5, 6, 7, 8, 5))):
        xml.append(f'<way id="{way_id}">' + "".join(f'<nd ref="{r}"/>' for r in refs) + "</way>")
    xml.append('<relation id="600"><member type="way" ref="20" role="outer"/><member type="way" ref="21" role="outer"/>'
               '<member type="way" ref="22" role="inner"/><tag k="type" v="multipolygon"/></relation>')
    xml.append('<relation id="601"><member type="relation" ref="600" role="perimeter"/><tag k="type" v="site"/>'
               '<tag k="amenity" v="hospital"/><tag k="name" v="天桥区人民医院"/></relation>')
    path = tmp_path / "hospital.osm"
    path.write_text("\n".join(xml + ["</osm>"]) + "\n", encoding="utf-8")
    (hospital,) = load_osm(path, DISTRICT)
    expected = shapely.box(117.0, 36.70, 117.01, 36.71).difference(shapely.box(117.004, 36.704, 117.006, 36.706))
    assert hospital.geometry.normalize().equals_exact(expected.normalize(), 1e-9)
    assert (hospital.category, hospital.extra["osm_ids"]) == ("health", "r601")
