"""The interactive terminal screener behind `samrev literature screen` (rich + a key reader).

:func:`run_screener` is the loop: show the next record (title, abstract and keywords with the
inclusion and exclusion terms highlighted, progress, the model's estimate of inclusions left and
both stopping aids), read one key, store the decision, retrain, repeat.  Keys come from a
callable, so tests and scripts feed them without a terminal (:func:`scripted_keys`); in a
terminal :func:`terminal_keys` reads single key presses, from a pipe it reads characters.

Every decision is stored through the ``recorder`` *before* the session learns from it, so a
failure to store stops the loop with an error instead of losing the decision silently.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TextIO

from samrev.literature.screening import EXCLUDE, INCLUDE, UNCERTAIN

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from samrev.literature.records import ScreeningRecord
    from samrev.literature.screening import ScreeningSession
    from samrev.literature.stopping import StoppingStatus
    from samrev.literature.terms import TermLists

KeyReader = Callable[[], str | None]
KEYS = {"i": INCLUDE, "e": EXCLUDE, "u": UNCERTAIN}
QUIT = {"q", "\x03", "\x04"}  # q, Ctrl-C, Ctrl-D
UNDO = "b"
VALUE_TEXT = {INCLUDE: "inkludert", EXCLUDE: "ekskludert", UNCERTAIN: "usikker (hoppet over)"}
HELP = "[bold]\\[i][/] inkluder  [bold]\\[e][/] ekskluder  [bold]\\[u][/] usikker/hopp over  " \
       "[bold]\\[b][/] angre siste  [bold]\\[q][/] avslutt"


class Recorder(Protocol):
    """Where decisions go (the store, in the CLI)."""

    def decide(self, record_id: str, value: str) -> None: ...
    def withdraw(self, record_id: str) -> None: ...


@dataclass(slots=True)
class ScreenerResult:
    decided: int = 0
    undone: int = 0
    finished: bool = False  # every record has a decision
    stopping: StoppingStatus | None = None


def scripted_keys(keys: Iterable[str]) -> KeyReader:
    """A key reader over a fixed sequence (tests, scripts); None when it runs out."""
    iterator = iter(keys)
    return lambda: next(iterator, None)


def _stream_keys(stream: TextIO) -> Iterator[str]:
    for line in stream:
        yield from (ch for ch in line if not ch.isspace())


def terminal_keys(stream: TextIO | None = None) -> KeyReader:
    """Single key presses from a terminal (no Enter needed); characters from a pipe or file."""
    stream = stream or sys.stdin
    if not stream.isatty() or sys.platform == "win32":
        return scripted_keys(_stream_keys(stream))
    import termios
    import tty

    def read() -> str | None:
        fd = stream.fileno()
        saved = termios.tcgetattr(fd)
        try:
            tty.setraw(fd)
            key = stream.read(1)
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, saved)
        return key or None

    return read


def highlighted(text: str, terms: TermLists) -> Text:
    """``text`` with inclusion terms in green and exclusion terms in red (bold, underlined)."""
    from rich.text import Text

    out = Text(text)
    for hit in terms.find(text):
        out.stylize("bold green underline" if hit.kind == "include" else "bold red underline", hit.start, hit.end)
    return out


def _status_lines(session: ScreeningSession, show_estimate: bool) -> list[str]:
    from samrev.report.format import number, percent

    uncertain = len(session.uncertain)
    lines = [
        f"Screenet [bold]{number(session.screened)}[/] av {number(session.total)} "
        f"({percent(session.screened / session.total)}) · inkludert [bold]{number(session.included)}[/]"
        + (f" · usikre {number(uncertain)}" if uncertain else "")
    ]
    if show_estimate:
        estimate = session.estimate()
        if estimate is None:
            lines.append("Modellens anslag: trenger minst to inkluderte og to ekskluderte poster.")
        else:
            lines.append(
                f"Modellens anslag: ca. [bold]{number(estimate.expected, 1)}[/] inkluderte igjen "
                f"(95 %: {number(estimate.low, 1)}–{number(estimate.high, 1)}), "
                f"anslått andel funnet {percent(estimate.recall)}"
            )
    stopping = session.stopping()
    style = "green" if stopping.statistical_stop else "yellow"
    lines.append(f"Stoppregel (hypergeometrisk test): [{style}]{stopping.statistical_text()}[/]")
    style = "green" if stopping.heuristic_stop else "yellow"
    lines.append(f"Tommelfingerregel: [{style}]{stopping.heuristic_text()}[/]")
    return lines


def render(console: Console, session: ScreeningSession, record: ScreeningRecord, terms: TermLists, *,
           show_estimate: bool = True, notice: str = "") -> None:
    """Show one record with the progress and the stopping aids (``notice``: what the last key did)."""
    from rich.console import Group
    from rich.panel import Panel
    from rich.text import Text

    parts: list[Text] = [highlighted(record.title or "(uten tittel)", terms)]
    parts[0].stylize("bold")
    parts.append(Text(""))
    parts.append(highlighted(record.abstract or "(uten sammendrag)", terms))
    if record.keywords:
        keywords = Text("Nøkkelord: ", style="dim")
        keywords.append_text(highlighted("; ".join(record.keywords), terms))
        parts.extend([Text(""), keywords])
    if console.is_terminal:
        console.clear()
    if notice:
        console.print(notice, markup=False, style="dim")
    for line in _status_lines(session, show_estimate):
        console.print(line, markup=True)
    console.print(Panel(Group(*parts), title=f"Post {record.record_id}", title_align="left"))
    console.print(HELP, markup=True)


def run_screener(
    session: ScreeningSession,
    recorder: Recorder,
    read_key: KeyReader,
    console: Console,
    terms: TermLists,
    *,
    show_estimate: bool = True,
) -> ScreenerResult:
    """The screening loop; returns when the screener quits, the keys run out or all is screened."""
    result = ScreenerResult()
    notice = ""
    while True:
        record = session.next_record()
        if record is None:
            result.finished = True
            if notice:
                console.print(notice, markup=False)
            console.print("[bold green]Alle poster har en beslutning.[/]", markup=True)
            break
        render(console, session, record, terms, show_estimate=show_estimate, notice=notice)
        key = read_key()
        if key is None or key.lower() in QUIT:
            break
        key = key.lower()
        if key in KEYS:
            value = KEYS[key]
            recorder.decide(record.record_id, value)
            session.decide(record.record_id, value)
            result.decided += 1
            notice = f"Post {record.record_id}: {VALUE_TEXT[value]}."
        elif key == UNDO:
            undone = session.undo()
            if undone is None:
                notice = "Ingenting å angre."
                continue
            recorder.withdraw(undone[0])
            result.undone += 1
            notice = f"Angret: post {undone[0]} ({VALUE_TEXT[undone[1]]})."
        else:
            notice = f"Ukjent tast «{key}»: bruk i, e, u, b eller q."
    result.stopping = session.stopping()
    return result
