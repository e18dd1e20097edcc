"""KML NetworkLinks to documents at hand (geo.kml_links): a KMZ whose doc.kml links to a KML it carries, a KML linking to
a file beside it, read as Google Earth shows them; links to files that are not there refused saying which."""

import zipfile

import pytest

from geo.gazetteer_files import load_file
from geo.io import InputError
from geo.vectors import read_vector

_KML = '<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>{}</Document></kml>'
_ZONE = ('<Placemark><name>{}</name><Polygon><outerBoundaryIs><LinearRing><coordinates>{x},28.17 {X},28.17 {X},28.2 '
         '{x},28.2 {x},28.17</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>')


def _zones(*names):
    return _KML.format("".join(_ZONE.format(n, x=112.9 + i / 100, X=112.91 + i / 100) for i, n in enumerate(names)))


def _links(*hrefs):
    return _KML.format("".join(f"<NetworkLink><name>层{i}</name><Link><href>{h}</href></Link></NetworkLink>"
                               for i, h in enumerate(hrefs)))


@pytest.mark.parametrize("name", ["街道.kmz", "街道.zip"])
def test_a_kmz_whose_doc_kml_links_to_a_kml_it_carries_is_read_as_that_kml(tmp_path, name):
    # Google Earth packs a local link's file into the KMZ (files/…); main refused it: "holds only a NetworkLink".
    path = tmp_path / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("doc.kml", _links("files/边界.kml"))
        archive.writestr("files/边界.kml", _zones("城西街道", "城东街道"))
    assert sorted(read_vector(path)["Name"]) == ["城东街道", "城西街道"]


def test_a_kmz_linking_to_two_kml_documents_it_carries_reads_both(tmp_path):
    path = tmp_path / "街道.kmz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("doc.kml", _links("files/a.kml", "files/b.kml"))
        archive.writestr("files/a.kml", _zones("城西街道"))
        archive.writestr("files/b.kml", _zones("南岭镇"))
    assert sorted(read_vector(path)["Name"]) == ["南岭镇", "城西街道"]


def test_a_kml_linking_to_files_beside_it_reads_them_relative_or_percent_escaped(tmp_path):
    (tmp_path / "边界1.kml").write_text(_zones("城西街道", "城东街道"), encoding="utf-8")
    (tmp_path / "边界2.kml").write_text(_zones("南岭镇"), encoding="utf-8")
    path = tmp_path / "街道.kml"
    path.write_text(_links("边界1.kml", "%E8%BE%B9%E7%95%8C2.kml"), encoding="utf-8")
    assert sorted(read_vector(path)["Name"]) == ["南岭镇", "城东街道", "城西街道"]


def test_a_link_to_another_computers_path_reads_the_file_of_its_name_beside_it_and_says_so(tmp_path, capsys):
    (tmp_path / "边界.kml").write_text(_zones("城西街道"), encoding="utf-8")
    path = tmp_path / "街道.kml"
    path.write_text(_links(r"C:\Users\张三\Desktop\边界.kml"), encoding="utf-8")
    assert list(read_vector(path)["Name"]) == ["城西街道"]
    assert r"read the files of their names beside it (C:\Users\张三\Desktop\边界.kml as 边界.kml)" in capsys.readouterr().err


def test_a_gazetteer_kmz_of_a_link_to_a_kml_it_carries_gives_its_places(tmp_path):
    path = tmp_path / "点位.kmz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("doc.kml", _links("files/点位.kml"))
        archive.writestr("files/点位.kml", _KML.format("<Placemark><name>岚峰体育馆</name><Point><coordinates>"
                                                     "112.955,28.205</coordinates></Point></Placemark>"))
    assert [(e.name, e.geometry.x) for e in load_file(path, datum="wgs84")] == [("岚峰体育馆", 112.955)]


@pytest.mark.parametrize("href, said", [
    ("边界.kml", "the file it names, 边界.kml, is not beside it: copy it with the KML, or give that file"),
    ("../边界.kml", "the file it names, 边界.kml, lies outside its folder, which geo does not follow: give that file"),
    ("边界.shp", "the file it names, 边界.shp, is no KML or KMZ: give that file"),
])
def test_a_link_to_a_file_not_at_hand_is_refused_naming_it(tmp_path, href, said):
    (tmp_path / "边界.kml").write_text(_zones("城西街道"), encoding="utf-8")  # outside the KML's folder
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "街道.kml"
    path.write_text(_links(href), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_vector(path)
    assert str(caught.value).endswith(f"holds only a NetworkLink (to {href}), no features: {said}")


def test_kml_files_linking_to_each_other_end_in_one_line(tmp_path):
    (tmp_path / "a.kml").write_text(_links("b.kml"), encoding="utf-8")
    (tmp_path / "b.kml").write_text(_links("a.kml"), encoding="utf-8")
    with pytest.raises(InputError, match=r"a.kml: holds only a NetworkLink \(to b.kml\), whose file holds only "
                                         r"NetworkLinks itself \(geo follows links one deep\)"):
        read_vector(tmp_path / "a.kml")


def test_a_kmz_linking_to_a_member_it_lacks_is_refused_naming_it(tmp_path):
    path = tmp_path / "街道.kmz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("doc.kml", _links("files/边界.kml"))
    with pytest.raises(InputError, match=r"no features: the file it names, 边界.kml, is not in the archive"):
        read_vector(path)
