"""Extraction of the spatial projects named in a work report: place-name rules and a name tagger -> catalog features.

How it works (the vocabulary is data, geo/data/lexicon/*.tsv; no rule names a particular report's places).
The stages are modules of this package: ``segment`` (sentences, clauses), ``mentions`` (heads,
codes and their stems, names joined into one; ``head_mentions`` the mention a head makes where it is found), ``headfit`` (heads that name no place where they
stand: 蝶变, 龙庙3个乡镇), ``routes`` (roads named by a code or by the
places they join: G105, 辛高线, A到B的道路), ``extents`` (where a mention ends: sections, counts,
the end of the noun phrase; ``head_words`` the words around its head), ``lists`` (enumerations, members; ``shared_heads`` list items written without a head and the head they share), ``partners`` (partners, bounds and locators named beside works), ``stems`` (where a stem starts; ``stem_labels`` what
it says), ``apposition`` (an ordinal's type before a name: 第六座跨江大桥|伏龙大桥), ``works`` (the action governing a mention and the category it gives), ``context`` (the
rules that find a mention is context; ``visits`` the works sites a visit reaches), ``records`` (the record rules from a mention to its records), ``counts`` (works counted with no place
type, tallies by class, measures; ``counted_nouns`` the noun a count counts, ``listed_counts`` counts
closing a list: A、B等5所),
``elided`` (a bare count after works counts the noun of the count before it: 扩建学校3所,新建成5所),
``tagger`` (a character CRF that marks names), ``statistical`` (its rules in front of the rules'
filters; ``widened_names`` the rule names it widens, ``added_names`` the names it adds; ``sandwiched`` the unnamed items a list holds between the places named), ``confidence`` (how likely a named record is a project; the names it drops; ``peers`` villages listed alike, which share their score),
``features`` (ids, merging, output; ``slugs`` the ids' pinyin), ``parallel`` (worker processes for long texts);
``encoding`` reads files (UTF-8, GB18030, Big5, UTF-16), ``webpages`` saved web pages,
``documents`` Word files and PDFs and ``opendocument`` OpenDocument texts as their text:

1. The decoded text is normalised (NFKC per character, then OpenCC Traditional->Simplified: see
   :mod:`geo.names`, the normaliser shared with gazetteer matching) with an offset map, so rules
   match one form while names, quotes and offsets refer to the original text. Pinyin that web
   pages insert in brackets (環(huán)境), spaces around numbers and the spaces of letter-spaced words
   (沪 松 公 路, from PDF tables) are dropped from the matched
   text (``segment.clean``) and from names; offsets still cover the span as written.
2. Sentences (split on 。！？；and newlines; a line break that only wraps a line of text copied from
   a PDF is dropped first: ``segment.wrapped_line_breaks``) are cut into clauses at commas and colons. In each clause a
   *head* (a place-name suffix such as 路, 医院, 水库, 教育集团, or a road/rail code like G105 or
   地铁6号线) is looked up at every position, longest head first. A head is accepted only when what
   follows it ends a noun phrase (punctuation, 、/和/及, 等, a count, or an action word such as 建设 or
   改造): this is what rejects 市场主体, 黄河流域, 天桥特色 and the like.
3. The name's left edge is found by scanning back to a separator or a *stop word* (verbs, adverbs and
   function words that cannot start a name: 推进, 依托, 对, 和...; every action is one too, so
   改造升级文化大道 stops at 升级). A one-character stop word that would leave a stem shorter than the
   head's minimum is skipped, so 和平路 and 于家村 keep their first character; so is 沿/向/于/将 right
   after a verb or a separator (建成沿江快速路, 和平路与将军路), any one-character stop word right
   after 、 (新华路、和平大街), and a verb that would leave a too-short stem after 、 or after
   another verb (沈辽路、建设大路, 打通建设北路), or that would be the whole list item (幸福路、建设路).
   以东/以西 are directions inside a name; 原 (the former) is not part of one. Road stems longer
   than 8 characters and other stems longer than 12 are rejected, except before a part of an
   institution (校区, 院区, 分园, 楼...), whose stem carries the institution's name (up to 16:
   天津师范大学附属实验小学梅江校区). An intercity line (高速公路, 铁路, 高铁) is named by both
   ends (铜仁至吉首高速公路). Words that end in a head but are no place (街道, 通道, 渠道, and 国道
   before a road code) hide the head, so the road head 道 (黑牛城道) does not fire inside them.
4. The stem decides what the mention is: a distinctive stem gives a named project; a stem made only of
   generic modifiers (专业, 农村, 口袋, 名优...) is a type, not a name, and gives a counted group record
   only when a count is attached (学校10所, 3所幼儿园, 5条断头路, 背街小巷改造30条); a definite
   marker (新, 区级, 区, 县...) before a facility head names the district's own one (新图书馆,
   区级疾控中心). Designation heads (示范点, 示范村, 样板村, 示范区) are titles, not places, and only
   counted mentions become (group) records. A distinctive name with a length or area (海泊河绿道12公里)
   stays one named project whose ``quantity`` is that size, unless it is listed with counted types
   (社区公园12个、山城步道20公里) or its stem only says where it lies (滨河绿道8公里). A quoted stem
   (“四好农村路”) is a type. Before a road head a short ordinary word is a name (文化大道, 人民路);
   only road-type words (农村, 背街, 城市主干...) make a road a type. A bare ``中心``, ``楼`` or
   ``处理中心`` takes its category from keywords of its stem (县人民医院住院综合楼 -> health,
   垃圾分类处理中心 -> sanitation) and is dropped without one (数据中心).
5. ``A、B等N<unit><head>`` makes A and B members of the head's type (金牛建材 becomes commercial
   through 等新建商业载体, 宝华 and 文澜 schools through 等新兴初中教育品牌) and, when counted, one
   unnamed group record for the remaining N - members (``group_total`` keeps N). A count needs a
   spatial head next to it, or (``counts``, only for counts no rule took) a works verb before it
   and a noun that counts works (建成了15家放心粮油连锁店, 165栋老旧住宅经过修缮), or (``listed_counts``)
   a list closed by 等 before it (A、B等14个老旧小区施行…): 双30条, 19个领域 and 70家企业 never become projects. A next clause
   opening with 其中/包括 names members of the group counted in the nearest earlier clause with
   records (幼儿园8所，新增学位6000个，其中包括A、B), and the listing goes on over following
   clauses that open with a works verb (其中新建A、B，改造升级C). A list without 等 ended by a
   count does the same (洛塘、两水、桔柑3个乡镇卫生院: three named clinics), and a list item shaped
   like the stem shares the head (城关镇、江洛镇敬老院; 城西、城北安置点); townships count as one
   shape whether 镇, 乡 or 街道, also before a generic modifier (寨英镇、冷水溪乡污水处理站;
   孟溪镇、太平营镇中心卫生院). A listed member takes its
   list's category (龙泉 in such a list is a clinic, not a 泉). A road followed by 两侧/周边/沿线
   and then another project only locates it (A路两侧22个老旧小区) and is dropped; names after
   与...合作 and lists typed 等城市/等企业 are partners or examples and are dropped too, and so is a
   place whose works run into 公司 or 集团 (青山新区开发建设集团: a firm's name). Two roads
   joined by 与 before 交叉口, or by a dash or 至 before 连接线, make one name
   (港城大道与滨江路交叉口, 东湖大道—光谷二路连接线). A range (A至B段) or a phase (二期) closes a
   name whatever follows it.
6. Actions come from the action table (right of the enumeration first, e.g. 改造提升, 绿化提升, 建设;
   else the governing verb on the left, e.g. 启用, 开放, 培育); roads get road_greening / road_new /
   road_rebuild from the action (a 北延 or 改线 section means road_new), and 站 becomes rail or
   transport from the sentence (公交/客运 in the stem: transport). An action directly after one
   item of a list that goes on (A、B改扩建、C等项目建设) is that item's own. Roads and 村 renewed as
   neighbourhoods (北二路棚户区改造, 工人村…等老旧小区) are areas. Measures (学位4500个, 泊位2400个) go to the nearest counted group
   before them in the sentence, else the nearest project.

7. A character CRF (``tagger``, model ``geo/data/name_tagger.npz`` trained on the labelled real
   texts read so far, 58 blind sets no rule was first written from, the passages and the rules' test cases by
   ``scripts/train_name_tagger.py``) labels every character as the start,
   inside or outside of a project name; its features are the characters around it and the
   lexicon roles of the words over it. Two rules use it (``statistical``, with ``added_names`` and ``widened_names``): a name it marks with
   confidence 0.7 or more where the rules made no record becomes one, if the rules' own filters
   pass it (a head for the category, the left edge and stem analysis, the context rules, no
   partner, locator or counted type, and no place the rules saw and discarded next to it unless
   it is 0.9 sure; a route between two places it marks whole, 扎乍至阳坡庄, is a road without a
   head); a rule name inside a longer name it marks with confidence 0.8 or more becomes that
   name (凤山至乐业二级路 where the rules named 乐业二级路; 铜锣湾·万达广场 where they named two
   places); a named record whose characters it holds outside any name (mean probability
   0.9 or more) is dropped, unless its works follow it directly or it is a member of a counted
   group. After it, an unnamed item a list of 、 holds between two named places of one kind
   (万达广场、明发世贸、爱琴海综合体) is a place of that kind (``sandwiched``) when it is written like
   a name and the tagger does not hold it outside any name. Without
   the model file the extraction is the rules alone. Texts of 50,000 characters and more are
   shared with a forked worker process that extracts the sentences of the second half
   (``parallel``; the same catalog). Over the rules alone, on the sixteen real sets kept unread
   (1,851 rows), the tagger lifts recall 0.772 -> 0.788 and named precision 0.623 -> 0.715.

8. A logistic model (``confidence``, ``geo/data/record_model.json`` by
   ``scripts/train_record_model.py``) gives each named record that is no counted group's member
   a probability of being a project, from its category, head, action, the characters around
   it, the word on its left, what the tagger says of it, how many names its sentence lists with
   it and how often the report names it; a name none of whose mentions in
   the report reaches 0.4 is dropped (places of context in press prose: the road a new road
   joins, a river a bridge crosses). With it the tagger may bring back, at 0.9 sure, a place
   the rules discarded. On the twenty-four unread sets both moved recall 0.775 -> 0.770 and
   named precision 0.730 -> 0.772 (tenth session); with the eleventh session's rules, the
   widening of rule names and both models retrained on forty blind sets, the twenty-nine unread
   sets stood at 0.781 / 0.788 (from 0.768 / 0.769); retrained on fifty-eight (twelfth session)
   and with how often the report names a place, at 0.777 / 0.792: no change beyond noise; with
   the names listed together (thirteenth session) 0.778 / 0.792. Without the model file every record stays.

Decisions worth knowing (documented here because they are judgement calls):

* 企业服务中心, 政务服务中心 and the like are administrative services, not places: the bare
  ``服务中心`` head is in the non-spatial table, while 卫生服务中心 and 养老服务中心 are facilities.
* 国家文化公园 is a heritage programme, not a green space: culture. 文化廊道 is culture too; other
  公园 (including 体育公园) are parks.
* 通讯城 and similar trade 城 (建材城, 服装城...) are markets; a list ending 等市场 agrees.
* Power generation (光伏电站, 风电场, 抽水蓄能电站, 光伏发电项目, 输变电工程) is utility, like
  water and heat plants; a waste-to-energy plant (焚烧发电厂) stays sanitation. Airports, 航站楼
  and 游客集散中心 are transport; a 游客中心 / 游客服务中心 belongs to its scenic area: park.
  古城 and 旅游服务区 are areas; 苗寨, 侗寨, 村寨 and 古村落 are villages.
* 商务区 and 中央商务区 stay commercial (a business district is a commercial carrier), although
  a labeller may call them areas (round 5 did).
* A stem holding a money amount (亿元楼宇, 超亿元楼宇) is a revenue class, not a place: dropped.
* ``N院`` (二院, 三院) is a numbered hospital: health.
* Duplicates (same category and normalised name) merge into one record keeping the first mention's
  quote and offsets; different sections (东段 / 西段) of one road are different projects. A road
  named again under another road action (打通青龙路 ... 青龙路路面改造) keeps its first category,
  so the two mentions merge.
* Group records (``named`` false) get a descriptive name: ``[其余]<noun as written>（<action>）``.
  Their ``char_start``/``char_end`` cover the counted mention in the text (e.g. ``13条道路``,
  ``学校10所``), not the descriptive name; ``base_name`` is the noun as written. Group names that
  collide with different counts get the count appended, so distinct groups never merge.
* ``action`` is the matched entry of the action table (Simplified), so it stays comparable across
  Traditional and Simplified reports; ``name``, ``quote`` and ``base_name`` keep the original text.
* jieba is not used. Replacing the stop-word left edge by a jieba POS left edge (everything else
  equal) lowered recall/precision over the seven labelled passages from 1.00/1.00 to 0.80/0.88:
  jieba splits unknown proper names (泺|口, 段|店) and tags verbs such as 参与 and 开放 as name
  parts. It would also add a 0.5 s dictionary load.
* Names follow the text: in 站前、南岗棚户区改造 the extractor names 南岗棚户区 (head 棚户区) but in
  北二路棚户区改造 it names 北二路 (a road, made an area). 城关镇、江洛镇敬老院 gives 城关镇 as
  written, not 城关镇敬老院.

Accuracy: on real text from places not seen while tuning (12 texts of the second real set),
recall 0.72 and named precision 0.80; on the dev set it was tuned on, 0.98 / 0.99. Method,
tables and the known misses: docs/extraction_accuracy.md.
"""

