"""A web page's parts around its piece: the menus above its trail of sections and its links to other pieces."""

from __future__ import annotations

import re

from geo.lexicon import BREADCRUMB_LABELS, LINKS_HEADINGS
from geo.names import INSERTED_PINYIN, simplified_with_offsets
from geo.settings import LINKS_HEADING_MAX_CHARS, LINKS_HEADLINE_MAX_CHARS, MENU_ITEM_MAX_CHARS, PAGE_HEADER_REACH


def link_blocks(text):
    """Spans of ``text`` (start, end) holding a page's links to other pieces: each opens at a line
    that is a links heading alone (推荐阅读:, 【相关新闻】) and runs over the headlines under it,
    short lines ending no sentence (blank lines pass), up to the first line of prose.

    The places in those headlines are other pieces' (四川泸州:城西公园“倩影”初现), no project of
    the text's.
    """
    spans, start, pos = [], None, 0
    for line in text.split("\n"):
        bare = line.strip()
        if start is None:
            if len(bare) <= LINKS_HEADING_MAX_CHARS and _bare_heading(bare) in LINKS_HEADINGS:
                start = pos
        elif bare and (len(bare) > LINKS_HEADLINE_MAX_CHARS or bare[-1] in _SENTENCE_ENDS or "。" in bare):
            spans.append((start, pos))
            start = None
        pos += len(line) + 1
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _bare_heading(line):
    """A short line without the marks around a heading (【】, a colon) and the pinyin a page
    inserts (相關(guān)新聞), in Simplified characters."""
    return INSERTED_PINYIN.sub("", simplified_with_offsets(line.strip(_HEADING_MARKS))[0]).strip(_HEADING_MARKS)


_HEADING_MARKS = " \t\u3000:：【】[]<>《》|·•-—>"
_SENTENCE_ENDS = "。!！?？;；"


def page_menu_lines(text):
    """Spans (start, end) of a page's menu items: the short lines without punctuation above its
    trail of sections (当前位置: 首页 > 新闻, 您的位置:…) when that trail opens within the first
    :data:`geo.settings.PAGE_HEADER_REACH` characters (• 古莲花池 • 白石山风景区 are the site's menus); none when
    there is no trail. A headline or lead above the trail, in sentences, is no menu."""
    spans, pos = [], 0
    for line in text[:PAGE_HEADER_REACH].split("\n"):
        bare = simplified_with_offsets(line.strip(_HEADING_MARKS))[0]
        label = next((label for label in BREADCRUMB_LABELS if bare.startswith(label)), None)
        if label is not None and (len(bare) == len(label) or bare[len(label)] in ":>》 \t"):
            return spans
        if bare and len(bare) <= MENU_ITEM_MAX_CHARS and not _MENU_BREAKS.search(bare):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return []


_MENU_BREAKS = re.compile(r"[,，。;；!！?？、:：]")
