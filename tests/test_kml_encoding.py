"""KML files declaring a Chinese encoding (GBK, GB2312, GB18030, Big5) read in it, through a UTF-8 copy; one not in it refused naming it."""

import zipfile

import pytest

from geo.io import InputError


def _kml(encoding, folders):
    """A KML document declaring ``encoding``, of one folder per ``(name, [(placemark, lon, lat)])``."""
    body = "".join(f"<Folder><name>{name}</name>" + "".join(
        f"<Placemark><name>{mark}</name><Point><coordinates>{lon},{lat}</coordinates></Point></Placemark>"
        for mark, lon, lat in marks) + "</Folder>" for name, marks in folders)
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
            f"{body}</Document></kml>\n")


@pytest.mark.parametrize("declared, codec, names", [
    ("GBK", "gbk", ["天桥医院", "北园街道"]), ("gb2312", "gb2312", ["天桥医院", "北园街道"]),
    ("GB18030", "gb18030", ["天桥医院", "北园街道"]), ("Big5", "big5", ["天橋醫院", "北園街道"])])
def test_a_kml_declaring_a_chinese_encoding_is_read_in_it(tmp_path, declared, codec, names):
    # 91卫图, 奥维 and older Chinese tools write encoding="GBK": GDAL's XML parser knows UTF-8, UTF-16
    # and Latin-1 only, and the file was refused with "unknown encoding" alone.
    from geo.gazetteer_files import load_file
    from geo.vectors import read_vector

    folders = [("甲", [(names[0], 117.0, 36.7)]), ("街道", [(names[1], 117.01, 36.71)])]
    kml = tmp_path / "places.kml"
    kml.write_bytes(_kml(declared, folders).encode(codec))
    kmz = tmp_path / "places.kmz"
    with zipfile.ZipFile(kmz, "w") as archive:
        archive.writestr("doc.kml", _kml(declared, folders[:1]).encode(codec))
        archive.writestr("files/b.kml", _kml(declared, folders[1:]).encode(codec))
    for path in (kml, kmz):
        assert sorted(e.name for e in load_file(path, datum="wgs84")) == sorted(names), path
        assert list(read_vector(path, layer="街道")["Name"]) == [names[1]]
    assert kml.read_bytes() == _kml(declared, folders).encode(codec)  # the file itself is left as it is


def test_a_gpx_declaring_gbk_is_read_in_it_as_gazetteer_and_as_districts(tmp_path):
    # Chinese GPS software writes encoding="GBK" in its GPX too: "XML parsing of GPX file failed : unknown encoding"
    from geo.gazetteer_files import load_file
    from geo.vectors import read_vector

    gpx = tmp_path / "点位.gpx"
    ring = "".join(f'<trkpt lat="{y}" lon="{x}"/>' for x, y in ((117.0, 36.7), (117.01, 36.7), (117.01, 36.71),
                                                                (117.0, 36.7)))
    text = ('<?xml version="1.0" encoding="GBK"?>\n<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/'
            'GPX/1/1"><wpt lat="36.7" lon="117.0"><name>天桥医院</name></wpt>'
            f"<trk><name>北园街道</name><trkseg>{ring}</trkseg></trk></gpx>\n")
    gpx.write_bytes(text.encode("gbk"))
    assert sorted(e.name for e in load_file(gpx, datum="wgs84")) == ["北园街道", "天桥医院"]
    assert list(read_vector(gpx, layer="tracks")["name"]) == ["北园街道"]
    assert gpx.read_bytes() == text.encode("gbk")  # the file itself is left as it is


def test_a_gbk_kml_sent_zipped_is_read_as_a_kmz_is(tmp_path):
    # An 奥维 KML zipped to send it (WeChat, mail): GDAL opened the .zip itself and stopped at 'unknown
    # encoding on line 1'; a zip of Shapefiles, a GeoPackage or a UTF-8 KML was read.
    from geo.boundaries import load_official_zones
    from geo.gazetteer_files import load_file

    square = "117.00,36.70 117.01,36.70 117.01,36.71 117.00,36.71 117.00,36.70"
    document = ('<?xml version="1.0" encoding="GBK"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                f"<Placemark><name>北园街道</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{square}"
                "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>\n")
    path = tmp_path / "街道.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("街道/jd.kml", document.encode("gbk"))
    zones, _ = load_official_zones(path, name_field="Name")
    assert list(zones["name"]) == ["北园街道"] and zones.geometry.iloc[0].area == pytest.approx(1e-4)
    assert [e.name for e in load_file(path, datum="wgs84")] == ["北园街道"]
    # its ExtendedData keep their Chinese names (GDAL made 坐标系 and 精度 '___' and '__' in a .zip)
    sites = tmp_path / "点位.zip"
    with zipfile.ZipFile(sites, "w") as archive:
        archive.writestr("点位.kml", ('<?xml version="1.0" encoding="GBK"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">'
                                    "<Document><Placemark><name>天桥医院</name><ExtendedData><Data name=\"坐标系\"><value>"
                                    "CGCS2000</value></Data><Data name=\"精度\"><value>10</value></Data></ExtendedData>"
                                    "<Point><coordinates>117.0,36.7</coordinates></Point></Placemark></Document></kml>\n"
                                    ).encode("gbk"))
    warnings = []
    (entry,) = load_file(sites, warnings=warnings)
    assert (entry.name, entry.accuracy_m, warnings) == ("天桥医院", 10, [])


