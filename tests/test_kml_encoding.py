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
