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
