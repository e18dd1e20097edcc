"""Records to catalog features: original-text names and offsets, ids, merged duplicates and group links."""

from __future__ import annotations

import bisect
import dataclasses
import functools
import hashlib
import itertools
import operator
import re

from geo.names import INSERTED_PINYIN, INVISIBLE, normalise_name
from geo.lexicon import (ACTIONS, ATTACHED_WORDS, CAMPUS_HEADS, INSTITUTION_WORDS, JURISDICTION_SUFFIXES,
                         SINGLETON_FACILITY_HEADS, heads)
from geo.extract.model import Record
from geo.extract.segment import SYMBOL_MARK
from geo.extract import slugs
from geo.extract.bracket_aliases import bracket_aliases
from geo.extract.extent_brackets import bracketed_extents
from geo.numbers import format_number
from geo.extract.patterns import LIST_JOINS, QUOTE_CLOSERS, ROAD_CATEGORIES
from geo.settings import (MAX_JURISDICTION_OWNER, MAX_SCHOOL_BUILDING, MAX_SCHOOL_BUILDING_VERB, QUOTE_CLOSED_MIN_BEFORE,
                          SHORT_JURISDICTION_MIN_REST)


def finish_records(records, text, origin, offset=0, norm=None):
    """Give records their names, offsets and quotes in the original ``text`` (``origin`` maps each
    character the rules read back into it); offsets are shifted by ``offset``, where ``text``
    begins in the whole report. A record's quote is its sentence, or with ``norm`` (the text
    the rules read) the clauses around it when the sentence is longer than
    :data:`geo.settings.QUOTE_MAX_CHARS` (see :func:`quote_span`). Returns the records."""
    from geo import settings

    def seen(i):
        """True when the rules saw original character ``i`` (cleaning drops bracketed pinyin and
        spaces); ``origin`` is sorted, so a binary search tells (a set of it costs more)."""
        found = bisect.bisect_left(origin, i)
        return found < len(origin) and origin[found] == i

    slug_parts, quotes, clauses = {}, {}, {}

    def original(span):
        """The original text of a span as written, less the spaces and invisible characters
        cleaning dropped (沪 松 公 路, 新建 4 所, a zero-width space or a bidirectional mark) and a
        wrapped line's break (with a page number between the lines); pinyin a web page inserted
        stays, as the report page wrote it (盛寧(níng)複線), and matching drops it
        (geo.names.normalise_name)."""
        a, b = span
        if b <= a:
            return ""
        first, last = origin[a], origin[b - 1] + 1
        if b == len(origin) or origin[b] != last:  # (else the next character read follows: none dropped)
            while last < len(text) and not seen(last) and not _blank(text[last]):
                last += 1  # 濱溪(xī): the pinyin of the last character too
        if last - first == b - a:
            return text[first:last]
        kept, unseen = [], []
        for i in range(first, last):
            if seen(i):
                if "\n" not in unseen:  # a wrapped line's break and page number go, pinyin stays
                    kept.extend(c for c in unseen if not _blank(c))
                kept.append(text[i])
                unseen = []
            else:
                unseen.append(text[i])
        kept.extend(c for c in unseen if not _blank(c))  # 濱溪(xī): the pinyin after the last character
        return "".join(kept)

    for record in records:
        opened = closed = 0  # 1 when a named record's name takes the quote opened before it / closed after it
        base_orig = original(record.base)
        record.base_name = base_orig
        if record.named:
            record.name = original((record.start, record.end))
            opener = text[origin[record.start] - 1] if origin[record.start] > 0 else ""
            if opener in QUOTE_CLOSERS and QUOTE_CLOSERS[opener] in record.name and opener not in record.name:
                # “齐鲁之心”生态文化公园: the name closes a quote the stem began after; it keeps its opener
                record.name, opened = opener + record.name, 1
            closer = "" if record.name_tail else _closer_after(record.name, text, origin[record.end - 1] + 1)
            if closer:
                # 青山县“白石书屋”建成: the name ends its quote's last word; it keeps the closing quote
                record.name, closed = record.name + closer, len(closer)
            if record.name_tail:
                # 平文 + 高速公路: the shared head it was listed with (a name put together, so without
                # the pinyin a page inserted after the head: 長林崗 + 小學(xué) is 長林崗小學)
                record.name += INSERTED_PINYIN.sub("", original(record.name_tail))
                record.base_name = record.name
            record.section_text = original(record.section) if record.section else None
            if record.section_text and record.section_text[:1] in "(（":
                record.section_text = record.section_text[1:-1]
        else:
            action = f"（{record.action}）" if record.action else ""
            noun = base_orig[1:] if base_orig[:1] in QUOTE_CLOSERS and QUOTE_CLOSERS[base_orig[0]] not in base_orig[1:] \
                else base_orig  # 20个“幸福老年之家”: the group is named by the noun, not by half a quote
            noun = record.noun or noun
            record.base_name = record.noun or record.base_name
            record.name = f"{'其余' if record.remainder else ''}{noun}{action}"
            record.section_text = None
        record.char_start, record.char_end = offset + origin[record.start] - opened, offset + origin[record.end - 1] + 1 + closed
        span = record.sentence
        if norm is not None and span[1] - span[0] > settings.QUOTE_MAX_CHARS:
            if span not in clauses:
                clauses[span] = clause_bounds(norm, *span)
            span = quote_span(clauses[span], record.start, record.end, settings.QUOTE_MAX_CHARS)
        quote = quotes.get(span)
        if quote is None:  # one string per sentence (or part quoted), shared by its records, pickled once
            s0, s1 = span
            quote = text[origin[s0]:origin[s1 - 1] + 1].strip() if s1 > s0 else ""
            if "\n" in quote:  # a sentence over wrapped lines (see segment.wrapped_line_breaks) reads as one
                quote = original((s0, s1)).strip()
            if span != record.sentence:  # part of a longer sentence
                quote = ("…" if s0 > record.sentence[0] else "") + quote + ("…" if s1 < record.sentence[1] else "")
            quotes[span] = quote
        record.quote = quote
        if record.name not in slug_parts:  # worked out here, in the part's process, once per name
            slug_parts[record.name] = slugs.slug_parts(normalise_name(record.name))
        record.slug_parts = slug_parts[record.name]
    return records



