"""The date a report gives itself (its delivery date or year), for the planner's notes."""

from __future__ import annotations

import re

# A report's delivery line: "——2024年1月9日在区第十八届人民代表大会第四次会议上"; else the
# year of its title, "2024年政府工作报告". Dates of works ("2026年6月30日前完工") are neither.
_FULL = re.compile(r"(20\d{2}|19\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:在|于)[^。\n]{0,40}(?:会议|大会)")
_YEAR = re.compile(r"(20\d{2}|19\d{2})\s*年[^。\n]{0,12}?(?:政府)?工作报告")
_HEAD_CHARS = 600  # dates of events further in are not the report's own date
# A year as written right before a 年, any digits (full-width too), looked for back from each 年 within _YEAR_REACH
# characters before _YEAR is tried on its Simplified form; and how far past 年 the title may end (_YEAR: 12
# characters, 政府, 工作报告, and spaces a page puts between them).
_YEAR_WRITTEN = re.compile(r"\d{4}\s*\Z")
_YEAR_REACH = 12
_TITLE_REACH = 40


def report_date(text: str):
    """The report's own date from its opening lines: ``"2024-01-09"``, ``"2024"`` or None.

    Parameters
    ----------
    text : str
        The report text (Simplified or Traditional; digits may be full-width).

    Returns
    -------
    str or None
        An ISO date when the opening lines give the delivery date ("……日在……会议上"),
        else the year of a "20XX年政府工作报告" title anywhere, else None.
    """
    import unicodedata

    from geo.names import to_simplified

    def readable(piece):
        return to_simplified(unicodedata.normalize("NFKC", piece))

    full = _FULL.search(readable(text[:2 * _HEAD_CHARS])[:_HEAD_CHARS])
    if full:
        year, month, day = (int(g) for g in full.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    at = text.find("年")
    while at >= 0:  # each year written, and what follows it, read alone: not the whole text
        year = _YEAR_WRITTEN.search(text, at - _YEAR_REACH if at > _YEAR_REACH else 0, at)
        # (工作 and 告 are written alike in both scripts, and no other character reads as 告)
        if year is not None and text.find("工作", at, at + _TITLE_REACH) >= 0 and text.find("告", at, at + 1 + _TITLE_REACH) >= 0:
            titled = _YEAR.match(readable(text[year.start():at + 1 + _TITLE_REACH]))
            if titled:
                return titled.group(1)
        at = text.find("年", at + 1)
    return None
