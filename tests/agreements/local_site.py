"""A local web site for the download tests: scripted replies on 127.0.0.1, a free port, in a thread."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer: status, headers, body; ``delay`` before answering; ``cut`` sends only
    that many bytes of the body (with the full Content-Length) and closes the connection."""

    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    cut: int | None = None
    trickle: float = 0.0  # seconds between bytes of the body


@dataclass
class Site:
    """Routes of scripted replies (a route's last reply repeats) and a log of what was asked."""

    base: str = ""
    routes: dict[str, list[Reply]] = field(default_factory=dict)
    log: list[tuple[str, dict[str, str], float]] = field(default_factory=list)

    def route(self, path: str, *replies: Reply) -> str:
        self.routes[path] = list(replies)
        return self.base + path

    def hits(self, path: str) -> int:
        return sum(1 for p, _, _ in self.log if p == path)

    def next_reply(self, path: str) -> Reply:
        replies = self.routes.get(path)
        if not replies:
            return Reply(404, b"not found")
        return replies.pop(0) if len(replies) > 1 else replies[0]


@contextmanager
def serve() -> Iterator[Site]:
    """Run a :class:`Site` until the block ends; routes are added with :meth:`Site.route`."""
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            state.log.append((self.path, dict(self.headers.items()), time.monotonic()))
            reply = state.next_reply(self.path)
            if reply.delay:
                time.sleep(reply.delay)
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(reply.body)))
            if reply.cut is not None:
                self.send_header("Connection", "close")
            self.end_headers()
            try:
                body = reply.body if reply.cut is None else reply.body[:reply.cut]
                step = 1 if reply.trickle else max(1, len(body))
                for start in range(0, len(body), step):
                    self.wfile.write(body[start:start + step])
                    self.wfile.flush()
                    time.sleep(reply.trickle)
            except OSError:  # the client gave up (a timeout test)
                pass
            if reply.cut is not None:
                self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
