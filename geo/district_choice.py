"""Which district a run is about: --district-code and --district-name checked, a county chosen by its name, the stored layers' district, whether a report fits it, and which 街道 of a file are its own."""

from __future__ import annotations

import re
from collections import Counter

from geo.io import InputError


def check_field_options(districts_path, name_field, code_field, districts_datum=None):
    """--name-field and --code-field name columns of --districts, --districts-datum its datum: given alone
    they are an error, and so is a datum geo does not know."""
    from geo.crs import normalise_datum

    for value, option in ((name_field, "--name-field"), (code_field, "--code-field")):
        if value and districts_path is None:
            raise InputError(None, f"{option} {value} needs --districts FILE (it names a column of that file)")
    if districts_datum is not None and districts_path is None:
        raise InputError(None, f"--districts-datum {districts_datum} needs --districts FILE (it says which datum "
                               "that file's lon/lat are in)")
    if districts_datum is not None:
        try:
            normalise_datum(districts_datum)
        except ValueError as exc:
            raise InputError("--districts-datum", str(exc)) from None


def check_district_options(district_code, district_name):
    """--district-code and --district-name, when given, must not be empty (an unset shell variable).

    Raises
    ------
    geo.io.InputError
        An empty or blank code (as for any malformed code); an empty name, or one of blanks and
        invisible characters alone (:func:`geo.safe_text.has_visible`); a name holding a control
        character (a line break, a tab, an escape) or an invisible one (a zero-width space, a
        bidirectional control): it would label every output with it, and choose no county.
    """
    import unicodedata

    from geo.safe_text import has_visible

    if district_code is not None:
        check_code(district_code)
    if district_name is None:
        return
    if not has_visible(district_name):
        raise InputError("--district-name", "the name is empty (leave the option out for the bundled name)")
    hidden = sorted({c for c in str(district_name) if unicodedata.category(c) in ("Cc", "Cf")}, key=ord)
    if hidden:
        shown = ", ".join(c.encode("unicode_escape").decode("ascii") for c in hidden)
        raise InputError("--district-name", f"the name holds a control or invisible character ({shown}): type it "
                                            "without it")


def code_of_name(code, name, *, alone):
    """The district code a run uses, given ``--district-code`` (checked) and ``--district-name``.

    A name that denotes one bundled county (天山区, 北京市朝阳区; see
    :func:`geo.places.counties_named`) chooses it when no code is given; one that denotes
    none is a label of the default district, said in a warning when it is all that chooses
    the district (``alone``: no 街道 or outline file). Returns (code or None, warnings).

    Raises
    ------
    geo.io.InputError
        A name of other counties than the code given (the two options contradict), or a
        name shared by several counties when it alone would choose one of them.
    """
    from geo import data
    from geo.places import counties_named, describe_county

    if not name:
        return code, []
    named = counties_named(name)
    listed = ", ".join(describe_county(c) for c in named[:6]) + (" ..." if len(named) > 6 else "")
    if code is not None:
        if named and code not in named:
            raise InputError("--district-name", f"{name} is {listed}, not --district-code {describe_county(code)}"
                                                "; give the name of that code, or leave one option out")
        return code, []
    if len(named) == 1:
        return named[0], []
    if len(named) > 1 and alone:
        example = data.counties()[named[0]]["city"] + data.counties()[named[0]]["name"]
        raise InputError("--district-name", f"{name} names {len(named)} districts: {listed}; add the city "
                                            f"(e.g. {example}) or pass --district-code")
    if not named and alone:
        default = data.DEFAULT_DISTRICT_CODE
        return None, [f"--district-name {name} names no county of the bundled tables, so it labels the "
                      f"default district {describe_county(default)}; pass --district-code CODE for another district"]
    return None, []


def rows_of_district(codes, names, district_code, path, level="街道"):
    """``(keep, warnings)``: of a 街道 file whose codes are all NBS codes (9 or 12 digits) of several
    counties (a city's 街道 layer), the rows of ``district_code``'s (a boolean array), and one line naming
    those left out; every row, and no line, when its codes are no such codes, or none is the district's.
    Given whole, the city's 街道 were each a row of the district's coverage, their union its outline."""
    import numpy as np

    from geo import data
    from geo.boundary_checks import listed

    codes = [str(c) for c in codes]
    row = data.counties().get(district_code) if district_code else None
    if row is None or not all(re.fullmatch(r"\d{9}(\d{3})?", c) for c in codes):
        return np.ones(len(codes), dtype=bool), []
    prefix = row["division_code"] or district_code
    keep = np.array([c[:6] == prefix for c in codes], dtype=bool)
    if keep.all() or not keep.any():
        return np.ones(len(codes), dtype=bool), []
    others = [name for name, kept in zip(names, keep) if not kept]
    return keep, [f"{path}: {len(others)} {level} of other districts left out ({listed(others)}): their codes do not "
                  f"begin with {prefix} ({row['name']})"]


