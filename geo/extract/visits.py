"""Places a visit reaches (调研, 视察, 来到, 走进): when the place visited is a works site, and so a project."""

from __future__ import annotations

import re

from geo.lexicon import AREA_ACTIONS, RENEWAL_WORDS, VISIT_VERBS, VISITED_ESTATE_HEADS
from geo.lexicon_lookups import ACTION_INDEX, category_group
from geo.extract.described import own_works_visited
from geo.extract.model import NAMED_KINDS, chain_end, chain_first, list_end
from geo.extract.patterns import COUNT_RE
from geo.settings import ESTATE_RENEWAL_REACH, VISITED_LIST_REACH


def works_site_visited(case, visiting, list_end_at):
    """True when a place visited (or only named, ``visiting`` False) is named as a works site.

    Parameters
    ----------
    case : geo.extract.record_rules.Case
        The mention, its text and its clause.
    visiting : bool
        True when a visit's verb (geo.lexicon.VISIT_VERBS) opens the mention's list.
    list_end_at : int
        Where the mention's list ends, with the type closing it (:func:`geo.extract.model.list_end`).

    Returns
    -------
    bool
        True for the site of its own works (走进毕节二十小扩建项目施工现场, 来到A厂、B公园等项目建设现场),
        a visited project named with its works (来到青山镇中小学改造建设项目现场, 视察东湖学校项目), a list
        visited that ends with works sites or projects (来到A剧院、B路等重点工程现场, 会勘A国小、B村水沟等
        四件基层建设案) and an estate a visit opens its clause with in a sentence on renewal.
    """
    norm, mention = case.norm, case.mention
    if _WORKS_SITE.match(norm, mention.end) or _LIST_WORKS_SITE.match(norm, list_end_at):
        return True
    if visiting and _VISITED_WORKS_SITE.match(norm, mention.end):
        return True
    if mention.kind in NAMED_KINDS and visiting and (norm.startswith(("项目", "工程"), mention.end)
                                                      or own_works_visited(norm, mention, case.clause_end)):
        return True
    if mention.kind in NAMED_KINDS and visiting and visited_works_sites(case):
        return True
    if visiting and visited_as_works(norm, mention, case.clause_end):
        return True
    return estate_visited(case)


def works_seen(case, visiting, first, list_end_at):
    """True when a visit sees a place's works: their progress said of a named place visited (视察青山路158巷
    修缮成果, 调研白石公园提升改造情况), or works inspected at the places a visit or 在 reaches (深入A小学、
    B幼儿园等学校,实地查看工程建设进展); ``first`` is the first mention of the case's list."""
    mention = case.mention
    if visiting and mention.kind in NAMED_KINDS and _WORKS_PROGRESS.match(case.norm, list_end_at, case.clause_end):
        return True
    return (visiting or first.stop == "在") and works_inspected(case)


# Two works verbs naming a project's works (改造建设, 提升改造).
_WORKS_PAIR = r"(?:新建|改建|扩建|改造|建设|提升|提质){2}"
# A name's works site (扩建项目施工现场, 工程建设工地): the press visiting a project.
_WORKS_SITE = re.compile(r"(?:[\u4e00-\u9fff]{2}(?=工程|项目))?(?:工程|项目)?(?:施工|建设|改造|扩建)?(?:现场|工地)")
# A place visited at the site of its works named by two works verbs (来到青山中学改造建设项目现场,
# 走进白石路提升改造工程施工现场): the visit's object is that project.
_VISITED_WORKS_SITE = re.compile(r"(?:" + _WORKS_PAIR + r")(?:工程|项目)(?:施工|建设)?(?:现场|工地)")
# A list's works site (A厂、B公园等项目建设现场, 等3个重点项目施工现场, 等城市建设现场).
_LIST_WORKS_SITE = re.compile(r"等?(?:[\d一二三四五六七八九十]+[个项处])?(?:重点|城市|市政|民生|交通|水利|城建)?(?:(?:工程|项目)(?:施工|建设|改造|扩建)?|施工|建设|改造|扩建)(?:现场|工地)")
# What visitors do at the places they came to when those are works sites (实地查看工程建设进展,
# 察看新建教学楼, 了解施工进度, 询问工程进度, 只见工人们正在紧张施工): within the sentence, soon after
# the list of places.
_WORKS_INSPECTED = re.compile(r"[^。!?;\n]{0,16}?(?:(?:查看|察看|了解|检查|督导|听取|询问|问询|参观|观摩)[^。!?;\n]{0,10}?|(?:只见|看到)[^。!?;\n]{0,16}?)"
                              r"(?:建设|施工|工程|项目|进展|进度|新建|改扩建|扩建|改造)")
# The sentence after a visit's that goes on at each place visited (…等地调研。每到一处,…).
_EACH_PLACE = re.compile(r"[^。!?;\n]{0,30}?[。;]\s*(?:每到一处|每到一地|每到一个项目)[,,]?")
# Works on a visited place with how far they got (视察A路改造进展, 调研B公园提升改造情况, 修繕成果):
# the place visited is the works' site.
_WORKS_PROGRESS = re.compile(r"(?:[\u4e00-\u9fff\d]{0,6}?)(?:新建|改扩建|改建|扩建|扩容|改造|提升|整治|修缮|建设|施工|翻新|维修|修复|升级)"
                             r"(?:改造|提升|工程|项目)?的?(?:成果|进展|进度|情况|成效)")
