"""The HTTP side of ``samrev agreements collect``: one download with retries, politely, atomically.

urllib3 (already installed with trafilatura; pinned in pyproject) does connections, TLS (the
system's certificates), redirects and timeouts; retries are done here, because they must
honour ``Retry-After``, be counted per row and be spaced by the per-host delay.

- Retried: connection errors, timeouts, a connection cut in the middle of the body, HTTP 408,
  429 and every 5xx.  Waits ``backoff × 2^(try-1)`` seconds (at most ``max_backoff``), or what
  ``Retry-After`` asks (seconds or an HTTP date), if that is longer; a ``Retry-After`` beyond
  ``max_retry_after`` fails the row at once rather than stall the batch.
- A whole body gets at most ``max_duration`` seconds (default 15 minutes), however steadily it
  trickles in; that is not retried either.
- Not retried: other 4xx, a 3xx without a usable Location, an empty body, TLS errors, too many
  redirects, unusable URLs.
- Polite: one request at a time; at least ``delay`` seconds between the end of one request and the
  start of the next to the same host
  (a ``Retry-After`` holds back the whole host); a User-Agent that names samrev.
- Atomic: the body goes to a hidden temporary file beside the target (``.name.XXXX.part``),
  hashed (SHA-256) as it streams, and is renamed over the final name only when complete.  An
  interruption (error, Ctrl-C) removes the temporary file.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urljoin

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    LocationParseError,
    MaxRetryError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    ResponseError,
    SSLError,
)

from samrev.agreements.collect import CollectOptions, DownloadRecord, PlannedDownload, content_note, sha256_file
from samrev.core.errors import (
    CollectError,
    DownloadBadUrl,
    DownloadConnectionError,
    DownloadEmpty,
    DownloadHttpStatus,
    DownloadRedirects,
    DownloadTargetExists,
    DownloadTimeout,
    DownloadWriteError,
)

CHUNK = 1 << 16
RETRY_STATUSES = frozenset({408, 429}) | frozenset(range(500, 600))
_REASONS = {400: "ugyldig forespørsel", 401: "krever innlogging", 403: "ingen tilgang", 404: "finnes ikke",
            410: "fjernet", 408: "tidsavbrudd hos serveren", 429: "for mange forespørsler",
            500: "intern feil hos serveren", 502: "feil i mellomledd", 503: "tjenesten er utilgjengelig",
            504: "tidsavbrudd i mellomledd"}


class _Retryable(Exception):
    """A failure worth another try; ``wait`` is what the server asked for (Retry-After), if anything."""

    def __init__(self, error: CollectError, wait: float | None = None, http_status: int | None = None) -> None:
        super().__init__(error.message)
        self.error, self.wait, self.http_status = error, wait, http_status


class _Final(Exception):
    def __init__(self, error: CollectError, http_status: int | None = None) -> None:
        super().__init__(error.message)
        self.error, self.http_status = error, http_status


@dataclass(frozen=True, slots=True)
class _Saved:
    http_status: int
    content_hash: str
    size: int
    final_url: str
    content_type: str | None
    head: bytes
    replaced: str | None = None  # a note when a changed file of ours was replaced


class HostThrottle:
    """At least ``delay`` seconds between two requests to one host, counted from the end of the one
    before (:meth:`finished`) as well as from its start; a host can be held back longer."""

    def __init__(self, delay: float, clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.delay, self.clock, self.sleep = delay, clock, sleep
        self._next: dict[str, float] = {}

    def wait(self, host: str) -> float:
        """Sleep until ``host`` may be asked again, mark the request; returns the seconds slept."""
        pause = max(0.0, self._next.get(host, 0.0) - self.clock())
        if pause > 0:
            self.sleep(pause)
        self._next[host] = self.clock() + self.delay
        return pause

    def finished(self, host: str) -> None:
        """A request to ``host`` has ended: the next waits ``delay`` from now, so the pause holds at
        the server too, however long the answer took or the request took to arrive."""
        self._next[host] = max(self._next.get(host, 0.0), self.clock() + self.delay)

    def hold(self, host: str, seconds: float) -> None:
        """No request to ``host`` for ``seconds`` from now (at least)."""
        self._next[host] = max(self._next.get(host, 0.0), self.clock() + seconds)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header: ``"120"`` or an HTTP date; ``None`` when absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, options: CollectOptions) -> float:
    """Wait before try ``attempt + 1`` (``attempt`` ≥ 1 tries done): doubling from ``backoff``, capped."""
    return float(min(options.max_backoff, options.backoff * 2 ** (attempt - 1)))


class Fetcher:
    """Downloads planned rows one at a time through one urllib3 pool."""

    def __init__(self, options: CollectOptions, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.options, self.sleep = options, sleep
        self.throttle = HostThrottle(options.delay, clock, sleep)
        self.pool = urllib3.PoolManager(
            num_pools=32,
            headers={"User-Agent": options.user_agent, "Accept": "*/*"},
            timeout=urllib3.Timeout(connect=options.timeout, read=options.timeout),
            retries=urllib3.Retry(total=None, connect=0, read=0, status=0, other=0,
                                  redirect=options.max_redirects, raise_on_redirect=True,
                                  raise_on_status=False, respect_retry_after_header=False),
        )

    def close(self) -> None:
        self.pool.clear()

    def download(self, item: PlannedDownload) -> DownloadRecord:
        """Try, and retry, one row; never raises for a failed download (only for Ctrl-C)."""
        row, target = item.row, item.target
        assert target is not None  # noqa: S101  (the plan gives every "download" a target)
        attempts, last_status = 0, None
        while True:
            attempts += 1
            self.throttle.wait(item.host)
            try:
                saved = self._fetch(item, target)
            except _Retryable as failure:
                last_status = failure.http_status
                wait = max(backoff_delay(attempts, self.options), failure.wait or 0.0)
                if failure.wait is not None and failure.wait > self.options.max_retry_after:
                    error = failure.error
                    if "detail" in error.data_fields:
                        error.data_fields["detail"] += f"; serveren ber om å vente {failure.wait:.0f} sekunder"
                    return self._failed(item, error, last_status, attempts)
                if attempts > self.options.retries:
                    return self._failed(item, failure.error, last_status, attempts)
                self.throttle.hold(item.host, wait)
                continue
            except _Final as failure:
                return self._failed(item, failure.error, failure.http_status, attempts)
            finally:  # the request has ended, however: the next one to this host waits from now
                self.throttle.finished(item.host)
            return DownloadRecord(
                file=row.file, url=row.url, status="ok", http_status=saved.http_status, retrieved=_now(),
                content_hash=saved.content_hash, bytes=saved.size, line=row.line, path=str(target),
                final_url=saved.final_url, content_type=saved.content_type, attempts=attempts,
                note=_join(content_note(row.file, saved.head, saved.content_type), saved.replaced),
            )

    def _failed(self, item: PlannedDownload, error: CollectError, http_status: int | None,
                attempts: int) -> DownloadRecord:
        return DownloadRecord(file=item.row.file, url=item.row.url, status="failed", http_status=http_status,
                              retrieved=_now(), error=error.to_dict(), line=item.row.line, attempts=attempts)

    def _fetch(self, item: PlannedDownload, target: Path) -> _Saved:
        url, timeout = item.row.url, self.options.timeout
        try:
            response = self.pool.request("GET", url, preload_content=False, redirect=True)
        except MaxRetryError as exc:
            raise _classify(item, exc.reason or exc, timeout) from exc
        except (HTTPError, ValueError) as exc:  # a URL urllib3 cannot even parse
            raise _classify(item, exc, timeout) from exc
        try:
            status = response.status
            final_url = _final_url(url, response)
            if not 200 <= status < 300:  # a 3xx here is one urllib3 could not follow (no Location)
                _drain(response)
                error = DownloadHttpStatus(url=url, http_status=status, detail=_REASONS.get(status, response.reason
                                                                                            or "feil"))
                if status in RETRY_STATUSES:
                    raise _Retryable(error, parse_retry_after(response.headers.get("Retry-After")), status)
                raise _Final(error, status)
            content_hash, size, head, replaced = self._save(response, item, target)
            return _Saved(status, content_hash, size, str(final_url), response.headers.get("Content-Type"), head,
                          replaced)
        finally:
            response.release_conn()

    def _save(self, response: Any, item: PlannedDownload, target: Path) -> tuple[str, int, bytes, str | None]:
        url = item.row.url
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle = tempfile.NamedTemporaryFile(  # closed below, then renamed or removed
                dir=target.parent, prefix=f".{target.name}.", suffix=".part", delete=False)
        except OSError as exc:
            raise _Final(DownloadWriteError(url=url, path=str(target), detail=exc.strerror or str(exc))) from exc
        temporary = Path(handle.name)
        renamed = False
        try:
            with handle:
                try:
                    content_hash, size = copy_stream(response, handle,
                                                     deadline=time.monotonic() + self.options.max_duration)
                except _TooSlow as exc:
                    raise _Final(DownloadTimeout(
                        url=url, timeout=_seconds(self.options.max_duration),
                        detail=f"innholdet kom for sakte, {exc.size} byte mottatt; grensen gjelder hele nedlastingen",
                    )) from exc
                except ReadTimeoutError as exc:
                    raise _Retryable(DownloadTimeout(url=url, timeout=_seconds(self.options.timeout),
                                                     detail="under mottak av innholdet")) from exc
                except (ProtocolError, HTTPError, OSError) as exc:
                    if isinstance(exc, OSError) and not isinstance(exc, ConnectionError):
                        raise _Final(DownloadWriteError(url=url, path=str(target),
                                                        detail=exc.strerror or str(exc))) from exc
                    raise _Retryable(DownloadConnectionError(
                        url=url, detail=f"forbindelsen ble brutt under mottak av innholdet ({_short(exc)})")) from exc
                handle.flush()
                os.fsync(handle.fileno())
            if size == 0:
                raise _Final(DownloadEmpty(url=url), response.status)
            with temporary.open("rb") as written:
                head = written.read(1024)
            replaced = self._check_overwrite(item, target, content_hash)
            os.chmod(temporary, 0o666 & ~_umask())  # a temporary file is private (0600); the result is not
            os.replace(temporary, target)
            renamed = True
            return content_hash, size, head, replaced
        finally:
            if not renamed:
                temporary.unlink(missing_ok=True)

    @staticmethod
    def _check_overwrite(item: PlannedDownload, target: Path, content_hash: str) -> str | None:
        """A file samrev did not put there is only 'replaced' by identical content; one samrev did
        put there is replaced, and a note says so when it had changed since (corrupted or edited)."""
        if not target.exists():
            return None
        if target.is_dir():
            raise _Final(DownloadWriteError(url=item.row.url, path=str(target), detail="det er en mappe"))
        on_disk = sha256_file(target)
        previous = item.previous
        if previous is None or previous.status != "ok":
            if on_disk != content_hash:
                raise _Final(DownloadTargetExists(url=item.row.url, path=str(target)))
            return None
        if on_disk not in (previous.content_hash, content_hash):
            return (f"filen på disken var endret siden nedlastingen {previous.retrieved or ''} og er erstattet "
                    "med det adressen leverer nå").replace("  ", " ")
        return None


class _TooSlow(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def copy_stream(response: Any, handle: IO[bytes], deadline: float | None = None) -> tuple[str, int]:
    """Copy a response body to ``handle``; returns (SHA-256 hex, bytes).

    The read timeout bounds each wait for data; ``deadline`` (``time.monotonic()``) bounds the
    whole body, so a server that trickles a byte now and then cannot hold the batch for ever.
    """
    digest = hashlib.sha256()
    size = 0
    while block := response.read1(CHUNK, decode_content=True):  # what has arrived, not a full chunk
        handle.write(block)
        digest.update(block)
        size += len(block)
        if deadline is not None and time.monotonic() > deadline:
            raise _TooSlow(size)
    return digest.hexdigest(), size


def _classify(item: PlannedDownload, reason: BaseException, timeout: float) -> _Retryable | _Final:
    url = item.row.url
    # NewConnectionError is a ConnectTimeoutError in urllib3 2: ask for it first.
    if isinstance(reason, NameResolutionError):
        return _Retryable(DownloadConnectionError(url=url, detail="fant ikke vertsnavnet (DNS)"))
    if isinstance(reason, NewConnectionError):
        return _Retryable(DownloadConnectionError(url=url, detail="serveren avviste tilkoblingen eller svarer ikke"))
    if isinstance(reason, ConnectTimeoutError | ReadTimeoutError | TimeoutError):
        what = "ved oppkobling" if isinstance(reason, ConnectTimeoutError) else "før svaret kom"
        return _Retryable(DownloadTimeout(url=url, timeout=_seconds(timeout), detail=what))
    if isinstance(reason, ResponseError):
        return _Final(DownloadRedirects(url=url, detail=_short(reason)))
    if isinstance(reason, SSLError):
        return _Final(DownloadConnectionError(url=url, detail=f"TLS-feil ({_short(reason)})"))
    if isinstance(reason, LocationParseError | ValueError):
        return _Final(DownloadBadUrl(url=url, line=item.row.line, detail=_short(reason)))
    return _Retryable(DownloadConnectionError(url=url, detail=_short(reason)))


def _join(*notes: str | None) -> str | None:
    return "; ".join(note for note in notes if note) or None


def _drain(response: Any) -> None:
    """Read away an error page so the connection can serve the next request."""
    try:
        response.drain_conn()
    except (HTTPError, OSError):
        pass


def _final_url(url: str, response: Any) -> str:
    """The address the body came from, after following the redirects urllib3 recorded."""
    final = url
    for step in getattr(response.retries, "history", None) or ():
        if step.redirect_location:
            final = urljoin(final, step.redirect_location)
    return final


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "…"


def _seconds(value: float) -> str:
    return f"{value:g}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
