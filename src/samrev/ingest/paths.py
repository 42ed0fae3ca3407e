"""From the paths a user gives to the files to read: folders, ZIP archives, missing paths.

- a folder: every supported file under it (by extension, hidden and Office lock files skipped),
  sorted by path; ZIP archives in it are opened too;
- a ZIP archive: every supported file in it, sorted by name, named ``archive.zip!inner/file.pdf``;
  the archive is extracted once to ``SAMREV_HOME/cache/archives/<sha256 of the zip>/``;
- anything else (a file, a missing path) passes through, so it gets its own record (an error one
  if need be).

:func:`resolve` turns such a name back into (file to read, name to show).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from samrev.ingest.dispatch import supported_extensions

ARCHIVE_SEPARATOR = "!"
ARCHIVE_SUFFIXES = frozenset({".zip"})
MAX_MEMBER_BYTES = 1 << 30  # a member larger than 1 GiB unpacked is skipped (zip bombs)
_MEMBER_NAME = re.compile(r"^(.*?\.zip)!(.+)$", re.IGNORECASE)
_EXTRACTED: dict[tuple[str, int, int], Path] = {}


def archive_cache_dir() -> Path:
    from samrev.core.settings import samrev_home

    return samrev_home() / "cache" / "archives"


def _wanted(name: str, extensions: frozenset[str]) -> bool:
    base = PurePosixPath(name).name
    if not base or base.startswith((".", "~$")):
        return False
    suffix = PurePosixPath(base).suffix.lower()
    return suffix in extensions or suffix in ARCHIVE_SUFFIXES


def _safe_member(name: str) -> PurePosixPath | None:
    """The member's relative path, or None when it would escape the extraction folder."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return path


def _members(archive: Path, extensions: frozenset[str]) -> list[str] | None:
    try:
        with zipfile.ZipFile(archive) as zf:
            names = [
                info.filename for info in zf.infolist()
                if not info.is_dir() and info.file_size <= MAX_MEMBER_BYTES and _safe_member(info.filename)
                and _wanted(info.filename, extensions)
                and PurePosixPath(info.filename).suffix.lower() not in ARCHIVE_SUFFIXES
            ]
    except (zipfile.BadZipFile, OSError, EOFError):
        return None
    return sorted(names)


def extract_archive(archive: Path, cache_dir: Path | None = None) -> Path:
    """Extract ``archive`` (once per content) and return the folder holding its files."""
    stat = archive.stat()
    memo_key = (str(archive.resolve()), stat.st_size, stat.st_mtime_ns)
    if memo_key in _EXTRACTED and _EXTRACTED[memo_key].is_dir():
        return _EXTRACTED[memo_key]
    digest = hashlib.sha256()
    with archive.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    target = (cache_dir or archive_cache_dir()) / digest.hexdigest()[:32]
    if not (target / ".complete").exists():
        staging = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                inner = _safe_member(info.filename)
                if info.is_dir() or inner is None or info.file_size > MAX_MEMBER_BYTES:
                    continue
                destination = staging.joinpath(*inner.parts)
                destination.parent.mkdir(parents=True, exist_ok=True)
                with zf.open(info) as source, destination.open("wb") as sink:
                    shutil.copyfileobj(source, sink)
        (staging / ".complete").touch()
        try:
            staging.rename(target)
        except OSError:  # another process got there first
            shutil.rmtree(staging, ignore_errors=True)
    _EXTRACTED[memo_key] = target
    return target


def expand_paths(paths: Iterable[str | Path]) -> list[Path]:
    """Every file to read, in the order given; folders and archives expanded (see module doc)."""
    extensions = supported_extensions()
    out: list[Path] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p.name, extensions)):
                is_archive = found.suffix.lower() in ARCHIVE_SUFFIXES
                out.extend(_expand_archive(found, extensions) if is_archive else [found])
        elif path.is_file() and path.suffix.lower() in ARCHIVE_SUFFIXES:
            out.extend(_expand_archive(path, extensions))
        else:
            out.append(path)
    return out


def _expand_archive(archive: Path, extensions: frozenset[str]) -> list[Path]:
    members = _members(archive, extensions)
    if members is None:  # a broken archive: its own (error) record
        return [archive]
    return [Path(f"{archive}{ARCHIVE_SEPARATOR}{name}") for name in members]


def resolve(path: str | Path, cache_dir: Path | None = None) -> tuple[Path, str]:
    """(file to read, name to show) for a path from :func:`expand_paths`.

    ``archive.zip!inner/file.pdf`` is read from the archive's extracted copy; any other path is
    read as it is (a missing one then gets its ``unreadable`` record).
    """
    shown = str(path)
    file = Path(path)
    match = _MEMBER_NAME.match(shown)
    if match and not file.exists():
        archive, inner = Path(match.group(1)), match.group(2)
        member = _safe_member(inner)
        if archive.is_file() and member is not None:
            try:
                return extract_archive(archive, cache_dir).joinpath(*member.parts), shown
            except (zipfile.BadZipFile, OSError, EOFError):
                return file, shown
    return file, shown
