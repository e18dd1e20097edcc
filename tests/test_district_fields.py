"""The refusal of a 街道 file given without --name-field names its columns (geo/district_fields.py)."""

import json

import pytest
import shapely

from geo.boundaries import load_official_zones
from geo.io import InputError


def _official(tmp_path, properties):
    """青山县's 街道 as an official file would give them: one feature per row of ``properties``."""
    features = [{"type": "Feature", "properties": row,
                 "geometry": shapely.geometry.mapping(shapely.box(117.10 + i * 0.02, 36.60, 117.12 + i * 0.02, 36.62))}
                for i, row in enumerate(properties)]
    path = tmp_path / "行政区划.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_street_file_without_its_name_field_is_refused_naming_its_columns_and_the_options(tmp_path):
    # An official file (XZQDM, XZQMC, MJ) given without --name-field: `--name-field is required with
    # --districts (the column holding 街道 names)`, nothing of which column that is.
    path = _official(tmp_path, [{"OBJECTID": 1, "XZQDM": "370199001", "XZQMC": "白石街道", "MJ": 2.5, "BZ": None},
                                {"OBJECTID": 2, "XZQDM": "370199100", "XZQMC": "青松镇", "MJ": 8.1, "BZ": "新设"}])
    with pytest.raises(InputError, match=r"行政区划\.geojson: --name-field is required with --districts \(the column "
                                         r"holding 街道 names\); its columns: OBJECTID, XZQDM, XZQMC, MJ, BZ: "
                                         r"--name-field XZQMC --code-field XZQDM$"):
        load_official_zones(path, name_field=None)


def test_a_street_file_of_two_columns_of_names_is_refused_naming_its_columns_alone(tmp_path):
    path = _official(tmp_path, [{"街道": "白石街道", "原名": "白石乡"}, {"街道": "青松街道", "原名": "青松镇"}])
    with pytest.raises(InputError, match=r"\(the column holding 街道 names\); its columns: 街道, 原名$"):
        load_official_zones(path, name_field=None)
