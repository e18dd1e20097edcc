"""OSM files before osmium reads them: XML checked (deletions, odd coordinates, incomplete Overpass answers), Overpass answers and GeoJSON exports told apart."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from geo.io import InputError
from geo.osm_packing import is_multistream_bzip2, single_stream_copy
from geo.osm_tags import AREA_KEYS, LINE_KEYS, PLACE_KEY, POINT_KEYS


OUT_CENTER = "Overpass 'out center' output has no way geometry: use 'out geom' or 'out body; >; out skel qt'"
OUT_TAGS = "Overpass 'out tags' output has no coordinates: use 'out geom' or 'out body; >; out skel qt'"
OUT_CSV = ("an Overpass CSV answer ([out:csv]) holds no lines or areas, and no tags but its columns: ask for "
           "[out:json] with 'out geom' (or 'out body; >; out skel qt'), or give its points as --gazetteer")
OUT_SKEL = "Overpass 'out skel' output has no tags, so no names: use 'out geom' or 'out body; >; out skel qt'"


def scan_xml(path):
    """One pass over an XML file: (type, id) of the objects JOSM marks ``action="delete"``
    (rarely any), whether a coordinate is not a plain decimal number (``lat="abc"``,
    ``NaN``, ``1e308``: osmium stops at the first, or reads ``1e308`` as 0), whether it is
    an Overpass answer osmium cannot read (relation members or ways that carry their geometry,
    as ``out geom`` writes them, or Overpass's derived ``<area>`` elements: :func:`geo.overpass_answers.overpass_xml`),
    and whether its elements are out of osmium's order (a node after a way or a relation, a way
    after a relation: :func:`geo.osm_order.node_storage`). A PBF or o5m file: none of it.

    Raises InputError when the file is an Overpass answer that says it is incomplete
    (``<remark> runtime error: Query timed out...``): its roads would be partial; when it holds two
    versions of a node (:class:`geo.osm_order.NodeVersions`: a history file); or when, gzipped
    or bzipped, it unpacks to far more than it takes packed (:func:`_packed_limit`).
    """
    import xml.etree.ElementTree as ET
    import zlib

    name = Path(path).name.lower()
    if name.endswith((".pbf", ".o5m")) or is_geojson(path):
        return set(), False, False, False
    from geo.osm_order import NodeVersions

    limit, nodes = _packed_limit(path), NodeVersions(path)  # nodes: a history file's versions refused
    try:
        marked, unreadable, inline, remark, tail, start = False, False, False, None, b"", 0
        first, last = {}, {}  # offset in the file of each element type's first and last start tag
        with open_xml(path) as handle:
            while chunk := handle.read(PIECE_BYTES):
                if limit is not None and start + len(tail) + len(chunk) > limit:
                    packed = Path(path).stat().st_size / 1e6
                    raise InputError(path, f"unpacks to more than {limit / 1e6:g} MB from {packed:g} MB packed, far "
                                           "more than OSM data packs (a decompression bomb?)")
                nodes.feed(chunk)
                text = tail + chunk
                marked = marked or b"action=" in text
                unreadable = unreadable or _ODD_COORDINATE.search(text) is not None
                inline = inline or _INLINE_GEOMETRY.search(text) is not None
                if remark is None and b"<remark>" in text:
                    remark = text[text.index(b"<remark>") + 8:][:600]
                _element_span(text, start, first, last)
                start += len(text) - min(600, len(text))
                tail = text[-600:]
        if remark is not None:
            refuse_incomplete(path, remark.split(b"</remark>")[0].decode("utf-8", "replace"))
        unordered = any(last.get(before, -1) > first.get(after, float("inf"))
                        for before, after in ((b"node", b"way"), (b"node", b"relation"), (b"way", b"relation")))
        if not marked:
            return set(), unreadable, inline, unordered
        deleted = set()
        with open_xml(path) as handle:
            for _, element in ET.iterparse(handle):
                if element.get("action") == "delete" and element.tag in ("node", "way", "relation"):
                    deleted.add((element.tag[0], int(element.get("id"))))
                if element.tag in ("node", "way", "relation"):
                    element.clear()
        return deleted, unreadable, inline, unordered
    except (OSError, EOFError, ValueError, ET.ParseError, zlib.error):  # zlib.error: damaged gzip data
        return set(), False, False, False  # osmium's own reading reports what is wrong with the file


def _packed_limit(path):
    """The most bytes a gzipped or bzipped OSM XML file may unpack to (:func:`geo.io.zip_part_limit` of
    its size: OSM XML packs some ten to twenty times, while a few MB of gzip can hold gigabytes of
    repeated nodes that every pass over the file would unpack and read for minutes); None for a file
    that is not packed."""
    from geo.io import zip_part_limit

    if not Path(path).name.lower().endswith((".gz", ".bz2")):
        return None
    return zip_part_limit(Path(path).stat().st_size)


def _element_span(text, start, first, last):
    """Note in ``first`` and ``last`` the file offsets of the first and last ``<node``, ``<way``
    and ``<relation`` start tags of ``text`` (which begins at offset ``start``): a find from each
    end, not a match per element."""
    for tag in (b"node", b"way", b"relation"):
        found = _ELEMENT_START[tag].search(text)
        if found is None:
            continue
        first.setdefault(tag, start + found.start())
        position = len(text)
        while (position := text.rfind(b"<" + tag, 0, position)) >= 0:
            if _ELEMENT_START[tag].match(text, position):
                last[tag] = start + position
                break


# A plain decimal (what every OSM writer writes) of less than 200 degrees: osmium reads 181 as a location
# not valid (left out with a warning), but stops the whole file at 215 ("wrong format for coordinate").
_PLAIN_COORDINATE = rb"-?(?:1\d\d|\d\d?)(?:\.\d+)?"
# A lat or lon attribute whose value is not a plain decimal.
_ODD_COORDINATE = re.compile(rb"""\s(?:lat|lon)\s*=\s*(["'])(?!""" + _PLAIN_COORDINATE + rb"""\1)""")
_COORDINATE = re.compile(rb"""\s(lat|lon)\s*=\s*(["'])(.*?)\2""")
# A relation member holding its geometry (<member ...><nd lat=".." lon=".."/>), a way's node with its
# coordinates (<nd ref=".." lat=".." lon=".."/>: out geom), or an Overpass area.
_INLINE_GEOMETRY = re.compile(rb"""<member\b(?:[^>"'/]|"[^"]*"|'[^']*')*>\s*<nd\b|<area\b|<nd\b[^>]*\slat\s*=""")
# The start of a node, way or relation element (not <nd, <way_x).
_ELEMENT_START = {tag: re.compile(rb"<" + tag + rb"[\s/>]") for tag in (b"node", b"way", b"relation")}
# A node or nd start tag; a quoted value may hold ">" (user="a>b").
_NODE_ELEMENT = re.compile(rb"""<(node|nd)\b(?:[^>"']|"[^"]*"|'[^']*')*>""")
_ID = re.compile(rb"""\sid\s*=\s*["'](-?\d+)""")


# Bytes of an XML file read at a time when it is scanned or copied.
PIECE_BYTES = 1 << 22
_LONGEST_TAG = 1 << 20


def without_unreadable_coordinates(path, folder, left_out):
    """A copy of an XML file whose ``node`` and ``nd`` elements lose coordinates that are not
    plain decimals, so that osmium reads the rest; the ids of such nodes go to ``left_out``.

    The file is copied a piece at a time (a compressed file too: it may unpack to gigabytes).
    """
    def clean(match):
        element = match.group(0)
        values = [value for _, _, value in _COORDINATE.findall(element)]
        if not values or all(re.fullmatch(_PLAIN_COORDINATE, v) for v in values):
            return element
        if match.group(1) == b"node" and (node_id := _ID.search(element)):
            left_out.add(int(node_id.group(1)))
        return _COORDINATE.sub(b"", element)

    clean_path = Path(folder) / "clean.osm"
    with open_xml(path) as handle, open(clean_path, "wb") as out:
        rest = b""
        while chunk := handle.read(PIECE_BYTES):
            text = rest + chunk
            # Up to the last tag's end: a tag cut at the piece's end waits for the next piece
            # (unless it is longer than any node element is).
            cut = text.rfind(b">") + 1 or (len(text) if len(text) > _LONGEST_TAG else 0)
            out.write(_NODE_ELEMENT.sub(clean, text[:cut]))
            rest = text[cut:]
        out.write(_NODE_ELEMENT.sub(clean, rest))
    return clean_path


def open_xml(path):
    """An OSM XML file opened for reading bytes, unpacked when it is .gz or .bz2."""
    import bz2
    import gzip

    name = Path(path).name.lower()
    opener = gzip.open if name.endswith(".gz") else bz2.open if name.endswith(".bz2") else open
    return opener(path, "rb")


def refuse_incomplete(path, remark):
    """InputError when an Overpass answer's remark says it is incomplete (a timeout, a size limit)."""
    message = " ".join(remark.split())
    if "error" in message.lower():
        raise InputError(path, f"the Overpass API says its answer is incomplete ({message[:160]}); "
                               "ask for a smaller area or raise [timeout:...]/[maxsize:...]")


OSM_SUFFIXES = (".osm", ".pbf", ".o5m", ".osm.gz", ".osm.bz2")


def is_overpass_csv(path) -> bool:
    """True for an Overpass API answer in CSV (``[out:csv(::type,::id,name,::lat,::lon)]``): a first line
    of columns, split by tabs (its default), commas or bars, one of them Overpass's ``@id``, ``@type``,
    ``@otype``, ``@lat`` or ``@lon``."""
    try:
        with open(path, "rb") as handle:
            first = handle.read(4096).split(b"\n", 1)[0].lstrip(b"\xef\xbb\xbf").strip()
    except OSError:
        return False
    return bool(set(re.split(rb"[\t,|]", first)) & {b"@id", b"@type", b"@otype", b"@lat", b"@lon"})


def is_osm_file(path) -> bool:
    """True for a file osmium reads by its name: ``.osm`` (also gzipped or bzipped), ``.osm.pbf``, ``.o5m``;
    or an OSM XML file by its first element, whatever its name (:func:`is_osm_xml`)."""
    return not Path(path).is_dir() and (Path(path).name.lower().endswith(OSM_SUFFIXES) or is_osm_xml(path))


# An XML declaration, comments and a doctype before the root element <osm>.
OSM_ROOT = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<osm[\s>]""",
                       re.DOTALL)


def is_osm_xml(path) -> bool:
    """True for a plain OSM XML file named otherwise than ``.osm``: an Overpass API answer saved as the
    browser names it (``interpreter``, no extension), or as ``map.xml`` or ``export.txt``; told by its
    root element ``<osm>``. osmium, which tells formats by their names, reads it through
    :func:`osmium_name`."""
    if Path(path).name.lower().endswith(OSM_SUFFIXES + (".gz", ".bz2", ".zip", ".json", ".geojson")):
        return False
    try:
        with open(path, "rb") as handle:
            return OSM_ROOT.match(handle.read(4096)) is not None
    except OSError:
        return False


def osmium_name(path, folder):
    """``path``; for an OSM XML file osmium cannot tell by its name (:func:`is_osm_xml`), a link to it named ``.osm`` in
    ``folder`` (a copy where links cannot be made); for bzip2 of several streams, a copy (:mod:`geo.osm_packing`)."""
    import os
    import shutil

    if Path(path).name.lower().endswith(".bz2") and is_multistream_bzip2(path):  # osmium unpacks one stream
        return single_stream_copy(path, folder)
    if not is_osm_xml(path):
        return path
    link = Path(folder) / "extract.osm"
    try:
        os.symlink(Path(path).resolve(), link)
    except OSError:
        shutil.copyfile(path, link)
    return link


_BOUNDS = re.compile(rb"""<bounds?\b((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_ATTRIBUTE = re.compile(rb"""\s(minlat|minlon|maxlat|maxlon|box)\s*=\s*(["'])(.*?)\2""")


def extract_bounds(path):
    """The boxes ``(west, south, east, north)`` an OSM file says it was cut to: the ``<bounds>`` of an
    XML file before its first object (one per area JOSM downloaded; osmosis's ``<bound box="s,w,n,e">``),
    a PBF's or o5m's header box (osmium extract's, Geofabrik's); ``[]`` when it says none or cannot be read."""
    import math

    if not is_osm_file(path):
        return []
    if Path(path).name.lower().endswith((".pbf", ".o5m")):
        import osmium

        try:
            with osmium.io.Reader(str(path), osmium.osm.osm_entity_bits.NOTHING) as reader:
                box = reader.header().box()
        except RuntimeError:
            return []
        return [(box.bottom_left.lon, box.bottom_left.lat, box.top_right.lon, box.top_right.lat)] if box.valid() else []
    try:
        with open_xml(path) as handle:
            head = handle.read(1 << 16)
    except (OSError, EOFError, ValueError):
        return []
    first = min([i for i in (head.find(b"<node"), head.find(b"<way"), head.find(b"<relation")) if i >= 0],
                default=len(head))
    boxes = []
    for element in _BOUNDS.finditer(head[:first]):
        values = {k.decode(): v.decode("ascii", "replace") for k, _, v in _ATTRIBUTE.findall(element.group(1))}
        try:
            if "box" in values:
                south, west, north, east = (float(v) for v in values["box"].split(","))
            else:
                west, south, east, north = (float(values[k]) for k in ("minlon", "minlat", "maxlon", "maxlat"))
        except (KeyError, ValueError):
            continue
        if all(math.isfinite(v) for v in (west, south, east, north)) and west < east and south < north:
            boxes.append((west, south, east, north))
    return boxes


def is_overpass_json(path) -> bool:
    """True for an Overpass API answer in JSON (``[out:json]``), by its first bytes: an
    object whose ``elements`` comes before any list (GeoJSON's ``features``); an ``elements``
    that is no list is one too, refused by :func:`geo.overpass_answers.overpass_xml` with what is wrong."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return re.match(rb'(?:\xef\xbb\xbf)?\s*\{[^\[]*"elements"\s*:\s*[\[{"\dntf]', head) is not None


# GeoJSON text sequences (RFC 8142; osmium export's and GDAL's GeoJSONSeq) and one feature a line.
GEOJSON_SEQUENCE_SUFFIXES = (".geojsonseq", ".geojsons", ".geojsonl", ".geojsonld", ".ndjson", ".jsonl")


def is_geojson(path) -> bool:
    """True for a GeoJSON file (Overpass Turbo's "export as GeoJSON"), or a GeoJSON text sequence
    (``osmium export``'s ``.geojsonseq``: records opening with RS, or one feature a line), by its first bytes."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(256).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head.startswith((b"{", b"\x1e")) or \
        Path(path).suffix.lower() in (".geojson", ".json") + GEOJSON_SEQUENCE_SUFFIXES


# The keys of OSM's features (osm_tags' kinds), which osmium's export (the tags alone as properties, by
# default without ids) is told by; and the columns it lacks: a gazetteer's own, and those of GDAL's and
# QuickOSM's OSM layers (read as tables by geo.osm_tables).
_OSM_FEATURE_KEYS = frozenset(LINE_KEYS + POINT_KEYS + AREA_KEYS + (PLACE_KEY, "boundary", "route", "public_transport",
                                                                   "admin_level"))
_OTHER_COLUMNS = frozenset(("lon", "lat", "lng", "wkt", "datum", "source_datum", "accuracy_m", "aliases", "category",
                            "名称", "经度", "纬度", "坐标系", "osm_id", "osm_way_id", "other_tags", "full_id", "osm_type"))
# A feature id as osmium export's --add-unique-id=type_id writes it: n123, w123 (a line), a246 (an area:
# libosmium's area id, twice its way's id, or twice its relation's plus one); JOSM's new objects negative.
OSMIUM_TYPE_ID = re.compile(r"^([nwra])(-?\d+)$")


def osm_tagged(features) -> bool:
    """True when the properties of ``features`` (dicts) are OSM tags, as ``osmium export`` writes them
    by default (no ids): most of the first 50 carry a key of an OSM feature (``highway``, ``amenity``,
    ``place``...), none a column of a gazetteer's own (``lon``, ``datum``, ``accuracy_m``...) or of GDAL's or
    QuickOSM's OSM layers (``osm_id``, ``other_tags``, ``full_id``)."""
    first = [props for props in features[:50] if isinstance(props, dict)]
    if not first or any(_OTHER_COLUMNS & set(props) for props in first):
        return False
    return 2 * sum(bool(_OSM_FEATURE_KEYS & set(props)) for props in first) > len(first)


def is_osm_geojson(path) -> bool:
    """True for GeoJSON exported from OpenStreetMap (Overpass Turbo: ``@id`` "way/123", or its older ``tags``).

    The answer is kept for the file as it is (its path, time and size): ``--osm``'s dispatch
    asks more than once, and a large export is parsed whole."""
    try:
        stat = Path(path).stat()
    except OSError:
        return False
    return _is_osm_geojson(str(Path(path).resolve()), (stat.st_ino, stat.st_mtime_ns, stat.st_size))


@functools.lru_cache(maxsize=32)
def _is_osm_geojson(path, identity) -> bool:
    del identity  # inode, time and size: part of the cache key only
    from geo.geojson_read import parse_geojson

    if is_overpass_json(path):
        return True
    if not is_geojson(path):
        return False
    try:
        with open(path, "rb") as handle:
            data = parse_geojson(handle.read().decode("utf-8-sig"), path)
        features = data.get("features") or [{}]
        first = features[0].get("properties") or {}
        first_id = str(features[0].get("id", ""))
    except (OSError, ValueError, InputError, AttributeError, IndexError, TypeError):
        return False  # the reader of the file says what is wrong with it
    # osmtogeojson's and osm2geojson's nested form ({"type": "way", "id": 1, "tags": {...}}): a
    # first feature that is an untagged node has no tags. osmium export's ids: "@id" with -a id, a
    # feature id "w123" with --add-unique-id=type_id; without either, its properties are the tags.
    return str(data.get("generator", "")).startswith("overpass") or "@id" in first or \
        (first.get("type") in ("node", "way", "relation") and (isinstance(first.get("tags"), dict)
                                                               or isinstance(first.get("id"), int))) or \
        OSMIUM_TYPE_ID.match(first_id) is not None or \
        osm_tagged([feature.get("properties") for feature in features if isinstance(feature, dict)])


def geojson_osm_id(feature):
    """The OSM object of an Overpass Turbo feature as its export writes it (``way/123``: its ``@id``, the
    feature's ``id``, or the older nested ``type`` and ``id``), or None when it names none. An id given
    as a bare number is prefixed with the object's type (``@type`` or ``type``: node, way, relation)
    when the feature gives it: a way and a relation may share a number."""
    props = feature["properties"]
    typed = OSMIUM_TYPE_ID.match(str(feature.get("id") or ""))
    if typed and not props.get("@id"):  # osmium export --add-unique-id=type_id
        letter, number = typed.group(1), int(typed.group(2))
        if letter == "a":  # an area: of a way (even), of a relation (odd); a negative id's sign kept
            sign, number = (-1 if number < 0 else 1), abs(number)
            return f"{'relation' if number % 2 else 'way'}/{sign * (number // 2)}"
        return f"{ {'n': 'node', 'w': 'way', 'r': 'relation'}[letter]}/{number}"
    if props.get("@id") or feature.get("id"):
        osm_id = str(props.get("@id") or feature.get("id"))
        kind = next((str(props[key]) for key in ("@type", "type") if props.get(key) in ("node", "way", "relation")), None)
        return f"{kind}/{osm_id}" if kind and osm_id.strip().isdigit() else osm_id
    if props.get("type") and props.get("id") is not None:
        return f"{props['type']}/{props['id']}"
    return None


def one_feature_per_id(path, features, warnings=None):
    """The features of an Overpass Turbo export, each OSM object once: of features sharing an id
    (:func:`geojson_osm_id`) the first is kept, one of each kind (osmium export's line and area of a
    closed way are two). Left out without a word when it is the same object
    exported twice (equal tags and geometry); when they differ (two objects given one id by a tool),
    which is the object cannot be told: one warning names the ids (:func:`geo.io.warn`)."""
    from geo.io import warn

    first, kept, differing = {}, [], []
    for feature in features:
        osm_id = geojson_osm_id(feature)
        # osmium export writes a closed way both as a line and as an area (its doc says so): two features
        key = (osm_id, feature["geometry"] is not None and feature["geometry"].geom_type in ("Polygon", "MultiPolygon"))
        if osm_id is None or key not in first:
            first.setdefault(key, feature)
            kept.append(feature)
            continue
        earlier = first[key]
        same_geometry = (earlier["geometry"] is None and feature["geometry"] is None) or (
            earlier["geometry"] is not None and feature["geometry"] is not None
            and earlier["geometry"].equals(feature["geometry"]))
        if not (same_geometry and earlier["properties"] == feature["properties"]) and osm_id not in differing:
            differing.append(osm_id)
    if differing:
        shown = ", ".join(differing[:5]) + ("…" if len(differing) > 5 else "")
        one = len(differing) == 1
        warn(f"{path}: {len(differing)} OSM {'id' if one else 'ids'} given to features that differ ({shown}): the "
             "first of each kept; export the file again (two objects given one id by a tool?)", warnings)
    return kept
