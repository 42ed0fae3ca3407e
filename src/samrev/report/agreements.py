"""The agreement report: one model built from the same functions as ``samrev agreements summary``.

:func:`build_agreement_report` takes a round's :class:`~samrev.agreements.summary.DocumentFacts`
(see :func:`samrev.agreements.review.round_facts`), the round's metadata and the day ages are
counted from, and returns an :class:`AgreementReport`: the raw results of
:func:`~samrev.agreements.summary.summarise`, :func:`~samrev.agreements.coverage.coverage` and
:func:`~samrev.agreements.summary.rank_good_examples` (exactly what the CLI prints as JSON), and a
:class:`~samrev.report.blocks.Document` whose texts, tables and figures are made from them.
Renderers (:mod:`samrev.report.html`, :mod:`~samrev.report.pdf`, :mod:`~samrev.report.docx`) lay
out that document and compute nothing, so all formats show the same numbers.

Pure apart from the municipality registry that :func:`coverage` reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from samrev.agreements.summary import (
    UNKNOWN_TRUST,
    DocumentFacts,
    GoodExample,
    latest_date,
    rank_good_examples,
    summarise,
    years_since,
)
from samrev.report import labels
from samrev.report.blocks import (
    Block,
    BulletList,
    Chart,
    Document,
    Figure,
    Paragraph,
    Quote,
    Section,
    Series,
    Table,
)
from samrev.report.format import (
    DASH,
    NBSP,
    long_date,
    number,
    percent,
    percent_range,
    share_of,
    years,
)

TITLE = "Samarbeidsavtaler om lærings- og mestringstilbud"
SUBTITLE = "Nasjonal gjennomgang av samarbeidsavtaler mellom kommuner og helseforetak"
#: Good examples shown in full (the rest are listed in a table).
EXAMPLES_IN_FULL = 10
AGE_BINS = ((0, 2, "under 2 år"), (2, 4, "2–4 år"), (4, 6, "4–6 år"), (6, 8, "6–8 år"), (8, 10, "8–10 år"),
            (10, 1000, "10 år eller mer"))


@dataclass(frozen=True, slots=True)
class RoundInfo:
    """What the report says about the round."""

    name: str
    year: int | None = None
    structure: int = 2024
    project: str = ""


@dataclass(slots=True)
class AgreementReport:
    round: RoundInfo
    today: date
    summary: dict[str, Any]
    coverage: dict[str, Any]
    good_examples: list[GoodExample]
    document: Document
    failed: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the raw numbers and the document."""
        return {"round": {"name": self.round.name, "year": self.round.year, "structure": self.round.structure,
                          "project": self.round.project},
                "today": self.today.isoformat(), "summary": self.summary, "coverage": self.coverage,
                "good_example_details": [e.to_dict() for e in self.good_examples], "failed": self.failed,
                "document": self.document.to_dict()}


def build_agreement_report(facts: Sequence[DocumentFacts], *, round: RoundInfo, today: date,
                           health_trusts: Sequence[str] | None = None, version: str = "") -> AgreementReport:
    """The report of ``facts`` (see the module docstring).  ``health_trusts``: the trusts whose
    catchment the coverage chapter covers (default: those the documents name)."""
    from samrev.agreements.coverage import coverage as build_coverage

    summary = summarise(facts, today=today)
    assessed = [f for f in facts if f.ok]
    examples = rank_good_examples(assessed, today=today)
    matrix = build_coverage(facts, structure=round.structure, today=today, health_trusts=health_trusts)
    failed = [{"file": f.file, "code": (f.error or {}).get("code", ""), "message": (f.error or {}).get("message", "")}
              for f in facts if not f.ok]
    ages = [years_since(day, today) for f in assessed if (day := latest_date(f)) is not None]
    builder = _Builder(summary, matrix, examples, failed, ages, round, today)
    document = Document(
        title=TITLE, subtitle=SUBTITLE, round_name=round.name, date_text=long_date(today),
        colophon=[f"Runde: {round.name}" + (f" ({round.year})" if round.year else ""),
                  f"Kommunestruktur: {round.structure}",
                  f"Tall per {long_date(today)}",
                  "Laget med samrev" + (f" {version}" if version else "")],
        sections=builder.sections(),
    )
    document.number_items()
    return AgreementReport(round=round, today=today, summary=summary, coverage=matrix, good_examples=examples,
                           document=document, failed=failed)


def _n(value: int) -> str:
    return number(value)


def _of(part: int, whole: int) -> str:
    """``25 (39 %)``."""
    return f"{_n(part)} ({share_of(part, whole)})"


def _of_total(part: int, whole: int, noun: str = "") -> str:
    """``4 av 68 filer (6 %)``."""
    return f"{_n(part)} av {_n(whole)}{' ' + noun if noun else ''} ({share_of(part, whole)})"


def _docs(count: int) -> str:
    return f"{_n(count)} {'dokument' if count == 1 else 'dokumenter'}"


def _agreements(count: int) -> str:
    return f"{_n(count)} {'avtale' if count == 1 else 'avtaler'}"


