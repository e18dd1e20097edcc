"""A KML whose attributes lie only in each placemark's description, as ArcGIS's Layer To KML writes it (geo.kml_descriptions)."""

import re
import zipfile

import pytest
import shapely

from geo.boundaries import load_official_zones
from geo.io import InputError

STREETS = {"白石街道": shapely.box(117.10, 36.60, 117.12, 36.62), "青松镇": shapely.box(117.12, 36.60, 117.14, 36.62)}


def _arcgis_kml(label=lambda number, name: name):
    """青山县's 街道 as ArcGIS's Layer To KML writes them: a popup table of the fields in each description (a title row,
    a nested table of field and value rows, <Null> for an empty field), the label as the placemark's name."""
    placemarks = []
    for number, (name, box) in enumerate(STREETS.items()):
        fields = [("FID", number), ("XZQMC", name), ("XZQDM", f"37019900{number + 1}"), ("BZ", "&lt;Null&gt;")]
        rows = "".join(f'<tr{" bgcolor=" + chr(34) + "#D4E4F3" + chr(34) if i % 2 else ""}><td>{field}</td>'
                       f"<td>{value}</td></tr>" for i, (field, value) in enumerate(fields))
        ring = " ".join(f"{x},{y},0" for x, y in box.exterior.coords)
        placemarks.append(
            f'<Placemark id="ID_{number:05d}"><name>{label(number, name)}</name><Snippet maxLines="0"></Snippet>'
            f'<description><![CDATA[<html xmlns:fo="http://www.w3.org/1999/XSL/Format"><head><META '
            f'http-equiv="Content-Type" content="text/html"></head><body><table style="width:100%"><tr style="text-align:'
            f'center;font-weight:bold"><td>{name}</td></tr><tr><td><table style="width:100%">{rows}</table></td></tr>'
            f"</table></body></html>]]></description><MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>"
            f"{ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></MultiGeometry></Placemark>")
    return ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>jd'
            f'</name><Folder id="FeatureLayer0"><name>jd</name>{"".join(placemarks)}</Folder></Document></kml>')


@pytest.mark.parametrize("suffix", [".kml", ".kmz"])
def test_fields_kept_in_each_description_as_arcgis_writes_them_are_columns(tmp_path, suffix):
    # `--name-field 'XZQMC' is not a column (columns: id, Name, description, timestamp, …)`: ArcGIS writes no
    # ExtendedData, only the popup's HTML table.
    path = tmp_path / f"行政区划{suffix}"
    if suffix == ".kmz":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("doc.kml", _arcgis_kml(lambda number, name: number))
    else:
        path.write_text(_arcgis_kml(lambda number, name: number), encoding="utf-8")
    zones, _ = load_official_zones(path, name_field="XZQMC", code_field="XZQDM")
    assert list(zones["name"]) == list(STREETS) and list(zones["code"]) == ["370199001", "370199002"]


def test_a_description_field_named_as_a_column_already_is_left_to_the_column_and_null_is_no_value(tmp_path):
    from geo.vectors import read_vector

    path = tmp_path / "行政区划.kml"
    path.write_text(_arcgis_kml().replace("<td>XZQMC</td>", "<td>Name</td>"), encoding="utf-8")
    frame = read_vector(path)
    assert list(frame["Name"]) == list(STREETS) and frame["BZ"].isna().all() and list(frame["FID"]) == ["0", "1"]


def test_an_arcgis_kml_without_name_field_suggests_its_label_and_its_code_field(tmp_path):
    path = tmp_path / "行政区划.kml"
    path.write_text(_arcgis_kml(), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape("--name-field Name --code-field XZQDM") + "$"):
        load_official_zones(path, name_field=None)


def test_a_layer_of_arcgis_map_to_kml_is_chosen_by_a_field_its_descriptions_alone_give(tmp_path):
    # Map To KML writes a folder per layer (GDAL's layers): "--name-field 'XZQMC' is a column of none of its layers
    # (jd, dl)".
    road = ('<Folder id="FeatureLayer1"><name>dl</name><Placemark><name>1</name><description><![CDATA[<table><tr><td>'
            'DLMC</td><td>白石路</td></tr></table>]]></description><LineString><coordinates>117.10,36.61,0 117.14,36.61,0'
            '</coordinates></LineString></Placemark></Folder>')
    path = tmp_path / "行政区划.kml"
    path.write_text(_arcgis_kml().replace("</Folder></Document>", f"</Folder>{road}</Document>"), encoding="utf-8")
    zones, _ = load_official_zones(path, name_field="xzqmc", code_field="XZQDM")
    assert list(zones["name"]) == list(STREETS) and list(zones["code"]) == ["370199001", "370199002"]


def _gazetteer_kml(field, label):
    """Two places as ArcGIS's Layer To KML writes a points layer labelled by ``label(number)``, ``field`` the name."""
    placemarks = []
    for number, (name, (x, y)) in enumerate({"白石中学": (117.11, 36.61), "青松公园": (117.13, 36.61)}.items()):
        rows = "".join(f"<tr><td>{key}</td><td>{value}</td></tr>" for key, value in
                       (("FID", number), (field, name), ("类型", "学校")))
        placemarks.append(f"<Placemark><name>{label(number)}</name><description><![CDATA[<html><body><table><tr><td>"
                          f"<table>{rows}</table></td></tr></table></body></html>]]></description><Point><coordinates>"
                          f"{x},{y},0</coordinates></Point></Placemark>")
    return ('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>'
            f'<name>poi</name>{"".join(placemarks)}</Folder></Document></kml>')


@pytest.mark.parametrize("field, first", [("名称", 0), ("NAME", 1)])
def test_placemarks_named_by_id_numbers_take_the_name_their_descriptions_give(tmp_path, capsys, field, first):
    # A gazetteer exported from ArcGIS labelled by FID: its entries were named 0 and 1, the 名称 of each description
    # left unread (and NAME, the same field as the KML's Name, left to it).
    from geo.gazetteer_files import load_file

    path = tmp_path / "学校.kml"
    path.write_text(_gazetteer_kml(field, lambda number: number + first), encoding="utf-8")
    assert [entry.name for entry in load_file(path, warnings=[])] == ["白石中学", "青松公园"]
    assert (f"warning: {path}: its placemarks are named by ID numbers ({first}, {first + 1}…: labelled by FID or "
            f"OBJECTID) and their descriptions give each a name ({field}): read as their names") in capsys.readouterr().err


@pytest.mark.parametrize("label", [lambda number: 370199001 + number, lambda number: 2 * number])
def test_placemarks_named_by_codes_or_numbers_not_an_id_keep_their_names(tmp_path, label):
    from geo.vectors import read_vector

    path = tmp_path / "学校.kml"
    path.write_text(_gazetteer_kml("名称", label), encoding="utf-8")
    assert list(read_vector(path)["Name"]) == [str(label(0)), str(label(1))]
