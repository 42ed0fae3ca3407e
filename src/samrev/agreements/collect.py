"""Downloading the agreements a manifest lists: resumable, polite, one record per row.

Public API::

    collect(rows, out_dir, *, options=None, progress=None, fetcher=None) -> Iterator[DownloadRecord]
    plan_downloads(rows, out_dir, state) -> list[PlannedDownload]     # pure apart from hashing files
    safe_target(out_dir, file, *, line=0, url="") -> Path             # UnsafeFileName
    load_state(out_dir) -> dict[str, DownloadRecord]; append_state(out_dir, record)
    default_out_dir(manifest) -> Path

Every row with a ``url`` is saved under its manifest ``file`` name inside ``out_dir``
(subfolders allowed; absolute paths and ``..`` refused).  The state file
``out_dir/.samrev-collect.jsonl`` gets one JSON line per finished download, successful or not
(``file, url, status, http_status, retrieved, content_hash, bytes, error`` plus
``final_url`` and ``content_type``); the last line per file counts.  A re-run skips a row
whose last record is ``ok`` for the same URL while the file on disk still has the recorded
SHA-256, and tries every other row again.

A file already on disk that samrev did not download (no record of it in the state) is never
replaced by different content: the row fails with ``COLLECT_FILE_EXISTS``.  A file samrev did
download but that has changed since (corrupted, truncated, edited) is downloaded again and
replaced, and the record's ``note`` says so.

The HTTP side (retries, back-off, per-host delay, atomic writes) is in
:mod:`samrev.agreements.fetch`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

from samrev import __version__
from samrev.agreements.manifest import ManifestRow, normalise_key
from samrev.core.errors import DownloadBadUrl, SamrevError, UnsafeFileName

STATE_FILE = ".samrev-collect.jsonl"
USER_AGENT = (
    f"samrev/{__version__} (nasjonal gjennomgang av samarbeidsavtaler mellom kommuner og helseforetak; "
    "https://pypi.org/project/samrev/)"
)
Status = Literal["ok", "skipped", "failed"]
Action = Literal["download", "skip", "refuse"]
ProgressCallback = Callable[[int, int, "DownloadRecord"], None]

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class CollectOptions:
    """How to download: per-request timeout (s, for connecting and for each wait for data), retries
    after the first try, minimum delay (s) between two requests to one host, the first back-off
    (doubled per retry, capped), the longest Retry-After that is waited for, the longest a whole
    body may take (s), the most redirects, and the User-Agent."""

    timeout: float = 30.0
    retries: int = 3
    delay: float = 1.0
    backoff: float = 1.0
    max_backoff: float = 60.0
    max_retry_after: float = 300.0
    max_duration: float = 900.0
    max_redirects: int = 10
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class DownloadRecord:
    """One row's outcome; the JSON line in the state file and in ``--format jsonl``."""

    file: str
    url: str
    status: Status
    http_status: int | None = None
    retrieved: str | None = None       # UTC, ISO 8601, when the download finished
    content_hash: str | None = None    # SHA-256 of the saved file, hex
    bytes: int | None = None
    error: dict[str, Any] | None = None  # {"code", "message", ...} from a CollectError
    line: int = 0                      # the manifest line (not stored in the state file)
    path: str = ""                     # where the file is (not stored in the state file)
    final_url: str | None = None       # after redirects
    content_type: str | None = None
    attempts: int = 0
    note: str | None = None            # e.g. a ".pdf" that came back as a web page (status stays "ok")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_state(self) -> dict[str, Any]:
        data = self.to_dict()
        for key in ("line", "path"):
            data.pop(key)
        return data

    @classmethod
    def from_state(cls, data: dict[str, Any]) -> DownloadRecord:
        names = set(cls.__dataclass_fields__)
        return cls(**{key: value for key, value in data.items() if key in names})


@dataclass(frozen=True, slots=True)
class PlannedDownload:
    """What to do with one row that has a URL: ``download``, ``skip`` (done) or ``refuse`` (``error``)."""

    row: ManifestRow
    action: Action
    target: Path | None = None
    previous: DownloadRecord | None = None  # the last state record for this file, if any
    error: SamrevError | None = field(default=None, compare=False)

    @property
    def host(self) -> str:
        return (urlsplit(self.row.url).hostname or "").lower()


