"""Atomic output: a file appears complete or not at all.

Output goes to a temporary file in the target's directory (so the final ``os.replace`` stays
on one file system and is atomic); it replaces the target only when writing succeeded. On any
exception, ``KeyboardInterrupt`` included, the temporary file is removed and an existing
target is left exactly as it was.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


def is_stdout(path: str | os.PathLike[str] | None) -> bool:
    """True when ``path`` means standard output (``None`` or ``"-"``)."""
    return path is None or str(path) == "-"


def _final_mode(target: Path) -> int:
    # mkstemp creates files readable by their owner only; give the output the mode an
    # ordinary open() would: the old file's mode, or 0o666 less the umask.
    if target.exists():
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _temp_path(target: Path) -> Path:
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    return Path(name)


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, copy_existing: bool = False) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it onto ``path`` when the block succeeds.

    With ``copy_existing`` the temporary file starts as a copy of the existing target (for
    databases updated in place). Raises ``OSError`` when the directory cannot be written.
    """
    target = Path(path)
    temp = _temp_path(target)
    try:
        if copy_existing and target.exists():
            shutil.copyfile(target, temp)
        mode = _final_mode(target)
        yield temp
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike[str] | None, *, newline: str | None = None
) -> Iterator[TextIO]:
    """Open a UTF-8 text stream for ``path`` that is written atomically.

    ``None`` or ``"-"`` yields standard output (left open). ``newline`` is passed to
    ``open`` (``""`` for the csv module). Raises ``OSError`` when the target's directory
    does not exist or cannot be written.
    """
    if is_stdout(path):
        yield sys.stdout
        sys.stdout.flush()
        return
    assert path is not None
    with atomic_path(path) as temp, open(temp, "w", encoding="utf-8", newline=newline) as stream:
        yield stream
        stream.flush()
        os.fsync(stream.fileno())