def _closer_after(name, text, pos) -> str:
    """The closing quote at ``text[pos]`` of the last quote the name opens and leaves open, or "".

    Parameters
    ----------
    name : str
        A record's name as written (青山县“白石书屋).
    text : str
        The report's text.
    pos : int
        Where the name ends in ``text``.

    Returns
    -------
    str
        The closing mark (”, 」, 》) when it follows the name and at least
        :data:`geo.settings.QUOTE_CLOSED_MIN_BEFORE` characters precede the opening one, else "".
    """
    if text[pos:pos + 1] not in _QUOTE_ENDS:
        return ""  # (most names: no closing mark after them, whatever they open)
    for i in range(len(name) - 1, -1, -1):
        if name[i] in QUOTE_CLOSERS:
            closer = QUOTE_CLOSERS[name[i]]
            wanted = i == 0 or i >= QUOTE_CLOSED_MIN_BEFORE  # 做“为民桥: a verb before the quote
            return closer if wanted and text.startswith(closer, pos) else ""
        if name[i] in _QUOTE_ENDS:
            return ""
    return ""


_QUOTE_ENDS = frozenset(QUOTE_CLOSERS.values())


def _blank(char) -> bool:
    """A space, an invisible character (:data:`geo.names.INVISIBLE`) or an emoji (a bullet
    between clauses, :data:`geo.extract.segment.SYMBOL_MARK`): cleaning drops it, and so does a name."""
    return char.isspace() or INVISIBLE.match(char) is not None or SYMBOL_MARK.match(char) is not None


def clause_bounds(norm, s0, s1):
    """Where the clauses of the sentence ``norm[s0:s1]`` begin, and its end: the positions
    :func:`quote_span` may cut a quote at, in order."""
    return [s0] + [m.end() for m in _CLAUSE_END.finditer(norm, s0, s1 - 1)] + [s1]


