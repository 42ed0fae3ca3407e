"""The literature report: PRISMA flow, study characteristics, evidence gap map, themes with quotes.

:func:`build_literature_report` takes a :class:`~samrev.literature.review_state.ReviewState` (the
JSON review state, so it works before the store is wired in) and returns a
:class:`LiteratureReport`: the raw numbers (:class:`~samrev.literature.prisma.PrismaCounts`, the
:class:`~samrev.literature.gapmap.GapMap`, shares per characteristic — exactly what ``to_dict()``
gives) and a :class:`~samrev.report.blocks.Document` made from them.  The renderers of the agreement
report (HTML, PDF, DOCX) lay it out; every number is formatted here, once.
"""

from __future__ import annotations

import itertools
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from samrev.coding.codebook import Codebook, load_codebook
from samrev.core.model import Judgement
from samrev.literature.coding import (
    CHARACTERISTIC_LABELS,
    POLARITY,
    THEME_ABSENT,
    THEME_PREFIX,
    VALUE_LABELS,
    LiteratureCoder,
    RecordText,
    record_text,
)
from samrev.literature.gapmap import GapMap, Share, Study, gap_map, shares
from samrev.literature.prisma import PrismaCounts
from samrev.literature.review_state import ReviewState, has_machine_judgements, study_of
from samrev.report.blocks import (
    Block,
    BulletList,
    Chart,
    Document,
    Figure,
    Flow,
    FlowArrow,
    FlowBox,
    FlowPhase,
    Paragraph,
    Quote,
    Section,
    Series,
    Table,
)
from samrev.report.format import DASH, long_date, number, percent, share_of

TITLE = "Forskningslitteratur om samarbeid om lærings- og mestringstilbud"
SUBTITLE = "Systematisk litteratursøk: flytdiagram, kjennetegn ved studiene og kunnskapskart"
CHARACTERISTIC_TABLES = ("country", "setting", "design", "population", "period", "lms_explicit")
QUOTES_PER_THEME = 2
QUOTE_CHARS = 360
MAIN_WRAP, SIDE_WRAP = 48, 52


def _n(value: int) -> str:
    return number(value)


def _of(part: int, whole: int) -> str:
    return f"{_n(part)} ({share_of(part, whole)})"


