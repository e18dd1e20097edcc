"""Crossings in a road's undrawn stretch: a road joined across gaps (its pieces up to ``SAME_ROAD_GAP_M`` apart, a
planner's rows or OSM's ways) met by another road where it is not drawn."""

from __future__ import annotations

import dataclasses

from geo import settings


def bridged_line(line):
    """(``line`` with a straight link across each gap its shortest spanning tree bridges, the links) of a metric
    (Multi)LineString whose pieces lie up to ``SAME_ROAD_GAP_M`` apart; (``line``, ()) of one piece. Links no
    longer than ``INTERSECTION_GAP_M`` are left out: :func:`geo.lines.crossings` meets across them anyway."""
    import numpy as np
    import shapely

    from geo.lines import near_pairs, spanning_links

    parts = shapely.get_parts(line)
    if len(parts) < 2:
        return line, ()
    pairs = np.asarray(near_pairs(list(parts), settings.SAME_ROAD_GAP_M), dtype=int).reshape(-1, 2)
    lengths = shapely.distance(parts[pairs[:, 0]], parts[pairs[:, 1]]) if len(pairs) else np.empty(0)
    order = sorted(zip(lengths.tolist(), pairs[:, 0].tolist(), pairs[:, 1].tolist()))
    links = tuple(shapely.shortest_line(parts[i], parts[j]) for length, i, j in spanning_links(len(parts), order)
                  if length > settings.INTERSECTION_GAP_M)
    if not links:
        return line, ()
    return shapely.MultiLineString([*parts, *links]), links


def crossings_across_gaps(a, b, *, within=None):
    """The junctions (:class:`geo.lines.Crossing`) of two metric roads that meet only where a gap of one of them
    is bridged straight (:func:`bridged_line`), each with ``bridged_m``, the width of the gap of each road it lies
    in (0.0 where it lies on what is drawn); [] when neither has such a gap or they meet nowhere else.

    Called when :func:`geo.lines.crossings` finds none: the drawn lines do not meet.
    """
    from geo.lines import crossings

    (line_a, links_a), (line_b, links_b) = bridged_line(a), bridged_line(b)
    if not links_a and not links_b:
        return []
    found = crossings(line_a, line_b, max_gap_m=settings.INTERSECTION_GAP_M, spread_m=settings.JUNCTION_SPREAD_M,
                      within=within)
    return [dataclasses.replace(c, bridged_m=(_width_at(c.point, links_a, c.gap_m + 1.0),
                                              _width_at(c.point, links_b, c.gap_m + 1.0))) for c in found]


def _width_at(point, links, reach):
    """The length of the widest of ``links`` within ``reach`` metres of ``point`` (0.0 for none): a crossing on
    it, or a near miss (:attr:`geo.lines.Crossing.gap_m`) midway to it."""
    return max((float(link.length) for link in links if link.distance(point) <= reach), default=0.0)