def quote_span(bounds, start, end, limit):
    """The part of a long sentence quoted for a record at ``start:end``: the clauses around it
    (cut at ``bounds``, :func:`clause_bounds`), widened clause by clause on the side with less
    of the sentence so far, while at most ``limit`` characters long; a clause longer than that
    alone is cut to ``limit`` characters centred on the record."""
    i = max(bisect.bisect_right(bounds, start) - 1, 0)
    j = min(max(bisect.bisect_left(bounds, end), i + 1), len(bounds) - 1)  # a record past its sentence: its end
    if bounds[j] - bounds[i] > limit:
        left = max(bounds[0], min((start + end - limit) // 2, bounds[-1] - limit))
        return left, left + limit
    while True:  # the side with less of the sentence around the record so far first
        sides = ((i - 1, j), (i, j + 1)) if start - bounds[i] <= bounds[j] - end else ((i, j + 1), (i - 1, j))
        wider = next(((a, b) for a, b in sides if a >= 0 and b < len(bounds) and bounds[b] - bounds[a] <= limit),
                     None)
        if wider is None:
            return bounds[i], bounds[j]
        i, j = wider


_CLAUSE_END = re.compile("[,;:，；：]")


# What the features step reads of a finished record, besides its mention and listed members.
_FINISHED_FIELDS = ("named", "category", "action", "name", "base_name", "section_text", "char_start", "char_end",
                    "quote", "quantity", "group_total", "measures", "remainder", "slug_parts", "confidence")
_finished_values = operator.attrgetter(*_FINISHED_FIELDS)
_TEXT_FIELDS = frozenset(("action", "name", "base_name", "quote"))  # (str or None)
_MENTION = operator.attrgetter("mention")
_MEMBERS = operator.attrgetter("members")
_LISTED_MEMBERS = operator.attrgetter("listed_members")
_CHAR_START = operator.attrgetter("char_start")  # (the sort key of the text's order: no Python call a record)
_CATEGORY_ID = operator.attrgetter("category", "id")  # (the catalog's order: see geo.catalog.project_sort_key)
# A record's fields in order, and what an unpacked record holds in those not sent (but its mention):
# the field's default, 0 or () for the offsets and base in the normalised text (read before the
# features only).
_RECORD_FIELDS = tuple(f.name for f in dataclasses.fields(Record))
_UNPACKED_DEFAULTS = {f.name: {"start": 0, "end": 0, "base": ()}.get(f.name, f.default)
                      for f in dataclasses.fields(Record) if f.name not in (*_FINISHED_FIELDS, "mention")}


def pack_records(records):
    """Finished records as plain columns, for a worker process to send back (see
    :func:`unpack_records`): what :func:`to_features` reads, one tuple per field of
    :data:`_FINISHED_FIELDS`, with mentions and listed members as indices. Pickling them takes
    a tenth of the time pickling the records would."""
    mentions = list(map(_MENTION, records))
    # Mentions numbered in the order of their records (by C calls: most are one record's and list
    # nothing), then the members of those that list any, each with its members' numbers. (Keyed by the
    # objects, hashed by identity: an id() key collides more, its low bits alike: 1.4k instructions an entry.)
    number = dict(zip(dict.fromkeys(mentions), itertools.count()))
    mention_members = [()] * len(number)
    listing = list(dict.fromkeys(filter(_MEMBERS, mentions)))

    def numbered(mention):
        found = number.get(mention)
        if found is None:
            found = number[mention] = len(mention_members)
            mention_members.append(())
            if mention.members:
                listing.append(mention)
        return found

    for mention in listing:  # (it grows while read: members that list members of their own)
        mention_members[number[mention]] = tuple(map(numbered, mention.members))

    columns = list(zip(*map(_finished_values, records))) if records else [()] * len(_FINISHED_FIELDS)
    # Equal texts sent as one string (a name and its base, a sentence quoted for each of its records, an
    # action): pickled once and read back once (a 1 MB half: 20.3k strings, 3.4k distinct).
    one = {}
    columns = [tuple(map(one.setdefault, column, column)) if field in _TEXT_FIELDS else column
               for field, column in zip(_FINISHED_FIELDS, columns)]
    listed = {}
    with_listed = list(itertools.compress(itertools.count(), map(_LISTED_MEMBERS, records)))
    if with_listed:
        position = dict(zip(records, itertools.count()))
        listed = {i: tuple(position[m] for m in records[i].listed_members if m in position)
                  for i in with_listed}
    # the heads of named roads' mentions: bare_roads.named_bare reads them (青山县白石路 named bare unless
    # 白石 is a kind of road) over both halves' records, after the worker's are unpacked
    heads = {number[r.mention]: r.mention.head for r in records if r.named and r.category in ROAD_CATEGORIES}
    return columns, list(map(number.__getitem__, mentions)), listed, mention_members, heads


def unpack_records(packed):
    """The records :func:`pack_records` packed, with what :func:`to_features` reads of them.

    Made by ``map`` over the columns, each record by one call of ``Record`` given every field
    (those not sent their :data:`_UNPACKED_DEFAULTS`): the parent does this on the serial end,
    after the worker's half, and setting fields after ``__init__`` (a slot's ``__set__``, a
    column at a time) took 1.6 times as long, a loop of ``setattr`` per record and field five."""
    columns, mention_of, listed, mention_members, heads = packed
    # a ref for each mention, made by C calls; the few that list members get their members' refs
    mentions = list(map(object.__new__, itertools.repeat(_MentionRef, len(mention_members))))
    for ref, members in zip(itertools.compress(mentions, mention_members), filter(None, mention_members)):
        ref.members = [mentions[i] for i in members]
    for i, head in heads.items():
        mentions[i].head = head
    given = dict(zip(_FINISHED_FIELDS, columns), mention=map(mentions.__getitem__, mention_of))
    records = list(map(Record, *(given[field] if field in given else itertools.repeat(_UNPACKED_DEFAULTS[field])
                                 for field in _RECORD_FIELDS)))
    for i, members in listed.items():
        records[i].listed_members = [records[j] for j in members]
    return records


class _MentionRef:
    """What the features step reads of a record's mention: its identity and its members (read,
    never changed: a ref listing none reads the class's empty tuple), and a named road's head."""

    members = ()

def to_features(records, text=""):
    """Finished records (see :func:`finish_records`) -> catalog features with ids, merged
    duplicates, members' group ids, sorted. ``text``: the report as written (the forms its roads are
    named in are counted there)."""
    _disambiguate_groups(records)
    first_road = {}
    in_text_order = sorted(records, key=_CHAR_START)
    for record in in_text_order:
        if record.named and record.category in ROAD_CATEGORIES:
            # 打通青龙路 ... 完成青龙路路面改造: one road mentioned again under another road action
            # is the same project; its first mention decides the category.
            record.category = first_road.setdefault(normalise_name(record.name), record.category)
    parts = {record.name: record.slug_parts for record in records if record.slug_parts is not None}
    slugs = _unique_slugs({(record.category, record.name) for record in records}, parts)
    for record in records:
        record.id = slugs[(record.category, record.name)]

    bare = _bare_singletons(records, in_text_order)
    bare.update(_short_jurisdictions(records))
    bare.update(bracketed_extents(records, text))
    bare.update(bracket_aliases(records))
    merged = {}
    for record in in_text_order:
        if id(record) in bare:
            record.id = bare[id(record)].id  # 宝山区文化馆 … 文化馆加固修缮: the same project again
        if record.id in merged:
            kept = merged[record.id]
            if id(kept) in bare and id(record) not in bare:
                merged[record.id], kept, record = record, record, kept  # the full name is kept
            if record.measures:
                kept.measures.extend(m for m in record.measures if m not in kept.measures)
            record.merged_into = kept
            continue
        merged[record.id] = record

    for record in records:
        record.group_id = None
    # The named records of the mentions that groups counted apart list as members (few of all).
    remainders = [record for record in records if not record.named and record.remainder]
    listed = {id(member) for record in remainders for member in record.mention.members}
    by_mention = {}
    for record in records:
        if record.named and id(record.mention) in listed:
            by_mention.setdefault(id(record.mention), []).append(record)
    for record in remainders:
        group = record.merged_into or record
        members = [other for m in record.mention.members for other in by_mention.get(id(m), ())]
        for other in members + [r for r in record.listed_members if r.named]:
            (other.merged_into or other).group_id = group.id

    features = []
    # (in project_sort_key's order, category then id, both str: the records sorted by a C key before
    # their features are built, not the features by a Python call each)
    for record in sorted(merged.values(), key=_CATEGORY_ID):
        props = {
            "id": record.id, "name": record.name, "category": record.category,
            "action": record.action, "quote": record.quote,
            "char_start": record.char_start, "char_end": record.char_end,
            "quantity": record.quantity, "named": record.named,
            "section": record.section_text, "base_name": record.base_name,
            "group": record.group_id, "group_total": record.group_total,
            "measures": record.measures,
        }
        features.append({"id": record.id, "type": "Feature", "properties": props, "geometry": None})
    return features


def _unique_slugs(keys, parts):
    """{(category, name): id}: one id per project, distinct for names that only sound alike.

    Names equal after normalisation (Traditional and Simplified forms) share an id; names whose
    pinyin is the same but whose characters differ (文马, 文麻) get their slug and a short hash
    of the name after the first (in the order of the names), so neither depends on the text's order.
    ``parts`` holds the slug syllables of names already worked out (name -> tuple).
    """
    by_slug = {}
    for category, name in keys:
        by_slug.setdefault(slugs.project_slug(category, name, parts.get(name)), []).append((category, name))
    ids = {}
    for slug, same in by_slug.items():
        if len(same) == 1:  # (most slugs: one name, its own slug)
            ids[same[0]] = slug
            continue
        names = sorted({normalise_name(name) for _, name in same})
        for category, name in same:
            norm = normalise_name(name)
            if norm == names[0]:
                ids[(category, name)] = slug
            else:
                ids[(category, name)] = f"{slug}-{hashlib.sha1(f'{category}|{norm}'.encode('utf-8')).hexdigest()[:6]}"
    return ids


# A campus named by its side alone (北校区, 城东校区, 新院区): no institution's name before the side word.
_CAMPUS_ENDS = tuple(CAMPUS_HEADS)  # (a cheap test before the pattern: most names end with no campus head)
_BARE_CAMPUS = re.compile(r"(?P<side>城?[东西南北中]|[新老])部?(?P<head>" + "|".join(map(re.escape, CAMPUS_HEADS)) + ")")


def _campus_of(name, full_names):
    """The one name of ``full_names`` whose campus ``name`` (a side and a campus head, 北校区) is:
    it ends with the same side, 部 allowed, and head (梅岭小学北校区, 大学城东部校区), or None."""
    bare = _BARE_CAMPUS.fullmatch(name)
    if bare is None:
        return None
    side, head = bare.group("side"), bare.group("head")
    fits = {full for full in full_names if full != name and full.endswith(head)
            and full[:-len(head)].removesuffix("部").endswith(side)}
    return fits.pop() if len(fits) == 1 else None


def _attached_to(full, names):
    """id(record) -> the record before it: an institution named by its attachment alone (附属幼儿园:
    an ``attached`` word and a head of its category) written right after a named one of that category (A小学及附属
    幼儿园), the attached one of that institution."""
    ending = {}
    for record in full:
        ending.setdefault((record.category, record.char_end), record)
    found = {}
    for record, name in zip(full, names):
        attached = next((word for word in ATTACHED_WORDS if name.startswith(word)), "")
        if attached and heads().get(name[len(attached):], ("",))[0] == record.category:
            before = next((ending[key] for key in ((record.category, record.char_start - gap) for gap in (1, 0))
                           if key in ending and ending[key] is not record), None)
            if before is not None:
                found[id(record)] = before
    return found


def _buildings_of(in_text_order):
    """id(record) -> the school it belongs to: a building named without an institution's word (宿舍楼,
    餐厅, 教学综合楼) written right after a named school and its works verb (A小学东校区新建宿舍楼、
    餐厅; A中学改扩建教学综合楼), or after such a building and a list mark: the school's works.
    ``in_text_order``: the records sorted by their start (to_features' order, not sorted again)."""
    found, previous = {}, None
    for record in in_text_order:
        if not record.named:
            continue
        if previous is not None and record.category == "school" == previous.category \
                and len(name := normalise_name(record.name)) <= MAX_SCHOOL_BUILDING \
                and not any(word in name for word in INSTITUTION_WORDS) \
                and 0 < record.char_start - previous.char_end <= MAX_SCHOOL_BUILDING_VERB:
            gap = _between(record, previous)
            school = found.get(id(previous))
            if gap is not None and school is None and gap in ACTIONS:
                found[id(record)] = previous
            elif gap is not None and school is not None and gap in LIST_JOINS:
                found[id(record)] = school
        previous = record
    return found


def _between(record, previous):
    """The text between ``previous`` and ``record`` in ``record``'s quote, or None where the quote
    does not hold the two names that way."""
    at = record.quote.find(previous.name)
    while at >= 0:
        gap_start = at + len(previous.name)
        gap_end = gap_start + record.char_start - previous.char_end
        if record.quote.startswith(record.name, gap_end):
            return record.quote[gap_start:gap_end]
        at = record.quote.find(previous.name, at + 1)
    return None


def _bare_singletons(records, in_text_order):
    """id(record) -> the record it stands for: a facility named by its bare type (文化馆) when the
    text names one of that type in full (宝山区文化馆), which it then refers back to; a campus
    named by its side alone (北校区) when the text names one institution's campus of that side in
    full (梅岭小学北校区); an attached institution (附属幼儿园) and a school's building (宿舍楼) named
    right after their institution (see :func:`_attached_to`, :func:`_buildings_of`). ``in_text_order``:
    the same records sorted by their start."""
    full = [r for r in records if r.named]
    names = [normalise_name(r.name) for r in full]
    targets, found = {}, {}
    # Only the records of a name that may be a campus's side or a type alone are looked at: the
    # names are tested once each (1 MB: 10,900 named records, 1,500 names), the rest passed over in C.
    bare_names = {name for name in set(names) if name.endswith(_CAMPUS_ENDS) or name in SINGLETON_FACILITY_HEADS}
    for record, name in itertools.compress(zip(full, names), map(bare_names.__contains__, names)):
        if name.endswith(_CAMPUS_ENDS) and _BARE_CAMPUS.fullmatch(name):
            key = (record.category, name)
            if key not in targets:
                target = _campus_of(name, {n for r, n in zip(full, names) if r.category == record.category})
                targets[key] = next((r for r, n in zip(full, names) if r.category == record.category
                                     and n == target), None)
            if targets[key] is not None:
                found[id(record)] = targets[key]
        elif name in SINGLETON_FACILITY_HEADS:
            key = (record.category, name)  # (the same target for every record of it: looked for once)
            if key not in targets:
                targets[key] = next((r for r, full_name in zip(full, names) if r.category == record.category
                                     and full_name.endswith(name) and full_name != name), None)
            if targets[key] is not None:
                found[id(record)] = targets[key]
    lines = "\n" + "\n".join(names)  # (one search for the names opening with an attached word, not one call a name)
    if any("\n" + word in lines for word in ATTACHED_WORDS):
        found.update(_attached_to(full, names))
    found.update(_buildings_of(in_text_order))
    return found


_JURISDICTION_SUFFIX = re.compile("[%s]" % "".join(sorted(map(re.escape, JURISDICTION_SUFFIXES))))  # (one character each)


def _short_jurisdictions(records):
    """id(record) -> the record it stands for: a name whose jurisdiction the text also writes cut
    short (屏县里港乡三廍村活动中心 beside 屏东县里港乡三廍村活动中心), the same project."""
    by_rest = {}  # (category, the name from its jurisdiction suffix on) -> {owner: the first record so named}
    for record in records:
        cut = _jurisdiction_cut(record.name) if record.named else None
        if cut is not None:
            by_rest.setdefault((record.category, cut[1]), {}).setdefault(cut[0], []).append(record)
    found = {}
    for owners in by_rest.values():
        if len(owners) < 2:
            continue
        longest = max(owners, key=len)
        for owner, named in owners.items():
            if owner != longest and longest.startswith(owner):
                found.update((id(record), owners[longest][0]) for record in named)
    return found


@functools.lru_cache(maxsize=65536)
def _jurisdiction_cut(name):
    """(jurisdiction, rest) of a name as written, normalised and cut after its jurisdiction's suffix
    (屏东县|里港乡三廍村活动中心), or None with none within reach (once a name: a report repeats them)."""
    name = normalise_name(name)
    suffix = _JURISDICTION_SUFFIX.search(name, 1, min(len(name) - SHORT_JURISDICTION_MIN_REST, MAX_JURISDICTION_OWNER) + 1)
    return None if suffix is None else (name[:suffix.start()], name[suffix.start():])


def _disambiguate_groups(records):
    """Group records with equal names but different counts get the count in their name."""
    by_key = {}
    for record in records:
        if not record.named:
            by_key.setdefault((record.category, normalise_name(record.name)), []).append(record)
    for group in by_key.values():
        if len({(r.quantity["value"], r.quantity["unit"]) for r in group}) > 1:
            for record in group:
                q = record.quantity
                record.name = f"{record.name}{format_number(q['value'])}{q['unit']}"
                record.slug_parts = None
