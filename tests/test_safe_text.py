"""Text from data made safe where it is shown: one terminal line, a spreadsheet cell, a Markdown cell."""

import subprocess
import sys

import pytest

from geo.safe_text import cell_text, markdown_text, one_line


def test_one_line_writes_line_breaks_tabs_and_escapes_visibly():
    shown = one_line("a/b\nc.txt\r\tbad\x1b[31mred\u2028")
    assert "\n" not in shown and "\r" not in shown and "\x1b" not in shown and "\u2028" not in shown
    assert shown == "a/b\\nc.txt\\r\\tbad\\x1b[31mred\\u2028"
    assert one_line("天桥区 无影山街道") == "天桥区 无影山街道"


@pytest.mark.parametrize("text", ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "＝1+2", "\t=1"])
def test_csv_cells_opening_like_a_formula_get_an_apostrophe(text):
    assert cell_text(text) == "'" + text
    assert cell_text(text, quote_formula=False) == text


def test_cells_lose_characters_no_cell_can_hold_and_keep_ordinary_text():
    assert cell_text("无影山\x07街道\x1b") == "无影山\ufffd街道\ufffd"
    assert cell_text("北园大街（东段）") == "北园大街（东段）"


def test_cells_lose_bidirectional_overrides_that_would_show_a_name_reversed_in_excel():
    assert cell_text("青松\u202e路小学") == "青松路小学"
    assert cell_text("\u2067=1+2\u2069") == "'=1+2"  # an isolate before a formula hides it no more


def test_markdown_cells_are_html_escaped_one_line_and_cannot_open_links_or_columns():
    shown = markdown_text("<img src=x onerror=alert(1)>|[点我](javascript:alert(1))\n`x`")
    assert "<" not in shown and "\n" not in shown
    assert "\\|" in shown and "\\[点我\\]" in shown and "\\`x\\`" in shown


@pytest.mark.parametrize("mark", ["\u202e", "\u202d", "\u202a", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f",
                                  "\u061c"])
def test_bidi_controls_in_a_name_cannot_reorder_a_terminal_line_or_a_markdown_row(mark):
    # U+202E in 无影山\u202e街道 would show the rest of an error line, or of a coverage.md
    # table row, right to left (Trojan Source, CVE-2021-42574).
    name = f"无影山{mark}街道"
    assert one_line(name) == "无影山" + mark.encode("unicode_escape").decode("ascii") + "街道"
    assert mark not in markdown_text(name) and "街道" in markdown_text(name)


def test_html_and_its_entities_are_read_only_where_a_page_or_markdown_is_made():
    # Every command imports this module (its errors go through one_line): html's 2,231 entities are
    # read where text is escaped for a page or Markdown, not at every start.
    script = ("import sys, geo.cli, geo.safe_text as s\n"
              "print('html.entities' in sys.modules)\n"
              "print(s.page_text('<a&\"b\\'>'), s.markdown_text('<x&y>'))\n"
              "print('html.entities' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split("\n")
    assert out[0] == "False"
    assert out[1] == "&lt;a&amp;&quot;b&#x27;&gt; &lt;x&amp;y&gt;"
    assert out[2] == "True"
