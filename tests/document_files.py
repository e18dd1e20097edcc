"""Small documents made for the tests of the document readers (tests/test_extract_*.py): a web page, Word files, zips."""

import io
import zipfile
from pathlib import Path

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>新建标题路</title>
<style>.x { content: "新建样式路"; }</style>
<script>var s = "改造脚本路和脚本小学";</script></head>
<body><div class="nav">首页 &gt; 政务公开</div>
<!-- 新建注释路 -->
<p>今年新建青松路和白石
小学，改造<b>北园</b>大街和&#28392;河路&nbsp;&lt;一期&gt;。</p>
<table><tr><td>序号</td><td>项目名称</td></tr><tr><td>1</td><td>红枫湖公园</td></tr></table>
<p>建成湖滨社区卫生服务中心<br>和东岭中学。</p>
</body></html>
"""


def make_docx(body_xml, extra=(), prolog=""):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml",
                         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + prolog +
                         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                         f"<w:body>{body_xml}</w:body></w:document>")
        for name, data in extra:
            archive.writestr(name, data)
    return out.getvalue()


def w_p(*runs):
    return "<w:p>" + "".join(runs) + "</w:p>"


def w_r(text):
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


WORD_BODY = (
    w_p(w_r("今年新建青松路，改造"), w_r("北园"), "<w:r><w:rPr><w:b/></w:rPr><w:t>大街</w:t></w:r>", w_r("。"))
    + w_p(w_r("项目"), "<w:r><w:tab/></w:r>", w_r("红枫湖公园"), "<w:r><w:br/></w:r>", w_r("白石小学"))
    + "<w:tbl><w:tr><w:tc>" + w_p(w_r("1")) + "</w:tc><w:tc>" + w_p(w_r("东岭中学")) + "</w:tc></w:tr></w:tbl>"
    + w_p(w_r("建成"), '<w:del><w:r><w:delText>删去的路</w:delText></w:r></w:del>', w_r("湖滨公园"),
         "<w:r><w:pict><w:txbxContent>" + w_p(w_r("文本框里的滨河路")) + "</w:txbxContent></w:pict></w:r>")
)


def make_zip(*members):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in members:
            archive.writestr(name, data)
    return out.getvalue()


ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/"')
# The committed document fixtures: a PDF LibreOffice made of a wrapped report and that report as text, Word files, OFDs.
DOCUMENTS = Path(__file__).resolve().parent / "fixtures" / "documents"


def pdf_file(objects) -> bytes:
    """A PDF file of ``objects`` (each object's body, numbered from 1; the first the catalog), with its
    cross-reference table."""
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_pdf(pages, width=595, height=842, drawn="objects") -> bytes:
    """A PDF of ``pages``, each a list of runs ``(x, y, size, text)`` drawn in the order given (``"Tm"``:
    ``(x, y, size, text, (a, b, c, d))`` draws one turned by that text matrix); a Type0
    font (Identity-H, no glyphs embedded, ASCII half as wide as Han), so the text reads back as Unicode.

    ``drawn``: how the runs are drawn: ``"objects"``, each in a text object of its own (as LibreOffice
    and Word write them); else all of a page's in one text object (as pdfTeX and print drivers write
    them), moving to each with ``"Td"`` (from the run before), ``"Tm"`` (to where it stands), ``"TJ"``
    (``Td``, its text a ``TJ`` array with kerning numbers between its characters) or ``"glyphs"`` (each
    character moved to with ``Td`` and shown alone).
    """
    font = (b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [<< /Type /Font "
            b"/Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) "
            b"/Supplement 0 >> /DW 1000 /W [32 [" + b" 500" * 95 + b"]] >>] >>")
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None, font]
    kids = []
    for runs in pages:
        content = b"".join(_drawn(runs, drawn))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (width, height, len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return pdf_file(objects)


def _hex(text):
    return b"<%s>" % text.encode("utf-16-be").hex().encode()


def _drawn(runs, drawn):
    """The content drawing ``runs`` as :func:`make_pdf` describes ``drawn``."""
    if drawn == "objects":
        return [b"BT /F1 %g Tf %g %g Td %s Tj ET\n" % (size, x, y, _hex(text)) for x, y, size, text in runs]
    out, at, size_set = [b"BT\n"], (0, 0), None
    for x, y, size, text, *turned in runs:
        if size != size_set:
            out.append(b"/F1 %g Tf\n" % size)
            size_set = size
        if drawn == "Tm":
            out.append(b"%g %g %g %g %g %g Tm %s Tj\n" % (*(turned[0] if turned else (1, 0, 0, 1)), x, y, _hex(text)))
        elif drawn == "TJ":  # kerning: a little closer, a little further, inside words
            kerned = b" ".join(_hex(char) + (b" %d" % (15 if index % 2 else -20) if index < len(text) - 1 else b"")
                               for index, char in enumerate(text))
            out.append(b"%g %g Td [%s] TJ\n" % (x - at[0], y - at[1], kerned))
        elif drawn == "glyphs":
            for char in text:
                out.append(b"%g %g Td %s Tj\n" % (x - at[0], y - at[1], _hex(char)))
                at = (x, y)
                x += _width(char, size)
            continue
        else:
            out.append(b"%g %g Td %s Tj\n" % (x - at[0], y - at[1], _hex(text)))
        at = (x, y)
    return out + [b"ET\n"]


def _width(text, size):
    import unicodedata

    return sum(size if unicodedata.east_asian_width(c) in "WF" else size / 2 for c in text)


def wrap(text, width, size=12):
    """The lines ``text`` fills at ``size`` points in ``width`` points, a paragraph a line (each opening
    with a two-character indent), cut as a typesetter cuts Chinese: anywhere."""
    lines = []
    for paragraph in text.split("\n"):
        line = "\u3000\u3000" if paragraph.strip() else ""
        for char in paragraph.strip():
            if _width(line + char, size) > width:
                lines.append(line)
                line = ""
            line += char
        lines.append(line)
    return [line for line in lines if line]


def column_pages(text, columns=2, size=12, top=780, bottom=60, left=54, right=541, gutter=24, head=()):
    """``text`` set in ``columns`` columns a page, drawn line by line across the page (the first line of
    each column, then the second…) as typesetting programs draw them; ``head``: runs drawn first on the
    first page (a title over all the columns), the columns starting below them."""
    column_width = (right - left - gutter * (columns - 1)) / columns
    lines = wrap(text, column_width, size)
    leading = size * 1.5
    pages, first = [], True
    while lines:
        start = top - (leading * 3 if first and head else 0)
        rows = int((start - bottom) / leading) + 1
        runs = list(head) if first else []
        page, lines = lines[:rows * columns], lines[rows * columns:]
        for row in range(rows):
            for column in range(columns):
                index = column * rows + row
                if index < len(page):
                    runs.append((left + column * (column_width + gutter), start - row * leading, size, page[index]))
        pages.append(runs)
        first = False
    return pages


def project_table_rows():
    """A table of projects as reports print it: a header and six numbered rows of four cells."""
    return [("序号", "项目名称", "建设内容", "总投资（万元）")] + [
        (str(number), name, work, money) for number, (name, work, money) in enumerate([
            ("青松路改造工程", "道路改造1.2公里", "3500"), ("白石小学", "新建教学楼", "8000"),
            ("红枫湖公园", "提升改造", "1200"), ("湖滨社区卫生服务中心", "新建", "2600"),
            ("东岭中学扩建工程", "新建宿舍楼和食堂", "5400"), ("滨河大道", "新建", "12000")], 1)]


def with_a_name_not_utf8(data):
    """The zip archive ``data`` with a member ``bé.xml`` added whose name, flagged UTF-8 (bit 11), is not UTF-8
    (``b\\xc3A.xml``): as a damaged copy or a careless archiver leaves it."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("bé.xml", "<x/>")
    return out.getvalue().replace("bé.xml".encode(), b"b\xc3A.xml")
