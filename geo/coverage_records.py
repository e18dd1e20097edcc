"""The coverage report's district-wide records: the catalog's records with no place on the map, their quantities and reasons."""

from __future__ import annotations

import math

import pandas as pd

GROUP_REASON = "counted group, not named in the report"
UNLOCATED_REASON = "not located"


def district_wide_table(catalog, features) -> pd.DataFrame:
    """The district-wide records (``coverage_districtwide.csv``, 全区项目): one row per catalog record with no place.

    Parameters
    ----------
    catalog : pandas.DataFrame
        The coverage catalog (``id``, ``name``, ``category``, ``named``, ``place``, ``quantity_value``,
        ``quantity_unit``, ``reason``).
    features : list of dict or None
        The projects' GeoJSON features, whose properties give a record's quantity, its group's total and measures.

    Returns
    -------
    pandas.DataFrame
        ``id, name, category, quantity, reason`` by category and id; the reason is the record's own, else
        :data:`GROUP_REASON` for a counted group or :data:`UNLOCATED_REASON`.
    """
    props_by_id = {}
    for feature in features or []:
        props = feature.get("properties") or {}
        props_by_id[props.get("id")] = props
    rows = []
    wide = catalog[catalog["place"] == "district_wide"].sort_values(["category", "id"], kind="stable")
    for record in wide.itertuples(index=False):
        props = props_by_id.get(record.id)
        if props is not None:
            quantity = props.get("quantity") or {}
            parts = [_quantity_text(quantity.get("value"), quantity.get("unit")) + _of_total(quantity, props.get("group_total"))]
            parts += [_measure_text(m) for m in props.get("measures") or []]
        else:
            parts = [_quantity_text(record.quantity_value, record.quantity_unit)]
        reason = record.reason if isinstance(record.reason, str) and record.reason.strip() else None
        if reason is None:
            reason = GROUP_REASON if not record.named else UNLOCATED_REASON
        rows.append({"id": record.id, "name": record.name, "category": record.category,
                     "quantity": "; ".join(p for p in parts if p), "reason": reason})
    return pd.DataFrame(rows, columns=["id", "name", "category", "quantity", "reason"])


def _of_total(quantity, total) -> str:
    """The report's count a group's rest belongs to and how many of it are named (their 街道 count them):
    "（共13条，其中3条已列名）" after the 10条 of 13条道路 that names 3; "" for a count without named members."""
    if not isinstance(total, dict) or is_null(total.get("value")) or is_null(quantity.get("value")):
        return ""
    rest, whole, unit = float(quantity["value"]), float(total["value"]), total.get("unit") or ""
    if whole <= rest or unit != (quantity.get("unit") or ""):
        return ""
    return f"（共{_quantity_text(whole, unit)}，其中{_quantity_text(whole - rest, unit)}已列名）"


def _quantity_text(value, unit) -> str:
    if is_null(value):
        return ""
    number = float(value)
    text = str(int(number)) if number.is_integer() else repr(number)
    return f"{text}{unit if isinstance(unit, str) else ''}"


def _measure_text(measure) -> str:
    """A ``measures`` item: a string, or a dict with ``text``, or noun (label) + value + unit."""
    if isinstance(measure, str):
        return measure.strip()
    if isinstance(measure, dict):
        if measure.get("text"):
            return str(measure["text"])
        # geo.extract writes {"value": 4500, "unit": "个", "noun": "学位"}.
        label = measure.get("noun") or measure.get("label") or measure.get("name") or ""
        return f"{label}{_quantity_text(measure.get('value'), measure.get('unit'))}"
    return str(measure)


def is_null(value) -> bool:
    """None or NaN (pandas' missing value in a column of numbers)."""
    return value is None or (isinstance(value, float) and math.isnan(value))
