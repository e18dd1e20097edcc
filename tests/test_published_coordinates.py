"""Bundled Tianqiao gazetteer, 街道 seats and outline against published coordinates of the real places.

The published pairs, with their source and datum, are in
tests/fixtures/published_coordinates.csv; docs/published_coordinates.md is the audit they
come from. A row's ``relation`` says what the published point tells about the entry:
``on`` (the point lies on the place itself: a bridge over the river, the station), so the
bundled geometry must be within its own ``accuracy_m`` of it; ``north_of`` / ``south_of``
(a published place on one side of a line: a park on one bank); ``inside`` / ``outside``
(a place the source puts in, or in another district than, 天桥区).
"""

import csv
import json
from pathlib import Path

import pytest
import shapely
import shapely.geometry
import shapely.ops
from pyproj import Geod

from geo import crs, data

FIXTURE = Path(__file__).parent / "fixtures" / "published_coordinates.csv"
COLUMNS = ("entry", "table", "relation", "lon", "lat", "datum", "published_as", "source", "url")
RELATIONS = {"gazetteer": {"on", "north_of", "south_of"}, "seats": {"on"}, "outline": {"inside", "outside"}}
METRIC = crs.metric_crs_for(shapely.Point(117.0, 36.7))  # EPSG:4548, the zone of the bundled data
GEOD = Geod(ellps="WGS84")


def _rows(table=None, relations=None):
    with open(FIXTURE, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    for row in rows:
        lon, lat = crs.convert_coords([float(row["lon"])], [float(row["lat"])], row["datum"], "wgs84")
        row["point"] = shapely.Point(float(lon[0]), float(lat[0]))
    return [r for r in rows if (table is None or r["table"] == table)
            and (relations is None or r["relation"] in relations)]


def _label(row):
    return f"{row['entry']}-{row['relation']}-{row['source'].split(':')[0]}-{row['lon']}"


def _gazetteer():
    with open(data.GAZETTEER_PATH, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    return {f["properties"]["name"]: (f["properties"], shapely.geometry.shape(f["geometry"])) for f in features}


def _seats():
    return {s["name"]: s for s in data.subdistrict_seats()}


def _metres_to(geometry, point):
    """Geodesic distance from ``point`` to the nearest point of ``geometry`` (found in metres)."""
    nearest = shapely.ops.nearest_points(crs.metric_geometry(geometry, METRIC),
                                         crs.metric_geometry(point, METRIC))[0]
    back = crs.wgs84_geometry(nearest, METRIC)
    return GEOD.inv(point.x, point.y, back.x, back.y)[2]


def _latitude_of_line_at(line, lon):
    """Latitude where a west-east line crosses the meridian ``lon`` (None if it does not)."""
    x0, y0, x1, y1 = line.bounds
    crossing = line.intersection(shapely.LineString([(lon, y0 - 1.0), (lon, y1 + 1.0)]))
    points = [p for p in getattr(crossing, "geoms", [crossing]) if not p.is_empty]
    return None if not points else sum(p.y for p in points) / len(points)


def test_fixture_names_a_source_a_datum_and_a_known_entry_for_every_pair():
    with open(FIXTURE, encoding="utf-8", newline="") as handle:
        assert tuple(next(csv.reader(handle))) == COLUMNS
    rows = _rows()
    gazetteer, seats = _gazetteer(), _seats()
    assert len(rows) >= 10
    for row in rows:
        assert row["relation"] in RELATIONS[row["table"]], row
        assert row["source"] and row["url"].startswith("https://") and row["published_as"], row
        assert crs.normalise_datum(row["datum"]) in ("wgs84", "gcj02", "bd09"), row
        if row["table"] == "gazetteer":
            assert row["entry"] in gazetteer, row["entry"]
        elif row["table"] == "seats":
            assert row["entry"] in seats, row["entry"]


def _placed(row):
    """(geometry, claimed accuracy in metres) of the bundled entry a row is about."""
    if row["table"] == "seats":
        seat = _seats()[row["entry"]]
        return shapely.Point(float(seat["seat_lon"]), float(seat["seat_lat"])), float(seat["seat_accuracy_m"])
    properties, geometry = _gazetteer()[row["entry"]]
    return geometry, float(properties["accuracy_m"])


@pytest.mark.parametrize("row", [r for r in _rows(relations={"on"}) if r["table"] in ("gazetteer", "seats")],
                         ids=_label)
def test_bundled_entry_lies_within_its_claimed_accuracy_of_the_published_position(row):
    geometry, accuracy = _placed(row)
    off = _metres_to(geometry, row["point"])
    assert off <= accuracy, f"{row['entry']} is {off:.0f} m from {row['source']} but claims {accuracy:g} m"


@pytest.mark.parametrize("row", _rows("gazetteer", {"north_of", "south_of"}), ids=_label)
def test_published_place_is_on_the_side_of_the_line_its_source_gives(row):
    _, line = _gazetteer()[row["entry"]]
    latitude = _latitude_of_line_at(line, row["point"].x)
    assert latitude is not None, f"{row['entry']} does not reach the meridian of {row['source']}"
    north = row["point"].y > latitude
    assert north == (row["relation"] == "north_of"), (row["entry"], row["source"], latitude)


@pytest.mark.parametrize("row", _rows("outline"), ids=_label)
def test_outline_puts_published_place_in_the_district_its_source_gives(row):
    outline = data.load_district_outline().geometry.iloc[0]
    assert outline.contains(row["point"]) == (row["relation"] == "inside"), row["entry"]
