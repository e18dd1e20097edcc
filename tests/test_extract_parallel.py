"""The worker process of long texts (geo.extract.parallel): what it sends back and when it leaves."""

import os
import time

import pytest

from geo.extract import parallel

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")

LARGE = 3_000_000  # far more than a pipe's buffer


def _large_result(parent):
    if os.getpid() == parent:
        raise RuntimeError("computed in the parent, not in the child")
    return ("青松路" * (LARGE // 3)).encode("utf-8")


def _failing(parent):
    if os.getpid() != parent:
        raise RuntimeError("in the child")
    return "computed here"


@pytest.mark.skipif(not hasattr(os, "waitid"), reason="no waitid to look at the child without reaping it")
def test_a_worker_leaves_once_its_result_is_written_without_waiting_to_be_read():
    # The worker wrote its records into a pipe and could not leave before this process, busy
    # with its own half, had read them a buffer at a time (each read waiting for the next write).
    job = parallel.start(_large_result, os.getpid())
    pid = job._child[0]
    deadline, exited = time.monotonic() + 60, None
    while exited is None and time.monotonic() < deadline:
        exited = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
        time.sleep(0.01)
    assert exited is not None and exited.si_status == 0  # it left before anything was read
    assert job.result() == ("青松路" * (LARGE // 3)).encode("utf-8")


def test_without_a_memory_file_the_result_goes_through_a_temporary_file(monkeypatch):
    def no_memfd(*args):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(parallel.os, "memfd_create", no_memfd, raising=False)
    assert parallel.start(_large_result, os.getpid()).result() == ("青松路" * (LARGE // 3)).encode("utf-8")


def test_a_worker_that_fails_leaves_the_work_to_this_process():
    assert parallel.start(_failing, os.getpid()).result() == "computed here"


def test_a_job_given_up_leaves_no_child_and_no_open_file():
    before = set(os.listdir("/proc/self/fd")) if os.path.isdir("/proc/self/fd") else None
    job = parallel.start(_large_result, os.getpid())
    pid = job._child[0]
    job.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped
    if before is not None:
        assert set(os.listdir("/proc/self/fd")) <= before | {str(fd) for fd in range(3)}


class _Finalised:
    """Writes the pid of the process that frees it into a file."""

    def __init__(self, path):
        self.path = path

    def __del__(self):
        with open(self.path, "a") as out:
            out.write(f"{os.getpid()}\n")


def _finalised(path):
    return [_Finalised(path) for _ in range(3)]


def test_a_worker_leaves_what_it_computed_to_its_exit(tmp_path):
    # (the worker freed its result once pickled: nothing else reads it, and its exit frees nothing)
    path = tmp_path / "freed"
    job = parallel.start(_finalised, str(path))
    pid = job._child[0]
    assert len(job.result()) == 3
    assert str(pid) not in (path.read_text().split() if path.exists() else [])


def test_a_worker_leaves_what_it_computed_and_sent_of_it_to_its_exit(tmp_path):
    # (the worker freed its half's records after packing them: 20 M instructions on 1 MB, on the longer half)
    path = tmp_path / "freed"
    job = parallel.start(_finalised, str(path), send=lambda value: value[:2])
    pid = job._child[0]
    assert len(job.result()) == 2
    assert str(pid) not in (path.read_text().split() if path.exists() else [])


def test_a_job_sends_what_send_makes_of_the_result_here_too():
    assert parallel.start(_failing, os.getpid(), send=len).result() == len("computed here")
