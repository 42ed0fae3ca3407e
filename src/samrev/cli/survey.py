"""`samrev survey`: commands for this domain (help texts in bokmål)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

app = typer.Typer(
    help=(
        "Spørreundersøkelse: svarprosent mot invitert populasjon, gruppeforskjeller og "
        "koding av åpne svar."
    ),
    no_args_is_help=True,
)


@app.command("analyse")
def analyse(
    responses: Annotated[str, typer.Argument(help="Eksportfilen: CSV/TXT, XLSX eller SPSS .sav.")],
    config: Annotated[str, typer.Option("--config", "-c", help="survey.yaml som beskriver kolonnene.")],
    frame: Annotated[
        str | None, typer.Option("--frame", help="Utvalgsrammen (CSV/XLSX): én rad per invitert enhet.")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: json eller table.")] = "table",
) -> None:
    """Analyser en eksport fra Nettskjema, QuestBack, Excel eller SPSS: svarprosent med Wilson-intervall,
    Likert-fordelinger per gruppe, Mann–Whitney-sammenligninger med Holm-korreksjon, kodede åpne svar,
    fraværende temaer og forbehold. Fritekst pseudonymiseres før noe vises."""
    from samrev.cli._common import print_json
    from samrev.core.errors import InputError, SurveyError

    if format not in ("table", "json"):
        raise InputError(detail=f"ukjent format «{format}» (bruk json eller table)")
    from samrev.survey.service import analyse_files

    try:
        result = analyse_files(responses, config, frame)
    except SurveyError as error:
        if format == "json":
            print_json({"error": {"code": error.short_code, "message": error.message}})
        raise
    if format == "json":
        print_json(result)
    else:
        from samrev.cli.survey_table import print_table

        print_table(result)


@app.command("evaluate")
def evaluate(
    labels: Annotated[
        list[str] | None,
        typer.Argument(help="Etikettfiler (CSV): id, question, themes, polarity, codes[, text]. Uten filer: "
                            "de medfølgende settene (tuning og holdt ute), hver for seg."),
    ] = None,
    responses: Annotated[
        str | None, typer.Option("--responses", help="Eksporten etikettene gjelder (når de ikke har text).")
    ] = None,
    config: Annotated[str | None, typer.Option("--config", "-c", help="survey.yaml for eksporten.")] = None,
    coder: Annotated[str, typer.Option("--coder", help="hybrid (regler, så modell) eller rules.")] = "hybrid",
    summary: Annotated[bool, typer.Option("--summary", help="Bare samlede tall, ingen uenige svar.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="Utdata: json eller table.")] = "table",
) -> None:
    """Mål temakodingen av åpne svar mot håndkodede etiketter: mikro-F1 over (svar, tema)-par og over
    (svar, tema, polaritet), polaritetstreff, per tema, og svarene der koderen og etikettene er uenige.
    Hver fil måles for seg; svar som modellen er trent på, kodes med kryssvalidering."""
    from samrev.cli._common import out, print_json
    from samrev.core.errors import InputError
    from samrev.survey.evaluate import bundled_labels, evaluate_files

    if format not in ("table", "json"):
        raise InputError(detail=f"ukjent format «{format}» (bruk json eller table)")
    files = {path: path for path in labels} if labels else {
        "tuning": str(bundled_labels("tuning")), "heldout": str(bundled_labels("heldout"))}
    results = {}
    for name, path in files.items():
        result = evaluate_files(path, responses, config, coder=coder).to_dict()
        if summary:
            result.pop("errors")
        results[name] = result
    if format == "json":
        print_json(results[next(iter(results))] if labels and len(labels) == 1 else results)
        return

    def pct(value: float | None) -> str:
        return "–" if value is None else f"{value:.3f}".replace(".", ",")

    for name, result in results.items():
        micro = result["theme_micro"]
        how = " (kryssvalidert)" if result["cross_validated"] else ""
        out.print(f"[bold]{name}[/bold]: {result['answers']} svar, koder {result['coder']}{how}. Tema, mikro: "
                  f"presisjon {pct(micro['precision'])}, gjenfinning {pct(micro['recall'])}, F1 {pct(micro['f1'])}. "
                  f"Med polaritet: F1 {pct(result['code_micro']['f1'])}. "
                  f"Polaritet riktig: {pct(result['polarity_accuracy']['accuracy'])}.")
        for theme, score in result["per_theme"].items():
            out.print(f"  {theme}: F1 {pct(score['f1'])} (tp {score['tp']}, fp {score['fp']}, fn {score['fn']})")
        for error in result.get("errors", [])[:20]:
            out.print(f"  uenig: {error['id']}/{error['question']}: koder {error['predicted']}, "
                      f"etikett {error['labelled']}")


QUEUE_COLUMNS = ("key", "id", "question", "group", "text", "proposed", "confidence", "uncertainty", "evidence",
                 "codes")


@app.command("code")
def code(
    responses: Annotated[str, typer.Argument(help="Eksportfilen: CSV/TXT, XLSX eller SPSS .sav.")],
    config: Annotated[str, typer.Option("--config", "-c", help="survey.yaml som beskriver kolonnene.")],
    user: Annotated[str | None, typer.Option("--user", "--by", help="Hvem som koder (standard: innlogget bruker).")]
    = None,
    survey: Annotated[str | None, typer.Option("--survey", help="Navn på undersøkelsen (standard: filnavnet).")]
    = None,
    import_codes: Annotated[
        str | None, typer.Option("--import-codes", help="CSV med kolonnene key (eller id og question) og codes.")
    ] = None,
    export_queue: Annotated[
        str | None, typer.Option("--export-queue", help="Skriv køen (usikreste først) med forslag til CSV.")
    ] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Høyst så mange svar i køen.")] = None,
    retrain_every: Annotated[int, typer.Option("--retrain-every", help="Tren modellen på nytt etter så mange koder.")]
    = 5,
) -> None:
    """Kod åpne svar med aktiv læring: du koder noen svar, modellen foreslår resten, det mest usikre først,
    og trenes på nytt med kodene dine. Svarene pseudonymiseres før de lagres eller vises; kodene lagres
    med opphav person:<bruker>. Uten --import-codes/--export-queue spør kommandoen i terminalen."""
    import sys
    from pathlib import Path

    from samrev.cli._common import out
    from samrev.core.errors import InputError
    from samrev.store.actions import default_actor
    from samrev.store.bootstrap import ensure_ready
    from samrev.survey.service import open_answers

    who = (user or default_actor()).strip()
    name = survey or Path(responses).stem
    answers = open_answers(responses, config, name)
    ensure_ready()
    from samrev.store import survey as store
    from samrev.survey.active import ActiveCoder

    saved = store.save_answers([store.AnswerRow(a.key, name, a.id, a.question, a.kind, a.text, a.group, a.subgroup)
                                for a in answers], actor=who)
    out.print(f"{len(answers)} åpne svar i «{name}» ({saved} nye lagret, pseudonymisert).")
    if import_codes:
        codes = _read_codes(import_codes, answers)
        new, unchanged = store.record_codes(codes, who)
        out.print(f"Importerte koder fra {import_codes}: {new} nye, {unchanged} uendret.")
    session = ActiveCoder(answers, store.person_codes(a.key for a in answers))
    done, total = session.progress()
    out.print(f"Kodet av person: {done} av {total}. Modell: {session.model.provenance if session.model else '–'}.")
    if export_queue:
        _write_queue(export_queue, session.queue(limit))
        out.print(f"Køen er skrevet til {export_queue} (usikreste først). Fyll ut kolonnen codes og importer "
                  "med --import-codes.")
        return
    if import_codes:
        return
    if not sys.stdin.isatty():
        raise InputError(detail="ingen terminal å spørre i: bruk --export-queue og --import-codes")
    _interactive(session, store, who, limit, retrain_every)


def _read_codes(path: str, answers: list[Any]) -> dict[str, frozenset[str]]:
    import csv
    import io

    from samrev.core.errors import InputError
    from samrev.survey.active import parse_codes
    from samrev.survey.read import decode, sniff_delimiter
    from samrev.survey.service import make_coder

    try:
        text, _ = decode(Path(path).read_bytes())
    except OSError as exc:
        raise InputError(detail=f"kan ikke lese {path}: {exc.strerror or exc}") from None
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text)))
    by_key = {a.key: a for a in answers}
    by_id = {(a.id, a.question): a for a in answers}
    theme_ids = make_coder("rules").theme_ids
    out: dict[str, frozenset[str]] = {}
    for number, row in enumerate(rows, start=2):
        value = row.get("codes")
        if value is None:
            raise InputError(detail=f"{path}: kolonnen codes mangler")
        if not value.strip():
            continue  # not coded yet
        answer = by_key.get((row.get("key") or "").strip()) or by_id.get(
            ((row.get("id") or "").strip(), (row.get("question") or "").strip()))
        if answer is None:
            raise InputError(detail=f"{path}, linje {number}: svaret finnes ikke i eksporten")
        try:
            out[answer.key] = parse_codes(value, theme_ids)
        except InputError as error:
            detail = error.data_fields.get("detail", error.message)
            raise InputError(detail=f"{path}, linje {number}: {detail}") from None
    return out


def _write_queue(path: str, proposals: list[Any]) -> None:
    import csv
    import json

    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(QUEUE_COLUMNS)
        for p in proposals:
            codes = sorted(p.code_set)
            confidence = min((c.confidence for c in p.codes), default=None)
            evidence = [{"code": f"{c.theme}:{c.polarity}", "source": c.source, "evidence": list(c.evidence)}
                        for c in p.codes]
            writer.writerow([p.answer.key, p.answer.id, p.answer.question, p.answer.group, p.answer.text,
                             ";".join(codes), "" if confidence is None else f"{confidence:.3f}",
                             f"{p.uncertainty:.3f}", json.dumps(evidence, ensure_ascii=False), ""])


def _show(proposal: Any, done: int, total: int, theme_ids: list[str]) -> None:
    from rich.markup import escape

    from samrev.cli._common import out

    a = proposal.answer
    out.rule(f"Kodet {done} av {total} · usikkerhet {proposal.uncertainty:.2f}")
    out.print(f"[bold]{escape(a.id)} / {escape(a.question)}[/bold] ({escape(a.group)})")
    out.print(escape(a.text))
    if not proposal.codes:
        out.print("Forslag: ingen tema.")
    for c in proposal.codes:
        words = [e.get("text") or e.get("feature") for e in c.evidence]
        out.print(f"Forslag: [bold]{c.theme}:{c.polarity}[/bold] ({c.source}, sikkerhet {c.confidence:.2f}) "
                  f"belegg: {escape(', '.join(str(w) for w in words if w))}")
    out.print("[dim]Enter = godta · r = rett (f.eks. «3b;12p» eller tema:polaritet) · n = ingen tema · "
              "s = hopp over · l = vis temaer · q = avslutt[/dim]")


def _correction(value: str, theme_ids: list[str]) -> frozenset[str]:
    """``3b;12p`` (theme number and f/b/p) or ``theme:polarity;…``."""
    from samrev.survey.active import parse_codes

    short = {"f": "facilitator", "b": "barrier", "p": "proposal"}
    parts = []
    for part in value.replace(",", ";").split(";"):
        part = part.strip()
        if part[:-1].isdigit() and part[-1:] in short and 1 <= int(part[:-1]) <= len(theme_ids):
            parts.append(f"{theme_ids[int(part[:-1]) - 1]}:{short[part[-1]]}")
        elif part:
            parts.append(part)
    return parse_codes(";".join(parts), theme_ids)


def _interactive(session: Any, store: Any, who: str, limit: int | None, retrain_every: int) -> None:
    from samrev.cli._common import out
    from samrev.core.errors import InputError

    theme_ids = session.theme_ids
    since = 0
    asked = 0
    while True:
        queue = session.queue(limit=1)
        if not queue or (limit is not None and asked >= limit):
            out.print("Ingen flere svar i køen.")
            return
        proposal = queue[0]
        done, total = session.progress()
        _show(proposal, done, total, theme_ids)
        while True:
            key = input("> ").strip().lower()
            if key == "l":
                for number, theme in enumerate(theme_ids, start=1):
                    out.print(f"  {number:2d} {theme}")
                continue
            if key == "q":
                return
            if key == "s":
                codes = None
            elif key in ("", "a"):
                codes = proposal.code_set
            elif key == "n":
                codes = frozenset()
            elif key.startswith("r"):
                try:
                    codes = _correction(key[1:].strip() or input("koder: "), theme_ids)
                except InputError as error:
                    out.print(f"[red]{error.data_fields.get('detail', error.message)}[/red]")
                    continue
            else:
                out.print("Ukjent tast.")
                continue
            break
        asked += 1
        if codes is None:
            session.answers = [a for a in session.answers if a.key != proposal.answer.key]
            continue
        store.record_codes({proposal.answer.key: codes}, who)
        session.record(proposal.answer.key, codes)
        since += 1
        if since >= retrain_every:
            session.retrain()
            since = 0
