"""Reading a report file: UTF-8, UTF-16, GB18030/GBK or Big5, told apart by the characters each decoding gives;
a saved web page, a Word file (.docx, .doc), an OpenDocument text, a PDF or an OFD as its text."""

from __future__ import annotations

from pathlib import Path

from geo.io import InputError, max_report_bytes, read_bytes_limited
from geo.text_codecs import OLE_MAGIC, decode_text

ENCODINGS = ("auto", "utf-8", "gb18030", "big5")


def read_report(path, encoding: str = "auto") -> str:
    """Read a report file as text.

    Parameters
    ----------
    path : str or path-like
        The report: plain text, a saved web page (HTML, or a web archive .mht: read as the text a browser shows), a
        Word file (.docx, Word XML or .doc) or OpenDocument text (.odt, .fodt), a line per paragraph,
        a PDF (its text layer, a line per printed line)
        or an OFD (GB/T 33190 开放版式文档: its pages' text, a line per printed line).
    encoding : {"auto", "utf-8", "gb18030", "big5"}
        ``auto`` detects UTF-8 (with or without BOM), UTF-16 (with BOM), GB18030/GBK or
        Big5: when the bytes are not UTF-8, the decoding whose characters are mostly common
        ones (GB2312 level 1, Big5 常用字) wins.

    Returns
    -------
    str
        The decoded text, without a byte-order mark. Character offsets of the catalog
        count in it (for a page or a Word file: in its text, not in its markup).

    Raises
    ------
    geo.io.InputError
        The file is missing, empty, binary, undecodable, or the encoding is unknown.
    """
    return read_document(path, encoding)[0]


def read_document(path, encoding: str = "auto") -> tuple:
    """(text, kind) of a report file: its text as :func:`read_report` gives it, and ``"text"``,
    ``"pdf"``, ``"ofd"``, ``"html"`` (a web page or web archive), ``"docx"``, ``"doc"`` or ``"odt"``. A
    web page's, a Word file's or an OpenDocument's lines are its paragraphs; text's, a PDF's and an
    OFD's may be lines a paragraph was wrapped over."""
    if encoding not in ENCODINGS:
        raise InputError(path, f"unknown encoding {encoding!r} (use one of: {', '.join(ENCODINGS)})")
    data = read_bytes_limited(path)  # a file or a pipe, within the size limit
    if data.lstrip(b"\x00\t\n\r\x0c ")[:5] == b"%PDF-":
        from geo.extract.pdf import pdf_text  # imported for PDFs only

        return pdf_text(data, Path(path), max_text=max_report_bytes()), "pdf"
    if data.startswith(b"PK\x03\x04"):
        from geo.extract.wordml import docx_text  # imported for documents only (15 ms)
        from geo.extract.ofd import is_ofd, ofd_text
        from geo.extract.opendocument import is_odt, odt_text

        # its text within the size limit of a text report; its XML, some ten times that at most
        limit = max_report_bytes()
        if is_ofd(data):  # an OFD package (GB/T 33190): a zip holding OFD.xml
            return ofd_text(data, Path(path), max_bytes=_XML_PER_TEXT * limit, max_text=limit), "ofd"
        if is_odt(data):  # an OpenDocument text (LibreOffice, WPS)
            return odt_text(data, Path(path), max_bytes=_XML_PER_TEXT * limit, max_text=limit), "odt"
        return docx_text(data, Path(path), max_bytes=_XML_PER_TEXT * limit, max_text=limit), "docx"
    if data.startswith(OLE_MAGIC):  # Word 97-2003 and WPS files; an .xls or .msg is named
        from geo.extract.word97 import doc_text

        return doc_text(data, Path(path), max_text=max_report_bytes()), "doc"
    if data[:1].isalpha():
        from geo.extract.webpages import is_web_archive, web_archive_text

        if is_web_archive(data[:4096].decode("latin-1")):  # a page saved "as a single file": MIME parts
            return web_archive_text(data, Path(path)), "html"
    text = decode_text(data, Path(path), encoding).lstrip("\ufeff")
    if text.lstrip()[:1] == "<":
        from geo.extract.webpages import FLAT_ODT, WORD_XML, html_text, is_html, xml_kind

        if is_html(text):
            return html_text(text), "html"
        kind = xml_kind(text)
        if kind == WORD_XML:  # Word 2003 XML, or Word's XML document: read as a .docx
            from geo.extract.wordml import word_xml_text

            return word_xml_text(text, Path(path), max_text=max_report_bytes()), "docx"
        if kind == FLAT_ODT:
            from geo.extract.opendocument import fodt_text

            return fodt_text(text, Path(path), max_text=max_report_bytes()), "odt"
        if kind:  # its markup is no text of the report
            raise InputError(path, f"is {kind}, not a report's text: open it in the program that made it "
                                   "and save its text as a .txt file")
    return text, "text"


# The kinds of document whose lines are paragraphs, never lines a paragraph was wrapped over.
PARAGRAPH_LINES = frozenset({"html", "docx", "doc", "odt"})


# A Word file's XML takes a few times its text (an OFD's, placing each character, some more); more than this
# many times the size limit of a text is refused.
_XML_PER_TEXT = 10
