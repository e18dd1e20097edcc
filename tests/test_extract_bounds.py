"""The bounds of the windows the extraction rules look through: by comparisons, not the min and max builtins."""

import builtins
import importlib
import pkgutil

import geo.extract
from geo import lexicon

TEXT = ("新建青山路、白石路2条道路,改造青山小学、白石中学等5所学校。依托青山老街,建设红枫公园(一期)。"
        "实施青河(白石桥—红枫桥段)综合治理工程,完成《青山镇总体规划》编制。扩建学校3所,新建成5所。"
        "青山村位于白石镇东部,组建青山村、白石村共2支志愿消防队。")


def test_a_paragraph_is_read_with_few_two_argument_calls_of_min_or_max(monkeypatch):
    # In CPython 3.11 min(a, b) and max(a, b) parse their keywords and walk their arguments as an
    # iterable: about 1,400 instructions a call, a comparison about 120. The windows of the rules
    # (a reach back from a stem, on to a clause's end), each mention's and record's, are bounded by
    # comparisons; what is left is called a few times a paragraph.
    calls = []

    def counted(real):
        def call(*args, **kwargs):
            if len(args) == 2 and not kwargs:
                calls.append(args)
            return real(*args, **kwargs)
        return call

    modules = [lexicon] + [importlib.import_module(f"geo.extract.{m.name}")
                           for m in pkgutil.iter_modules(geo.extract.__path__)]
    for module in modules:
        monkeypatch.setattr(module, "max", counted(builtins.max), raising=False)
        monkeypatch.setattr(module, "min", counted(builtins.min), raising=False)
    names = [f["properties"]["name"] for f in geo.extract.extract_projects(TEXT) if f["properties"]["named"]]
    assert "青山路" in names and "白石中学" in names
    assert len(calls) <= 60, len(calls)  # (385 before: every mention's windows)