class _Builder:
    def __init__(self, summary: dict[str, Any], matrix: dict[str, Any], examples: list[GoodExample],
                 failed: list[dict[str, str]], ages: list[float], round: RoundInfo, today: date) -> None:
        self.s = summary
        self.c = matrix
        self.examples = examples
        self.failed = failed
        self.ages = ages
        self.round = round
        self.today = today
        self.n = int(summary["n_assessed"])
        self.trusts: dict[str, dict[str, Any]] = summary.get("by_health_trust", {})

    def sections(self) -> list[Section]:
        return [self.sammendrag(), self.innledning(), self.metode(), self.dekning(), self.nasjonale_tall(),
                self.gode_eksempler(), self.forbehold()]

    # --- numbers in sentences ------------------------------------------------------------------

    def _signed_sentence(self) -> str:
        sig = self.s["signature"]
        interval = sig["share_signed_ci95"]
        if not self.n or interval is None:
            return "Ingen avtaler kunne vurderes, så andelen signerte kan ikke beregnes."
        return (f"Av de {_n(self.n)} avtalene som kunne vurderes, er {_n(sig['signed'])} "
                f"({percent(sig['share_signed'])}) signert (95{NBSP}% konfidensintervall "
                f"{percent_range(interval[0], interval[1])}). {_n(sig['unsigned'])} er ikke signert eller er "
                f"utkast, og for {_n(sig['unknown'])} går det ikke fram av teksten om de er signert.")

    def _levels_sentence(self, key: str, template: str) -> str:
        counts = self.s[key]
        return template.format(n=_n(self.n), **{f"l{level}": _of(counts[str(level)], self.n) for level in range(4)})

    def _lms_sentence(self) -> str:
        return self._levels_sentence("lms_level", (
            "Av de {n} avtalene beskriver {l3} lærings- og mestringstilbud konkret (nivå 3), og {l2} omtaler dem "
            "i generelle vendinger (nivå 2). Videre nevner {l1} dem bare (nivå 1), mens {l0} ikke nevner dem "
            "(nivå 0)."))

    def _user_sentence(self) -> str:
        return self._levels_sentence("user_participation_level", (
            "Av de {n} avtalene beskriver {l3} brukermedvirkning konkret (nivå 3), og {l2} beskriver en ordning "
            "for den (nivå 2). Videre nevner {l1} den bare som prinsipp (nivå 1), mens {l0} ikke nevner den "
            "(nivå 0)."))

    def _commitment_sentence(self) -> str:
        c = self.s["commitment"]
        return (f"Av avtalene er {_of(c['high'], self.n)} i hovedsak forpliktende formulert («skal», «har ansvar "
                f"for», med ansvarlig part), mens {_of(c['low'], self.n)} i hovedsak bruker myke formuleringer "
                "(«bør», «kan», «søke å») eller ikke navngir hvem som har ansvaret.")

    def _predates_sentence(self) -> str:
        p = self.s["predates_2022_requirements"]
        return (f"I alt {_of(p['documents'], self.n)} avtaler ble inngått før kravene om felles planlegging og om barn "
                "og unge med sammensatte behov (§ 6-2 nr. 12 og 13) kom 1. august 2022; "
                f"{_n(p['without_points_12_13'])} av dem gir ikke innhold til noen av de to punktene. "
                f"Etter at kravene kom, er {_n(p['not_predating'])} "
                f"inngått, og for {_n(p['undetermined'])} kan det ikke avgjøres ut fra datoene i teksten.")

    def _age_sentence(self) -> str:
        a = self.s["revised_age_years"]
        if not a["n"]:
            return "Ingen av avtalene oppgir når de ble inngått eller revidert."
        return (f"Det er i median {years(a['median'])} siden avtalene sist ble vedtatt eller revidert "
                f"(kvartiler {number(a['q1'], 1)}–{years(a['q3'])}), regnet for de {_n(a['n'])} avtalene som "
                "oppgir en dato.")

    def _verification_sentence(self) -> str:
        v = self.s["verification"]
        total = self.n * len(labels.FIELD)
        if not v["verified_values"]:
            return (f"Ingen av verdiene er kontrollert av en person: alle de {_n(total)} verdiene for de "
                    f"{_n(self.n)} avtalene er maskinelle vurderinger.")
        return (f"I alt {_of(v['documents_with_verified_values'], self.n)} avtaler har minst én verdi som er "
                f"kontrollert av en person, og {_of_total(v['verified_values'], total, 'verdier')} er verifisert. "
                "De øvrige verdiene er maskinelle vurderinger.")

    def _coverage_counts(self) -> tuple[int, int, int]:
        cells = self.c["cells"]
        with_agreement = sum(1 for cell in cells if cell["n_documents"])
        return len(cells), with_agreement, len(cells) - with_agreement

    # --- chapters ------------------------------------------------------------------------------

    def sammendrag(self) -> Section:
        s = self.s
        n_cells, with_agreement, missing = self._coverage_counts()
        trusts = [t for t in self.trusts if t != UNKNOWN_TRUST]
        blocks: list[Block] = [
            Paragraph(f"Gjennomgangen «{self.round.name}» omfatter {_n(s['n_documents'])} dokumenter fra "
                      f"{_n(len(trusts))} helseforetak. {_n(self.n)} av dem kunne vurderes; {_n(s['n_errors'])} "
                      "filer kunne ikke leses (se kapittel 6 Forbehold).", style="lead"),
            Paragraph(self._signed_sentence()),
            Paragraph(self._lms_sentence()),
            Paragraph(self._user_sentence()),
            Paragraph(self._commitment_sentence()),
            Paragraph(self._predates_sentence() + " " + self._age_sentence()),
            Paragraph(f"I alt {_agreements(len(self.examples))} er gode eksempler: de er konkrete om lærings- og "
                      "mestringstilbud og forpliktende formulert (kapittel 5)."),
            Paragraph(f"Av {_n(n_cells)} kommuner og bydeler i opptaksområdene har {_of(with_agreement, n_cells)} "
                      f"minst én avtale i materialet; for {_n(missing)} er det ikke funnet noen avtale (kapittel 3)."),
            Paragraph(self._verification_sentence()),
        ]
        key = Table(
            id="nokkeltall", caption="Nøkkeltall", columns=["", "Antall", "Andel"], align=["l", "r", "r"],
            widths=[3, 1, 1],
            rows=[
                ["Dokumenter i alt", _n(s["n_documents"]), ""],
                ["Kunne vurderes", _n(self.n), share_of(self.n, s["n_documents"])],
                ["Signert", _n(s["signature"]["signed"]), percent(s["signature"]["share_signed"])],
                ["Konkret om lærings- og mestringstilbud (nivå 3)", _n(s["lms_level"]["3"]),
                 share_of(s["lms_level"]["3"], self.n)],
                ["Konkret brukermedvirkning (nivå 3)", _n(s["user_participation_level"]["3"]),
                 share_of(s["user_participation_level"]["3"], self.n)],
                ["Forpliktende formulert", _n(s["commitment"]["high"]), share_of(s["commitment"]["high"], self.n)],
                ["Inngått før kravene fra 2022", _n(s["predates_2022_requirements"]["documents"]),
                 share_of(s["predates_2022_requirements"]["documents"], self.n)],
                ["Gode eksempler", _n(len(self.examples)), share_of(len(self.examples), self.n)],
                ["Med minst én verifisert verdi", _n(s["verification"]["documents_with_verified_values"]),
                 share_of(s["verification"]["documents_with_verified_values"], self.n)],
            ],
            note="Andeler er regnet av dokumentene som kunne vurderes, unntatt første linje.",
        )
        blocks.insert(1, key)
        return Section("sammendrag", "Sammendrag", blocks=blocks)

    def innledning(self) -> Section:
        return Section("innledning", "Innledning", "1", blocks=[
            Paragraph("Kommuner og helseforetak har plikt til å inngå samarbeidsavtaler, jf. helse- og "
                      "omsorgstjenesteloven §§ 6-1 og 6-2 og spesialisthelsetjenesteloven § 2-1 e. Avtalene skal "
                      "blant annet inneholde retningslinjer for samarbeid om lærings- og mestringstilbud "
                      "(§ 6-2 første ledd nr. 2)."),
            Paragraph("Denne rapporten beskriver hva avtalene i gjennomgangen sier om lærings- og "
                      "mestringstilbud og brukermedvirkning, hvor forpliktende de er formulert, om de er "
                      "signert, hvilke lovpunkter de gir innhold til, og hvor gamle de er. Den viser også hvilke "
                      "kommuner det ikke er funnet avtaler for, og trekker fram gode eksempler."),
            Paragraph("Kapittel 2 beskriver metoden, kapittel 3 dekningen, kapittel 4 de nasjonale tallene og "
                      "tallene per helseforetak, kapittel 5 gode eksempler og kapittel 6 forbeholdene."),
        ])

    def metode(self) -> Section:
        s = self.s
        today = long_date(self.today)
        return Section("metode", "Metode", "2", subsections=[
            Section("innsamling", "Innsamling", "2.1", 2, blocks=[
                Paragraph(f"Avtaledokumentene i runden «{self.round.name}» er lest inn som filer (PDF, Word, "
                          f"OpenDocument, nettsider og tekst). Runden omfatter {_n(s['n_documents'])} filer. "
                          "Skannede sider er lest med tekstgjenkjenning (OCR). Hvert dokument er lagret én gang, "
                          "identifisert ved innholdet, slik at samme fil ikke telles to ganger."),
                Paragraph(f"Partene i avtalen (helseforetak og kommuner) er hentet fra teksten eller fra rundens "
                          f"manifest der et slikt er gitt, og koblet til organisasjonsregisteret med "
                          f"kommunestrukturen fra {self.round.structure}."),
            ]),
            Section("vurdering", "Maskinell vurdering med belegg", "2.2", 2, blocks=[
                Paragraph("Hvert dokument er vurdert maskinelt på tolv felt: språk, type, parter, dato for "
                          "inngåelse og revisjon, signatur, nivå for lærings- og mestringstilbud (0–3), nivå for "
                          "brukermedvirkning (0–3), forpliktelse, hvilke punkter i § 6-2 første ledd teksten gir "
                          "innhold til, og om den beskriver felles møtearenaer. Vurderingene bygger på regler og "
                          "ordlister for bokmål og nynorsk og på modeller trent på merkede avtaletekster."),
                Paragraph("Hver vurdering har belegg: de tekststedene (side og tegnposisjon) den bygger på. "
                          "Sitatene i kapittel 5 er slike tekststeder, gjengitt slik de står i dokumentet, på "
                          "bokmål eller nynorsk."),
                BulletList([
                    "Lærings- og mestringstilbud, nivå 0: ikke nevnt; 1: bare nevnt (i tittel, liste, "
                    "lovgrunnlag eller som sted); 2: oppgaver fordelt i generelle vendinger; 3: konkret "
                    "(navngitte tilbud eller målgrupper, hvem gjør hva og hvordan).",
                    "Brukermedvirkning, nivå 0: ikke nevnt; 1: prinsipp; 2: en ordning er beskrevet; 3: konkret "
                    "(navngitte organer, oppnevning og rolle).",
                    "Forpliktende: bindende formuleringer med ansvarlig part dominerer blant setningene som "
                    "pålegger plikter; ellers lite forpliktende.",
                    "Godt eksempel: konkret om lærings- og mestringstilbud (nivå 3) og forpliktende formulert.",
                ]),
            ]),
            Section("kontroll", "Kontroll av en person", "2.3", 2, blocks=[
                Paragraph("Analytikere har kunnet kontrollere de maskinelle vurderingene, de mest usikre først, "
                          "og bekrefte eller rette dem. Der en person har verifisert et felt, bruker rapporten "
                          "personens verdi; ellers manifestets parter, og ellers maskinens vurdering. Ingen "
                          "vurdering overskrives: både maskinens og personens verdi er lagret med opphav og tid."),
                Paragraph(self._verification_sentence()),
            ]),
            Section("beregninger", "Beregninger", "2.4", 2, blocks=[
                Paragraph("Andeler er regnet av dokumentene som kunne vurderes; filer som ikke kunne leses, "
                          "telles for seg (kapittel 6). Andelen signerte avtaler er oppgitt med et 95 % "
                          "konfidensintervall etter Wilsons metode, som også gir gode intervaller når antallet er "
                          "lite eller andelen er nær 0 eller 100 %. Intervallet uttrykker usikkerheten i andelen "
                          "som et utvalg, ikke usikkerheten i de maskinelle vurderingene."),
                Paragraph(f"Avtalenes alder er regnet fra den seneste av datoene for inngåelse og revisjon, fram "
                          f"til {today}. En dato som bare er kjent til måneden, regnes fra den 15. i måneden, og "
                          "en dato som bare er kjent til året, fra 1. juli."),
                Paragraph("Punktene 12 (felles planlegging) og 13 (barn og unge med sammensatte behov) i § 6-2 "
                          "første ledd gjelder fra 1. august 2022. En avtale inngått før denne datoen «går forut "
                          "for kravene»: at den mangler punktene, regnes ikke som en mangel ved avtalen. En avtale "
                          "som bare er datert med året 2022, kan ikke plasseres og telles som ikke avgjort."),
            ]),
        ])

    def dekning(self) -> Section:
        cells = self.c["cells"]
        by_trust: dict[str, list[dict[str, Any]]] = {}
        for cell in cells:
            by_trust.setdefault(cell["health_trust"], []).append(cell)
        rows = []
        for trust, group in by_trust.items():
            have = sum(1 for cell in group if cell["n_documents"])
            rows.append([trust, _n(len(group)), _n(have), _n(len(group) - have), share_of(have, len(group))])
        n_cells, with_agreement, missing = self._coverage_counts()
        table = Table(
            id="dekning", caption="Kommuner med og uten avtale i materialet, per helseforetak",
            columns=["Helseforetak", "Kommuner i opptaksområdet", "Med avtale", "Uten avtale", "Andel med avtale"],
            align=["l", "r", "r", "r", "r"], widths=[4, 1.3, 1, 1, 1.1], rows=rows,
            total=["Alle", _n(n_cells), _n(with_agreement), _n(missing), share_of(with_agreement, n_cells)],
            note="En kommune som deles mellom helseforetak, eller en bydel i Oslo, telles én gang per helseforetak.",
        )
        missing_rows = []
        for trust, group in by_trust.items():
            names = [cell["municipality"] + (f" ({cell['part']})" if cell["part"] else "")
                     for cell in group if not cell["n_documents"]]
            if names:
                missing_rows.append([trust, _n(len(names)), ", ".join(names)])
        blocks: list[Block] = [
            Paragraph(f"Dekningen er regnet for opptaksområdene til de {_n(len(by_trust))} helseforetakene som er "
                      f"part i avtalene ({self.round.structure}-strukturen). En kommune har avtale i materialet når "
                      "minst ett dokument har både kommunen og helseforetaket som parter, eller gjelder alle "
                      "kommunene i helseforetakets område."),
            Paragraph(f"Av {_n(n_cells)} kommuner og bydeler har {_of(with_agreement, n_cells)} minst én avtale i "
                      f"materialet. For {_n(missing)} er det ikke funnet noen avtale. At ingen avtale er funnet, "
                      "betyr ikke at avtale mangler, bare at den ikke er med i materialet."),
            table,
        ]
        if missing_rows:
            blocks.append(Table(id="uten-avtale", caption="Kommuner og bydeler uten avtale i materialet",
                                columns=["Helseforetak", "Antall", "Kommuner"], align=["l", "r", "l"],
                                widths=[2.2, 0.7, 5], rows=missing_rows))
        unplaced = self.c["unplaced_documents"]
        if unplaced:
            blocks.append(Paragraph(f"{_n(len(unplaced))} dokumenter kunne ikke plasseres på noen kommune; de er "
                                    "listet i kapittel 6."))
        return Section("dekning", "Dekning", "3", blocks=blocks)

    # --- national tables and figures -----------------------------------------------------------

    def _trust_rows(self) -> list[tuple[str, dict[str, Any]]]:
        return [(trust, part) for trust, part in self.trusts.items() if part["n_assessed"]]

    def _level_section(self, key: str, words: dict[int, str], number_: str, title: str, fig_id: str,
                       intro: str) -> Section:
        rows = []
        shares: dict[int, list[float]] = {level: [] for level in range(4)}
        categories = []
        for trust, part in self._trust_rows():
            counts = part[key]
            n = int(part["n_assessed"])
            rows.append([trust, _n(n), *(_n(counts[str(level)]) for level in range(4)),
                         share_of(counts["3"], n)])
            categories.append(f"{trust} ({n})")
            for level in range(4):
                shares[level].append(counts[str(level)] / n)
        counts = self.s[key]
        table = Table(
            id=f"{fig_id}-tabell", caption=f"{title} per helseforetak (antall dokumenter per nivå)",
            columns=["Helseforetak", "Dokumenter", *(f"{level} {words[level]}" for level in range(4)), "Andel nivå 3"],
            align=["l", "r", "r", "r", "r", "r", "r"], widths=[4, 1.1, 1, 1, 1, 1, 1.1], rows=rows,
            total=["Hele landet", _n(self.n), *(_n(counts[str(level)]) for level in range(4)),
                   share_of(counts["3"], self.n)],
        )
        figure = Figure(
            id=fig_id, caption=f"{title} per helseforetak, andel av dokumentene på hvert nivå",
            chart=Chart("stacked_barh", categories, [Series(f"{level} {words[level]}", shares[level])
                                                     for level in range(4)], axis_label="Andel av dokumentene",
                        percent=True),
            note="Tallet i parentes er antall dokumenter som kunne vurderes.",
            alt=f"Liggende stablede søyler: andel dokumenter på nivå 0–3 for {title.lower()} per helseforetak.",
        )
        return Section(fig_id, title, number_, 2, blocks=[Paragraph(intro), figure, table])

    def _signature_section(self) -> Section:
        rows = []
        categories, values, low, high = [], [], [], []
        for trust, part in self._trust_rows():
            sig = part["signature"]
            interval = sig["share_signed_ci95"]
            rows.append([trust, _n(part["n_assessed"]), _n(sig["signed"]), _n(sig["unsigned"]), _n(sig["unknown"]),
                         percent(sig["share_signed"]),
                         percent_range(interval[0], interval[1]) if interval else DASH])
            categories.append(f"{trust} ({part['n_assessed']})")
            values.append(float(sig["share_signed"]))
            low.append(float(interval[0]) if interval else 0.0)
            high.append(float(interval[1]) if interval else 0.0)
        sig = self.s["signature"]
        interval = sig["share_signed_ci95"]
        table = Table(
            id="signert-tabell", caption="Signerte avtaler per helseforetak, med 95 % konfidensintervall (Wilson)",
            columns=["Helseforetak", "Dokumenter", "Signert", "Ikke signert / utkast", "Går ikke fram",
                     "Andel signert", "95 % KI"],
            align=["l", "r", "r", "r", "r", "r", "r"], widths=[4, 1.1, 0.9, 1.1, 1, 1, 1.2], rows=rows,
            total=["Hele landet", _n(self.n), _n(sig["signed"]), _n(sig["unsigned"]), _n(sig["unknown"]),
                   percent(sig["share_signed"]), percent_range(interval[0], interval[1]) if interval else DASH],
            note="KI: konfidensintervall. Med få dokumenter per helseforetak blir intervallene brede.",
        )
        figure = Figure(
            id="signert", caption="Andel signerte avtaler per helseforetak, med 95 % konfidensintervall",
            chart=Chart("interval", categories, [Series("Andel signert", values, low, high)],
                        axis_label="Andel signert", percent=True,
                        reference=float(sig["share_signed"]) if sig["share_signed"] is not None else None,
                        reference_label=f"Hele landet: {percent(sig['share_signed'])}",
                        band=[float(interval[0]), float(interval[1])] if interval else []),
            note="Punktet er andelen, streken intervallet. Den stiplede linjen er andelen for hele landet, det "
                 "skraverte feltet intervallet for hele landet.",
            alt="Punkter med feilstreker: andel signerte avtaler per helseforetak.",
        )
        return Section("signering", "Signering", "4.4", 2, blocks=[Paragraph(self._signed_sentence()), figure,
                                                                    table])

    def _commitment_section(self) -> Section:
        rows = []
        categories, high, low = [], [], []
        for trust, part in self._trust_rows():
            c = part["commitment"]
            n = int(part["n_assessed"])
            rows.append([trust, _n(n), _n(c["high"]), _n(c["low"]), share_of(c["high"], n)])
            categories.append(f"{trust} ({n})")
            high.append(c["high"] / n)
            low.append(c["low"] / n)
        c = self.s["commitment"]
        table = Table(id="forpliktelse-tabell", caption="Forpliktelse per helseforetak",
                      columns=["Helseforetak", "Dokumenter", "Forpliktende", "Lite forpliktende", "Andel forpliktende"],
                      align=["l", "r", "r", "r", "r"], widths=[4, 1.1, 1.1, 1.1, 1.1], rows=rows,
                      total=["Hele landet", _n(self.n), _n(c["high"]), _n(c["low"]), share_of(c["high"], self.n)])
        figure = Figure(id="forpliktelse", caption="Andel forpliktende og lite forpliktende avtaler per helseforetak",
                        chart=Chart("stacked_barh", categories, [Series("Forpliktende", high),
                                                                 Series("Lite forpliktende", low)],
                                    axis_label="Andel av dokumentene", percent=True),
                        note="Tallet i parentes er antall dokumenter som kunne vurderes.",
                        alt="Liggende stablede søyler: andel forpliktende avtaler per helseforetak.")
        return Section("forpliktelse", "Forpliktelse", "4.5", 2,
                       blocks=[Paragraph(self._commitment_sentence()), figure, table])

    def _points_section(self) -> Section:
        points = self.s["statutory_points"]
        p = self.s["predates_2022_requirements"]
        rows = [[str(point), labels.POINTS[point], _n(points[str(point)]), share_of(points[str(point)], self.n)]
                for point in range(1, 14)]
        table = Table(id="lovpunkter-tabell", caption="Dokumenter som gir innhold til punktene i § 6-2 første ledd",
                      columns=["Nr.", "Innhold (forkortet)", "Dokumenter", "Andel"], align=["r", "l", "r", "r"],
                      widths=[0.5, 5, 1, 0.8], rows=rows,
                      note="Et punkt teller når teksten gir det innhold (oppgaver, rutiner, ansvar), ikke når det "
                           "bare står i en tittel, en innholdsliste eller et avsnitt om lovgrunnlaget.")
        figure = Figure(id="lovpunkter",
                        caption="Antall dokumenter som gir innhold til hvert punkt i § 6-2 første ledd",
                        chart=Chart("bar", [str(point) for point in range(1, 14)],
                                    [Series("Dokumenter", [float(points[str(point)]) for point in range(1, 14)])],
                                    axis_label="Antall dokumenter", highlight=["2"]),
                        note="Punkt 2 omfatter lærings- og mestringstilbud. Punkt 12 og 13 gjelder fra 1. august 2022.",
                        alt="Stående søyler: antall dokumenter per lovpunkt 1–13.")
        meeting = self.s["meeting_arenas"]
        return Section("lovpunkter", "Lovpunkter og møtearenaer", "4.6", 2, blocks=[
            Paragraph("Figuren og tabellen viser hvor mange dokumenter som gir innhold til hvert av punktene i "
                      "helse- og omsorgstjenesteloven § 6-2 første ledd. Delavtaler dekker som regel ett eller "
                      "noen få punkter, så tallene sier mer om hvilke temaer materialet dekker enn om hver enkelt "
                      "avtale er fullstendig."),
            figure, table,
            Paragraph(self._predates_sentence()),
            Paragraph(f"I alt {_of(meeting, self.n)} dokumenter beskriver felles møtearenaer eller "
                      "samarbeidsorganer med "
                      "medlemmer eller møtehyppighet."),
            Table(id="predates-tabell", caption="Avtaler og kravene fra 1. august 2022 (§ 6-2 nr. 12 og 13)",
                  columns=["", "Dokumenter"], align=["l", "r"], widths=[4, 1], rows=[
                      ["Inngått før 1. august 2022", _n(p["documents"])],
                      ["– av disse uten innhold til nr. 12 eller 13", _n(p["without_points_12_13"])],
                      ["Inngått 1. august 2022 eller senere", _n(p["not_predating"])],
                      ["Kan ikke avgjøres (ingen dato, eller bare året 2022)", _n(p["undetermined"])],
                  ]),
        ])

    def _age_section(self) -> Section:
        a = self.s["revised_age_years"]
        counts = [sum(1 for age in self.ages if lo <= age < hi) for lo, hi, _ in AGE_BINS]
        figure = Figure(id="alder", caption="Tid siden avtalene sist ble vedtatt eller revidert",
                        chart=Chart("histogram", [label for _, _, label in AGE_BINS],
                                    [Series("Dokumenter", [float(c) for c in counts])], axis_label="Antall dokumenter"),
                        note=f"{_n(a['n'])} av {_agreements(self.n)} oppgir en dato for inngåelse eller revisjon.",
                        alt="Søyler: antall avtaler etter år siden siste vedtak eller revisjon.")
        table = Table(id="alder-tabell", caption="År siden siste vedtak eller revisjon",
                      columns=["Dokumenter med dato", "Minste", "Nedre kvartil", "Median", "Øvre kvartil", "Største"],
                      align=["r"] * 6, rows=[[
                          _n(a["n"]), years(a["min"]), years(a["q1"]), years(a["median"]), years(a["q3"]),
                          years(a["max"])]])
        rows = []
        for trust, part in self._trust_rows():
            q = part["revised_age_years"]
            rows.append([trust, _n(q["n"]), years(q["median"]), years(q["min"]), years(q["max"])])
        by_trust = Table(id="alder-hf-tabell", caption="År siden siste vedtak eller revisjon, per helseforetak",
                         columns=["Helseforetak", "Dokumenter med dato", "Median", "Minste", "Største"],
                         align=["l", "r", "r", "r", "r"], widths=[4, 1.2, 1, 1, 1], rows=rows)
        return Section("alder", "Avtalenes alder", "4.7", 2,
                       blocks=[Paragraph(self._age_sentence()), figure, table, by_trust])

    def nasjonale_tall(self) -> Section:
        s = self.s
        kind_rows = [[labels.KIND[k], _n(s["kind"][k]), share_of(s["kind"][k], self.n)] for k in labels.KIND]
        language_rows = [[labels.LANGUAGE[k], _n(s["language"][k]), share_of(s["language"][k], self.n)]
                         for k in labels.LANGUAGE]
        overview = Section("oversikt", "Dokumentene", "4.1", 2, blocks=[
            Paragraph(f"Materialet består av {_n(self.n)} dokumenter som kunne vurderes. Tabellene viser hva slags "
                      "dokumenter det er, og hvilken målform de er skrevet på."),
            Table(id="typer", caption="Dokumenttyper", columns=["Type", "Dokumenter", "Andel"], align=["l", "r", "r"],
                  widths=[3, 1, 1], rows=kind_rows, total=["I alt", _n(self.n), share_of(self.n, self.n)]),
            Table(id="maalform", caption="Målform", columns=["Målform", "Dokumenter", "Andel"], align=["l", "r", "r"],
                  widths=[3, 1, 1], rows=language_rows, total=["I alt", _n(self.n), share_of(self.n, self.n)]),
        ])
        return Section("nasjonale-tall", "Nasjonale tall", "4", blocks=[
            Paragraph("Dette kapitlet viser tallene for hele landet og per helseforetak. Dokumenter der "
                      "helseforetaket ikke kunne bestemmes, står under «(ukjent helseforetak)». Figurene viser "
                      "andeler; tabellene under dem gir antallene."),
        ], subsections=[
            overview,
            self._level_section("lms_level", labels.LMS_LEVELS, "4.2", "Lærings- og mestringstilbud", "lms",
                                self._lms_sentence()),
            self._level_section("user_participation_level", labels.USER_LEVELS, "4.3", "Brukermedvirkning",
                                "brukermedvirkning", self._user_sentence()),
            self._signature_section(),
            self._commitment_section(),
            self._points_section(),
            self._age_section(),
        ])

    # --- good examples -------------------------------------------------------------------------

    def gode_eksempler(self) -> Section:
        intro = Paragraph(
            f"I alt {_agreements(len(self.examples))} er gode eksempler: de beskriver lærings- og "
            "mestringstilbud konkret "
            "(nivå 3) og er forpliktende formulert. De er rangert etter nivå for lærings- og mestringstilbud og "
            "brukermedvirkning, forpliktelse, signatur, møtearenaer, antall lovpunkter og hvor nylig de er "
            "vedtatt eller revidert. Sitatene er gjengitt slik de står i avtalen, på bokmål eller nynorsk; «side» "
            "viser til sidetallet i dokumentet.")
        subsections = []
        for rank, example in enumerate(self.examples[:EXAMPLES_IN_FULL], 1):
            facts = [example.health_trust or "Ukjent helseforetak",
                     labels.KIND_SHORT.get(example.kind or "", example.kind or "ukjent type"),
                     labels.LANGUAGE.get(example.language or "", "ukjent målform").lower(),
                     "verifisert av en person" if example.verified else "ikke verifisert"]
            blocks: list[Block] = [Paragraph(", ".join(facts[:1]) + " – " + ", ".join(facts[1:]) + ".",
                                             style="note"),
                                   Paragraph("Hvorfor et godt eksempel:"), BulletList(list(example.reasons))]
            for quote in example.quotes:
                what = labels.FIELD.get(str(quote.get("field")), "")
                where = f"side {quote['page']}" if quote.get("page") else "uten sidetall"
                blocks.append(Quote(str(quote.get("text", "")), source=f"{what}, {where}", language=example.language))
            subsections.append(Section(f"eksempel-{rank}", labels.file_label(example.file), f"5.{rank}", 2,
                                       blocks=blocks))
        blocks_out: list[Block] = [intro]
        rest = self.examples[EXAMPLES_IN_FULL:]
        if rest:
            subsections.append(Section("flere-eksempler", "Flere gode eksempler", f"5.{EXAMPLES_IN_FULL + 1}", 2,
                                       blocks=[Table(
                id="flere-eksempler", caption="Flere gode eksempler",
                columns=["Nr.", "Dokument", "Helseforetak", "Poeng"], align=["r", "l", "l", "r"],
                widths=[0.5, 3.5, 3, 0.8],
                rows=[[str(EXAMPLES_IN_FULL + i), labels.file_label(e.file), e.health_trust or DASH,
                       number(e.score, 1)] for i, e in enumerate(rest, 1)])]))
        if not self.examples:
            blocks_out.append(Paragraph("Ingen avtaler i materialet oppfyller kravene til et godt eksempel."))
        return Section("gode-eksempler", "Gode eksempler", "5", blocks=blocks_out, subsections=subsections)

    # --- caveats -------------------------------------------------------------------------------

    def forbehold(self) -> Section:
        s = self.s
        total_files = int(s["n_documents"])
        v = s["verification"]
        total_values = self.n * len(labels.FIELD)
        unverified = total_values - int(v["verified_values"])
        n_cells, _, missing = self._coverage_counts()
        unplaced = self.c["unplaced_documents"]
        unknown_trust = self.trusts.get(UNKNOWN_TRUST, {}).get("n_assessed", 0)
        items = [
            f"Filer som ikke kunne leses: {_of_total(int(s['n_errors']), total_files, 'filer')}; se tabellene "
            "nedenfor. De inngår ikke i andelene.",
            f"Tekstgjenkjenning (OCR): {_of_total(int(s['needs_ocr']), total_files, 'dokumenter')} ble helt eller "
            "delvis lest fra skannede sider. Feil i tekstgjenkjenningen kan gi feil vurderinger.",
            f"Ikke verifiserte verdier: {_of_total(unverified, total_values, 'verdier')} er maskinelle "
            f"vurderinger som ingen person har kontrollert; {_n(int(v['documents_unverified']))} dokumenter har "
            "ingen verifiserte verdier.",
            f"Kommuner uten avtale: for {_of_total(missing, n_cells, 'kommuner og bydeler')} i opptaksområdene er det "
            "ikke funnet noen avtale (kapittel 3). Det kan skyldes at avtalen ikke er samlet inn.",
            f"Dokumenter som ikke kunne plasseres: {_docs(len(unplaced))} mangler helseforetak eller "
            "kommuner som finnes i registeret, og er ikke med i dekningen.",
            f"Ukjent helseforetak: {_docs(int(unknown_trust))} har ikke noe helseforetak som part i "
            "teksten eller manifestet.",
            f"Alder og 2022-kravene: for {_n(int(s['predates_2022_requirements']['undetermined']))} dokumenter "
            "kan det ikke avgjøres om de er inngått før 1. august 2022.",
        ]
        blocks: list[Block] = [
            Paragraph("Tallene i rapporten bygger på dokumentene som er samlet inn i runden, og på maskinelle "
                      "vurderinger som bare delvis er kontrollert av en person. Leseren bør ha følgende forbehold "
                      "i mente:"),
            BulletList(items),
        ]
        errors = s["errors"]
        if errors:
            blocks.append(Table(id="feil-koder", caption="Filer som ikke kunne leses, etter årsak",
                                columns=["Årsak", "Kode", "Filer"], align=["l", "l", "r"], widths=[3, 1.5, 1],
                                rows=[[labels.ERROR.get(code, code), code, _n(count)]
                                      for code, count in errors.items()],
                                total=["I alt", "", _n(int(s["n_errors"]))]))
            blocks.append(Table(id="feil-filer", caption="Filene som ikke kunne leses",
                                columns=["Fil", "Kode", "Melding"], align=["l", "l", "l"], widths=[2.5, 1.1, 4.5],
                                rows=[[labels.file_label(f["file"]), f["code"],
                                       f["message"].replace(f["file"], labels.file_label(f["file"]))]
                                      for f in self.failed]))
        if unplaced:
            blocks.append(Table(id="uplassert", caption="Dokumenter som ikke kunne plasseres",
                                columns=["Fil", "Helseforetak", "Kommuner", "Årsak"], align=["l"] * 4,
                                widths=[2.5, 2, 2, 2.5],
                                rows=[[labels.file_label(u["file"]), u["health_trust"] or DASH,
                                       ", ".join(u["municipalities"]) or DASH, u["reason"]] for u in unplaced]))
        return Section("forbehold", "Forbehold", "6", blocks=blocks)
