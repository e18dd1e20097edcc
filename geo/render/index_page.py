"""The index page linking a build's maps and tables (plain HTML, every value escaped)."""

from __future__ import annotations

from pathlib import Path

from geo.render.page import NO_FAVICON, PAGE_LANG
from geo.render.style import APPROXIMATE_LABEL, ZONE_LABELS, zone_words
from geo.safe_text import page_text

# Files the index links when present beside it, in this order.
TABLE_LINKS = (("coverage.xlsx", "覆盖统计工作簿 Coverage workbook (Excel)"),
               ("coverage.md", "覆盖统计 Coverage report (Markdown)"),
               ("coverage.csv", "按街道 Coverage by 街道 (CSV)"),
               ("coverage_districtwide.csv", "全区项目 District-wide records (CSV)"),
               ("coverage_gaps.csv", "空白 Gaps (CSV)"),
               ("coverage_totals.csv", "合计 Totals (CSV)"))


def index_html(out_dir, title, basemap, inline, quality, maps, level="街道", district="") -> str:
    """The index page: links to ``maps`` ((file, label) pairs) and the tables present in ``out_dir``,
    the district's zones called ``level`` (:func:`geo.render.style.zone_words`), the district itself
    by the word its name ``district`` ends in (全县项目 for a 县, :func:`geo.places.district_word`)."""
    from geo.outputs import will_exist
    from geo.places import district_word

    e = page_text
    whole = f"全{district_word(district)}"
    links = list(maps) + [(name, zone_words(label, level).replace("全区", whole)) for name, label in TABLE_LINKS
                          if will_exist(Path(out_dir) / name)]
    items = "\n".join(f'<li><a href="{e(href)}">{e(label)}</a></li>' for href, label in links)
    mode = ("maps are self-contained: they open from a file with no network (tiles need a tile server)"
            if inline else "maps load Leaflet from a CDN and tiles from the web")
    return (
        f"<!DOCTYPE html>\n<html lang=\"{PAGE_LANG}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{e(title)}</title>\n{NO_FAVICON}"
        "<style>body{font:15px/1.6 -apple-system,'Segoe UI','PingFang SC','Microsoft YaHei',sans-serif;"
        "margin:2em auto;max-width:40em;padding:0 1em}</style>\n</head>\n<body>\n"
        f"<h1>{e(title)}</h1>\n<ul>\n{items}\n</ul>\n"
        f"<p>Basemap: {e(basemap)}; {e(mode)}. "
        f"{e(zone_words(ZONE_LABELS.get(quality, APPROXIMATE_LABEL), level))}.</p>\n"
        "</body>\n</html>\n"
    )
