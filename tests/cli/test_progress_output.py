"""With stderr on a terminal (a progress bar shows) and stdout in a file, records go to the file."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading
from pathlib import Path


def run_with_terminal_stderr(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """Run ``python -m samrev ARGS`` with stderr on a pseudo-terminal and stdout on a pipe."""
    master, slave = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    try:
        process = subprocess.run([sys.executable, "-m", "samrev", *args], stdout=subprocess.PIPE, stderr=slave,
                                 cwd=cwd, env=env, timeout=120, check=False)
    finally:
        os.close(slave)
    reader.join(timeout=5)
    os.close(master)
    return process.returncode, process.stdout.decode("utf-8"), b"".join(chunks).decode("utf-8", "replace")


def test_ingest_records_reach_stdout_while_the_bar_is_on_the_terminal(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"avtale{n}.txt").write_text(f"Samarbeidsavtale nummer {n} mellom partene.\n", encoding="utf-8")
    code, stdout, _ = run_with_terminal_stderr(["ingest", str(tmp_path), "--no-store", "--workers", "1"], tmp_path)
    assert code == 0
    records = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    assert [Path(r["file"]).name for r in records] == ["avtale0.txt", "avtale1.txt", "avtale2.txt"]


def test_collect_records_reach_stdout_while_the_bar_is_on_the_terminal(tmp_path: Path) -> None:
    from tests.agreements.local_site import Reply, serve

    with serve() as site:
        urls = [site.route(f"/{n}.pdf", Reply(body=b"%PDF-1.4 " + bytes([n]))) for n in range(3)]
        manifest = tmp_path / "m.csv"
        manifest.write_text("file,url\n" + "".join(f"{n}.pdf,{url}\n" for n, url in enumerate(urls)),
                            encoding="utf-8")
        code, stdout, terminal = run_with_terminal_stderr(
            ["agreements", "collect", str(manifest), "--delay", "0", "--retries", "0"], tmp_path)
    assert code == 0, terminal
    records = [json.loads(line) for line in stdout.splitlines() if line.strip()]
    assert sorted(r["file"] for r in records) == ["0.pdf", "1.pdf", "2.pdf"]
    assert "3 lastet ned" in terminal and '"status"' not in terminal
