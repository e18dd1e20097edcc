"""A planner's review of the catalog in the map's panel (placed.csv): projects marked not a project, projects added.

Extraction misses some projects of a report and takes some places named for context
(缓解XX路的交通压力) for projects. The projects map's panel writes the planner's word on
both into placed.csv beside the placements (:mod:`geo.hand_placed`):

- a row with ``source`` :data:`geo.settings.HAND_REMOVED_SOURCE`, the project's name and
  category and no coordinates: the project stays in the catalog, ``geometry`` null, geocode
  ``status`` :data:`geo.geocodes.REMOVED` and a reason naming the file and row, and is counted
  nowhere (no layer, no coverage figure: :func:`counted`);
- a row with ``source`` :data:`geo.settings.HAND_ADDED_SOURCE`, a name, a category and the
  geometry drawn: a project the report's text does not give geo, added to the catalog
  (``named`` true, no quote, no offsets) and placed as drawn (:func:`geo.hand_placed.use_hand_placed`).

A row of either kind that fits no project (a removal of a name the report no longer has),
or an added name the report has already, is refused in one line naming the file and row.
"""

from __future__ import annotations

import hashlib

from geo import settings
from geo.geocodes import REMOVED
from geo.hand_placed import is_added, written_name
from geo.io import InputError

# The catalog property that marks a project added on the map (its value: the source).
ADDED_PROPERTY = "added"


def is_removed(feature) -> bool:
    """Whether a catalog feature was marked not a project on the map."""
    return (feature["properties"].get("geocode") or {}).get("status") == REMOVED


def counted(features) -> list:
    """The features that count (in layers, 街道, coverage and the maps): all but those removed."""
    return [feature for feature in features if not is_removed(feature)]


def added_features(features, gazetteer, paths) -> list:
    """The catalog with the projects added on the map (rows of the gazetteer's user files whose
    source is :data:`geo.settings.HAND_ADDED_SOURCE`), in place of those an earlier run added.

    Parameters
    ----------
    features : list of dict
        The catalog's features (from the report, or read back with earlier additions).
    gazetteer : geo.gazetteer.Gazetteer
        The run's gazetteer.
    paths : dict
        ``{tier name: path}`` of the user files, to name the file in an error.

    Returns
    -------
    list of dict
        ``features`` without earlier additions, then one feature per added row: ``named`` true,
        no quote, offsets, action or quantity, ``added`` saying so; located later as drawn.

    Raises
    ------
    InputError
        An added row whose name is a project of the report's (place that project instead), or
        one added twice under two categories.
    """
    from geo.extract import normalise_name, project_slug

    features = [f for f in features if not f["properties"].get(ADDED_PROPERTY)]
    known = {normalise_name(written_name(f["properties"].get("name") or "")): f["properties"] for f in features}
    added, ids = [], {f["properties"].get("id") for f in features}
    for tier, entries in gazetteer.tiers:
        for entry in entries:
            if not is_added(entry):
                continue
            key = normalise_name(written_name(entry.name))
            if key in known:
                other = known[key]
                if other.get(ADDED_PROPERTY) and other.get("category") == entry.category:
                    continue  # the same addition again (a row carried over into another file)
                what = "added by hand too" if other.get(ADDED_PROPERTY) else "a project of the report"
                keep = ""  # found in the report since (a later geo, an edited report): the drawing can stay
                if not other.get(ADDED_PROPERTY) and other.get("category") == entry.category:
                    keep = f"; to keep what was drawn, change its source to '{settings.HAND_PLACED_SOURCE}'"
                raise InputError(paths.get(tier, tier), f"{_label(entry)} adds {entry.name}, which is {what} "
                                 f"({other.get('category')}): place that project on the map instead, or delete "
                                 f"this row{keep}")
            slug = f"added-{project_slug(entry.category, written_name(entry.name))}"
            if slug in ids:  # names that only sound alike
                digest = hashlib.sha1(f"{entry.category}|{key}".encode("utf-8")).hexdigest()[:6]
                slug = f"{slug}-{digest}"
            ids.add(slug)
            props = {"id": slug, "name": written_name(entry.name), "category": entry.category, "action": None,
                     "named": True, "quantity": None, "section": None, "quote": None, "char_start": None,
                     "char_end": None, ADDED_PROPERTY: f"{entry.source} ({_row(entry, paths.get(tier, tier))})"}
            known[key] = props
            added.append({"id": slug, "type": "Feature", "properties": props, "geometry": None})
    return features + added


