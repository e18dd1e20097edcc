"""The geocode a project carries: its statuses, the unlocated geocode and a source's short label."""

from __future__ import annotations

MATCHED = "matched"
APPROXIMATE = "approximate"
UNLOCATED = "unlocated"
# Marked not a project on the map by a planner (geo.hand_review): kept in the catalog, counted nowhere.
REMOVED = "removed"


def unlocated(reason):
    """The geocode of a project left unlocated, with the reason why."""
    return {"status": UNLOCATED, "source": None, "method": None, "source_datum": None,
            "accuracy_m": None, "reason": reason}


def accuracy_metres(value) -> float:
    """An accuracy as the geocode carries it: whole metres, always a float (every layer's
    accuracy_m column is then real, in QGIS as in the catalog's schema)."""
    return float(round(value))


def source_label(entry):
    """The source an entry came from, short: the OSM file (``OpenStreetMap extract a.osm``) or its tier."""
    if entry.source.startswith("OpenStreetMap extract"):
        return entry.source.split(" (©")[0]
    return entry.tier
