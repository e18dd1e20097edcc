"""geo.csv_geometry: a CSV of 街道 as a PostGIS dump writes it (hex EWKB, EWKT) read in the reference system its cells state."""

import numpy as np
import pytest
import shapely
from pyproj import Transformer

from geo.io import InputError
from geo.vectors import read_vector

# Two made-up 街道 in lon/lat.
SQUARES = {"青山街道": shapely.box(117.00, 36.70, 117.01, 36.71), "白石街道": shapely.box(117.01, 36.70, 117.02, 36.71)}


def _mercator(geom):
    to_metres = Transformer.from_crs(4326, 3857, always_xy=True)
    return shapely.transform(geom, lambda xy: np.column_stack(to_metres.transform(xy[:, 0], xy[:, 1])))


def _csv(tmp_path, column, cells):
    path = tmp_path / "jiedao.csv"
    path.write_text(f"name,{column}\n" + "".join(f'{name},"{cell}"\n' for name, cell in zip(SQUARES, cells)),
                    encoding="utf-8")
    return path


def _ewkb(geom, srid):
    return shapely.to_wkb(shapely.set_srid(geom, srid), hex=True, include_srid=True)


@pytest.mark.filterwarnings("ignore:Ignoring invalid WKT")  # GDAL's, of EWKT; the CLI shows none
@pytest.mark.parametrize("column, cells", [
    ("geom", [_ewkb(g, 4326) for g in SQUARES.values()]),  # COPY (SELECT name, geom ...) TO ... CSV HEADER
    ("the_geom", [_ewkb(_mercator(g), 3857) for g in SQUARES.values()]),
    ("wkt", [f"SRID=4326;{g.wkt}" for g in SQUARES.values()]),  # ST_AsEWKT: GDAL reads no geometry of it
    ("wkt", [f"SRID=3857;{_mercator(g).wkt}" for g in SQUARES.values()]),
])
def test_a_csv_of_ewkb_or_ewkt_is_read_in_the_reference_system_its_cells_state(tmp_path, column, cells):
    gdf = read_vector(_csv(tmp_path, column, cells))
    assert gdf.crs.to_epsg() == 4326 and column not in gdf.columns
    for name, geom in zip(gdf["name"], gdf.geometry):
        assert shapely.equals_exact(geom.normalize(), SQUARES[name].normalize(), tolerance=1e-7)


def test_a_csv_of_plain_hex_wkb_is_read_and_still_needs_its_reference_system(tmp_path):
    path = _csv(tmp_path, "wkb_geometry", [shapely.to_wkb(g, hex=True) for g in SQUARES.values()])
    with pytest.raises(InputError, match=r"jiedao\.csv.*has no coordinate reference system"):
        read_vector(path)
    assert read_vector(path, assume_crs=4326).geometry.iloc[0].equals(SQUARES["青山街道"])


def test_cells_stating_different_reference_systems_are_refused_naming_the_column(tmp_path):
    first, second = SQUARES.values()
    path = _csv(tmp_path, "geom", [_ewkb(first, 4326), _ewkb(_mercator(second), 3857)])
    with pytest.raises(InputError, match=r"jiedao\.csv: its 'geom' cells state different reference systems "
                                         r"\(SRID 3857, 4326"):
        read_vector(path)
