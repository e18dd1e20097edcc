"""Edits the tests make to a built layer file: a project renamed, as a hostile or careless report would name it."""

import json


def rename_first_feature(layer, name):
    """Give the first feature of the GeoJSON layer file ``layer`` the name ``name`` (written back as UTF-8)."""
    data = json.loads(layer.read_text(encoding="utf-8"))
    data["features"][0]["properties"]["name"] = name
    layer.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
