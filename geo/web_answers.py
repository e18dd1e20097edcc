"""Answers of web maps' place searches saved as JSON by a planner's script (Amap's pois, Tencent's data, Baidu's results) and Overpass's answers, where a vector file is expected: a gazetteer's rows, or what to do."""

from __future__ import annotations

import re
from pathlib import Path

from geo.io import InputError

# The suffixes such an answer is saved under (the response body as it came, or a script's json.dump).
ANSWER_SUFFIXES = (".json", ".js")


def answer_kind(data):
    """Which web service's answer the parsed JSON ``data`` is: ``"amap"`` (a place search's ``pois``, GCJ-02 lon,lat
    text), ``"tencent"`` (``data`` of ``title`` and ``location`` {lat, lng}, GCJ-02), ``"baidu"`` (``results`` of
    ``name`` and ``location`` {lat, lng}: BD-09 unless the request asked otherwise) or ``"overpass"`` (OSM's
    ``elements``); None for any other value (GeoJSON among them)."""
    if not isinstance(data, dict) or "type" in data and "features" in data:
        return None
    if isinstance(data.get("elements"), list) and ("osm3s" in data or "Overpass" in str(data.get("generator", ""))):
        return "overpass"
    if "infocode" in data and "status" in data:  # Amap's, of places or of an error (INVALID_USER_KEY)
        return "amap"
    for kind, (key, name) in _PLACES.items():
        places = data.get(key)
        if "status" in data and isinstance(places, list) and all(
                isinstance(place, dict) and name in place and "location" in place for place in places):
            return kind
    return None


def answer_refusal(data):
    """What to say of a web service's answer (:func:`answer_kind`) given where a vector file of features is read (a
    ``--districts`` or ``--outline`` file), or None for other JSON."""
    kind = answer_kind(data)
    if kind == "overpass":
        return "is an answer of OpenStreetMap's Overpass API (nodes, ways, relations), not GeoJSON: give it as --osm"
    if kind is not None:
        return f"is an answer of {_LABELS.get(kind, _BAIDU)} (places as points, for --gazetteer), not a vector file of " \
               "features"
    return None


def answer_rows(path, data, warnings=None):
    """(rows, geometries) of a gazetteer that is an answer of Amap's or Tencent's place search (:func:`answer_kind`):
    each place a row of its ``name``, ``address`` and ``datum`` gcj02 (both web maps give GCJ-02 alone), a point;
    places without a location left out, with a warning (appended to ``warnings``, else printed). The rows are as a
    table's, so that their datum, rounding and names are checked as a CSV's are.

    Raises
    ------
    geo.io.InputError
        For an answer of an error (Amap's ``status`` "0", Tencent's non-zero), one of Baidu's (its datum is not
        told: BD-09 unless the request asked ``ret_coordtype=gcj02ll``), or one of Overpass (OSM data: ``--osm``).
    """
    import shapely

    from geo.tables import ROUNDING

    kind = answer_kind(data)
    if kind == "overpass":
        raise InputError(path, "is an answer of OpenStreetMap's Overpass API (its elements: nodes, ways, relations), "
                               "not a layer of places: give it as --osm")
    if kind == "baidu":
        raise InputError(path, "is an answer of Baidu's place search (its results' location lat/lng), whose datum the "
                               "answer does not state (BD-09 unless the request asked ret_coordtype=gcj02ll): save its "
                               "results as CSV with 名称, 经度, 纬度 and a 坐标系 column (bd09, or gcj02), and give that")
    label, (key, name_key) = _LABELS[kind], _PLACES[kind]
    if str(data.get("status")) != _OK[kind]:
        said = data.get("info") or data.get("message") or data.get("status")
        raise InputError(path, f"is an answer of {_SERVICES[kind]} that reports an error ({str(said)[:80]}), holding no "
                               "places")
    rows, geoms, unplaced = [], [], []
    for place in data.get(key) or []:
        location = place.get("location")
        if isinstance(location, dict):  # Tencent's {"lat": 28.205, "lng": 112.955}
            texts = (str(location.get("lng", "")), str(location.get("lat", "")))
        else:  # Amap's "112.955412,28.205100"; [] where it has none
            texts = tuple(location.split(",")) if isinstance(location, str) and location.count(",") == 1 else ("", "")
        if not all(_NUMBER.fullmatch(text) for text in texts):
            unplaced.append(str(place.get(name_key)))
            continue
        address = place.get("address")
        rows.append({"name": place.get(name_key), "address": address if isinstance(address, str) else None,
                     "datum": "gcj02", "method": f"answer of {label}, saved as {Path(path).name}",
                     ROUNDING: (*texts, float(texts[1]))})
        geoms.append(shapely.Point(float(texts[0]), float(texts[1])))
    if unplaced and rows:
        from geo.boundary_checks import listed
        from geo.io import warn

        warn(f"{path}: left out {len(unplaced)} of {len(unplaced) + len(rows)} place(s) of the answer that give no "
             f"location ({listed(unplaced)})", warnings)
    return rows, geoms


_PLACES = {"amap": ("pois", "name"), "tencent": ("data", "title"), "baidu": ("results", "name")}
_LABELS = {"amap": "Amap's place search", "tencent": "Tencent's place search"}
_BAIDU = "Baidu's place search"
_OK = {"amap": "1", "tencent": "0"}
_SERVICES = {"amap": "Amap's web service", "tencent": "Tencent's web service"}
_NUMBER = re.compile(r"\s*[-+]?\d+(?:\.\d+)?\s*")
