"""Title rows above a table's header (XX区学校名录（坐标系：百度BD-09）, 单位：度；坐标系：GCJ-02): the datum they name."""

from __future__ import annotations

import re

from geo.io import InputError

# Where a title states the datum: after a label (坐标系：GCJ-02, 坐标系为CGCS2000), or alone in brackets (（百度坐标）,
# never a bare number: 项目表（84）).
_LABELLED = re.compile(r"(?:坐标系统|坐标系|座标系|坐標系|坐标|datum|crs)\s*[:：为是]\s*([^；;，,。、（）()【】\[\]\n]+)", re.I)
_BRACKETED = re.compile(r"[（(【\[]([^（）()【】\[\]]+)[）)】\]]")


def title_datum(path, texts):
    """``(label, title)`` when the title rows ``texts`` (the text of each row above a table's header)
    name a datum: the label as written (``百度BD-09``, ``CGCS2000 3度带 117°``) and the row that names it;
    None when none does (a title's year, unit or district in brackets name none).

    Raises
    ------
    geo.io.InputError
        When a title names a datum geo refuses (西安80, 北京54), or two datums.
    """
    from geo.crs import normalise_datum
    from geo.survey import projection_datum

    found = []
    for text in texts:
        text = " ".join(str(text).split())
        labels = [match.group(1).strip() for match in _LABELLED.finditer(text)]
        for match in _BRACKETED.finditer(text):  # （百度坐标，单位：度）: each part
            labels += [part.strip() for part in re.split(r"[，,；;、]", match.group(1))
                       if part.strip() and not part.strip().isdigit()]  # 项目表（84）, (54): a count, no datum
        for label in filter(None, labels):
            try:
                datum = normalise_datum(projection_datum(label) or label)
            except ValueError as exc:
                if str(exc).startswith("unknown datum"):
                    continue  # 2023年, 单位：度: no datum's name
                raise InputError(path, f"its title {text!r} names a datum geo cannot use: {exc}") from None
            found.append((label, text, datum))
    if not found:
        return None
    other = next((f for f in found if f[2] != found[0][2]), None)
    if other is not None:
        raise InputError(path, f"its title names two datums ({found[0][0]!r} and {other[0]!r}); give the datum in a "
                               "坐标系 column")
    return found[0][:2]