from __future__ import annotations

import bisect
import contextlib
import gc

from geo import regex_charsets  # noqa: F401 - first: the patterns below compile through its front
from geo import regex_programs  # (and the programs of the patterns kept by the runs before)
from geo import data as geo_data
from geo.extract.encoding import ENCODINGS, PARAGRAPH_LINES, read_document, read_report
from geo.extract.features import finish_records, pack_records, to_features, unpack_records
from geo.extract.slugs import project_slug
from geo.extract import tagger
from geo.extract.lists import described_members, link_listed_members
from geo.extract.listed_routes import listed_routes
from geo.extract.joined_stretches import joined_stretches
from geo.extract.sited_parks import sited_parks
from geo.extract.bare_items import bare_first_items
from geo.extract.listed_landmarks import listed_landmarks
from geo.extract.routes import with_first_ends
from geo.extract.bare_roads import named_bare
from geo.extract.mentions import forget_text
from geo.extract.parallel import start as start_job
from geo.extract.patterns import PARALLEL_MIN_CHARS, PARALLEL_OWN_SHARE
from geo.extract.confidence import drop_unlikely
from geo.extract.declared_parts import parts_named_again
from geo.extract.counts import attach_measures, slogan_counts
from geo.extract.elided import elided_counts
from geo.extract.records import clause_records
from geo.extract.sandwiched import sandwiched_items
from geo.extract.page_parts import link_blocks, page_menu_lines
from geo.extract.segment import clauses, clean, sentences, wrapped_line_breaks
from geo.extract.added_names import after_label
from geo.extract.counted_places import counted_places
from geo.extract.counted_lists import counted_list_items
from geo.extract.shared_counts import shared_counts
from geo.extract.count_breakdowns import count_breakdowns
from geo.extract.statistical import combine
from geo.names import normalise_name, simplified_with_offsets