class Downloader(Protocol):
    """Downloads one planned row (:class:`samrev.agreements.fetch.Fetcher`; tests may pass their own)."""

    def download(self, item: PlannedDownload) -> DownloadRecord: ...

    def close(self) -> None: ...


def default_out_dir(manifest: Path | str) -> Path:
    """``avtaler.csv`` → ``avtaler-nedlastet/`` beside it."""
    manifest = Path(manifest)
    return manifest.parent / f"{manifest.stem}-nedlastet"


def safe_target(out_dir: Path, file: str, *, line: int = 0, url: str = "") -> Path:
    """The path inside ``out_dir`` for a manifest ``file``; :class:`UnsafeFileName` when it would leave it.

    Refused: empty names, absolute paths (``/x``, ``C:\\x``, ``\\\\server\\x``), any ``..``, control
    characters, names starting with ``.samrev-collect`` (the state file), and a path that leaves
    ``out_dir`` through a symbolic link.  ``\\`` counts as a folder separator.
    """

    def refuse(detail: str) -> UnsafeFileName:
        return UnsafeFileName(file=file, line=line, url=url, detail=detail)

    raw = file.strip()
    if not raw:
        raise refuse("tomt filnavn")
    if _CONTROL.search(raw):
        raise refuse("kontrolltegn i navnet")
    slashed = raw.replace("\\", "/")
    if slashed.startswith("/") or _WINDOWS_DRIVE.match(slashed):
        raise refuse("absolutt sti")
    parts = [part for part in slashed.split("/") if part not in ("", ".")]
    if any(part == ".." for part in parts):
        raise refuse("«..» peker ut av målmappen")
    if not parts:
        raise refuse("tomt filnavn")
    if parts[-1].startswith(STATE_FILE[:-len(".jsonl")]):
        raise refuse("navnet er reservert for tilstandsfilen")
    target = out_dir.joinpath(*parts)
    root = out_dir.resolve()
    if not target.resolve().is_relative_to(root):
        raise refuse("stien går ut av målmappen (symbolsk lenke)")
    return target


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    ".pdf": (b"%PDF",), ".docx": (b"PK\x03\x04",), ".odt": (b"PK\x03\x04",), ".zip": (b"PK\x03\x04",),
    ".doc": (b"\xd0\xcf\x11\xe0",), ".rtf": (b"{\\rtf",),
}


def content_note(file: str, head: bytes, content_type: str | None) -> str | None:
    """A warning when a file named ``.pdf``/``.docx``/… does not start like one (a login page, a
    "not found" page served with status 200); ``None`` when it does or the suffix is not checked."""
    suffix = PurePosixPath(file.replace("\\", "/")).suffix.lower()
    signatures = _SIGNATURES.get(suffix)
    if signatures is None or any(signature in head[:1024] for signature in signatures):
        return None
    start = head.lstrip()[:15].lower()
    if start.startswith((b"<!doctype html", b"<html")) or "html" in (content_type or "").lower():
        what = "en nettside (HTML)"
    else:
        what = f"noe annet ({content_type or 'ukjent innholdstype'})"
    return f"innholdet er ikke {suffix[1:].upper()}, men {what}; sjekk adressen"


# --- state ---------------------------------------------------------------------------------------


def state_path(out_dir: Path) -> Path:
    return out_dir / STATE_FILE


def load_state(out_dir: Path) -> dict[str, DownloadRecord]:
    """The last record per file (key: :func:`normalise_key` of ``file``); unreadable lines skipped.

    A line cut short by an interruption is not JSON and is ignored, like a missing record.
    """
    path = state_path(out_dir)
    if not path.is_file():
        return {}
    return merge_state(path.read_text(encoding="utf-8", errors="replace").splitlines())


def merge_state(lines: Iterable[str]) -> dict[str, DownloadRecord]:
    """Fold JSON lines into the last record per file."""
    records: dict[str, DownloadRecord] = {}
    for line in lines:
        try:
            data = json.loads(line)
            record = DownloadRecord.from_state(data)
        except (ValueError, TypeError):
            continue
        if isinstance(record.file, str) and record.file:
            records[normalise_key(record.file)] = record
    return records