def rows_lying_apart(zones, district_code, path, level="街道"):
    """``(keep, warnings)``: of official 街道 (lon/lat, with ``name``) said to be ``district_code``'s, those
    named as its 街道/乡镇 or lying mostly in its bundled outline (a boolean array), and one line naming
    the others (a city's file of names only: a 91卫图 KML, a CAD export); every row, and no line, when
    none or all would be left out (a wrong CRS or datum is told otherwise)."""
    import numpy as np

    from geo import data
    from geo.boundary_checks import listed
    from geo.osm_subdistricts import name_stem

    if district_code not in data.counties():
        return np.ones(len(zones), dtype=bool), []
    own = {name_stem(row["name"]) for row in data.subdistrict_names(district_code)}
    keep = np.array([name_stem(name) in own for name in zones["name"].astype(str)], dtype=bool)
    if not keep.all():  # those of other names: where they lie (a district's own file costs nothing)
        keep[~keep] = lying_in(zones.geometry.values[~keep], data.load_district_outline(district_code).geometry.iloc[0])
    if keep.all() or not keep.any():
        return np.ones(len(zones), dtype=bool), []
    mine = data.counties()[district_code]["name"]
    others = list(zones["name"].astype(str)[~keep])
    return keep, [f"{path}: {len(others)} {level} of other districts left out ({listed(others)}): neither named as "
                  f"{mine}'s nor lying in it"]


def check_stored_district(path, outline, name):
    """Refuse a ``--district-name`` of other counties than the stored outline's (layers of another run).

    Raises
    ------
    geo.io.InputError
        Naming the outline layer, its district and the command that builds the one named.
    """
    from geo.places import counties_named, describe_county

    stored = str(outline["code"].iloc[0]) if "code" in outline.columns and len(outline) else ""
    named = counties_named(name) if name else ()
    if named and stored and stored not in named and stored.isdigit():
        raise InputError(path, f"holds the district {describe_county(stored) if len(stored) == 6 else stored}, not "
                               f"{name}: rerun geo geocode --district-name {name} to build that district's layers")


def with_district_name(boundaries, name):
    """The same boundaries with the outline renamed (``--district-name`` on stored layers)."""
    from dataclasses import replace

    return replace(boundaries, outline=boundaries.outline.assign(name=str(name))) if name else boundaries


def fit_warning(features, boundaries):
    """One line when the report does not seem to be about the boundaries' district, else None.

    It does not fit when most of the project names that mention a place (see
    :func:`geo.places.find_mentions`) mention only places outside it: at least
    ``settings.FOREIGN_MENTIONS_MIN`` of them and more than
    ``settings.FOREIGN_MENTIONS_SHARE``; or when none of the named projects is placed
    in the district while some name places outside it, or at least
    ``settings.FOREIGN_MENTIONS_MIN`` projects were found only outside it (``outside_m``
    in their geocode). Nothing found at all is missing data, not another district: no
    line then. The line says which places, which bundled
    county they point to, and suggests --district-code or --districts.

    Parameters
    ----------
    features : list of dict
        Geocoded catalog features (shapely or GeoJSON-mapping geometry, or None).
    boundaries : Boundaries
    """
    import shapely
    import shapely.geometry

    from geo import places
    from geo.settings import FOREIGN_MENTIONS_MIN, FOREIGN_MENTIONS_SHARE

    outline = shapely.union_all(boundaries.outline.geometry.values)
    district = str(boundaries.outline["name"].iloc[0])
    code = str(boundaries.outline["code"].iloc[0])
    named = [f for f in features if (f.get("properties") or {}).get("named") is not False]
    placed = found_outside = 0
    for feature in named:
        geom = feature.get("geometry")
        if isinstance(geom, dict):
            geom = shapely.geometry.shape(geom)
        placed += bool(geom is not None and not geom.is_empty and geom.intersects(outline))
        found_outside += ((feature["properties"].get("geocode") or {}).get("outside_m") is not None)
    own = places.district_names(code, [district, *boundaries.zones["name"].astype(str)])
    mentioning, foreign, names = 0, 0, []
    for found in places.find_mentions([str(f["properties"].get("name") or "") for f in named], own):
        mentioning += bool(found.inside or found.outside)
        if found.outside and not found.inside:
            foreign += 1
            names.extend(found.outside)
    problems = []
    foreign_names = foreign >= FOREIGN_MENTIONS_MIN and foreign > FOREIGN_MENTIONS_SHARE * mentioning
    if named and not placed and (foreign or found_outside >= FOREIGN_MENTIONS_MIN):
        outside = f" ({found_outside} found only outside it)" if found_outside else ""
        problems.append(f"none of the {len(named)} named projects was placed in {district}{outside}")
    if foreign_names:
        top = "、".join(f"{n} ×{k}" if k > 1 else n for n, k in Counter(names).most_common(4))
        problems.append(f"{foreign} of the {mentioning} project names that mention a place mention only places "
                        f"outside {district} ({top})")
    if not problems:
        return None
    likely = places.likely_county(names) if names else None
    hint = (f"they point to {places.describe_county(likely)}: pass --district-code {likely}, or --districts FILE "
            "--name-field F for its 街道" if likely and likely != code else
            "if the report is about another district, pass --district-code CODE (bundled outline of any county) "
            "or --districts FILE --name-field F")
    return f"the report does not fit {district}: {'; '.join(problems)}; {hint}"


