"""Cleaning of the normalised text (what web pages insert), sentences and clauses."""

import pytest

from geo.extract.segment import clauses, clean, sentences


@pytest.mark.parametrize("text, cleaned", [
    ("改造環(huán)境和區(qū)", "改造環境和區"),                 # pinyin after a Han character
    ("见a(b)和 (qū)", "见a(b)和 (qū)"),                    # not right after a Han character: kept
    ("新建 4 所幼儿园，1 月 14 日", "新建4所幼儿园，1月14日"),  # spaces around numbers in Chinese
    ("Win 10 A 4", "Win 10 A 4"),                         # between Latin letters and numbers: kept
    ("沪 松 公 路、嘉 松公路", "沪松公路、嘉松公路"),       # a lone character set apart
    ("经六路 经八路", "经六路 经八路"),                     # two words: kept apart
    ("开(竣)工，乡(镇)中心，油(硬)化，开(建)设", "开工，乡中心，油化，开(建)设"),
    ("乡(xiāng)(镇(zhèn))幼儿园", "乡幼儿园"),               # an alternative character once the pinyin is gone
    ("g65包茂高速、s202和xg65号、.g3路", "G65包茂高速、S202和xg65号、.g3路"),
])
def test_cleaning_drops_what_web_pages_insert_and_keeps_offsets(text, cleaned):
    norm, origin = clean(text, range(len(text)))
    assert norm == cleaned
    assert len(origin) == len(norm)
    assert all(norm[i].upper() == text[origin[i]].upper() for i in range(len(norm)))


def test_sentences_and_clauses_split_on_their_marks():
    norm = "新建青松路,改造白石小学。完成红枫湖治理;建成A:B"
    assert [norm[a:b] for a, b in sentences(norm)] == ["新建青松路,改造白石小学", "完成红枫湖治理", "建成A:B"]
    start, end = next(iter(sentences(norm)))
    assert [norm[a:b] for a, b in clauses(norm, start, end)] == ["新建青松路", "改造白石小学"]
