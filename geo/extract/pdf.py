"""PDF documents: the text of their pages read with pypdf, a line per printed line (content drawn again and again refused)."""

from __future__ import annotations

import collections
import io
import re

from geo.extract.documents import fixed_layout_text
from geo.io import InputError, utf8_size


def pdf_text(data: bytes, path, max_text: int | None = None) -> str:
    """The text of a PDF's pages, read with pypdf: the lines as printed, a form feed opening
    each page after the first (extraction joins the lines a paragraph wraps over, see
    :func:`geo.extract.segment.wrapped_line_breaks`).

    Parameters
    ----------
    data : bytes
        The file's bytes.
    path : path-like
        Named in errors.
    max_text : int, optional
        The most bytes its text may take as UTF-8 (as a text file of it would).

    Raises
    ------
    geo.io.InputError
        A damaged PDF, one that needs a password, one with no text layer (a scan: its text
        needs OCR first), one whose fonts map to no characters, or one of more text than ``max_text``.
    """
    import logging

    import pypdf

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about odd objects are no errors of ours
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(path, "is a password-protected PDF: open it, then save its text as a .txt file")
        _check_drawn(reader, len(data), path)
        pages, size = [], 0
        for page in reader.pages:
            pages.append(_page_text(page))
            size += utf8_size(pages[-1]) + 1
            if max_text is not None and size > max_text:
                raise InputError(path, f"is a PDF whose text is over the {max_text / 1e6:g} MB size limit "
                                       "(raise it with --max-size MB or GEO_MAX_REPORT_MB)")
    except InputError:
        raise
    except (pypdf.errors.DependencyError, pypdf.errors.FileNotDecryptedError, pypdf.errors.WrongPasswordError):
        # AES needs the cryptography package, which geo does not install for this alone
        raise InputError(path, "is an encrypted PDF geo cannot open: save its text from a PDF viewer as a .txt file") \
            from None
    except Exception as exc:  # pypdf raises many kinds on a damaged file; none is ours to show whole
        raise InputError(path, f"is a damaged PDF ({type(exc).__name__}: {str(exc)[:120]})") from None
    text = "\n\f".join(page.rstrip("\n") for page in pages)
    return fixed_layout_text(text, path, kind="a PDF", viewer="a PDF viewer")


def _page_text(page) -> str:
    """A page's text as pypdf reads it, or read column by column when its lines are set in columns
    (pypdf joins the lines of columns drawn side by side into one, see :func:`geo.extract.columns.column_text`).

    Columns drawn inside one text object, a move along the line between a line of one column and the
    line beside it (pdfTeX, print drivers), are read as columns too: pypdf reads the two lines as one
    run of text, which is cut where its text-showing operators stand a gutter apart (:func:`_cut_moves`).
    """
    from pypdf.generic import NameObject

    from geo.extract.columns import Run, apart, column_text

    # pieces: [its texts as pypdf gives them, x, y, size, cut off the piece after it, the last text read into it]
    pieces, upright, cutting, open_piece = [], True, False, False

    def operator_seen(operator, operands, cm, tm):
        nonlocal cutting
        cutting = operands is _CUT

    def seen(text, cm, tm, font, size):
        nonlocal upright, open_piece
        ours, text = cutting, text.replace("\n", "")
        if not upright:
            return
        if not text or not text.strip() and not (ours or open_piece):  # (a space may begin or go on a piece)
            open_piece = open_piece and ours  # (a flush of pypdf's own ends the run it continued)
            return
        # where the text stands on the page: its text matrix times the transformation matrix
        a, b, c, d = (tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3],
                      tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        if abs(b) > 1e-6 or abs(c) > 1e-6 or a <= 0 or d <= 0:
            upright = False  # turned or mirrored text: its columns are not found here
            return
        x, y = tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        piece = [[text], x, y, size * d, False, Run(text.strip(" "), x, y, size * d)]
        if open_piece:  # the text pypdf read on after a cut: the same run, unless a gutter after the piece before
            last = pieces[-1]
            if apart(last[5], Run(text.lstrip(" "), x, y, size * d)):
                last[4] = True
            else:
                last[0].append(text)
                last[5] = piece[5]
                piece = None
        if piece is not None:
            pieces.append(piece)
        open_piece = ours

    contents, cuts = page.get(_CONTENTS), _cut_moves(page)
    try:
        if cuts is not None:
            page[NameObject(_CONTENTS)] = cuts[0]
        text = page.extract_text(visitor_operand_before=operator_seen if cuts and cuts[1] else None,
                                 visitor_text=seen) or ""
    finally:
        if cuts is not None:
            page[NameObject(_CONTENTS)] = contents  # (the page as read)
    if not upright or not pieces:
        return text
    runs = []
    for parts, x, y, size, cut, _ in pieces:
        run = "".join(parts).lstrip(" ")  # (the space pypdf puts before text further along its line)
        if run.strip():
            runs.append(Run(run.rstrip(" ") if cut else run, x, y, size))
    columns = column_text(runs)
    return text if columns is None else columns


