"""Writes that survive kill -9: ``kg add``/``kg remove`` stopped at every step.

A real ``kg add`` runs as a subprocess and kills itself (SIGKILL) at a named
step (``KG_FAULT_AT``, see :func:`kg.rdf.publish.checkpoint`). After each kill a
reader must find the old build or the new one, never a mix (every file the
manifest lists has the bytes it lists), and running the same command again must
give exactly the build an uninterrupted run gives, leaving no temporary folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from kg.rdf.publish import FAULT_ENV
from kg.store import locked, published_store

pytestmark = pytest.mark.slow  # every test runs kg add, with the trained pipeline

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
NEW = CORPUS / "006_talks_2022.txt"

#: The steps of a kg add, in the order they happen.
ADD_STEPS = ["store-copied", "store-dirty", "documents-loaded", "store-updated", "writing-graph.nq", "marked",
             "files-written", "swapped"]


def kg(*args, fault: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(FAULT_ENV, None)
    if fault:
        env[FAULT_ENV] = fault
    return subprocess.run([sys.executable, "-m", "kg", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def read_build(out: Path) -> str:
    """The graph.nq hash of the build in ``out``, read as one build: the manifest and
    the files it lists are opened through one handle on the folder, and every file
    must have the size and hash the manifest gives (a mix fails here)."""
    for _ in range(50):
        fd = os.open(out, os.O_RDONLY)
        try:
            with open(os.open("manifest.json", os.O_RDONLY, dir_fd=fd), "rb") as f:
                manifest = json.loads(f.read())
            for name, entry in manifest["outputs"].items():
                with open(os.open(name, os.O_RDONLY, dir_fd=fd), "rb") as f:
                    data = f.read()
                assert (len(data), hashlib.sha256(data).hexdigest()) == (
                    entry["bytes"], entry["sha256"]), f"{name} does not match the manifest"
            return manifest["outputs"]["graph.nq"]["sha256"]
        except FileNotFoundError:  # the folder was swapped and removed under us: read again
            continue
        finally:
            os.close(fd)
    raise AssertionError("the build kept changing under the reader")


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """A build of five articles (old) and the same after ``kg add`` of a sixth (new)."""
    root = tmp_path_factory.mktemp("builds")
    src = root / "in"
    src.mkdir()
    for p in sorted(CORPUS.glob("00[1-5]_*.txt")):
        shutil.copy(p, src)
    old = root / "old"
    proc = kg("build", str(src), "--out", str(old), "-q")
    assert proc.returncode == 0, proc.stderr
    new = root / "new"
    shutil.copytree(old, new)
    proc = kg("add", str(NEW), "--out", str(new))
    assert proc.returncode == 0, proc.stderr
    return old, read_build(old), new, read_build(new)


def test_an_add_changes_the_build(builds):
    _, old_id, new, new_id = builds
    assert old_id != new_id
    assert published_store(new) is not None


@pytest.mark.parametrize("step", ADD_STEPS)
def test_kill_at_each_step_of_add_then_run_again(tmp_path, builds, step):
    old, old_id, _, new_id = builds
    out = tmp_path / "out"
    shutil.copytree(old, out)
    proc = kg("add", str(NEW), "--out", str(out), fault=step)
    assert proc.returncode == -9, (step, proc.returncode, proc.stderr[-2000:])
    assert read_build(out) in (old_id, new_id)  # the old build or the new one, never a mix
    proc = kg("add", str(NEW), "--out", str(out))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert read_build(out) == new_id, proc.stdout  # repaired: as an uninterrupted run
    assert published_store(out) is not None  # queries answer from the store again
    assert leftovers(out) == []  # the killed run's temporary folder is gone


@pytest.mark.parametrize("step", ["store-rebuilt", "swapped"])  # the other steps: as in an add
def test_kill_during_remove_then_run_again(tmp_path, builds, step):
    _, old_id, new, new_id = builds
    out = tmp_path / "out"
    shutil.copytree(new, out)
    doc = NEW.stem
    # removing 006 forgets an actor: the whole consolidated graph is recomputed
    proc = kg("remove", doc, "--out", str(out), fault=step)
    assert proc.returncode == -9, (step, proc.returncode, proc.stderr[-2000:])
    assert read_build(out) in (new_id, old_id)
    proc = kg("remove", doc, "--out", str(out))  # the same command again repairs
    assert proc.returncode == 0, proc.stderr
    assert read_build(out) == old_id
    assert leftovers(out) == []
    proc = kg("remove", doc, "--out", str(out))  # once repaired, a missing document is an error
    assert proc.returncode == 2 and f"no document {doc!r}" in proc.stderr


def test_readers_never_see_a_mix_during_an_add(tmp_path, builds):
    old, old_id, _, new_id = builds
    out = tmp_path / "out"
    shutil.copytree(old, out)
    seen, errors = set(), []
    done = threading.Event()

    def reader():
        while not done.is_set():
            try:
                seen.add(read_build(out))
            except AssertionError as exc:  # pragma: no cover - the failure we look for
                errors.append(str(exc))

    t = threading.Thread(target=reader)
    t.start()
    try:
        proc = kg("add", str(NEW), "--out", str(out))
    finally:
        done.set()
        t.join()
    assert proc.returncode == 0, proc.stderr
    assert errors == []
    assert seen <= {old_id, new_id} and new_id in seen


def test_a_second_writer_waits_for_the_lock(tmp_path, builds):
    old, _, _, new_id = builds
    out = tmp_path / "out"
    shutil.copytree(old, out)
    with locked(out):
        proc = kg("add", str(NEW), "--out", str(out), "--wait", "0.5")
        assert proc.returncode == 2
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and "another kg command" in lines[0] and "--wait" in lines[0], proc.stderr

    def release_later(lock):
        time.sleep(1.5)
        lock.__exit__(None, None, None)

    lock = locked(out)
    lock.__enter__()
    threading.Thread(target=release_later, args=(lock,)).start()
    t0 = time.monotonic()
    proc = kg("add", str(NEW), "--out", str(out), "--wait", "120")
    assert proc.returncode == 0, proc.stderr
    assert time.monotonic() - t0 >= 1.5  # it waited for the holder instead of failing
    assert read_build(out) == new_id


def test_stale_temporary_folders_go_and_live_ones_stay(tmp_path, builds):
    import fcntl

    old, _, _, new_id = builds
    out = tmp_path / "out"
    shutil.copytree(old, out)
    dead = tmp_path / ".out.tmp-dead"
    (dead / "store").mkdir(parents=True)
    (dead / "graph.nq").write_bytes(b"x" * 1000)
    live = tmp_path / ".out.tmp-live"
    live.mkdir()
    fd = os.open(live, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)  # a build still running holds its folder
    try:
        proc = kg("add", str(NEW), "--out", str(out))
        assert proc.returncode == 0, proc.stderr
        assert leftovers(out) == [".out.tmp-live"]
    finally:
        os.close(fd)
    assert read_build(out) == new_id
