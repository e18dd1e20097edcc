"""Regenerate the bad-input corpus (run from the repository root: python tests/bad_inputs/make_corpus.py).

The files are committed; this script documents exactly how each was made, so a case can
be rebuilt or changed without guessing. Cases that cannot live in git (0-byte files,
directories, unwritable paths) are made at test time in tests/test_bad_inputs.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Two 街道 squares west/east of each other, inside Tianqiao's real extent (WGS-84).
ZONE_A = [[117.00, 36.68], [117.02, 36.68], [117.02, 36.70], [117.00, 36.70], [117.00, 36.68]]
ZONE_B = [[117.02, 36.68], [117.04, 36.68], [117.04, 36.70], [117.02, 36.70], [117.02, 36.68]]
BOWTIE = [[117.00, 36.68], [117.02, 36.70], [117.02, 36.68], [117.00, 36.70], [117.00, 36.68]]


def _fc(features):
    return {"type": "FeatureCollection", "features": features}


def _feature(props, geometry):
    return {"type": "Feature", "properties": props, "geometry": geometry}


def _zone(code, name, ring):
    return _feature({"code": code, "name": name}, {"type": "Polygon", "coordinates": [ring]})


def _dump(name, obj):
    (HERE / name).write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _catalog_features():
    import shapely

    def project(pid, name, category, geom):
        return {"id": pid, "geometry": geom, "properties": {
            "id": pid, "name": name, "category": category, "action": "建设", "quote": f"推进{name}建设。",
            "char_start": 2, "char_end": 2 + len(name), "quantity": None, "named": True, "section": None,
            "base_name": name, "geocode": {"status": "matched" if geom is not None else "unlocated",
                                           "source": "test", "method": "test", "source_datum": "wgs84",
                                           "accuracy_m": 50.0, "reason": None if geom is not None else "test"},
        }}

    return [
        project("school-tianqiao-shiyan", "天桥实验小学", "school", shapely.Point(117.01, 36.69)),
        project("road-rebuild-beiyuan-dajie", "北园大街", "road_rebuild",
                shapely.LineString([(117.005, 36.695), (117.035, 36.695)])),
        project("welfare-xingfuyuan", "幸福院", "welfare", None),
    ]


def main():
    import geopandas as gpd
    import pyogrio
    import shapely

    from geo.boundaries import Boundaries
    from geo.pipeline import write_catalog, write_layers

    features = _catalog_features()
    write_catalog(HERE / "valid_projects.geojson", features, "report.txt")
    valid = (HERE / "valid_projects.geojson").read_text(encoding="utf-8")
    districts = _fc([_zone("370105001", "无影山街道", ZONE_A), _zone("370105002", "北园街道", ZONE_B)])
    _dump("valid_districts.geojson", districts)

    # --- catalogs (geo join -p)
    (HERE / "truncated_projects.geojson").write_text(valid[: len(valid) // 2], encoding="utf-8")
    _dump("list_toplevel.geojson", json.loads(valid)["features"])
    _dump("single_feature.geojson", json.loads(valid)["features"][0])
    data = json.loads(valid)
    point = next(f for f in data["features"] if (f["geometry"] or {}).get("type") == "Point")
    point["geometry"]["coordinates"] = [float("nan"), 36.69]
    (HERE / "nan_projects.geojson").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    data = json.loads(valid)
    data["features"][1]["properties"]["id"] = data["features"][0]["properties"]["id"]
    _dump("duplicate_ids_projects.geojson", data)
    data = json.loads(valid)
    del data["features"][0]["properties"]["name"]
    _dump("no_name_projects.geojson", data)
    data = json.loads(valid)
    data["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [[117.0, 36.68]]}
    _dump("bad_geometry_projects.geojson", data)
    data = json.loads(valid)
    data["features"][0]["properties"].update(quantity="13条", geocode=5, subdistricts="无影山街道")
    _dump("bad_nested_projects.geojson", data)
    data = json.loads(valid)
    data["features"][0]["properties"]["category"] = "roads"
    _dump("unknown_category_projects.geojson", data)
    data = json.loads(valid)
    data["features"][0]["properties"] = ["not", "an", "object"]
    _dump("properties_list_projects.geojson", data)
    data = json.loads(valid)
    data["features"][0]["properties"]["id"] = ["a", "list"]
    _dump("id_list_projects.geojson", data)
    data = json.loads(valid)
    data["features"][0]["properties"]["subdistricts"] = [1, 2]
    _dump("subdistricts_ints_projects.geojson", data)
    data = json.loads(valid)
    point = next(f for f in data["features"] if (f["geometry"] or {}).get("type") == "Point")
    point["geometry"]["coordinates"] = [500895.0, 4061110.0]  # EPSG:4548 metres in a lon/lat file
    _dump("projected_projects.geojson", data)

    # --- districts (--districts)
    _dump("districts_points.geojson", _fc([_feature({"code": "1", "name": "甲街道"},
                                                     {"type": "Point", "coordinates": [117.01, 36.69]})]))
    _dump("districts_lines.geojson", _fc([_feature({"code": "1", "name": "甲街道"},
                                                    {"type": "LineString", "coordinates": ZONE_A[:3]})]))
    _dump("districts_bowtie.geojson", _fc([_zone("370105001", "无影山街道", BOWTIE),
                                           _zone("370105002", "北园街道", ZONE_B)]))
    _dump("districts_empty.geojson", _fc([]))
    stale_crs = json.loads((HERE / "valid_districts.geojson").read_text(encoding="utf-8"))
    stale_crs["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}}
    _dump("districts_wrong_crs_member.geojson", stale_crs)
    _dump("districts_null_geometries.geojson", _fc([_feature({"code": "1", "name": "甲街道"}, None)]))
    _dump("districts_unclosed_ring.geojson", _fc([_feature(
        {"code": "1", "name": "甲街道"},
        {"type": "Polygon", "coordinates": [[[117.0, 36.7], [117.01, 36.7], [117.01, 36.71]]]})]))
    _dump("districts_duplicate_codes.geojson", _fc([_zone("370105001", "无影山街道", ZONE_A),
                                                    _zone("370105001", "北园街道", ZONE_B)]))
    _dump("districts_duplicate_names.geojson", _fc([_zone("370105001", "北园街道", ZONE_A),
                                                    _zone("370105002", "北园街道", ZONE_B)]))
    text = json.dumps(districts, ensure_ascii=False).replace("117.04", "Infinity", 1)
    (HERE / "districts_infinite.geojson").write_text(text, encoding="utf-8")
    # Gauss-Kruger metres written as GeoJSON, which has no CRS member: read as degrees.
    projected = json.loads(json.dumps(districts))
    for feature in projected["features"]:
        ring = feature["geometry"]["coordinates"][0]
        feature["geometry"]["coordinates"] = [[[round(500000 + (x - 117) * 89500, 1),
                                                round(4060000 + (y - 36.68) * 111000, 1)] for x, y in ring]]
    _dump("districts_projected.geojson", projected)
    zones = gpd.read_file(HERE / "valid_districts.geojson")
    for stem in ("districts_noprj", "districts_gbk", "districts_nodbf"):
        for old in HERE.glob(f"{stem}.*"):
            old.unlink()
    pyogrio.write_dataframe(zones.to_crs("EPSG:4548"), HERE / "districts_noprj.shp")
    (HERE / "districts_noprj.prj").unlink()
    # A typical Chinese Shapefile: GBK attributes and no .cpg to say so (must still work).
    gbk = zones.rename(columns={"name": "NAME", "code": "CODE"})
    pyogrio.write_dataframe(gbk, HERE / "districts_gbk.shp", encoding="GBK")
    (HERE / "districts_gbk.cpg").unlink(missing_ok=True)
    pyogrio.write_dataframe(zones, HERE / "districts_nodbf.shp")
    for suffix in (".dbf", ".cpg", ".prj"):
        (HERE / f"districts_nodbf{suffix}").unlink(missing_ok=True)

    # --- gazetteers (--gazetteer)
    (HERE / "gazetteer_swapped.csv").write_text("name,lon,lat,datum\n天桥实验小学,36.69,117.01,wgs84\n",
                                                encoding="utf-8")
    (HERE / "gazetteer_gcj02_paris.csv").write_text("name,lon,lat,datum\n天桥实验小学,2.3522,48.8566,gcj02\n",
                                                    encoding="utf-8")
    (HERE / "gazetteer_unknown_datum.csv").write_text("name,lon,lat,datum\n天桥实验小学,117.01,36.69,beijing54\n",
                                                      encoding="utf-8")
    (HERE / "gazetteer_no_name.csv").write_text("title,lon,lat\n天桥实验小学,117.01,36.69\n", encoding="utf-8")
    (HERE / "gazetteer_bad_number.csv").write_text("name,lon,lat\n天桥实验小学,见附件,36.69\n", encoding="utf-8")
    (HERE / "gazetteer_zero_accuracy.csv").write_text(
        "name,lon,lat,accuracy_m\n北园小学,117.01,36.69,50\n天桥实验小学,117.01,36.69,0\n", encoding="utf-8")
    (HERE / "gazetteer_negative_accuracy.csv").write_text(
        "name,lon,lat,accuracy_m\n天桥实验小学,117.01,36.69,-30\n", encoding="utf-8")
    (HERE / "gazetteer_duplicate_far.csv").write_text(
        "name,lon,lat\n天桥实验小学,117.01,36.69\n天桥实验小学,117.05,36.72\n天桥实验小学,117.0101,36.6901\n",
        encoding="utf-8")
    (HERE / "gazetteer_unbalanced_quote.csv").write_text('name,lon,lat\n"天桥实验小学,117.01,36.69\n',
                                                         encoding="utf-8")

    # --- OSM and reports
    (HERE / "not_xml.osm").write_text("这不是 OSM 文件 {not: xml}\n", encoding="utf-8")
    (HERE / "truncated.osm").write_text('<?xml version="1.0"?><osm version="0.6"><node id="1" lat="36.69" '
                                        'lon="117.01"><tag k="name" v="天桥', encoding="utf-8")
    (HERE / "garbage.osm.pbf").write_bytes(bytes(range(256)) * 2)
    sentence = "加快北园大街改造，推进天桥实验小学建设。\n"
    (HERE / "report_gbk.txt").write_bytes(sentence.encode("gbk"))
    (HERE / "report_utf8.txt").write_bytes(sentence.encode("utf-8"))
    (HERE / "report_utf16.txt").write_bytes(sentence.encode("utf-16"))  # what Notepad calls "Unicode"
    (HERE / "report_unknown_encoding.txt").write_bytes("天桥区政府工作报告".encode("gbk") + b"\x80\xff" * 8 + b"\n")
    (HERE / "report_png.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
                                          b"\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f"
                                          b"\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
    (HERE / "report_pdf.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
    (HERE / "report.docx").write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml")
    (HERE / "overpass_timeout.osm").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="Overpass API 0.7.61.5">\n'
        '<note>The data included in this document is from www.openstreetmap.org.</note>\n'
        '<meta osm_base="2024-05-01T12:00:00Z"/>\n  <node id="1" lat="36.69" lon="117.01"/>\n'
        '<remark> runtime error: Query timed out in "query" at line 3 after 26 seconds. </remark>\n</osm>\n',
        encoding="utf-8")
    (HERE / "overpass_out_center.osm").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="Overpass API 0.7.61.5">\n'
        '  <way id="3001">\n    <center lat="36.69" lon="117.01"/>\n    <tag k="highway" v="secondary"/>\n'
        '    <tag k="name" v="北园大街"/>\n  </way>\n</osm>\n', encoding="utf-8")
    (HERE / "gazetteer_saved_page.csv").write_text(
        "<!DOCTYPE html>\n<html><head><title>地点</title></head><body><table><tr><td>天桥实验小学</td></tr></table>"
        "</body></html>\n", encoding="utf-8")
    _dump("districts_swapped.geojson", _fc([_zone("370105001", "无影山街道", [[y, x] for x, y in ZONE_A])]))
    (HERE / "report_no_projects.txt").write_text(
        "过去一年，全区上下坚持稳中求进工作总基调，经济运行总体平稳，人民生活持续改善。\n"
        "今年工作的总体要求是：坚持以人民为中心，深化改革开放，防范化解风险，保持社会大局稳定。\n",
        encoding="utf-8")

    # --- a layers directory for the export cases
    boundaries = Boundaries(zones=gpd.read_file(HERE / "valid_districts.geojson").assign(
                                boundary_quality="approximate", source="test"),
                            outline=gpd.GeoDataFrame({"code": ["370105"], "name": ["天桥区"], "source": ["test"]},
                                                     geometry=[shapely.box(117.0, 36.68, 117.04, 36.70)], crs=4326),
                            quality="approximate", source="test")
    shutil.rmtree(HERE / "layers", ignore_errors=True)
    write_layers(features, boundaries, HERE / "layers")


if __name__ == "__main__":
    main()
