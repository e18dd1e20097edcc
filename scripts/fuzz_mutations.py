"""Mutations of a valid input file for scripts/fuzz_inputs.py: bytes cut, flipped, inserted or deleted; text
re-encoded; JSON keys dropped or repeated, numbers NaN, infinite, huge or negative, geometries of the wrong type,
crossing or flat rings, a long line; CSV columns dropped, repeated or emptied; a zip member mutated.

Each function takes the file's bytes and a seeded ``random.Random`` and returns ``(label, bytes)`` pairs (``None``
for a file taken away), the same for the same seed.
"""

from __future__ import annotations

import csv
import io
import json
import re
import random
import zipfile


NUMBERS = [float("nan"), float("inf"), -float("inf"), 1e308, -1e308, -1.0, 0.0, 10 ** 30, -10 ** 30, 1e-320]
NUMBER_TEXTS = ["NaN", "Infinity", "-Infinity", "1e308", "-1", "0", "1" + "0" * 40, "", " ", "-0", "1e999", "0x10",
                "１１７．０", "117,5", "null", "true"]


def byte_mutations(data: bytes, rng: random.Random, count: int):
    """(label, bytes): cuts at spread and random offsets, flips, inserts, deletes, repeats."""
    out = []
    n = len(data)
    for k in range(1, 8):  # cuts at fixed fractions, then at random offsets
        out.append((f"cut@{k}/8", data[:n * k // 8]))
    cuts = sorted({rng.randrange(n) for _ in range(count)})
    out += [(f"cut@{c}", data[:c]) for c in cuts]
    for _ in range(count):
        pos = rng.randrange(max(n, 1))
        op = rng.choice(["flip", "insert", "delete", "repeat", "zero", "ff"])
        if op == "flip":
            m = bytearray(data)
            for _ in range(rng.choice([1, 1, 2, 8])):
                p = rng.randrange(n)
                m[p] ^= 1 << rng.randrange(8)
            out.append(("flip", bytes(m)))
        elif op == "insert":
            junk = bytes(rng.randrange(256) for _ in range(rng.choice([1, 3, 64])))
            out.append(("insert", data[:pos] + junk + data[pos:]))
        elif op == "delete":
            out.append(("delete", data[:pos] + data[pos + rng.choice([1, 2, 16, 512]):]))
        elif op == "repeat":
            out.append(("repeat", data[:pos] + data[pos:pos + 256] + data[pos:]))
        elif op == "zero":
            out.append(("zero", data[:pos] + b"\0" * 64 + data[pos + 64:]))
        else:
            out.append(("ff", data[:pos] + b"\xff" * 16 + data[pos + 16:]))
    out += [("empty", b""), ("one-byte", data[:1]), ("doubled", data + data)]
    return out


def encoding_mutations(data: bytes):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return []
    out = []
    for label, codec in (("gbk", "gb18030"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"),
                         ("utf-8-bom", "utf-8-sig"), ("utf-32", "utf-32"), ("big5", "big5")):
        try:
            out.append((f"enc:{label}", text.encode(codec)))
        except UnicodeEncodeError:
            pass
    out.append(("enc:mojibake", text.encode("utf-8").decode("latin-1").encode("utf-8")))
    out.append(("enc:crlf", text.replace("\n", "\r\n").encode("utf-8")))
    line = text.replace("\n", " ").replace("\r", " ").encode("utf-8")
    out.append(("long-line", (line * (1_000_000 // max(len(line), 1) + 1))[:1_000_000]))  # 1 MB without a break
    out.append(("enc:cr", text.replace("\n", "\r").encode("utf-8")))
    return out


def _paths(node, path=()):
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, path + (i,))


def _set(root, path, value):
    if not path:
        return value
    node = root
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return root


def _dump(doc):
    return json.dumps(doc, ensure_ascii=False, allow_nan=True).encode("utf-8")


def _geometries(doc):
    return [(p, n) for p, n in _paths(doc) if isinstance(n, dict) and "type" in n and "coordinates" in n]


def json_mutations(data: bytes, rng: random.Random, count: int, big: bool):
    doc = json.loads(data)
    nodes = list(_paths(doc))
    out = []
    for _ in range(count):
        clone = json.loads(data)
        path, node = rng.choice(nodes)
        op = rng.choice(["drop", "null", "number", "empty", "type", "list", "duplicate"])
        if op == "drop" and path:
            parent = clone
            for key in path[:-1]:
                parent = parent[key]
            del parent[path[-1]]
            out.append((f"drop:{_label(path)}", _dump(clone)))
        elif op == "null":
            out.append((f"null:{_label(path)}", _dump(_set(clone, path, None))))
        elif op == "number":
            value = rng.choice(NUMBERS)
            out.append((f"number:{_label(path)}={value!r}", _dump(_set(clone, path, value))))
        elif op == "empty":
            out.append((f"empty:{_label(path)}", _dump(_set(clone, path, "" if not isinstance(node, (dict, list))
                                                                 else type(node)()))))
        elif op == "type":
            value = rng.choice(["x", 1, True, {"a": 1}, [1, 2]])
            out.append((f"type:{_label(path)}", _dump(_set(clone, path, value))))
        elif op == "list":
            out.append((f"wrap:{_label(path)}", _dump(_set(clone, path, [node]))))
        else:  # a key written twice, the second value another's
            text = data.decode("utf-8")
            keys = [m for m in re.finditer(r'"([^"\\]+)"\s*:', text)]
            if keys:
                m = rng.choice(keys)
                out.append((f"dupkey:{m.group(1)}", (text[:m.start()] + f'"{m.group(1)}": null, ' + text[m.start():])
                            .encode("utf-8")))
    for path, geometry in _geometries(doc):
        coords = geometry["coordinates"]
        start = _first_position(coords)
        if start is None:
            continue
        x, y = start[:2]
        shapes = {
            "bowtie": {"type": "Polygon", "coordinates": [[[x, y], [x + .01, y + .01], [x + .01, y], [x, y + .01],
                                                           [x, y]]]},
            "zero-area": {"type": "Polygon", "coordinates": [[[x, y], [x + .01, y], [x + .02, y], [x, y]]]},
            "one-point-ring": {"type": "Polygon", "coordinates": [[[x, y], [x, y], [x, y], [x, y]]]},
            "point": {"type": "Point", "coordinates": [x, y]},
            "line": {"type": "LineString", "coordinates": [[x, y], [x + .01, y]]},
            "empty-coords": {"type": geometry["type"], "coordinates": []},
            "collection": {"type": "GeometryCollection", "geometries": [{"type": "Point", "coordinates": [x, y]}]},
            "3d": {"type": "Point", "coordinates": [x, y, 1e308]},
            "unknown-type": {"type": "Circle", "coordinates": [x, y]},
            "nested-wrong": {"type": geometry["type"], "coordinates": [[[[x]]]]},
        }
        vertices = 1_000_000 if big else 100_000
        shapes["long-line"] = {"type": "LineString", "coordinates": [[x + i * 1e-7, y + (i % 2) * 1e-6]
                                                                     for i in range(vertices)]}
        for label, shape in shapes.items():
            clone = json.loads(data)
            out.append((f"geom:{label}@{_label(path)}", _dump(_set(clone, path, shape))))
        break  # the first geometry stands for the rest
    return out


def _first_position(coords):
    while isinstance(coords, list) and coords and isinstance(coords[0], list):
        coords = coords[0]
    if isinstance(coords, list) and len(coords) >= 2 and all(isinstance(c, (int, float)) for c in coords[:2]):
        return coords
    return None


def _label(path):
    return "/".join(str(p) for p in path)[-60:] or "(root)"


def csv_mutations(data: bytes, rng: random.Random, count: int):
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    out = []

    def emit(label, table):
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(table)
        out.append((label, buffer.getvalue().encode("utf-8")))

    width = len(rows[0])
    for c in range(width):
        emit(f"drop-col:{rows[0][c]}", [r[:c] + r[c + 1:] for r in rows])
        emit(f"dup-col:{rows[0][c]}", [r[:c + 1] + r[c:c + 1] + r[c + 1:] for r in rows])
        emit(f"empty-head:{rows[0][c]}", [rows[0][:c] + [""] + rows[0][c + 1:]] + rows[1:])
    emit("header-only", rows[:1])
    emit("no-header", rows[1:])
    emit("ragged", [rows[0]] + [r[:rng.randrange(len(r) + 1)] for r in rows[1:]])
    emit("extra-cells", [rows[0]] + [r + ["x", ""] for r in rows[1:]])
    emit("dup-rows", rows + rows[1:])
    for _ in range(count):
        table = [list(r) for r in rows]
        r = rng.randrange(1, len(table))
        c = rng.randrange(width)
        value = rng.choice(NUMBER_TEXTS + ["POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))", "POLYGON EMPTY", "LINESTRING(1 2)",
                                           "POINT(nan nan)", "POLYGON((117 36.7, 117.01 36.7, 117.02 36.7, 117 36.7))",
                                           "=1+1", "\x00", "\"", "a" * 5000])
        table[r][c] = value
        emit(f"cell:{rows[0][c]}={value[:20]!r}", table)
    return out


def zip_mutations(data: bytes, rng: random.Random, count: int):
    """Each member of the archive mutated in turn (bytes, or cut), the archive rewritten around it."""
    out = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [(info, archive.read(info)) for info in archive.infolist()]
    except zipfile.BadZipFile:
        return out
    for _ in range(count):
        index = rng.randrange(len(members))
        info, content = members[index]
        op = rng.choice(["cut", "flip", "drop", "empty", "insert-tag"])
        if op == "cut":
            content = content[:rng.randrange(len(content) + 1)]
        elif op == "flip" and content:
            m = bytearray(content)
            m[rng.randrange(len(m))] ^= 1 << rng.randrange(8)
            content = bytes(m)
        elif op == "empty":
            content = b""
        elif op == "insert-tag":
            pos = rng.randrange(len(content) + 1)
            content = content[:pos] + rng.choice([b"<", b"&", b"<x>", b"\xff\xfe", b"]]>"]) + content[pos:]
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for i, (other, body) in enumerate(members):
                if i == index and op == "drop":
                    continue
                archive.writestr(other.filename, content if i == index else body)
        out.append((f"member:{op}:{info.filename[-40:]}", buffer.getvalue()))
    return out


def workbook(table: bytes) -> bytes:
    """An .xlsx of the CSV ``table``: cells that read as numbers stored as numbers, the rest as text."""
    import openpyxl

    book = openpyxl.Workbook()
    for row in csv.reader(io.StringIO(table.decode("utf-8"))):
        book.active.append([_cell(c) for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell(text):
    try:
        value = float(text)
    except ValueError:
        return text.replace("\x00", "")  # openpyxl refuses control characters in a cell
    return value if re.fullmatch(r"-?[\d.]+(e-?\d+)?", text) else text


def mutations(kind, target: str, data: bytes, rng: random.Random, per_kind: int, big: bool):
    count = max(per_kind // 4, 2)
    out = byte_mutations(data, rng, count)
    if kind.family in ("text", "json", "csv"):
        out += encoding_mutations(data)
    if kind.family == "json":
        out += json_mutations(data, rng, count * 2, big)
    if kind.family == "csv":
        out += csv_mutations(data, rng, count * 2)
    if kind.family == "zip":
        out += zip_mutations(data, rng, count * 2)
    if getattr(kind, "table", None):  # a workbook: its table's CSV mutations, saved as workbooks
        out += [(f"sheet-{label}", workbook(table)) for label, table in csv_mutations(kind.table.encode("utf-8"), rng, count)]
    if target.endswith((".cpg", ".prj")):
        out += [("cpg:gbk-text", "GBK".encode()), ("text:nonsense", b"nonsense"), ("text:utf8-chinese", "中国".encode())]
    if kind.family == "bytes" and target.endswith((".shp", ".dbf", ".shx", ".prj", ".cpg")):
        out.append(("missing", None))
    return out