# The operands of the ET put before a text-showing operator after a move in a text object (a list of
# its own, told apart by identity): pypdf hands the text before it to the visitor there.
_CUT = []
_CONTENTS = "/Contents"
_MOVES = frozenset((b"Td", b"TD", b"Tm", b"T*"))
_SHOWS = frozenset((b"Tj", b"TJ"))
_NEXT_LINE_SHOWS = frozenset((b"'", b'"'))  # (a line of their own: pypdf reads text on the next line apart)


def _cut_moves(page):
    """The content of ``page`` parsed, with an ``ET`` (operands :data:`_CUT`) put before each ``Tj`` or
    ``TJ`` that follows a move (``Td``, ``TD``, ``Tm``, ``T*``) since text was last shown in its text
    object, and how many were put: pypdf reads text moved along its line into one run with the text
    before it, and an ``ET`` hands the text read so far to the visitor, its text as pypdf reads it
    unchanged. ``None`` when the page has no content or it does not parse (pypdf reads it as it reads
    it, and fails as it fails)."""
    from pypdf.generic import ContentStream

    contents = page.get(_CONTENTS)
    if contents is None:
        return None
    try:
        stream = ContentStream(contents.get_object(), page.pdf, "bytes")  # as pypdf parses it for its text
        operations = stream.operations
    except Exception:
        return None
    cut, moved, shown = [], False, False
    for operation in operations:
        operator = operation[1]
        if operator == b"BT":
            moved = shown = False
        elif operator in _MOVES:
            moved = True
        elif operator in _SHOWS:
            if moved and shown:
                cut.append((_CUT, b"ET"))
            moved, shown = False, True
        elif operator in _NEXT_LINE_SHOWS:
            moved, shown = False, True
        cut.append(operation)
    if len(cut) > len(operations):
        stream.operations = cut
    return stream, len(cut) - len(operations)


# A form drawn (Do) in a content stream: its name (#xx escapes and all), then white space or comments.
_DRAWN_FORM = re.compile(rb"/((?:[^\s/\[\]()<>{}%#]|#[0-9A-Fa-f]{2})+)(?:\s|%[^\r\n]*)*Do(?![^\s/\[\]()<>{}%])")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
# Forms drawn inside forms are followed no deeper than this (pypdf recurses into them).
_MAX_FORM_DEPTH = 50


def _check_drawn(reader, size: int, path):
    """Refuse a PDF whose pages draw more content than :data:`geo.settings.PDF_DRAWN_FACTOR` times its
    ``size`` (plus :data:`geo.settings.PDF_DRAWN_SLACK_BYTES`): content drawn again and again (one
    stream on every page, a form drawn thousands of times), which reading its text would walk for
    minutes. Counted before any text is read, each form once however often it is drawn.

    Raises
    ------
    geo.io.InputError
        Over the limit.
    """
    from geo import settings

    limit = settings.PDF_DRAWN_FACTOR * size + settings.PDF_DRAWN_SLACK_BYTES
    forms, drawn = {}, 0
    for page in reader.pages:
        contents = page.get_contents()  # (a damaged one raises what reading its text would)
        data = contents.get_data() if contents is not None else b""
        drawn += _drawn(data, page.get("/Resources"), forms, limit - drawn, 0)
        if drawn > limit:
            raise InputError(path, f"is a PDF whose pages draw over {limit / 1e6:g} MB of content (the same content "
                                   "drawn again and again): save its text from a PDF viewer as a .txt file")


def _drawn(data: bytes, resources, forms: dict, budget: int, depth: int) -> int:
    """Bytes of content a stream ``data`` draws: its own, and those of each form it draws (by the
    ``resources`` naming them) as often as it draws it; past ``budget``, any number over it."""
    drawn = len(data)
    counts = collections.Counter(_NAME_ESCAPE.sub(lambda escape: bytes([int(escape[1], 16)]), match[1])
                                 for match in _DRAWN_FORM.finditer(data))
    for name, count in counts.items():
        if drawn > budget:
            break
        drawn += count * _form_drawn(name, resources, forms, budget - drawn, depth)
    return drawn


def _form_drawn(name: bytes, resources, forms: dict, budget: int, depth: int) -> int:
    """Bytes of content drawing the form ``name`` of ``resources`` draws once (0 for an image, a form
    not found, a form drawing itself, or one past :data:`_MAX_FORM_DEPTH`)."""
    import pypdf

    try:
        form = resources.get_object()["/XObject"].get_object()["/" + name.decode("latin-1")]
        key = (form.idnum, form.generation) if isinstance(form, pypdf.generic.IndirectObject) else id(form)
        form = form.get_object()
        if form.get("/Subtype") != "/Form" or depth >= _MAX_FORM_DEPTH:
            return 0
        if key not in forms:
            forms[key] = 0  # a form drawing itself: pypdf draws it once
            forms[key] = _drawn(form.get_data(), form.get("/Resources"), forms, budget, depth + 1)
        return forms[key]
    except Exception:  # a form damaged or not there: pypdf draws nothing of it either
        return 0
