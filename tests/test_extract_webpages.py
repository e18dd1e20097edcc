"""Web pages and web archives (.html, .mht) read as the text a browser shows."""

import types

import pytest

from document_files import PAGE
from geo.extract import extract_file, read_document, read_report
from geo.extract.webpages import html_text, is_html
from geo.io import InputError
from work_counts import Calls


def test_a_web_page_is_read_as_the_text_a_browser_shows():
    text = html_text(PAGE)
    assert text.splitlines() == ["首页 > 政务公开", "今年新建青松路和白石小学，改造北园大街和滨河路\xa0<一期>。",
                                 "序号", "项目名称", "1", "红枫湖公园", "建成湖滨社区卫生服务中心", "和东岭中学。"]
    for hidden in ("标题路", "样式路", "脚本", "注释路"):
        assert hidden not in text


@pytest.mark.parametrize("text, page", [
    ("<!DOCTYPE html><html><body>x</body></html>", True),
    ('<?xml version="1.0"?>\n<!-- saved -->\n<html xmlns="http://www.w3.org/1999/xhtml">', True),
    ("  <p>新建青松路</p>", True),
    ("新建青松路<br>改造白石路", False),  # text with a stray tag inside is text
    ("<青松路>改造工程", False),
])
def test_a_page_is_told_from_text_by_its_first_tag(text, page):
    assert is_html(text) is page


def test_a_gbk_web_page_gives_its_projects_with_quotes_free_of_markup(tmp_path):
    path = tmp_path / "report.html"
    path.write_bytes(PAGE.replace('charset="utf-8"', 'charset="gb2312"').encode("gb18030"))
    features = extract_file(path)
    names = {f["properties"]["name"] for f in features}
    assert {"青松路", "白石小学", "北园大街", "滨河路", "红枫湖公园", "东岭中学"} <= names
    assert not names & {"标题路", "样式路", "脚本路", "脚本小学", "注释路"}
    text = read_report(path)
    for feature in features:
        props = feature["properties"]
        assert not any(tag in props["quote"] for tag in ("<b>", "</b>", "<p>", "<br>")), props["quote"]
        assert props["quote"] in text
        assert text[props["char_start"]:props["char_end"]].replace("\n", "") == props["name"]


@pytest.mark.parametrize("junk", ["<a b='", "</a", "<!", "<?", "<a\n", "<!--", "<![", "</"])
def test_malformed_markup_is_read_as_one_token_to_the_page_end_and_shows_nothing(monkeypatch, junk):
    from geo.extract import webpages

    # html.parser took minutes on these: each "<" of a construct left unclosed was searched to the
    # page's end for its close, then read as text, and the next "<" searched again. A browser (and
    # html_text) reads an unclosed construct to the end of the page once: the 3,000 "<" after the
    # paragraph are one token, not one each. (Timed in scripts/bench_inputs.py.)
    tokens = Calls(webpages._TOKEN.match)
    monkeypatch.setattr(webpages, "_TOKEN", types.SimpleNamespace(match=tokens))
    assert html_text("<html><body><p>新建青松路。</p>" + junk * 3_000) == "新建青松路。\n"
    assert tokens.count == 5  # <html>, <body>, <p>, </p>, and the rest of the page


@pytest.mark.parametrize("page", [
    "<html><body><p>新建青松路。</p><!-- 新建注释路 <p>改造注释路</p>",
    '<html><body><p>新建青松路。</p><img alt="新建属性路" src="x',
    "<html><body><p>新建青松路。</p><title>新建标题路</title>",
    "<html><body><p>新建青松路。</p><script>if (a<b) document.write('</p>新建脚本路')</script>",
    "<head><meta charset=utf-8><title>新建标题路</title><p>新建青松路。",
    '<html><body><svg class="icon"/><p>新建青松路。</p><svg><text>新建图标路</text></svg>',
])
def test_comments_tags_cut_by_the_end_and_titles_show_nothing(page):
    assert html_text(page) == "新建青松路。\n"


def test_preformatted_text_keeps_its_line_breaks():
    page = ("<html><body><pre>\n新建青松路。\n改造白石路。\r\n</pre>"
            "<textarea>\n建成东岭中学。\n建成湖滨公园。</textarea></body></html>")
    assert html_text(page).splitlines() == ["新建青松路。", "改造白石路。", "建成东岭中学。", "建成湖滨公园。"]


def test_a_page_opening_with_a_script_is_a_page():
    assert is_html('<script type="text/javascript">var a = "<p>";</script>\n<html><body><p>新建青松路</p>')


def test_empty_comments_written_short_hide_nothing():
    assert html_text("<p>a<!-->b</p><p>c<!--->d</p>") == "ab\ncd\n"


def _web_archive(page: bytes, part_headers: str, transfer: str, preamble: bytes = b"") -> bytes:
    """A web archive as browsers and Word save one: MIME headers, its page, a style sheet beside it."""
    import base64
    import quopri

    body = quopri.encodestring(page) if transfer == "quoted-printable" else base64.encodebytes(page)
    return (b'From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";\r\n'
            b'\tboundary="----=_NextPart_01"\r\n\r\n' + preamble + b"\r\n------=_NextPart_01\r\n"
            + part_headers.encode() + f"Content-Transfer-Encoding: {transfer}\r\n\r\n".encode() + body
            + "\r\n------=_NextPart_01\r\nContent-Type: text/css\r\n\r\np { content: '新建样式路'; }\r\n".encode()
            + b"------=_NextPart_01--\r\n")