def append_state(out_dir: Path, record: DownloadRecord) -> None:
    """Append one record to the state file and flush it to disk."""
    with state_path(out_dir).open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(record.to_state(), ensure_ascii=False) + "\n")
        handle.flush()
        os.fsync(handle.fileno())


# --- plan ----------------------------------------------------------------------------------------


def plan_downloads(
    rows: Sequence[ManifestRow], out_dir: Path, state: dict[str, DownloadRecord],
    hash_file: Callable[[Path], str] = sha256_file,
) -> list[PlannedDownload]:
    """What to do with each row that has a URL, in manifest order."""
    plan: list[PlannedDownload] = []
    taken: dict[str, str] = {}  # casefolded target → file (case-insensitive file systems)
    for row in rows:
        if not row.url:
            continue
        previous = state.get(normalise_key(row.file))
        try:
            _check_url(row)
            target = safe_target(out_dir, row.file, line=row.line, url=row.url)
        except SamrevError as refused:
            plan.append(PlannedDownload(row, "refuse", previous=previous, error=refused))
            continue
        folded = str(target.relative_to(out_dir)).casefold()
        if folded in taken:
            error = UnsafeFileName(file=row.file, line=row.line, url=row.url,
                                   detail=f"samme navn som «{taken[folded]}» bortsett fra store/små bokstaver")
            plan.append(PlannedDownload(row, "refuse", target, previous, error))
            continue
        taken[folded] = row.file
        done = (previous is not None and previous.status == "ok" and previous.url == row.url
                and previous.content_hash is not None and target.is_file()
                and hash_file(target) == previous.content_hash)
        plan.append(PlannedDownload(row, "skip" if done else "download", target, previous))
    return plan


def interleave_by_host(plan: Sequence[PlannedDownload]) -> list[PlannedDownload]:
    """Downloads taken round-robin over hosts (manifest order within a host), so that the per-host
    delay of one site is spent fetching from the others."""
    queues: dict[str, list[PlannedDownload]] = {}
    for item in plan:
        queues.setdefault(item.host, []).append(item)
    out: list[PlannedDownload] = []
    while queues:
        for host in list(queues):
            out.append(queues[host].pop(0))
            if not queues[host]:
                del queues[host]
    return out


def _check_url(row: ManifestRow) -> None:
    parts = urlsplit(row.url)
    if parts.scheme.lower() not in ("http", "https"):
        raise DownloadBadUrl(url=row.url, line=row.line, detail=f"ukjent protokoll «{parts.scheme or '(ingen)'}»")
    if not parts.hostname:
        raise DownloadBadUrl(url=row.url, line=row.line, detail="mangler vertsnavn")


# --- the batch -----------------------------------------------------------------------------------


def collect(
    rows: Sequence[ManifestRow], out_dir: Path | str, *, options: CollectOptions | None = None,
    progress: ProgressCallback | None = None, fetcher: Downloader | None = None,
) -> Iterator[DownloadRecord]:
    """Download every row with a URL; yields one record per such row (skipped ones first).

    Failures are records with ``status == "failed"`` and ``error``; the batch goes on.  Every
    record of a download tried (not of a skipped row) is appended to the state file as soon as
    it is known, so an interrupted batch resumes where it stopped.
    """
    from samrev.agreements.fetch import Fetcher

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    options = options or CollectOptions()
    plan = plan_downloads(rows, out_dir, load_state(out_dir))
    total, done = len(plan), 0
    fetch: Downloader = fetcher if fetcher is not None else Fetcher(options)

    def emit(record: DownloadRecord) -> DownloadRecord:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total, record)
        return record

    try:
        for item in plan:
            if item.action == "skip" and item.previous is not None and item.target is not None:
                yield emit(replace(item.previous, status="skipped", line=item.row.line, path=str(item.target),
                                   error=None))
        for item in interleave_by_host([i for i in plan if i.action != "skip"]):
            if item.action == "refuse":
                error = item.error or UnsafeFileName(file=item.row.file, line=item.row.line, url=item.row.url,
                                                     detail="?")
                record = DownloadRecord(file=item.row.file, url=item.row.url, status="failed",
                                        error=error.to_dict(), line=item.row.line)
            else:
                record = fetch.download(item)
            append_state(out_dir, record)
            yield emit(record)
    finally:
        fetch.close()
