"""Publishing an output folder so that readers and crashes see the old build or the new one.

A build folder (``out/``) is never changed in place. :func:`published_dir`
gives a fresh hidden folder next to it (``.out.tmp-XXXX``); the build writes
there, every file is fsync'd, and the two folders are swapped with one atomic
``renameat2(RENAME_EXCHANGE)``. Sub-folders that live on from build to build
(``store/``, the persistent store that ``kg add`` updates) are *carried*: moved
into the new folder just before the swap, marked so that a crash between the
move and the swap can be undone.

The temporary folder is locked (``flock`` on the folder) by the process that
writes it, so :func:`recover`, run before every build and update, knows which
leftovers belong to a process that died (``kill -9``, a power cut): it moves a
carried folder back if the crash stranded it, then removes them.

:func:`checkpoint` names the steps of a write; a test sets ``KG_FAULT_AT`` to a
step's name and the process kills itself there (SIGKILL), to check that every
step can be interrupted.

>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "out").mkdir(); _ = (root / "out" / "README.md").write_text("keep")
>>> with published_dir(root / "out") as tmp:
...     _ = (tmp / "graph.nq").write_text("")
>>> sorted(p.name for p in (root / "out").iterdir())
['README.md', 'graph.nq']
>>> build_id(root / "out") is None  # no manifest.json
True
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import hashlib
import json
import os
import shutil
import signal
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.errors import RdfError

__all__ = ["FAULT_ENV", "checkpoint", "published_dir", "recover", "build_id", "fsync_tree"]

#: The environment variable a test sets to a step name (see :func:`checkpoint`).
FAULT_ENV = "KG_FAULT_AT"

#: The file that marks a carried folder while it sits in a temporary folder.
_CARRIED = ".kg-carried"


def checkpoint(step: str) -> None:
    """A named step of a write. When ``KG_FAULT_AT`` names it, the process kills
    itself with SIGKILL here: the fault tests use it to stop a real ``kg add`` at
    each step; it does nothing otherwise.

    >>> checkpoint("never-set")
    """
    if os.environ.get(FAULT_ENV) == step:
        os.kill(os.getpid(), signal.SIGKILL)


def fsync_dir(path: Path) -> None:
    """Make a folder's entries (new names, renames) durable; a no-op where folders
    cannot be opened (Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_tree(root: Path, *, skip: Sequence[str] = ()) -> None:
    """fsync every file and folder under ``root`` (iteratively; names in ``skip``
    at the top level are left out)."""
    stack = [Path(root)]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if folder == root and entry.name in skip:
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(Path(entry.path))
                elif entry.is_file(follow_symlinks=False):
                    with contextlib.suppress(OSError):
                        fd = os.open(entry.path, os.O_RDONLY)
                        try:
                            os.fsync(fd)
                        finally:
                            os.close(fd)
        fsync_dir(folder)


def build_id(out_dir: Path | str) -> str | None:
    """The SHA-256 of the folder's ``manifest.json``: it changes with every build or
    update that changes a published file, so a long-lived reader (``kg serve``) can
    poll it and reload when it changes; ``None`` when there is no manifest.

    >>> import tempfile
    >>> build_id(tempfile.mkdtemp()) is None
    True
    """
    try:
        return hashlib.sha256((Path(out_dir) / "manifest.json").read_bytes()).hexdigest()
    except OSError:
        return None


def _kg_written(out_dir: Path) -> set[str]:
    """Names in ``out_dir`` that a previous build wrote (listed by its manifest)."""
    from kg.rdf.io import GRAPH_FILES, MANIFEST

    names = set(GRAPH_FILES) | {MANIFEST}
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        names |= {str(n).split("/", 1)[0] for n in manifest.get("outputs", {})}
    except (OSError, ValueError, AttributeError):
        pass
    return names


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two paths (Linux renameat2 RENAME_EXCHANGE); False if unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return rc == 0


def _lock_folder(path: Path) -> int | None:
    """An fd holding an exclusive ``flock`` on the folder ``path`` (None where flock is missing)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        return None
    fd = os.open(path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def _owned(path: Path) -> bool:
    """Whether a live process holds the folder ``path`` (its flock)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: keep everything
        return True
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return True  # gone or unreadable: leave it alone
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # closing releases the lock we may have taken
    return False


def recover(out_dir: Path | str) -> list[Path]:
    """Undo what interrupted builds left next to ``out_dir``; returns the folders removed.

    Temporary folders (``.out.tmp-*``, ``.out.old-*``) that no live process
    holds are removed, after moving back a carried folder (``store/``) that a
    crash left in one when ``out_dir`` lacks it, and an output folder that the
    non-Linux swap had moved aside. Folders of builds still running are kept.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / ".out.tmp-dead").mkdir()
    >>> [p.name for p in recover(root / "out")], sorted(p.name for p in root.iterdir())
    (['.out.tmp-dead'], [])
    """
    out_dir = Path(out_dir)
    parent = out_dir.parent
    removed: list[Path] = []
    try:
        candidates = sorted(p for p in parent.iterdir()
                            if p.name.startswith((f".{out_dir.name}.tmp-", f".{out_dir.name}.old-"))
                            and p.is_dir() and not p.is_symlink())
    except OSError:
        return removed
    for folder in candidates:
        if _owned(folder):
            continue
        if folder.name.startswith(f".{out_dir.name}.old-"):
            aside = folder / out_dir.name
            if aside.is_dir() and not out_dir.exists():
                os.rename(aside, out_dir)  # the swap's fallback moved the output aside and died
        else:
            for child in list(folder.iterdir()):
                if (child / _CARRIED).exists() and not (out_dir / child.name).exists() and out_dir.is_dir():
                    os.rename(child, out_dir / child.name)  # stranded between the move and the swap
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    if out_dir.is_dir():
        for child in out_dir.iterdir():
            with contextlib.suppress(OSError):
                (child / _CARRIED).unlink()  # the swap happened; the mark stayed behind
    if removed:
        fsync_dir(parent)
    return removed


def _new_folder(out_dir: Path) -> tuple[Path, int | None]:
    """A fresh temporary folder next to ``out_dir``, locked before it gets the name
    :func:`recover` looks for (so no one takes it for a leftover)."""
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
    fd = _lock_folder(staging)
    tmp = staging.with_name(f".{out_dir.name}.tmp-" + staging.name.rsplit("-", 1)[-1])
    os.rename(staging, tmp)
    return tmp, fd


@contextlib.contextmanager
def published_dir(out_dir: Path | str, *, carry: Sequence[str] = ()) -> Iterator[Path]:
    """Build an output folder atomically.

    Yields a fresh temporary folder next to ``out_dir``; write everything there.
    When the block ends normally, every file is fsync'd, files of ``out_dir``
    that kg did not write (such as ``out/README.md``) are copied over, the
    folders named in ``carry`` are moved over (``store``: close it first), and
    the folders are swapped by renaming, so readers see either the old or the
    new output. When the block raises, the temporary folder is removed and
    ``out_dir`` is left exactly as it was. Leftovers of interrupted builds are
    cleaned first (:func:`recover`).
    """
    out_dir = Path(out_dir)
    if out_dir.is_symlink():
        out_dir = out_dir.resolve()
    if out_dir.exists() and not out_dir.is_dir():
        raise RdfError(f"{out_dir}: output path exists and is not a folder")
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        recover(out_dir)
        tmp, lock = _new_folder(out_dir)
    except OSError as exc:
        raise RdfError(f"{out_dir}: cannot create the output folder: {exc.strerror or exc}") from None
    try:
        try:
            yield tmp
            checkpoint("files-written")
            if out_dir.exists():
                mode = out_dir.stat().st_mode & 0o7777
                managed = _kg_written(out_dir) | set(carry)
                for entry in out_dir.iterdir():
                    if entry.name in managed or (tmp / entry.name).exists():
                        continue
                    if entry.is_dir() and not entry.is_symlink():
                        shutil.copytree(entry, tmp / entry.name, symlinks=True)
                    else:
                        shutil.copy2(entry, tmp / entry.name, follow_symlinks=False)
            else:
                umask = os.umask(0)
                os.umask(umask)
                mode = 0o777 & ~umask
            os.chmod(tmp, mode)
            fsync_tree(tmp)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        try:
            _swap(tmp, out_dir, carry)
        except OSError as exc:
            shutil.rmtree(tmp, ignore_errors=True)
            raise RdfError(f"{out_dir}: cannot publish the output folder: {exc.strerror or exc}") from None
    finally:
        if lock is not None:
            os.close(lock)


def _swap(tmp: Path, out_dir: Path, carry: Sequence[str]) -> None:
    """Move the carried folders into ``tmp``, then put ``tmp`` in the place of ``out_dir``."""
    moved = []
    for name in carry:
        src = out_dir / name
        if src.is_dir() and not (tmp / name).exists():
            (src / _CARRIED).touch()
            fsync_dir(src)
            os.rename(src, tmp / name)
            moved.append(name)
            checkpoint(f"{name}-moved")
    if moved:
        fsync_dir(out_dir)
        fsync_dir(tmp)
    if not out_dir.exists():
        os.rename(tmp, out_dir)
    elif _exchange(tmp, out_dir):
        fsync_dir(out_dir.parent)
        checkpoint("swapped")
        shutil.rmtree(tmp, ignore_errors=True)  # holds the previous output now
    else:
        old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
        os.rename(out_dir, old / out_dir.name)
        try:
            os.rename(tmp, out_dir)
        except OSError:
            os.rename(old / out_dir.name, out_dir)
            raise
        shutil.rmtree(old, ignore_errors=True)
    fsync_dir(out_dir.parent)
    for name in moved:
        with contextlib.suppress(OSError):
            (out_dir / name / _CARRIED).unlink()
