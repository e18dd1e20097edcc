"""Coded-value domains of a GeoPackage's or a File Geodatabase's fields: the values ArcGIS and QGIS show.

ArcGIS keeps a field of codes (``1``, ``2``…) with a coded-value domain naming each (``1`` 白石街道) and shows
the names; GDAL reads the codes alone, so a 街道 file whose name column is so coded gave 街道 named ``1``, ``2``.
"""

from __future__ import annotations

from pathlib import Path

from geo.vector_layers import geodatabase_definitions, geopackage_rows, xml_tag


def coded_domains(path, layer=None) -> dict:
    """``{field: (domain, {code: name})}`` of the fields of ``layer`` (None: the file's one feature table) that
    have a coded-value domain: of a GeoPackage, its ``gpkg_data_column_constraints`` of type ``enum`` with a
    description (GDAL writes a coded domain so); of a File Geodatabase (a ``.gdb`` folder, zipped or not), the
    ``GPCodedValueDomain2`` items of its ``GDB_Items`` table named by the fields' ``DomainName``. ``{}`` for
    another file, or one that cannot be read so (the reader says why)."""
    path = Path(path)
    if path.suffix.lower() == ".gpkg" and path.is_file():
        return _geopackage_domains(path, layer)
    return _geodatabase_domains(path, layer)


def _geopackage_domains(path: Path, layer) -> dict:
    rows = geopackage_rows(path, layer,
                           "SELECT c.column_name, c.constraint_name, k.value, k.description FROM gpkg_data_columns c "
                           "JOIN gpkg_data_column_constraints k ON k.constraint_name = c.constraint_name "
                           "WHERE c.table_name = ? AND k.constraint_type = 'enum'")
    domains = {}
    for field, domain, code, name in rows:
        if isinstance(name, str) and name.strip() and code is not None:
            domains.setdefault(str(field), (str(domain), {}))[1][str(code).strip()] = name.strip()
    return domains


def _geodatabase_domains(path: Path, layer) -> dict:
    found = geodatabase_definitions(path, layer)
    if found is None:
        return {}
    layer, roots = found
    table = roots.get(str(layer).lower())
    if table is None:
        return {}
    domains = {}
    for info in _children(table, "GPFieldInfoEx"):
        fields = {xml_tag(child): (child.text or "").strip() for child in info}
        domain = roots.get(fields.get("DomainName", "").lower())
        if fields.get("Name") and domain is not None and xml_tag(domain) == "GPCodedValueDomain2":
            names = {}
            for value in _children(domain, "CodedValue"):
                parts = {xml_tag(child): (child.text or "").strip() for child in value}
                if parts.get("Code") and parts.get("Name"):
                    names[parts["Code"]] = parts["Name"]
            if names:
                domains[fields["Name"]] = (fields["DomainName"], names)
    return domains


def _children(root, tag):
    return (element for element in root.iter() if xml_tag(element) == tag)


def code_of(value):
    """``value`` as a domain's code is written: ``1`` for 1 and 1.0, text stripped; None for a null."""
    import math

    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def with_domain_names(path, gdf, layer=None, *, keep=None):
    """``gdf`` with the values of each field of a coded-value domain (:func:`coded_domains`) given as the
    names the domain gives them, as ArcGIS and QGIS show them, and a warning naming the field and the
    domain; a value the domain lacks stays as it is. The field ``keep`` (any case: a 街道 file's code field,
    whose domain may name each 街道 by its code) keeps its codes."""
    from geo.io import warn

    domains = {field: found for field, found in coded_domains(path, layer).items()
               if field in gdf.columns and not (keep and field.lower() == str(keep).lower())}
    for field, (domain, names) in domains.items():
        codes = gdf[field].map(code_of)
        if not codes.isin(names.keys()).any():
            continue
        gdf[field] = [names.get(code, value) for code, value in zip(codes, gdf[field].astype(object))]
        shown = ", ".join(f"{code} {name}" for code, name in list(names.items())[:3]) + ("…" if len(names) > 3 else "")
        warn(f"{path}: field '{field}' holds the codes of its coded-value domain '{domain}' ({shown}): "
             "read as the values they stand for, as ArcGIS and QGIS show them")
    return gdf