regex_programs.save()  # the programs of the patterns compiled above, for the next run (when any was new)

__all__ = ["ENCODINGS", "PARAGRAPH_LINES", "extract_file", "extract_projects", "normalise_name", "project_slug",
           "read_document", "read_report"]


def extract_projects(text: str, *, wrapped_lines: bool = True) -> list:
    """Extract the spatial projects named in a report's text as catalog features.

    Parameters
    ----------
    text : str
        The decoded report text (Simplified or Traditional Chinese; full-width or ASCII
        punctuation).
    wrapped_lines : bool, default True
        Look for lines a paragraph was wrapped over (text copied from a PDF) and read the
        sentences over them (:func:`geo.extract.segment.wrapped_line_breaks`). False for text
        whose lines are paragraphs or table cells (a web page's, a Word file's).

    Returns
    -------
    list of dict
        GeoJSON-like features ``{"id", "type": "Feature", "properties", "geometry": None}``
        following the catalog contract (id, name, category, action, quote, char_start,
        char_end, quantity, named, section, base_name), plus ``group`` (the id of the
        counted group record a named member belongs to, else None), ``group_total``
        (the full count of an enumerated group, e.g. 13 条, else None) and ``measures``
        (e.g. ``[{"value": 4500, "unit": "个", "noun": "学位"}]``). Sorted by
        :func:`geo.catalog.project_sort_key`; equal inputs give equal output, and
        reordering paragraphs leaves every id unchanged.
    """
    if not isinstance(text, str):
        raise TypeError(f"extract_projects expects str, got {type(text).__name__}")
    # A long text is cut at a line end: a forked worker process reads the lines after the cut
    # (normalising, tagging and putting them through the rules) while this one reads those
    # before it (see geo.extract.parallel; the same records as one process would find).
    breaks = wrapped_line_breaks(text) if wrapped_lines else []  # a PDF's wrapped lines: sentences go on over them
    cut = _line_cut(text, breaks) if len(text) >= PARALLEL_MIN_CHARS > 0 else len(text)
    if cut < len(text):
        _load_models()  # once, before the fork: the worker inherits them
    with _cyclic_gc_paused():
        job = start_job(_part_records, text, cut, len(text), breaks, parallel=cut < len(text), send=pack_records)
        try:
            found = _part_records(text, 0, cut, breaks)
            # a page's menus above its trail of sections, and its links to other pieces: their places are
            # the site's (found before this process waits for the worker's part: 18 M instructions on 1 MB)
            links = page_menu_lines(text) + link_blocks(text)
            found += unpack_records(job.result())
        except BaseException:
            job.cancel()
            raise
        vocabulary = geo_data.categories()
        records = drop_unlikely([r for r in found if not any(lo <= r.char_start < hi for lo, hi in links)]
                                if links else found)
        # (the whole text read: a kind it lists bare as a project's parts is that part wherever named bare)
        records = parts_named_again(text, records)
        features = to_features(named_bare([r for r in records if r.category in vocabulary]), text)
        if _LEFT_TO_EXIT is not None:
            _LEFT_TO_EXIT.append(found)
        del found, records  # freed before the collector runs again, which would walk them once more
    return features


