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
    tmp = journal.with_name(journal.name + ".tmp")
    tmp.write_text(json.dumps(plan), encoding="ascii")  # escaped: a path of GBK bytes (lone surrogates) too
    os.replace(tmp, journal)


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
    return [m if isinstance(m, dict) else {"staged": m[0], "target": m[1], "backup": None, "old": False}
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