@dataclass(slots=True)
class LiteratureReport:
    title: str
    today: date
    prisma: PrismaCounts
    gap: GapMap
    studies: list[Study]
    characteristics: dict[str, list[Share]]
    themes: list[Share]
    imbalance: list[str]
    document: Document
    batches: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the raw numbers and the document."""
        def share_rows(items: Sequence[Share]) -> list[dict[str, Any]]:
            return [{"value": s.value, "count": s.count, "share": round(s.share, 4)} for s in items]

        return {
            "title": self.title, "today": self.today.isoformat(), "batches": self.batches,
            "prisma": self.prisma.to_dict(), "gap_map": self.gap.to_dict(),
            "n_studies": len(self.studies), "n_confirmed": sum(s.confirmed for s in self.studies),
            "characteristics": {k: share_rows(v) for k, v in self.characteristics.items()},
            "themes": share_rows(self.themes), "imbalance": self.imbalance,
            "studies": [{"record_id": s.record_id, "title": s.title, "country": s.country, "setting": s.setting,
                         "design": s.design, "population": s.population, "year": s.year,
                         "lms_explicit": s.lms_explicit, "themes": dict(s.themes), "confirmed": s.confirmed}
                        for s in self.studies],
            "document": self.document.to_dict(),
        }


def value_label(dimension: str, value: Any, codebook: Codebook) -> str:
    """The bokmål label of a value of ``dimension``."""
    if dimension == "theme":
        return codebook.theme(str(value)).label("nb") if codebook.has_theme(str(value)) else str(value)
    labels: Mapping[Any, str] = VALUE_LABELS.get(dimension, {})
    return labels.get(value, str(value))


# -- PRISMA ------------------------------------------------------------------------------------------


def _wrap(text: str, width: int, indent: bool = False) -> list[str]:
    lines = textwrap.wrap(text, width=width - (2 if indent else 0)) or [""]
    return [("  " + line) if indent else line for line in lines]


def prisma_flow(counts: PrismaCounts) -> Flow:
    """The PRISMA 2020 flow diagram (databases and registers) of ``counts``."""
    def n(value: int) -> str:
        return f"(n\u00a0=\u00a0{_n(value)})"

    identified = [f"Poster identifisert fra databaser {n(counts.identified)}:"]
    for source in counts.sources:
        identified.extend(_wrap(f"{source.name} {n(source.records)}", MAIN_WRAP, indent=True))
    removed = ["Poster fjernet før screening:", f"  Duplikater {n(counts.duplicates_removed)}",
               *_wrap(f"Markert som uaktuelle av automatiske verktøy {n(counts.automation_removed)}", SIDE_WRAP, True),
               f"  Fjernet av andre grunner {n(counts.other_removed)}"]
    excluded_reports = [f"Rapporter ekskludert {n(counts.reports_excluded_total)}:"]
    for reason in counts.reports_excluded:
        excluded_reports.extend(_wrap(f"{reason.reason} {n(reason.count)}", SIDE_WRAP, indent=True))
    boxes = [
        FlowBox("identified", identified, 0), FlowBox("removed", removed, 0, 1),
        FlowBox("screened", [f"Poster screenet {n(counts.records_screened)}"], 1),
        FlowBox("excluded", [f"Poster ekskludert {n(counts.records_excluded)}"], 1, 1),
        FlowBox("sought", [f"Rapporter søkt innhentet {n(counts.reports_sought)}"], 2),
        FlowBox("not_retrieved", [f"Rapporter ikke innhentet {n(counts.reports_not_retrieved)}"], 2, 1),
        FlowBox("assessed", [f"Rapporter vurdert for egnethet {n(counts.reports_assessed)}"], 3),
        FlowBox("reports_excluded", excluded_reports, 3, 1),
        FlowBox("included", [f"Studier inkludert i oversikten {n(counts.studies_included)}",
                             f"Rapporter av inkluderte studier {n(counts.reports_of_included)}"], 4),
    ]
    main = ["identified", "screened", "sought", "assessed", "included"]
    side = ["removed", "excluded", "not_retrieved", "reports_excluded"]
    arrows = [FlowArrow(a, b) for a, b in itertools.pairwise(main)]
    arrows += [FlowArrow(a, b) for a, b in zip(main, side, strict=False)]
    return Flow(boxes, arrows, [FlowPhase("Identifikasjon", 0, 0), FlowPhase("Screening", 1, 3),
                                FlowPhase("Inkludert", 4, 4)])


# -- imbalance in words ----------------------------------------------------------------------------


UNCERTAIN = {"uklart", "unclear", "other", "general", "none"}


def _lower(label: str) -> str:
    """A label inside a sentence: «Utskrivning og overganger» → «utskrivning og overganger», but
    «IKT og kommunikasjon» keeps its acronym."""
    words = label.split(" ")
    return " ".join(w if w.isupper() and len(w) > 1 else w.lower() for w in words)


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def imbalance_sentences(studies: Sequence[Study], codebook: Codebook, gap: GapMap) -> list[str]:
    """The imbalance of the evidence in bokmål sentences, every number computed from ``studies``."""
    total = len(studies)
    if not total:
        return ["Ingen studier er inkludert, så det finnes ikke noe kunnskapsgrunnlag å beskrive."]
    out: list[str] = []
    theme_shares = shares(studies, "theme", theme_ids=codebook.theme_ids)
    by_id = {s.value: s for s in theme_shares}
    lms = sum(s.lms_explicit for s in studies)
    discharge = by_id.get("discharge_transitions")
    if discharge is not None:
        out.append(f"{percent(discharge.share)} av de {_n(total)} inkluderte studiene handler om utskrivning og "
                   f"overganger, mens {share_of(lms, total)} tar opp lærings- og mestringstilbud eksplisitt.")
    else:
        out.append(f"{share_of(lms, total)} av de {_n(total)} inkluderte studiene tar opp lærings- og "
                   "mestringstilbud eksplisitt.")
    ranked = sorted((s for s in theme_shares if s.count), key=lambda s: -s.count)
    if ranked:
        top = [f"{_lower(value_label('theme', s.value, codebook))} ({percent(s.share)})" for s in ranked[:3]]
        out.append(f"Flest studier handler om {_join(top)}.")
        low = [s for s in ranked[3:] if s.count <= max(1, ranked[-1].count)]
        if low:
            names = [f"{_lower(value_label('theme', s.value, codebook))} ({_n(s.count)})" for s in low[:4]]
            out.append(f"Færrest studier handler om {_join(names)}.")
    absent = [_lower(value_label("theme", s.value, codebook)) for s in theme_shares if not s.count]
    if absent:
        out.append(f"Ingen av studiene handler om {_join(absent)}.")
    setting = {s.value: s for s in shares(studies, "setting")}
    if all(k in setting for k in ("kommune", "sykehus", "begge")):
        out.append(f"{percent(setting['kommune'].share)} av studiene er gjort i kommunene alene, "
                   f"{percent(setting['sykehus'].share)} i sykehus alene og {percent(setting['begge'].share)} på "
                   "tvers av nivåene" + (f"; for {percent(setting['uklart'].share)} går det ikke fram"
                                          if setting.get("uklart") and setting["uklart"].count else "") + ".")
    country = {s.value: s for s in shares(studies, "country")}
    if "norway" in country and "nordic" in country:
        out.append(f"{percent(country['norway'].share)} av studiene er fra Norge og "
                   f"{percent(country['nordic'].share)} fra resten av Norden.")
    cells = len(gap.rows) * len(gap.columns)
    if cells:
        out.append(f"Av de {_n(cells)} cellene i kunnskapskartet ({_n(len(gap.rows))} × {_n(len(gap.columns))}) er "
                   f"{_n(len(gap.empty_cells()))} tomme og {_n(len(gap.thin_cells()))} tynne (1–{_n(gap.thin)} "
                   "studier).")
    return out


# -- the report --------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Coded:
    study: Study
    judgements: list[Judgement]
    text: RecordText
    language: str | None


def build_literature_report(state: ReviewState, *, today: date, rows: str = "theme", columns: str = "setting",
                            codebook: Codebook | None = None, version: str = "") -> LiteratureReport:
    """The report of ``state`` (see the module docstring).  ``rows`` × ``columns``: the gap map's
    dimensions (``theme``, ``setting``, ``country``, ``design``, ``population``, ``period``,
    ``lms_explicit``)."""
    codebook = codebook or load_codebook()
    counts = state.prisma()
    coder = LiteratureCoder(codebook) if any(not has_machine_judgements(i.judgements) for i in state.included) else None
    coded: list[_Coded] = []
    for item in state.included:
        judgements = state.judgements_of(item.record.record_id, coder)
        coded.append(_Coded(study_of(item, judgements), judgements, record_text(item.record), item.record.language))
    studies = [c.study for c in coded]
    gap = gap_map(studies, rows, columns, theme_ids=codebook.theme_ids)
    characteristics = {dim: shares(studies, dim) for dim in CHARACTERISTIC_TABLES}
    themes = shares(studies, "theme", theme_ids=codebook.theme_ids)
    imbalance = imbalance_sentences(studies, codebook, gap)
    builder = _Builder(state, counts, studies, coded, gap, characteristics, themes, imbalance, codebook)
    document = Document(
        title=TITLE, subtitle=SUBTITLE, round_name=state.title, date_text=long_date(today),
        colophon=[f"Gjennomgang: {state.title}", *( [f"Spørsmål: {state.question}"] if state.question else []),
                  f"Tall per {long_date(today)}", "Laget med samrev" + (f" {version}" if version else "")],
        sections=builder.sections(),
    )
    document.number_items()
    batches = [{"id": b.id, "database": b.database, "records": b.records, "date": b.date, "query": b.query,
                "file": b.file} for b in state.batches]
    return LiteratureReport(state.title, today, counts, gap, studies, characteristics, themes, imbalance, document,
                            batches)


class _Builder:
    def __init__(self, state: ReviewState, counts: PrismaCounts, studies: list[Study], coded: list[_Coded],
                 gap: GapMap, characteristics: dict[str, list[Share]], themes: list[Share], imbalance: list[str],
                 codebook: Codebook) -> None:
        self.state = state
        self.p = counts
        self.studies = studies
        self.coded = coded
        self.gap = gap
        self.characteristics = characteristics
        self.themes = themes
        self.imbalance = imbalance
        self.codebook = codebook
        self.n = len(studies)

    def label(self, dimension: str, value: Any) -> str:
        return value_label(dimension, value, self.codebook)

    def sections(self) -> list[Section]:
        return [self.sammendrag(), self.metode(), self.flyt(), self.kjennetegn(), self.kart(), self.temaer(),
                self.forbehold()]

    def sammendrag(self) -> Section:
        p = self.p
        databases = len(p.sources)
        lead = (f"Søket i {_n(databases)} {'database' if databases == 1 else 'databaser'} ga {_n(p.identified)} "
                f"poster. Etter at {_n(p.removed_before_screening)} ble fjernet før screening "
                f"({_n(p.duplicates_removed)} duplikater), ble {_n(p.records_screened)} poster screenet på tittel og "
                f"sammendrag, {_n(p.reports_assessed)} fulltekster vurdert og {_n(p.studies_included)} studier "
                "inkludert.")
        return Section("sammendrag", "Sammendrag", blocks=[Paragraph(lead, style="lead"),
                                                          BulletList(list(self.imbalance))])

    def metode(self) -> Section:
        rows = [[b.database, b.date or DASH, _n(b.records), b.file or DASH] for b in self.state.batches]
        table = Table(id="sok", caption="Søk (importerte treff per database)", columns=["Database", "Dato",
                      "Poster", "Fil"], rows=rows, align=["l", "l", "r", "l"], widths=[3, 1.2, 1, 2.5],
                      total=["I alt", "", _n(self.p.identified), ""])
        screeners = sorted({d.screener for d in self.state.decisions if d.screener})
        dual = Counter((d.record_id, d.stage) for d in self.state.decisions)
        doubled = sum(1 for count in dual.values() if count > 1)
        blocks: list[Block] = [table]
        queries = [b for b in self.state.batches if b.query]
        if queries:
            blocks.append(BulletList([f"{b.database}: {b.query}" for b in queries]))
        blocks.append(Paragraph(
            f"Duplikater på tvers av databasene ble fjernet før screening ({_n(self.p.duplicates_removed)} poster). "
            "Postene ble screenet på tittel og sammendrag med maskinstøtte (aktiv læring); hver beslutning er "
            "tatt av en person."
            + (f" {_n(len(screeners))} personer screenet ({', '.join(screeners)})." if screeners else "")
            + (f" {_n(doubled)} beslutninger ble tatt av to screenere uavhengig av hverandre." if doubled else "")))
        blocks.append(Paragraph(
            "De inkluderte studiene ble kodet mot den felles kodeboken (temaer og polaritet) og med "
            "studiekjennetegn (land, setting, design, populasjon, år og om lærings- og mestringstilbud er tatt opp "
            "eksplisitt). Maskinen foreslår kodene med tekststeder som belegg; en person bekrefter eller retter dem."))
        return Section("metode", "Metode og søk", "1", blocks=blocks)

    def flyt(self) -> Section:
        p = self.p
        figure = Figure(id="prisma", caption="Flytdiagram etter PRISMA 2020", chart=prisma_flow(p),
                        alt=(f"Flytdiagram: {_n(p.identified)} poster identifisert, {_n(p.records_screened)} screenet,"
                             f" {_n(p.reports_assessed)} fulltekster vurdert, {_n(p.studies_included)} studier "
                             "inkludert."),
                        note="Mal: Page MJ m.fl. The PRISMA 2020 statement. BMJ 2021;372:n71.")
        rows = [["Poster identifisert", _n(p.identified)], ["Duplikater fjernet", _n(p.duplicates_removed)],
                ["Fjernet av automatiske verktøy", _n(p.automation_removed)],
                ["Fjernet av andre grunner", _n(p.other_removed)], ["Poster screenet", _n(p.records_screened)],
                ["Poster ekskludert", _n(p.records_excluded)], ["Rapporter søkt innhentet", _n(p.reports_sought)],
                ["Rapporter ikke innhentet", _n(p.reports_not_retrieved)],
                ["Rapporter vurdert for egnethet", _n(p.reports_assessed)],
                ["Rapporter ekskludert", _n(p.reports_excluded_total)],
                ["Studier inkludert", _n(p.studies_included)],
                ["Rapporter av inkluderte studier", _n(p.reports_of_included)]]
        blocks: list[Block] = [figure, Table(id="prisma-tall", caption="Tallene i flytdiagrammet",
                                             columns=["Trinn", "Antall"], rows=rows, align=["l", "r"], widths=[4, 1])]
        if p.reports_excluded:
            blocks.append(Table(id="eksklusjon", caption="Fulltekster ekskludert, etter grunn",
                                columns=["Grunn", "Antall", "Andel"], align=["l", "r", "r"], widths=[4, 1, 1],
                                rows=[[r.reason, _n(r.count), share_of(r.count, p.reports_excluded_total)]
                                      for r in p.reports_excluded],
                                total=["I alt", _n(p.reports_excluded_total), share_of(p.reports_excluded_total,
                                                                                       p.reports_excluded_total)]))
        return Section("flytdiagram", "Flytdiagram", "2", blocks=blocks)

    def kjennetegn(self) -> Section:
        subsections: list[Section] = []
        for index, dim in enumerate(CHARACTERISTIC_TABLES, 1):
            items = self.characteristics[dim]
            title = {"period": "Publiseringsår", "lms_explicit": "Lærings- og mestringstilbud tatt opp eksplisitt"
                     }.get(dim, CHARACTERISTIC_LABELS.get(dim, dim))
            rows = [[self.label(dim, s.value) if dim != "period" else str(s.value), _n(s.count), percent(s.share)]
                    for s in items if s.count or dim != "period"]
            table = Table(id=f"kjennetegn-{dim}", caption=f"Inkluderte studier etter {title.lower()}",
                          columns=[title, "Studier", "Andel"], rows=rows, align=["l", "r", "r"], widths=[4, 1, 1],
                          total=["I alt", _n(self.n), percent(1.0 if self.n else None)])
            if dim == "period":
                missing = sum(1 for s in self.studies if s.year is None)
                if missing:
                    table.note = f"{_n(missing)} studier mangler år."
            subsections.append(Section(f"kjennetegn-{dim}", title, f"3.{index}", level=2, blocks=[table]))
        intro = Paragraph(f"Kapitlet beskriver de {_n(self.n)} inkluderte studiene. Tallene bygger på kodene slik de "
                          "står etter personlig kontroll; koder som ikke er kontrollert, er maskinens forslag.")
        return Section("kjennetegn", "Kjennetegn ved studiene", "3", blocks=[intro], subsections=subsections)

    def kart(self) -> Section:
        g = self.gap
        row_title = CHARACTERISTIC_LABELS.get(g.row_dimension, g.row_dimension)
        col_title = CHARACTERISTIC_LABELS.get(g.column_dimension, g.column_dimension)
        row_names = [self.label(g.row_dimension, r) for r in g.rows]
        col_names = [self.label(g.column_dimension, c) for c in g.columns]
        rows = [[name, *[_n(v) if v else DASH for v in counts], _n(total)]
                for name, counts, total in zip(row_names, g.counts, g.row_totals, strict=True)]
        table = Table(id="kunnskapskart", caption=f"Kunnskapskart: studier etter {row_title.lower()} og "
                      f"{col_title.lower()}", columns=[row_title, *col_names, "I alt"], rows=rows,
                      align=["l", *["r"] * (len(col_names) + 1)], widths=[3.2, *[1.0] * (len(col_names) + 1)],
                      total=["I alt", *[_n(v) for v in g.column_totals], _n(g.n_studies)],
                      note=("– = ingen studier. " if g.empty_cells() else "")
                      + (f"En studie kan ha flere temaer, så summen av radene kan være større enn {_n(g.n_studies)}."
                         if g.row_dimension == "theme" else ""))
        chart = Chart(type="heatmap", categories=row_names,
                      series=[Series(name, [float(row[j]) for row in g.counts]) for j, name in enumerate(col_names)],
                      thin=g.thin)
        figure = Figure(id="kunnskapskart-figur", caption=f"Kunnskapskart: {row_title.lower()} × {col_title.lower()}",
                        chart=chart, note=f"Tomme celler er merket «–», tynne celler (1–{_n(g.thin)} studier) har "
                                          "stiplet ramme.",
                        alt=f"Rutenett med antall studier per {row_title.lower()} og {col_title.lower()}.")
        gaps: list[str] = []
        for column, name in zip(g.columns, col_names, strict=True):
            if column in UNCERTAIN:
                continue
            empty = [self.label(g.row_dimension, r) for r, c in g.empty_cells() if c == column]
            if empty and len(empty) < len(g.rows):
                gaps.append(f"{name}: ingen studier om {_join([_lower(e) for e in empty])}.")
        blocks: list[Block] = [Paragraph(" ".join(self.imbalance)), table, figure]
        if gaps:
            blocks.append(Paragraph("Tomme celler per kolonne:"))
            blocks.append(BulletList(gaps))
        return Section("kunnskapskart", "Kunnskapskart", "4", blocks=blocks)

    def _quotes(self, theme: str) -> list[Quote]:
        candidates: list[tuple[float, _Coded, Judgement]] = []
        for coded in self.coded:
            if theme not in coded.study.themes:
                continue
            machine = [j for j in coded.judgements if j.subject == THEME_PREFIX + theme and j.evidence
                       and j.value != THEME_ABSENT]
            if machine:
                has_abstract = any(coded.text.field_of(s.start) == "abstract" for s in machine[-1].evidence)
                candidates.append((float(has_abstract) + (machine[-1].confidence or 0.0), coded, machine[-1]))
        candidates.sort(key=lambda c: (-c[0], c[1].study.record_id))
        out: list[Quote] = []
        for _, coded, judgement in candidates[:QUOTES_PER_THEME]:
            # a quote from the abstract where there is one (the title is shown as the source)
            in_abstract = [s for s in judgement.evidence if coded.text.field_of(s.start) == "abstract"]
            span = (in_abstract or list(judgement.evidence))[0]
            out.append(Quote(_sentence_around(coded.text.text, span.start, span.end),
                             source=_source(coded.study), language=coded.language))
        return out

    def temaer(self) -> Section:
        subsections: list[Section] = []
        present = [s for s in self.themes if s.count]
        for index, share in enumerate(sorted(present, key=lambda s: -s.count), 1):
            polarity = Counter(study.themes[share.value] for study in self.studies if share.value in study.themes)
            parts = [f"{POLARITY.get(k, k).lower()} {_n(v)}" for k, v in polarity.most_common()]
            blocks: list[Block] = [Paragraph(f"{_of(share.count, self.n)} av studiene. Polaritet: {', '.join(parts)}.")]
            blocks.extend(self._quotes(str(share.value)))
            subsections.append(Section(f"tema-{share.value}", self.label("theme", share.value), f"5.{index}", level=2,
                                       blocks=blocks))
        table = Table(id="temaer", caption="Studier per tema", columns=["Tema", "Studier", "Andel"],
                      rows=[[self.label("theme", s.value), _n(s.count), percent(s.share)] for s in self.themes],
                      align=["l", "r", "r"], widths=[4, 1, 1])
        absent = [self.label("theme", s.value) for s in self.themes if not s.count]
        blocks = [Paragraph("Temaene er kodeboken; en studie kan ha flere temaer. Sitatene er hentet fra "
                            "sammendragene og viser tekststedet koden bygger på."), table]
        if absent:
            blocks.append(Paragraph(f"Temaer uten studier: {_join(absent)}."))
        return Section("temaer", "Temaer med eksempler", "5", blocks=blocks, subsections=subsections)

    def forbehold(self) -> Section:
        unconfirmed = sum(1 for s in self.studies if not s.confirmed)
        items = [
            f"{_of(unconfirmed, self.n)} av de inkluderte studiene har koder som ikke er bekreftet av en person; "
            "for dem er tallene maskinens forslag.",
            "Kodingen bygger på tittel, sammendrag, emneord og forfatteradresser, ikke på fulltekst.",
            "Land er avledet av stedsnavn og adresser i posten; studier uten slike spor står som «uklart».",
            "En studie kan ha flere temaer, så andelene per tema summerer seg ikke til 100 %.",
            "Kunnskapskartet viser hvor det finnes studier, ikke hvor god dokumentasjonen er; studiekvalitet er "
            "ikke vurdert her.",
            "Maskinens treffsikkerhet per kjennetegn er målt på et merket utviklingssett (docs/literature.md).",
        ]
        return Section("forbehold", "Forbehold", "6", blocks=[BulletList(items)])


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding ``text[start:end]``, shortened around the span when it is long."""
    from samrev.text import sentences

    left, right = max(0, start - 150), min(len(text), end + 150)
    for sentence in sentences(text):
        if sentence.start <= start < sentence.end:
            left, right = sentence.start, sentence.end
            break
    if right - left > QUOTE_CHARS:
        first = left
        left = max(left, min(start - 60, right - QUOTE_CHARS))
        right = min(right, left + QUOTE_CHARS)
        head = "… " if left > first else ""
        return head + " ".join(text[left:right].split()) + " …"
    return " ".join(text[left:right].split())


def _source(study: Study) -> str:
    title = study.title if len(study.title) <= 90 else study.title[:87].rsplit(" ", 1)[0] + " …"
    return f"{title}" + (f", {study.year}" if study.year else "")