def test_a_kml_not_in_the_encoding_it_declares_is_refused_naming_it_and_the_fix(tmp_path):
    from geo.vectors import read_vector

    path = tmp_path / "places.kml"
    path.write_bytes(_kml("GBK", [("医院", [("天桥医院", 117.0, 36.7)])]).encode("utf-8")[:-40] + b"\xff\xff</kml>")
    with pytest.raises(InputError, match=r"places\.kml: declares encoding='GBK' but is no GBK text \(byte [\d,]+ does "
                                         r"not decode\): save it as UTF-8$"):
        read_vector(path)
    path.write_bytes(_kml("Shift_JIS", [("医院", [("天桥医院", 117.0, 36.7)])]).encode("utf-8"))
    with pytest.raises(InputError, match=r"places\.kml: declares encoding='Shift_JIS', which GDAL cannot read .*: "
                                         r"save it as UTF-8$"):
        read_vector(path)


def test_a_gbk_kml_read_by_the_command_line_leaves_no_copy_in_the_temporary_folder(tmp_path):
    # The CLI leaves by os._exit (geo.__main__._exit), which runs no atexit handler: every
    # UTF-8 copy of a GBK KML stayed in /tmp after each run.
    import os
    import subprocess
    import sys

    temp = tmp_path / "tmp"
    temp.mkdir()
    kml = tmp_path / "jd.kml"
    ring = "117.0,36.68 117.02,36.68 117.02,36.70 117.0,36.70 117.0,36.68"
    kml.write_bytes((f'<?xml version="1.0" encoding="GBK"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                     f"<Placemark><name>北园街道</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{ring}"
                     "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>\n"
                     ).encode("gbk"))
    env = {**os.environ, "TMPDIR": str(temp)}
    result = subprocess.run([sys.executable, "-m", "geo", "join", "--districts", str(kml), "--name-field", "Name",
                             "-p", str(tmp_path / "missing.geojson")], capture_output=True, text=True, env=env,
                            cwd=tmp_path, timeout=300)
    assert result.returncode != 0 and "missing.geojson" in result.stderr  # it got past reading the KML
    assert not list(temp.glob("geo-kml-*"))


@pytest.mark.parametrize("bom, codec", [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"),
                                        (b"\xfe\xff", "utf-16-be")])
def test_a_kml_whose_byte_order_mark_contradicts_its_declaration_is_read_as_the_mark_says(tmp_path, bom, codec):
    # A GBK KML saved again by Notepad as UTF-8 keeps encoding="GBK" under a UTF-8 byte-order mark:
    # it was refused as 'no GBK text ... save it as UTF-8', which it already was.
    from geo.vectors import read_vector

    path = tmp_path / "places.kml"
    path.write_bytes(bom + _kml("GBK", [("医院", [("天桥医院", 117.0, 36.7)])]).encode(codec))
    assert list(read_vector(path)["Name"]) == ["天桥医院"]


def test_a_gbk_kml_with_blanks_before_its_declaration_is_read(tmp_path):
    # The copy kept the blank line before <?xml: GDAL refused the copy, naming its temporary path.
    from geo.vectors import read_vector

    path = tmp_path / "places.kml"
    path.write_bytes(("\r\n" + _kml("GBK", [("医院", [("天桥医院", 117.0, 36.7)])])).encode("gbk"))
    assert list(read_vector(path)["Name"]) == ["天桥医院"]


@pytest.mark.parametrize("suffix", [".kml", ".kmz"])
def test_gdals_error_on_a_gbk_kml_names_the_file_not_its_temporary_copy(tmp_path, suffix):
    from geo.vectors import read_vector

    text = _kml("GBK", [("医院", [("天桥医院", 117.0, 36.7)])]).replace("</name>", "</nam>", 1).encode("gbk")
    path = tmp_path / f"places{suffix}"
    if suffix == ".kml":
        path.write_bytes(text)
    else:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("doc.kml", text)
    with pytest.raises(InputError, match="mismatched tag") as error:
        read_vector(path)
    assert "geo-kml-" not in str(error.value) and str(error.value).startswith(f"{path}: ")


def test_a_large_gbk_kml_is_copied_without_holding_it_in_memory(tmp_path):
    # The copy read the whole file, decoded it and encoded it twice: several times its size in memory.
    import tracemalloc

    from geo.kml_encoding import readable_copy

    marks = [(f"医院{n}", 117.0 + n * 1e-6, 36.7) for n in range(100_000)]
    path = tmp_path / "big.kml"
    path.write_bytes(_kml("GBK", [("医院", marks)]).encode("gbk"))
    tracemalloc.start()
    try:
        copy = readable_copy(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert copy != path and copy.read_bytes() == _kml("UTF-8", [("医院", marks)]).encode("utf-8")
    assert path.stat().st_size > 10_000_000 and peak < path.stat().st_size / 3


def test_a_byte_that_does_not_decode_after_a_character_split_between_chunks_is_named_at_its_place(tmp_path):
    # The copy is decoded 256 KiB at a time: a GBK character whose two bytes lie on either side of a
    # chunk's end was held back by the decoder, and a bad byte after it was named one byte too far on.
    from geo.kml_encoding import _CHUNK, readable_copy

    head = '<?xml version="1.0" encoding="GBK"?>\n<kml><!--'.encode("gbk")
    text = head + b"-" * (_CHUNK - len(head) - 1) + "医院".encode("gbk") + b"\xff\xff-->\n</kml>\n"
    assert text[_CHUNK - 1:_CHUNK + 1] == "医".encode("gbk")  # split between the first chunk and the second
    path = tmp_path / "places.kml"
    path.write_bytes(text)
    at = text.index(b"\xff")
    with pytest.raises(InputError, match=rf"places\.kml: declares encoding='GBK' but is no GBK text \(byte {at:,} "
                                         r"does not decode\): save it as UTF-8$"):
        readable_copy(path)