def apply_removals(features, gazetteer, paths):
    """The geocoded catalog with the projects marked not a project on the map taken off it:
    ``geometry`` None and a geocode saying so, so that :func:`counted` leaves them out.

    Parameters
    ----------
    features : list of dict
        Geocoded catalog features.
    gazetteer : geo.gazetteer.Gazetteer
        The run's gazetteer: its ``removed`` rows (:meth:`geo.gazetteer.Gazetteer.add_removed`).
    paths : dict
        ``{tier name: path}`` of the user files, to name the file in an error and a reason.

    Returns
    -------
    (list of dict, int)
        The features, and how many were removed.

    Raises
    ------
    InputError
        Naming the file and the first row that marks no project of the report by its name and
        category (the report changed since the map was made, or a row typed by hand).
    """
    from geo.extract import normalise_name

    by_key = {}
    for feature in features:
        props = feature["properties"]
        if not props.get(ADDED_PROPERTY):
            by_key.setdefault((normalise_name(written_name(props.get("name") or "")), props.get("category")), feature)
    removed = {}
    for tier, entries in gazetteer.removed:
        path = paths.get(tier, tier)
        found = [by_key.get((normalise_name(written_name(entry.name)), entry.category)) for entry in entries]
        for entry, feature in zip(entries, found):
            if feature is None and not any(found):  # not one fits: most likely a build without the map's report
                raise InputError(path, f"{_label(entry)} is no project of this report, nor is any of its "
                                       f"{len(entries)} row(s) marked not a project: build with the --report and "
                                       "district options of the build that made the map; if the report changed, "
                                       "delete the rows of projects it no longer has")
            if feature is None:
                raise InputError(path, f"{_label(entry)} is no project of this report (renamed, recategorised, or "
                                       "marked for another report?): delete that row and build again, then mark the "
                                       "project anew on the new map")
            removed.setdefault(id(feature), (entry, path))
    result = []
    for feature in features:
        if id(feature) not in removed:
            result.append(feature)
            continue
        entry, path = removed[id(feature)]
        props = dict(feature["properties"])
        props["geocode"] = {"status": REMOVED, "source": settings.HAND_REMOVED_SOURCE,
                            "method": entry.method if entry.method.startswith(entry.source) else entry.source,
                            "source_datum": None, "accuracy_m": None,
                            "reason": f"{settings.HAND_REMOVED_SOURCE} ({_row(entry, path)})"}
        props["subdistricts"] = []
        result.append({**feature, "properties": props, "geometry": None})
    return result, len(removed)


def check_marked_and_placed(gazetteer, paths) -> None:
    """Refuse a project both marked not a project and placed by hand (same name and category): two
    planners' placed.csv given together, or joined into one file. The map's panel never writes both
    (placing a project unmarks it), and the build would remove it without a word, its placement lost.

    Parameters
    ----------
    gazetteer : geo.gazetteer.Gazetteer
        The run's gazetteer: its user files' tiers in the order given, and their ``removed`` rows.
    paths : dict
        ``{tier name: path}`` of the user files, in the order given, to name the file in the error.

    Raises
    ------
    InputError
        Naming the later of the two rows (its file and entry) and the earlier one.
    """
    from geo.hand_placed import is_hand_placed

    order = {tier: i for i, tier in enumerate(paths)}
    rows = [(tier, entry) for tier, entries in gazetteer.tiers for entry in entries
            if is_hand_placed(entry) and not is_added(entry)]
    rows += [(tier, entry) for tier, entries in gazetteer.removed for entry in entries]
    rows.sort(key=lambda row: (order.get(row[0], len(order)), int(row[1].extra.get("entry", 0))))
    first = {}
    for tier, entry in rows:
        key = (written_name(entry.name), entry.category or "")
        earlier = first.setdefault(key, (tier, entry))
        if (earlier[1].source == settings.HAND_REMOVED_SOURCE) == (entry.source == settings.HAND_REMOVED_SOURCE):
            continue  # the same word twice (a placement twice is checked by geo.hand_placed)
        tier_before, before = earlier
        where = "" if tier_before == tier else f" of {paths.get(tier_before, tier_before)}"  # as given: two placed.csv
        number = before.extra.get("entry", "?")
        what = "places it" if entry.source == settings.HAND_REMOVED_SOURCE else "marks it not a project"
        raise InputError(paths.get(tier, tier), f"{_label(entry)}: entry {number}{where} {what}: two planners' "
                                                "files, or an earlier round's given too? keep one of the two rows "
                                                "(or give the latest placed.csv alone)")


def _row(entry, path) -> str:
    from geo.safe_text import file_name

    number = f" row {entry.extra['entry']}" if "entry" in entry.extra else ""
    return f"{file_name(path)}{number}"


def _label(entry) -> str:
    number = f"entry {entry.extra['entry']} " if "entry" in entry.extra else ""
    what = ("added by hand" if is_added(entry) else "marked not a project" if entry.source == settings.HAND_REMOVED_SOURCE
            else "placed by hand")
    return f"{number}({entry.name}, {entry.category}, {what})"


def summary(features) -> list:
    """The lines ``geo build`` prints of the planner's review: how many projects were marked not a
    project and how many added on the map, with their names (none when there were none)."""
    from geo.boundary_checks import listed

    lines = []
    removed = [str(f["properties"].get("name")) for f in features if is_removed(f)]
    added = [str(f["properties"].get("name")) for f in features if f["properties"].get(ADDED_PROPERTY)]
    if removed:
        lines.append(f"removed by hand: {len(removed)} project(s) {settings.HAND_REMOVED_SOURCE}, kept in "
                     f"projects.geojson with status {REMOVED} and counted nowhere: {listed(removed)}")
    if added:
        lines.append(f"added by hand: {len(added)} project(s) {settings.HAND_ADDED_SOURCE}, not found in the report: "
                     f"{listed(added)}")
    return lines
