"""What is said of a 街道 file's topology (gaps and slivers between its 街道), found in time linear in their detail."""

import numpy as np
import shapely

from geo.boundary_checks import _gaps


def _notched(x0, x1, notches):
    """A 街道 from x0 to x1 (metres), 100 m high, its north edge cut by ``notches`` notches 2 m wide, 3 m deep."""
    step = (x1 - x0) / (notches + 1)
    top = [(x1, 100.0)]
    for n in range(notches, 0, -1):
        x = x0 + n * step
        top += [(x + 1, 100.0), (x + 1, 97.0), (x - 1, 97.0), (x - 1, 100.0)]
    return shapely.Polygon([(x0, 0.0), (x1, 0.0), *top, (x0, 100.0)])


class _CountedTree(shapely.STRtree):
    queries = 0

    def query(self, *args, **kwargs):
        type(self).queries += 1
        return super().query(*args, **kwargs)


def test_the_slivers_of_a_detailed_edge_are_tested_against_the_street_blocks_in_one_query(monkeypatch):
    monkeypatch.setattr(shapely, "STRtree", _CountedTree)
    west, east = _notched(0, 500, 60), _notched(502, 1000, 60)  # 120 notches, a 2 m gap between the two 街道
    gaps = _gaps(np.array([west, east], dtype=object), shapely.union_all([west, east]))
    assert [round(g.area) for g in gaps] == [200]  # the gap between them; no notch of one 街道's edge
    assert _CountedTree.queries == 1  # not one a sliver (each measuring the whole 街道 again)


def test_a_single_street_block_has_its_holes_as_gaps_and_its_notches_are_not_looked_into(monkeypatch):
    buffered = []
    monkeypatch.setattr(shapely, "buffer", lambda *a, **k: buffered.append(a) or shapely.lib.buffer(*a, **k))
    lone = shapely.Polygon(_notched(0, 500, 60).exterior, [[(10, 10), (20, 10), (20, 20), (10, 20)]])
    assert [round(g.area) for g in _gaps(np.array([lone], dtype=object), lone)] == [100]
    assert buffered == []  # no closing: no sliver lies between two 街道 when there is one