# A list while the process ends with the command (see leave_records_to_exit): the records of
# each text are left in it instead of freed an object at a time once the catalog is made.
_LEFT_TO_EXIT = None


def leave_records_to_exit():
    """Keep the records of every text extracted from now on to the end of the process.

    For a process that ends with the command (``geo``, ``python -m geo``: it leaves by
    ``os._exit``, which frees nothing): freeing them one by one was 10-15 ms of the serial end
    of a 1 MB extraction, after the worker's half is back. A caller that goes on does not call it.
    """
    global _LEFT_TO_EXIT
    if _LEFT_TO_EXIT is None:
        _LEFT_TO_EXIT = []


def _load_models():
    """Read what both processes would read after the fork (the tagger's and the record model's
    weights, the lexicon's tables, numpy, the pinyin table, the Traditional -> Simplified
    converter): read once before it, the worker has them.

    The patterns they and the rules compile on first use (the converter's, the characters a
    mention can end with) are compiled here too, while the programs compiled are recorded: the
    next run reads them from the cache (see geo.regex_programs) instead of parsing them again
    in both processes."""
    from geo import names
    from geo.extract import confidence, mentions, slugs

    regex_programs.record()
    tagger.warm()
    confidence.shipped_model()
    slugs.warm()
    names.warm()
    mentions.warm()
    regex_programs.save()