def _city_codes(code) -> str:
    """The counties of the city whose code ``code`` opens with (430100 is 长沙市 itself, 430120 a typo in
    it), for a message; else where every code is listed."""
    from geo import data

    near = [(c, row) for c, row in data.counties().items() if c[:4] == code[:4]]
    if not near:
        return f" (see geo/data/{data.COUNTIES_PATH.name})"
    shown = ", ".join(f"{c} {row['name']}" for c, row in near[:20]) + (", …" if len(near) > 20 else "")
    return f"; {near[0][1]['city']} has {shown}"


def check_code(code):
    """A 6-digit code with a bundled outline; else an InputError, naming the codes when given a name."""
    from geo import data
    from geo.places import stem

    import unicodedata

    code = unicodedata.normalize("NFKC", str(code)).strip()  # full-width digits typed with a Chinese IME
    if re.fullmatch(r"\d{6}", code) and code in data.counties():
        return code
    if re.fullmatch(r"\d{9}|\d{12}", code) and code[:6] in data.counties():  # a 街道's code, or its 统计用区划代码
        row = data.counties()[code[:6]]
        street = next((s["name"] for s in data.subdistrict_names(code[:6]) if s["code"] == code[:9]), None)
        what = f"the code of a 街道 ({street})" if street else "no county-level code (a 街道's, of nine digits?)"
        raise InputError("--district-code", f"{code!r} is {what}; its district is {code[:6]} "
                                            f"({row['city']}{row['name']})")
    if re.fullmatch(r"\d{6}", code):
        raise InputError("--district-code", f"no county-level division has code {code!r}{_city_codes(code)}")
    guesses = [f"{c} ({row['city']}{row['name']})" for c, row in data.counties().items()
               if code in (row["name"], stem(row["name"]))]
    hint = f"; {code} is {', '.join(guesses[:5])}" if guesses else ""
    raise InputError("--district-code", f"{code!r} is not a 6-digit county-level code (e.g. 510107){hint}")


def other_district_warning(label, zones, code, level="街道"):
    """[one line] when at least three of official 街道 said or found to be the district ``code``'s are
    not its 街道/乡镇 but one other bundled county's, by their names and by where they lie (a file
    of two districts), naming them; else []."""
    from geo import data
    from geo.boundary_checks import listed
    from geo.osm_subdistricts import name_stem

    if code not in data.counties():
        return []
    own = {name_stem(row["name"]) for row in data.subdistrict_names(code)}
    county_of = {row["division_code"]: c for c, row in data.counties().items() if row["division_code"]}
    index = data.subdistricts_by_form(name_stem)
    theirs = {}
    for position, name in enumerate(zones["name"].astype(str)):
        if name_stem(name) not in own:
            for county in {county_of[c[:6]] for c in index.get(name_stem(name), []) if c[:6] in county_of} - {code}:
                theirs.setdefault(county, []).append(position)
    # Names alone do not tell: 城关镇 and 新华街道 are 街道 of tens of counties, and some county bears
    # any three of them. A county's are those of its names that also lie in it, tried by votes.
    confirmed = {}
    for county, positions in sorted(theirs.items(), key=lambda item: (-len(item[1]), item[0])):
        if len(positions) < 3 or (confirmed and len(positions) < max(map(len, confirmed.values()))):
            break
        inside = lying_in(zones.geometry.values[positions], data.load_district_outline(county).geometry.iloc[0])
        if inside.sum() >= 3:
            confirmed[county] = [position for position, lies in zip(positions, inside) if lies]
    ranked = sorted(confirmed.items(), key=lambda item: -len(item[1])) + [(None, [])] * 2
    (other, found), (_, runner_up) = ranked[0], ranked[1]
    if not found or len(found) == len(runner_up):
        return []
    mine, their = data.counties()[code]["name"], data.counties()[other]["name"]
    names = list(zones["name"].astype(str).iloc[found])
    return [f"{label}: {len(found)} {level} are not {mine}'s but {their}'s ({other}: {listed(names)}); a file of "
            f"two districts? The maps and coverage name them all {mine}"]


def lying_in(geoms, outline):
    """Which of the 街道 polygons ``geoms`` (lon/lat) lie mostly (half their area or more) in ``outline``:
    a datum's few hundred metres or a simplified outline do not move a 街道 out of its county."""
    import numpy as np
    import shapely

    geoms = np.asarray(geoms, dtype=object)
    area = shapely.area(geoms)
    return (area > 0) & (shapely.area(shapely.intersection(shapely.make_valid(geoms), outline)) >= area / 2)
