"""Attributes a KML keeps only as an HTML table in each placemark's description (ArcGIS's Layer To KML and Map To KML, which write no ExtendedData): read as columns."""

from __future__ import annotations

import re

# The suffixes of the files whose descriptions are read so (a KMZ holds a KML).
KML_SUFFIXES = (".kml", ".kmz")


def with_described_columns(frame, path, say=True):
    """``frame`` read from the KML or KMZ ``path`` with a column for each field its placemarks' descriptions give as a
    row of two cells of an HTML table (``<td>JDMC</td><td>白石街道</td>``: ArcGIS's popup of a feature's attributes),
    in the order first met; a field named as a column already is (``Name``, a ``name`` field) left out, ArcGIS's
    ``<Null>`` read as no value. ``frame`` itself when no description holds such a table. Placemarks named by an ID
    number (``0``, ``1``…: ArcGIS labelled them by FID or OBJECTID) whose descriptions each give a name (名称, NAME)
    take that name as their ``Name``, with a warning when ``say``.

    Parameters
    ----------
    frame : DataFrame or GeoDataFrame
        As GDAL read the file: its ``description`` column, one text per placemark.
    path : path-like
        The file, told a KML by its suffix.
    """
    import html
    from pathlib import Path

    from geo.table_headers import header_key

    if Path(str(path)).suffix.lower() not in KML_SUFFIXES or "description" not in frame.columns:
        return frame
    described = [_cells(text) for text in frame["description"]]
    if not any(described):
        return frame
    frame = _named_from_descriptions(frame, described, path, say)
    taken = {header_key(str(column)) for column in frame.columns}
    fields = {}
    for pairs in described:
        for key in pairs:
            if header_key(key) not in taken:
                fields.setdefault(key, None)
    if not fields:
        return frame
    columns = {field: [_value(html.unescape(pairs[field])) if field in pairs else None for pairs in described]
               for field in fields}
    return frame.assign(**columns)


def _named_from_descriptions(frame, described, path, say):
    """``frame`` with its ``Name`` column the name each description gives (:data:`_NAME_FIELDS`) when every placemark
    is named by an ID number (its numbers 0 or 1 onwards, each once) and every description gives a name; else
    ``frame``."""
    import html

    from geo.table_headers import header_key

    if "Name" not in frame.columns or not len(frame):
        return frame
    labels = [str(label).strip() if label is not None else "" for label in frame["Name"]]
    if not all(label.isascii() and label.isdigit() for label in labels):
        return frame
    numbers = sorted(int(label) for label in labels)
    if numbers != list(range(numbers[0], numbers[0] + len(numbers))) or numbers[0] not in (0, 1):
        return frame
    names = []
    for pairs in described:
        field = next((key for key in pairs if header_key(key) in _NAME_FIELDS), None)
        name = _value(html.unescape(pairs[field])) if field else None
        if name is None:
            return frame
        names.append(name)
    if say:
        from geo.io import warn
        from geo.safe_text import one_line

        warn(f"{one_line(path)}: its placemarks are named by ID numbers ({', '.join(labels[:2])}…: labelled by FID or "
             f"OBJECTID) and their descriptions give each a name ({field}): read as their names")
    return frame.assign(Name=names)


# The fields of a description whose value names the placemark (in the form :func:`geo.table_headers.header_key` gives).
_NAME_FIELDS = ("name", "名称", "名稱", "名字", "地名")


def _cells(text):
    """{field: value text} of a description's table rows of two cells of plain text; {} for any other text."""
    import html

    if not isinstance(text, str) or "<td" not in text.lower():
        return {}
    pairs = {}
    for key, value in _ROW.findall(text):
        key = html.unescape(key).strip()
        if key and key not in pairs:
            pairs[key] = value
    return pairs


def _value(text):
    """A cell's value: None for an empty cell or ArcGIS's ``<Null>``, else its text without surrounding blanks."""
    text = text.strip()
    return None if not text or text.lower() == "<null>" else text


# Two cells of a table row holding text alone (a cell holding a nested table is a layout's, not a field's).
_ROW = re.compile(r"<td[^>]*>([^<]*)</td>\s*<td[^>]*>([^<]*)</td>", re.I)


def described_field(path, layer, field) -> bool:
    """Whether the descriptions of the KML or KMZ ``path``'s ``layer`` (its first
    ``settings.FIELD_HINT_FEATURES`` placemarks) give ``field`` (in any case) as :func:`with_described_columns` reads
    them: a layer of ArcGIS's Map To KML chosen by a field its placemarks hold only so."""
    import warnings
    from pathlib import Path

    import pyogrio

    from geo import settings
    from geo.vectors import gdal_source

    if Path(str(path)).suffix.lower() not in KML_SUFFIXES:
        return False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pyogrio's "More than one layer found"
            frame = pyogrio.read_dataframe(gdal_source(path), layer=layer, read_geometry=False,
                                           max_features=settings.FIELD_HINT_FEATURES)
    except Exception:  # noqa: BLE001 - not readable: read_vector says why
        return False
    if "description" not in frame.columns:
        return False
    return any(key.lower() == field.lower() for text in frame["description"] for key in _cells(text))