@contextlib.contextmanager
def _cyclic_gc_paused():
    """Pause Python's cyclic garbage collector while the rules run (in both processes): they
    make tens of thousands of small objects that live until the end, which its passes would
    walk again and again (5% of the time); what they leave is freed by its next pass."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _part_records(text, lo, hi, breaks=()):
    """The records of the lines of ``text[lo:hi]`` (``lo`` and ``hi`` at line starts or the
    text's ends, at no line break of ``breaks``), with their names, offsets and quotes in the
    original text.

    A few characters on each side are normalised with the part, so that the characters next
    to its first and last lines (which the tagger's features look at) are those of the whole
    text; sentences never go on over a line end, except over the line breaks of ``breaks``
    (spans of ``text``, see :func:`geo.extract.segment.wrapped_line_breaks`).
    """
    if lo >= hi:
        return []
    first = max(0, lo - _PART_CONTEXT)
    piece = text[first:min(len(text), hi + _PART_CONTEXT)]
    inside = breaks[bisect.bisect_left(breaks, (first, first)):bisect.bisect_left(breaks, (first + len(piece), 0))]
    norm, origin = clean(*simplified_with_offsets(piece),
                         [(s - first, e - first) for s, e in inside if e <= first + len(piece)])
    own = [(start, end) for start, end in sentences(norm) if lo <= first + origin[start] < hi]
    return finish_records(_sentence_records(norm, own), piece, origin, offset=first, norm=norm)


# Characters of the original text normalised around a part: more than any cleaning pattern
# spans up to a line end (bracketed pinyin, an NFKC expansion, an OpenCC phrase).
_PART_CONTEXT = 32


def _line_cut(text, breaks=()):
    """Where the worker's part begins: the first line start after this process's share
    (:data:`geo.extract.patterns.PARALLEL_OWN_SHARE`) of the characters that no wrapped line
    break of ``breaks`` joins to the line before; the text's end when there is none."""
    newline = text.find("\n", int(PARALLEL_OWN_SHARE * len(text)))
    while newline >= 0:
        joined = bisect.bisect_right(breaks, (newline, len(text))) - 1
        if joined < 0 or breaks[joined][1] <= newline:
            return newline + 1
        newline = text.find("\n", breaks[joined][1])
    return len(text)


def _sentence_records(norm, spans):
    """The records of these sentences (in order): the rules' clause by clause, then the tagger's
    rules in front of their filters, list members and measures."""
    tagging = tagger.tag_text(norm, spans)
    try:
        return _records_of_sentences(norm, spans, tagging)
    finally:
        forget_text()  # the text and its candidate positions are not kept after it is done


def _records_of_sentences(norm, spans, tagging):
    """See :func:`_sentence_records`; ``tagging`` is the tagger's reading of the sentences."""
    records = []
    for sent_start, sent_end in spans:
        sentence_records, read = [], []
        for clause_start, clause_end in clauses(norm, sent_start, sent_end):
            if not after_label(norm, (clause_start, clause_end)):
                read.append((clause_start, clause_end))
                # 地址:A路与B路交口, 对口学校:C中学: a labelled field is context, not works.
                sentence_records.extend(clause_records(norm, clause_start, clause_end, sent_start, sent_end))
                # 扩建学校3所,新建成5所: a bare count counts the noun of the count before it
                sentence_records.extend(elided_counts(norm, clause_start, clause_end, sentence_records))
        if tagging is not None:
            # The tagger in front of the rules' filters: names they missed, names it rejects.
            sentence_records = combine(norm, sentence_records, tagging, sent_start, sent_end)
            # 完成1所乡镇卫生院…,开工建设6所: a group of one (one its filters make) counts the bare count after it
            for clause_start, clause_end in read:
                sentence_records.extend(elided_counts(norm, clause_start, clause_end, sentence_records, states=False))
        # (after the tagger: the places it names bound the unnamed items a list holds between them)
        sentence_records.extend(sandwiched_items(norm, sentence_records, tagging, sent_start, sent_end))
        # (after the tagger and its filters: a route has no road type for them to weigh)
        sentence_records.extend(listed_routes(norm, sentence_records, sent_start, sent_end))
        # (after the tagger too: a stretch named by its two ends has no head before 路段 for it to weigh)
        sentence_records.extend(joined_stretches(norm, sentence_records, sent_start, sent_end))
        # (after the tagger too: a small park named by its site has no head for its filters to weigh)
        sentence_records.extend(sited_parks(norm, sentence_records, sent_start, sent_end))
        sentence_records.extend(listed_landmarks(norm, sentence_records, sent_start, sent_end))
        # (after the tagger too: the second-to-last item of a list it named bare marks the items before it)
        sentence_records.extend(bare_first_items(norm, sentence_records, sent_start, sent_end))
        with_first_ends(norm, sentence_records, sent_start)  # (after the tagger: its names are cut there too)
        if norm.find("“", sent_start, sent_end) >= 0:  # (after the tagger: a quote it names is no slogan)
            sentence_records.extend(slogan_counts(norm, sent_start, sent_end, sentence_records))
        # (after the tagger too: places counted before a type no mention read, where no name is)
        sentence_records.extend(counted_places(norm, read, sentence_records))
        # (after them: a list whose items number a group's count names them, 青山花园、红水堡3个老旧小区)
        if norm.find("、", sent_start, sent_end) >= 0:  # (no list in the sentence: no such group, most sentences)
            sentence_records = counted_list_items(norm, sentence_records, sent_start)
        # 建设1个220千伏和4个110千伏输变电工程: counts listed before a group with a qualifier alone share its noun
        sentence_records.extend(shared_counts(norm, sentence_records, sent_start))
        # 272个小区(新城区10个,回民区50个): a group's shares by place or year listed right after its count
        sentence_records.extend(count_breakdowns(norm, sentence_records, sent_start, sent_end))
        link_listed_members(norm, sentence_records, sent_start, sent_end)
        # 长江、清江、渔洋河三条河流流经其境内: rivers a sentence with no works lists are context
        sentence_records = described_members(norm, sentence_records, sent_start, sent_end)
        attach_measures(norm, sent_start, sent_end, sentence_records)
        for record in sentence_records:
            record.sentence = (sent_start, sent_end)
        records.extend(sentence_records)
    return records


def extract_file(path, encoding: str = "auto") -> list:
    """Read a report file and extract its spatial projects.

    Parameters
    ----------
    path : str or path-like
        The report: text (UTF-8, GB18030/GBK, Big5 or UTF-16), a saved web page, a Word
        .docx or .doc, a PDF or an OFD (see :func:`read_report`).
    encoding : {"auto", "utf-8", "gb18030", "big5"}
        See :func:`read_report`.

    Returns
    -------
    list of dict
        Catalog features, as :func:`extract_projects`.

    Raises
    ------
    geo.io.InputError
        The file cannot be read, or no spatial project was found in it.
    """
    text, kind = read_document(path, encoding=encoding)
    features = extract_projects(text, wrapped_lines=kind not in PARAGRAPH_LINES)
    if not features:
        from geo.extract.documents import no_projects  # (zipfile and all: on this error alone)

        raise no_projects(path, text)
    return features
