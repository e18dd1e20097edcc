"""PDFs read as their printed lines, and the ones that cannot be read named in one line."""

import pytest

from document_files import DOCUMENTS, pdf_file
from geo.extract import extract_file, read_report
from geo.extract.pdf import pdf_text
from geo.io import InputError
from work_counts import Calls


def test_a_pdf_gives_the_projects_of_its_text():
    # A PDF made by LibreOffice from wrapped_report.txt: lines cut mid-name (红枫湖 / 公园, 青 / 山大道).
    pdf, txt = DOCUMENTS / "wrapped_report.pdf", DOCUMENTS / "wrapped_report.txt"
    text = read_report(pdf)
    assert "红枫湖\n公园" in text and "青\n山大道" in text
    from_pdf, from_text = extract_file(pdf), extract_file(txt)
    assert sorted(f["properties"]["name"] for f in from_pdf) == sorted(f["properties"]["name"] for f in from_text)
    assert {"红枫湖公园", "青山大道", "湖滨社区卫生服务中心"} <= {f["properties"]["name"] for f in from_pdf}
    for feature in from_pdf:
        props = feature["properties"]
        assert "\n" not in props["quote"]
        assert text[props["char_start"]:props["char_end"]].replace("\n", "") == props["name"] or not props["named"]


def _pdf(tmp_path, blank=False, **encryption):
    import pypdf

    writer = pypdf.PdfWriter()
    if blank:
        writer.add_blank_page(width=595, height=842)
    else:
        writer.append(str(DOCUMENTS / "wrapped_report.pdf"))
    if encryption:
        writer.encrypt(**encryption)
    path = tmp_path / "report.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


def _cut_pdf(tmp_path):
    path = tmp_path / "cut.pdf"
    path.write_bytes((DOCUMENTS / "wrapped_report.pdf").read_bytes()[:3000])  # a download cut short
    return path


def test_a_pdf_locked_only_against_editing_is_read(tmp_path):
    path = _pdf(tmp_path, user_password="", owner_password="owner")  # opens without a password
    assert "红枫湖\n公园" in read_report(path)


def _scan_with_a_stamp(tmp_path):
    """Six scanned pages, each with a line of text a scanning app prints on it (扫描全能王 创建 and
    the like): 10 characters a page, 60 in all."""
    import pypdf
    from pypdf.generic import ContentStream

    writer = pypdf.PdfWriter()
    for _ in range(6):
        writer.append(str(DOCUMENTS / "wrapped_report.pdf"))
    for page in writer.pages:
        stamp = ContentStream(None, writer)
        stamp.set_data(b"BT 54 30 Td /F1 12 Tf <0102030405060708090A> Tj ET")
        page.replace_contents(stamp)
    path = tmp_path / "scan.pdf"
    with open(path, "wb") as handle:
        writer.write(handle)
    return path


@pytest.mark.parametrize("make, problem", [
    (lambda tmp: _pdf(tmp, user_password="secret", owner_password="secret"), "is a password-protected PDF"),
    (lambda tmp: _pdf(tmp, blank=True), "is a PDF without a text layer"),
    (_scan_with_a_stamp, "is a PDF without a text layer"),
    (lambda tmp: _cut_pdf(tmp), "is a damaged PDF"),
])
def test_a_pdf_that_cannot_be_read_is_named(tmp_path, make, problem):
    path = make(tmp_path)
    with pytest.raises(InputError, match=problem) as caught:
        read_report(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)


def test_a_pdf_encrypted_beyond_what_pypdf_can_open_alone_is_named(tmp_path, monkeypatch):
    import pypdf

    def needs_cryptography(self, password):
        raise pypdf.errors.DependencyError("cryptography>=3.1 is required for AES algorithm")

    path = _pdf(tmp_path, user_password="", owner_password="owner")
    monkeypatch.setattr(pypdf.PdfReader, "decrypt", needs_cryptography)
    with pytest.raises(InputError, match="is an encrypted PDF geo cannot open"):
        read_report(path)


def test_a_pdf_whose_text_is_over_the_size_limit_is_refused():
    # as a Word file's, an OpenDocument's or an OFD's is: a small PDF can hold far more text than its size
    with pytest.raises(InputError, match="is a PDF whose text is over the 0.0001 MB size limit"):
        pdf_text((DOCUMENTS / "wrapped_report.pdf").read_bytes(), "r.pdf", max_text=100)


def _drawing_pdf(page_content: bytes, form_content: bytes, pages: int) -> bytes:
    """A PDF of ``pages`` pages all drawing one content stream, whose resources give a form X1 drawing
    ``form_content``: both flate-compressed, as a tiny file can hold a lot of them."""
    import zlib

    def stream(content, head=b""):
        packed = zlib.compress(content, 9)
        return b"<< %s /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (head, len(packed), packed)

    resources = b"<< /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >>"
    kids = b" ".join(b"%d 0 R" % (7 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
               b"<< >>", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", stream(page_content),
               stream(form_content, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources " + resources)]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources %s >>" % resources
                ] * pages
    return pdf_file(objects)


@pytest.mark.parametrize("page, form, pages", [
    (b"BT /F1 12 Tf 50 700 Td " + b"(abc) Tj 0 -1 Td " * 140_000 + b"ET", b"", 20),  # one page's content on 20
    (b"q /X1 Do Q " * 20_000, b"BT /F1 12 Tf 50 700 Td " + b"(abcdef) Tj 0 -1 Td " * 2_000 + b"ET", 1),  # a form drawn 20,000 times
    (b"/X1 %\nDo " * 20_000, b"BT /F1 12 Tf (abcdef) Tj ET " * 2_000, 1),  # its name set apart by a comment
])
def test_a_small_pdf_drawing_its_content_again_and_again_is_refused_before_any_text_is_read(tmp_path, monkeypatch,
                                                                                             page, form, pages):
    import pypdf

    from geo.extract import pdf

    # Reading the text of these (a few KB) walked the content drawn for minutes: the content its pages
    # draw is counted first, each stream once however often drawn, and no page's text is read.
    def text_read(*args, **kwargs):
        raise AssertionError("a page's text was read")

    monkeypatch.setattr(pypdf.PageObject, "extract_text", text_read)
    streams = Calls(pdf._drawn)
    monkeypatch.setattr(pdf, "_drawn", streams)
    path = tmp_path / "report.pdf"
    path.write_bytes(_drawing_pdf(page, form, pages))
    with pytest.raises(InputError, match="is a PDF whose pages draw over") as caught:
        read_report(path)
    assert str(path) in str(caught.value)
    assert streams.count <= pages + 1  # each page's content, and the form


def test_a_pdf_drawing_a_form_on_each_page_is_read():
    data = _drawing_pdf(b"q /X1 Do Q", "BT /F1 12 Tf 50 700 Td (Xinjian Qingsong Lu) Tj ET".encode(), 3)
    assert pdf_text(data, "r.pdf") == "Xinjian Qingsong Lu\n\fXinjian Qingsong Lu\n\fXinjian Qingsong Lu\n"
