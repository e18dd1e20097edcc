"""The commit's journal: a plan of moves and removals, carried out all the way or rolled back, resumable after a crash."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from pathlib import Path

STAGE_PREFIX = ".geo-stage-"

FORWARD, BACK = "forward", "back"


class Blocked(Exception):
    """A target that could not be replaced (the commit was rolled back)."""

    def __init__(self, target, exc: OSError):
        super().__init__(target)
        self.target, self.reason = target, exc.strerror or str(exc)

    def error(self):
        """The one-line InputError naming the target."""
        from geo.io import InputError

        return InputError(self.target, f"cannot replace ({self.reason}; is it open in another program?)")


def write_journal(journal: Path, plan: dict) -> None:
    """Put the journal of ``plan`` in place, whole or not at all.

    Raises
    ------
    geo.io.InputError
        It cannot be written (a full disk): nothing has moved yet, and nothing will.
    """
    from geo.io import InputError

    tmp = journal.with_name(journal.name + ".tmp")
    try:
        tmp.write_text(json.dumps(plan), encoding="ascii")  # escaped: a path of GBK bytes (lone surrogates) too
        os.replace(tmp, journal)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise InputError(journal, f"cannot be written ({exc.strerror or exc}): no output was changed") from None


def read_plan(journal: Path) -> dict:
    """The plan of a journal a cut-short commit left, checked to be one a geo run wrote.

    Every staged file and every old file kept aside must lie in a staging folder
    (:data:`STAGE_PREFIX`) of its target's own folder, as :class:`geo.outputs.OutputSet` puts
    them; a stale output listed alone (a journal of an earlier version) must lie beside a
    staging folder of the plan that is there. A journal found in a folder is data: one made by
    hand, damaged, or handed on with the folder must not move or delete files elsewhere.

    Raises
    ------
    geo.io.InputError
        Naming the journal and what is wrong with it; nothing was moved or deleted.
    """
    from geo.io import InputError

    try:
        plan = json.loads(journal.read_text(encoding="utf-8"))
        problem = _plan_problem(plan)
    except (OSError, ValueError) as exc:  # UnicodeDecodeError, JSONDecodeError
        problem = f"unreadable: {exc}"
    if problem:
        raise InputError(journal, f"is not the commit journal of a geo run ({problem}): nothing was moved; if no geo "
                                  "run writing into this folder was cut short, delete it")
    return plan


def _plan_problem(plan):
    """What makes ``plan`` none that :meth:`geo.outputs.OutputSet._plan` writes, or None."""
    if not isinstance(plan, dict):
        return "not a JSON object"
    if plan.get("state", FORWARD) not in (FORWARD, BACK):
        return f"state {plan.get('state')!r}"
    moves, removes = plan.get("moves", []), plan.get("removes", [])
    if not isinstance(moves, list) or not isinstance(removes, list):
        return "moves and removes are no lists"
    if not all(_is_move(m) for m in moves) or not all(_is_remove(r) for r in removes):
        return "a step is not a move or a removal"
    stages = set()
    for move in _moves(plan):
        for path in (move["staged"], move["backup"]):
            if path is not None and not _in_own_stage(path, move["target"]):
                return f"{path} lies in no staging folder beside {move['target']}"
        stages.add(os.path.dirname(move["staged"]))
    for remove in _removes(plan):
        if remove["backup"] is not None and not _in_own_stage(remove["backup"], remove["target"]):
            return f"{remove['backup']} lies in no staging folder beside {remove['target']}"
        if remove["backup"] is None and not any(os.path.isdir(stage) and _in_own_stage(os.path.join(stage, "x"),
                                                                                        remove["target"])
                                                for stage in stages):
            return f"{remove['target']} lies beside no staging folder of the commit"
    return None


def _is_move(move) -> bool:
    if isinstance(move, list):
        return len(move) == 2 and all(isinstance(p, str) for p in move)
    return isinstance(move, dict) and isinstance(move.get("staged"), str) and isinstance(move.get("target"), str) \
        and isinstance(move.get("backup"), (str, type(None))) and isinstance(move.get("old", False), bool)


def _is_remove(remove) -> bool:
    return isinstance(remove, str) or isinstance(remove, dict) and isinstance(remove.get("target"), str) \
        and isinstance(remove.get("backup"), (str, type(None)))


def _in_own_stage(path, target) -> bool:
    """Whether ``path`` lies directly in a staging folder of the folder of ``target`` (symbolic
    links and ``..`` resolved: a target reached through them is where it really is; a staging
    folder is never a link to another folder)."""
    stage = os.path.dirname(os.path.abspath(path))
    return os.path.basename(stage).startswith(STAGE_PREFIX) and not os.path.islink(stage) and \
        os.path.realpath(os.path.dirname(stage)) == os.path.realpath(os.path.dirname(os.path.abspath(target)))


def run_plan(journal: Path, plan: dict) -> None:
    """Carry out a journaled plan in its direction, then remove the journal and the staging folders.

    Raises
    ------
    Blocked
        A target could not be replaced; every step was undone (the old set is whole).
    geo.io.InputError
        An old file could not be put back: the journal and the staging folders stay.
    """
    if plan.get("state") == BACK:
        _roll_back(plan)
    else:
        try:
            _apply(plan)
        except Blocked:
            plan = {**plan, "state": BACK}
            write_journal(journal, plan)
            _roll_back(plan)
            _finish(journal, plan)
            raise
    _finish(journal, plan)


def _moves(plan) -> list:
    """The moves of a plan as dicts (journals of earlier versions list ``[staged, target]`` pairs)."""
    return [{"old": False, **m} if isinstance(m, dict) else {"staged": m[0], "target": m[1], "backup": None,
                                                              "old": False}
            for m in plan.get("moves", [])]


def _removes(plan) -> list:
    """The stale outputs of a plan as dicts (earlier versions list the paths alone)."""
    return [r if isinstance(r, dict) else {"target": r, "backup": None} for r in plan.get("removes", [])]


def _rename(source, target, blocked) -> None:
    """os.replace, raising Blocked naming ``blocked`` (the output the user knows) when it fails."""
    try:
        os.replace(source, target)
    except OSError as exc:
        raise Blocked(blocked, exc) from None


def _apply(plan) -> None:
    """Forward: keep a link to each old target aside, move the new file in, then the stale outputs aside.

    Every target holds its old file or its new one at every moment (the old one stays in
    place until the new one replaces it in one rename). A move whose staged file is gone
    was done already; an old target is kept aside only while its backup name is free, so
    a step cut short is finished, never repeated.
    """
    for move in _moves(plan):
        staged, target, backup = move["staged"], move["target"], move["backup"]
        if not os.path.lexists(staged):
            continue
        if backup and os.path.lexists(target) and not os.path.lexists(backup):
            _keep_aside(target, backup)
        _rename(staged, target, target)
    for remove in _removes(plan):
        if not os.path.lexists(remove["target"]):
            continue
        if remove["backup"]:
            _rename(remove["target"], remove["backup"], remove["target"])
        else:
            os.unlink(remove["target"])


def _keep_aside(target, backup) -> None:
    """Make ``backup`` a second name of the old ``target`` (a hard link; a copy where links fail)."""
    try:
        os.link(target, backup)
    except OSError:
        partial = f"{backup}.part"
        try:
            shutil.copy2(target, partial)
        except OSError as exc:
            raise Blocked(target, exc) from None
        os.replace(partial, backup)  # a copy cut short never counts as the backup


def _roll_back(plan) -> None:
    """Back: undo every step of :func:`_apply` in reverse, so each target holds its old file again.

    A target holds the new file when its staged file is gone: its old file comes back from
    aside in one rename (or, without an old file, the new one goes). A target whose staged
    file is still there was never replaced; its backup is only a second name and goes.

    Raises
    ------
    geo.io.InputError
        An old file cannot be put back (the journal stays, for the next run to retry).
    """
    from geo.io import InputError

    try:
        for remove in reversed(_removes(plan)):
            if remove["backup"] and os.path.lexists(remove["backup"]):
                _rename(remove["backup"], remove["target"], remove["target"])
        for move in reversed(_moves(plan)):
            staged, target, backup = move["staged"], move["target"], move["backup"]
            if backup is None:
                continue  # a journal of an earlier version: it can only go forward
            aside = os.path.lexists(backup)
            if os.path.lexists(staged):
                if aside:
                    os.unlink(backup)
            elif aside:
                _rename(backup, target, target)
            elif not move["old"] and os.path.lexists(target):
                _unlink(target)
    except Blocked as blocked:
        raise InputError(blocked.target, f"cannot put the previous file back ({blocked.reason}); "
                                         "the next geo run on this folder finishes restoring it") from None


def _unlink(target) -> None:
    """os.unlink, raising Blocked naming ``target`` when it fails."""
    try:
        os.unlink(target)
    except OSError as exc:
        raise Blocked(target, exc) from None


def _finish(journal: Path, plan) -> None:
    """Remove the staging folders of a carried-out plan (new files left over, old ones aside), then the journal."""
    folders = {Path(p).parent for m in _moves(plan) for p in (m["staged"], m["backup"]) if p}
    folders |= {Path(r["backup"]).parent for r in _removes(plan) if r["backup"]}
    for folder in folders:
        if folder.name.startswith(STAGE_PREFIX):  # never anything else a damaged journal might name
            shutil.rmtree(folder, ignore_errors=True)
    with contextlib.suppress(FileNotFoundError):
        journal.unlink()