@pytest.mark.parametrize("name, data", [
    # Chrome's .mhtml: UTF-8 told by the page's <meta>, quoted-printable
    ("page.mhtml", _web_archive(PAGE.encode(), "Content-Type: text/html\r\nContent-Location: http://x/a.html\r\n",
                                "quoted-printable")),
    # Word's "single file web page": GB2312 told by the part's header, a preamble in GB2312 before it
    ("report.mht", _web_archive(PAGE.replace("utf-8", "gb2312").encode("gb18030"),
                                'Content-Type: text/html; charset="gb2312"\r\n', "quoted-printable",
                                preamble="此文档为“单个文件网页”，也称为“Web 档案”文件。".encode("gb18030"))),
    ("page.mht", _web_archive(PAGE.encode(), "Content-Type: text/html; charset=utf-8\r\n", "base64")),
])
def test_a_web_archive_is_read_as_the_text_of_its_page(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    text, kind = read_document(path)
    assert (text, kind) == (html_text(PAGE), "html")
    names = {f["properties"]["name"] for f in extract_file(path)}
    assert {"青松路", "白石小学", "北园大街", "红枫湖公园", "东岭中学"} <= names


def test_a_web_archive_without_a_page_is_named(tmp_path):
    path = tmp_path / "page.mht"
    path.write_bytes(b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
                     b"Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n")
    with pytest.raises(InputError, match=r"is a web archive \(.mht\) that holds no web page"):
        read_report(path)


def test_what_a_page_hides_is_not_read():
    shown = "今年加快推进城市更新，完善基础设施，提升公共服务水平，新建青松路。"
    page = (f"<html><body><p>{shown}</p>"
            '<div style="color:red; display: none"><p>隐藏改造白石路</p><div>嵌套的滨河路</div>还在隐藏</div>'
            "<p hidden>隐藏的东岭中学<br>和西岭小学<p>改造北园大街，"
            '<span style="visibility:hidden">隐藏路</span>建成<ruby>泺<rp>(</rp><rt>luò</rt><rp>)</rp></ruby>口公园。'
            '<div class="hidden" data-x="display:none" title="hidden">红枫湖公园</div>'
            '<img hidden src="a.png">湖滨公园'
            '<table><tr><td><p style="display:none">隐藏的单元格</td><td>东岭中学</td></tr></table></body></html>')
    assert html_text(page).splitlines() == [shown, "改造北园大街，建成泺口公园。", "红枫湖公园", "湖滨公园", "东岭中学"]


def test_a_page_whose_scripts_show_what_it_hides_is_read_whole():
    # saved as its source before its scripts ran: the report itself is hidden until they show it
    page = ('<html><body><div class="nav">首页</div><div id="article" style="display:none">'
            "<p>今年新建青松路和白石小学，改造北园大街。</p></div>"
            "<script>document.getElementById('article').style.display = 'block';</script></body></html>")
    assert html_text(page).splitlines() == ["首页", "今年新建青松路和白石小学，改造北园大街。"]


def test_a_page_whose_ruby_text_outweighs_its_other_text_is_read_once():
    # ruby over every character (a primer, a glossary of place names): more pinyin than text shown
    page = "<html><body><p>" + "<ruby>泺<rt>luò</rt></ruby><ruby>口<rt>kǒu</rt></ruby>" * 3 + "路</p></body></html>"
    assert html_text(page) == "泺口泺口泺口路\n"


def test_a_web_archive_of_parts_nested_thousands_deep_is_named_in_one_line(tmp_path):
    path = tmp_path / "page.mht"
    path.write_bytes(b"MIME-Version: 1.0\r\n" + b"".join(
        b'Content-Type: multipart/related; boundary="b%d"\r\n\r\n--b%d\r\n' % (i, i) for i in range(3_000))
        + b"Content-Type: text/html\r\n\r\n<p>\xe6\x96\xb0\xe5\xbb\xba\xe9\x9d\x92\xe6\x9d\xbe\xe8\xb7\xaf</p>")
    with pytest.raises(InputError, match=r"is a web archive \(.mht\) whose parts nest") as caught:
        read_report(path)
    assert str(path) in str(caught.value)


def test_a_web_archive_whose_base64_page_ends_in_a_stray_character_is_read(tmp_path):
    import base64

    page = PAGE.encode()
    page += b" " * (-len(page) % 3)
    for stray in (b"Q", b"Q=", b"\r\n=\r\n"):  # a character left over from a cut, padding where none belongs
        body = base64.encodebytes(page).replace(b"\n", b"\r\n") + stray
        path = tmp_path / "page.mht"
        path.write_bytes(b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
                         b"Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                         + body + b"\r\n--b--\r\n")
        assert read_document(path) == (html_text(PAGE), "html")


@pytest.mark.parametrize("lead", ["<!-- " + "统计代码 " * 1_500 + "-->\n", "\r\n" * 3_000,
                                  '<?xml version="1.0"?>\n<!-- a -->' + "<!-- 版权所有 -->\n" * 500])
def test_a_page_whose_first_tag_follows_kilobytes_of_comments_or_blank_lines_is_a_page(tmp_path, lead):
    path = tmp_path / "page.html"
    path.write_text(lead + '<html><head><script>var s = "新建脚本路";</script></head><body><p>新建青松路。</p>',
                    encoding="utf-8")
    assert read_document(path) == ("新建青松路。\n", "html")
