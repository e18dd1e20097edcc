"""A list's address column (地址: 白石路12号, 湖南省岚州市青岚县白石路12号) and an OSM feature's addr:* tags: the
door-number address a report may name its place by (白石路12号院), kept as one of the row's or feature's names."""

from __future__ import annotations

import re

# Columns giving a row's address (headers read in Simplified script, lower case: Amap's and Baidu's exports' address).
ADDRESS_COLUMNS = ("地址", "详细地址", "地址信息", "所在地址", "单位地址", "门牌地址", "address", "addr")
# What an address gives before its road: province, city, county, 街道 or 乡镇, each or none (the first character of
# each is no ending of it: 县前街12号 keeps its 县).
_ADMIN_PREFIX = re.compile(r"(?:[^省]{1,8}?(?:省|自治区))?(?:[^市]{1,8}?(?:市|自治州|盟|地区))?"
                           r"(?:[^区县旗]{1,8}?(?:区|县|旗|市))?(?:[^街镇乡]{1,8}?(?:街道|镇|乡))?")


def address_aliases(row):
    """The door-number address (白石路12号) of a row's address cell, its province, city, county and 街道 left off,
    as a name of the row: ``("白石路12号",)``; () when the row has no such column or its address is no door number
    on a road (白石路与青山路交叉口东北角, 白石村3组)."""
    from geo.door_numbers import door_on_road
    from geo.names import to_simplified

    for column in ADDRESS_COLUMNS:
        text = row.get(column)
        if not isinstance(text, str) or not text.strip():
            continue
        text = re.sub(r"\s+", "", to_simplified(text))
        door = door_on_road(text[_ADMIN_PREFIX.match(text).end():])
        if door is not None:
            return (door.address,)
    return ()


def osm_address_aliases(tags):
    """The door-number address of an OSM feature's ``addr:street`` and ``addr:housenumber`` (白石路, 12 or 12号;
    else its ``addr:full``, read as an address cell), as a name of it: ``("白石路12号",)``; () for none."""
    from geo.door_numbers import door_on_road
    from geo.names import to_simplified

    street, number = (re.sub(r"\s+", "", to_simplified(str(tags.get(key) or ""))) for key in ("addr:street", "addr:housenumber"))
    door = door_on_road(f"{street}{number.removesuffix('号')}号") if street and number else None
    return (door.address,) if door is not None else address_aliases({"地址": tags.get("addr:full")})
