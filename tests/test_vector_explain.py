"""Why a vector file is not read, said in one line (geo.vector_explain)."""

import pytest

from geo import vectors
from geo.io import InputError


@pytest.mark.parametrize("suffix, data", [(".ovobj", b"OVOB\x00\x01\x02binary"),
                                          (".ovjsn", '{"ObjItems": [{"Name": "白石街道"}]}'.encode())])
def test_an_ovital_map_file_is_said_to_be_one_with_how_to_export_it(tmp_path, suffix, data):
    # 奥维互动地图's own object files, as planners share them: `not a vector file GDAL reads (GeoJSON, …)`.
    path = tmp_path / f"青山县街道{suffix}"
    path.write_bytes(data)
    with pytest.raises(InputError, match=rf"青山县街道\{suffix}: is an 奥维互动地图 \(Ovital Map\) object file \(\{suffix}\), "
                                         r"which GDAL cannot read: in 奥维, export the objects as KML or KMZ"):
        vectors.read_vector(path)
