"""The date a report gives itself: a delivery date in its opening lines, or the year of its title."""

import pytest

from geo.extract.dates import report_date


@pytest.mark.parametrize("text, expected", [
    ("政府工作报告\n——2024年1月9日在区第十八届人民代表大会第四次会议上\n区长 某某\n各位代表：", "2024-01-09"),
    ("２０２３年２月３日在區第五屆人民代表大會第三次會議上", "2023-02-03"),  # full-width digits, Traditional
    ("今年，我们将改造提升13条道路。2025年政府工作报告提出……", "2025"),
    ("改造北园大街，计划2026年6月30日前完工。", None),  # the date of a work, not of the report
    ("改造提升北园大街、历山北路等13条道路。", None),
    ("2024年13月45日", None),
])
def test_report_date_from_the_opening_lines_or_the_title(text, expected):
    assert report_date(text) == expected


def test_a_date_deep_in_the_text_is_not_the_reports_own():
    text = "改造提升北园大街。" * 100 + "项目于2024年5月1日开工。"
    assert report_date(text) is None


def test_only_the_opening_lines_and_the_years_written_are_converted_to_simplified(monkeypatch):
    # A 1 MB report read for its date cost as much as its extraction's tagger when the whole of it went through OpenCC.
    from geo import names

    seen = []
    real = names.to_simplified
    monkeypatch.setattr(names, "to_simplified", lambda text: seen.append(len(text)) or real(text))
    text = "改造提升白石路、青山大道等13條道路。\n" * 5000 + "２０２５年青山區政府工作報告\n"
    assert report_date(text) == "2025"
    assert max(seen) <= 2 * 600 and sum(seen) < 2000


def test_a_year_before_work_with_no_report_after_it_is_not_converted(monkeypatch):
    # 2024年工作目标, 2025年重点工作: a year and 工作 but no 报告 (告 is written alike in both scripts
    # and no other character reads as it): the window is not converted to be read for a title.
    from geo import names

    seen = []
    real = names.to_simplified
    monkeypatch.setattr(names, "to_simplified", lambda text: seen.append(text) or real(text))
    text = "青山县开篇。\n" + "2024年工作目标是完成白石路改造。2025年重点工作。\n" * 200 + "2025年青山區政府工作報告\n"
    assert report_date(text) == "2025"
    assert len(seen) <= 4  # the opening lines, and the years within reach of the title's 告