def visited_works_sites(case):
    """True when the clause of a visit ends with the works sites or projects its list reaches (来到A、B
    周边和C地块、D等重点工程现场, 来到A、B等民生实事项目), even where an item that is no name breaks
    the list before it."""
    norm, end = case.norm, case.clause_end
    at = norm.rfind("等", case.mention.end, end)
    if at < 0 or at - case.mention.end > VISITED_LIST_REACH:
        return False
    return _VISITED_PROJECTS.fullmatch(norm, at, end) is not None


# The projects a visit's list ends with (等重点工程现场, 等民生实事项目, 等在建项目点位, 等重点建设
# 现场, 等3个重点项目, 等四件基层建设案): the places listed are theirs.
_VISITED_PROJECTS = re.compile(r"等(?:[\d一二三四五六七八九十两]+[件个项处])?[\u4e00-\u9fff]{0,6}?(?:(?:工程|项目)"
                               r"(?:施工|建设|改造|扩建)?(?:现场|工地|点位|点)?|(?:施工|建设|改造|扩建)(?:现场|工地|点位)|建设案)")


def estate_visited(case):
    """True for a housing estate (小区, named: no count) that a visit (走进, 来到) or 在 opens a clause
    with, the estate (or a list of estates, 在青松小区等老旧小区) closing the clause, in a sentence on
    renewal (改造, 老旧): 走进青松小区,改造后的道路平整干净. Press on the renewal of old estates sets
    its scenes there: the estate is the works' site, for the record model to weigh (a village or
    district visited stays context, and so does an estate visited in a sentence on no renewal)."""
    mention = case.mention
    if mention.head not in VISITED_ESTATE_HEADS:
        return False  # (most mentions: nothing more to look at)
    first = chain_first(mention)
    return mention.kind in NAMED_KINDS and not mention.count \
        and COUNT_RE.match(case.norm, mention.stem_start, mention.head_start) is None \
        and (first.stop in VISIT_VERBS or first.stop == "在") \
        and first.stop_start is not None and first.stop_start + len(first.stop) == first.stem_start \
        and list_end(mention) == case.clause_end and _renewal_told(case.norm, mention)


def _renewal_told(norm, mention):
    """True when the mention's sentence, within reach on either side, tells of renewal (改造, 老旧)."""
    lo, hi = max(0, mention.stem_start - ESTATE_RENEWAL_REACH), min(len(norm), mention.end + ESTATE_RENEWAL_REACH)
    lo = max([lo] + [norm.rfind(mark, lo, mention.stem_start) + 1 for mark in _SENTENCE_ENDS])
    hi = min([hi] + [pos for pos in (norm.find(mark, mention.end, hi) for mark in _SENTENCE_ENDS) if pos >= 0])
    return any(norm.find(word, lo, hi) >= 0 for word in RENEWAL_WORDS)


_SENTENCE_ENDS = ("。", "!", "?", "\n")


def visited_as_works(norm, mention, clause_end):
    """True when the list a place visited is in is closed as projects, after any works of its last
    item (会勘A国小、B村水沟汰换更新等四件基层建设案, 视察A路、B桥等3个项目)."""
    listed = _VISITED_PROJECTS.search(norm, mention.end, clause_end)
    if listed is None:
        return False
    pos = chain_end(mention)
    while pos < listed.start():
        word = ACTION_INDEX.at(norm, pos)
        if not word:
            break
        pos += len(word)
    return listed.start() <= pos



def works_inspected(case):
    """True when a named facility, road, park or river visited is a works site: the visitors inspect
    works there (深入A小学、B幼儿园等学校,实地查看工程建设进展; 在A中学东校区,区领导详细了解施工进度;
    来到A路、B公园等地,实地查看项目建设进展)."""
    mention = case.mention
    if mention.kind not in NAMED_KINDS or category_group(mention.category) != "facilities" and (
            category_group(mention.category) is None or mention.category in _NO_SITES
            or chain_first(mention).stop == "在" or _area_renewed_at(case.norm, mention.end)):
        # (来到青山村、白石片区: villages and areas visited stay context; so do a road or park a
        # visitor is only in (在青山广场,听取…规划) and a road whose neighbourhood is renewed)
        return False
    at = list_end(mention)
    each = _EACH_PLACE.match(case.norm, at)  # 先后来到A医院、B中学等地调研。每到一处,他详细了解建设进展
    return _WORKS_INSPECTED.match(case.norm, each.end() if each else at) is not None


_NO_SITES = ("village", "area")  # categories whose places visited are context even where works are inspected


def _area_renewed_at(norm, pos):
    """True when a neighbourhood's renewal (棚户区改造, 老旧小区改造) is said at ``pos``."""
    return norm.startswith(AREA_ACTIONS, pos)
