"""Compass directions as reports write them (东, 西南): their pattern, unit vectors and English words."""

from __future__ import annotations

import math

# A direction of one or two points (the two-point ones first, so that a regex takes 东南 whole).
PATTERN = "东北|东南|西北|西南|东|西|南|北"
# Unit (east, north) of each point.
UNIT = {"东": (1.0, 0.0), "西": (-1.0, 0.0), "南": (0.0, -1.0), "北": (0.0, 1.0)}
WORDS = {"东": "east", "西": "west", "南": "south", "北": "north"}
OPPOSITE = {"东": "西", "西": "东", "南": "北", "北": "南"}


def unit(direction):
    """Unit (east, north) of a direction of one or two points (东, 东南: along the diagonal)."""
    east, north = sum(UNIT[c][0] for c in direction), sum(UNIT[c][1] for c in direction)
    size = math.hypot(east, north)
    return east / size, north / size


def words(direction):
    """The English words of a direction of one or two points (东 -> east, 东南 -> south-east)."""
    return "-".join(WORDS[c] for c in reversed(direction)) if len(direction) == 2 else WORDS[direction]
