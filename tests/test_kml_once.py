"""A KML's folders read in one opening of the file (geo/kml_once.py): GDAL parses the whole KML each time it opens it,
so a KML of hundreds of folders read folder by folder took time growing as the square of its folders."""

import pyogrio

from geo.boundaries import load_boundaries
from geo.kml_once import read_kml_layers
from geo.vectors import read_vector


def _kml(path, folders):
    """A Google Earth KML of ``folders`` ``[(folder, placemark name, x0, extended data {name: value})]``, a 0.01°
    square each at (x0, 28.20)."""
    def placemark(name, x0, data):
        ring = " ".join(f"{x},{y},0" for x, y in ((x0, 28.2), (x0 + .01, 28.2), (x0 + .01, 28.21), (x0, 28.21), (x0, 28.2)))
        extended = "".join(f'<Data name="{k}"><value>{v}</value></Data>' for k, v in data.items())
        return (f"<Placemark><name>{name}</name><ExtendedData>{extended}</ExtendedData><Polygon><outerBoundaryIs>"
                f"<LinearRing><coordinates>{ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>")

    body = "".join(f"<Folder><name>{folder}</name>{placemark(name, x0, data)}</Folder>" for folder, name, x0, data in folders)
    path.write_text('<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                    f"{body}</Document></kml>", encoding="utf-8")
    return path


def _opens(monkeypatch):
    """The list each opening of a file by pyogrio (to list, count or read its layers) is appended to."""
    opened = []
    for name in ("read_dataframe", "read_info", "list_layers"):
        for module in (pyogrio, pyogrio.geopandas, pyogrio.core):
            if hasattr(module, name):
                original = getattr(module, name)
                def counted(*args, _original=original, **kwargs):
                    opened.append(args[0] if args else kwargs.get("path_or_buffer"))
                    return _original(*args, **kwargs)
                monkeypatch.setattr(module, name, counted)
    return opened


def test_a_kml_of_many_folders_is_opened_a_few_times_not_once_per_folder(tmp_path, monkeypatch):
    # 60 folders, a 街道 in each (Google Earth's My Places): each folder read by its own opening of the file, and
    # counted by another, GDAL parsed the whole KML 120 times (400 folders: 24 s).
    names = [f"青山第{i}街道" for i in range(60)]
    path = _kml(tmp_path / "青山县街道.kml", [(name, name, 112.0 + i * .01, {}) for i, name in enumerate(names)])
    opened = _opens(monkeypatch)
    b = load_boundaries(path, name_field="Name")
    assert list(b.zones["name"]) == names
    assert len(opened) <= 10


def test_folders_of_different_extended_data_keep_each_folders_columns(tmp_path):
    # 奥维 writes a folder's own ExtendedData: 代码 in one folder, 面积 in another. Each frame has its folder's columns,
    # as reading it alone gives them.
    folders = [("白石", "白石街道", 112.0, {"代码": "1"}), ("青松", "青松街道", 112.01, {"面积": "2"}),
               ("东湖", "东湖街道", 112.02, {})]
    path = _kml(tmp_path / "青山县.kml", folders)
    frames = read_kml_layers(path, ["白石", "青松", "东湖"], read_vector, None)
    alone = [read_vector(path, layer=layer) for layer in ("白石", "青松", "东湖")]
    assert [list(f.columns) for f in frames] == [list(f.columns) for f in alone]
    assert [f.loc[0, "Name"] for f in frames] == ["白石街道", "青松街道", "东湖街道"]
    assert frames[0].loc[0, "代码"] == "1" and frames[1].loc[0, "面积"] == "2"
    assert all(f.geometry.equals(a.geometry) for f, a in zip(frames, alone))


def test_folders_with_quotes_in_their_names_are_read(tmp_path):
    # The query names each folder in double quotes and in single quotes: a quote in a folder's name is escaped.
    folders = ['白石"北', "白石'南"]
    path = _kml(tmp_path / "青山县.kml", [(f, f"{f}街道", 112.0 + i * .01, {}) for i, f in enumerate(folders)])
    b = load_boundaries(path, name_field="Name")
    assert sorted(b.zones["name"]) == sorted(f"{f}街道" for f in folders)
