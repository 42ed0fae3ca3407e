"""The survey report: one document built from the JSON of ``samrev survey analyse``.

:func:`build_survey_report` takes the result of :func:`samrev.survey.analyse.analyse` (the dict of
shared/spec/survey.md) and the survey's config, and returns a :class:`SurveyReport`: that result
unchanged and a :class:`~samrev.report.blocks.Document` whose texts, tables and figures are made
from it.  Every number in the report comes from the result: the builder formats and arranges, it
never recounts; verdicts about group differences are the result's ``higher_group`` (Holm-adjusted
p below alpha), never the builder's own.  The config only supplies display labels (the first
answer text configured for a group, scale value or missing code).  Open answers are quoted as the
result holds them, that is pseudonymised.

Pure: no files, no store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

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
from samrev.report.format import NBSP, long_date, number, percent, percent_range
from samrev.report.tables import Column, format_cell, make_table, p_equals
from samrev.survey.config import SurveyConfig

TITLE = "Spørreundersøkelse om lærings- og mestringstilbud"
SUBTITLE = "Svar fra kommuner, helseforetak og brukerorganisasjoner om samarbeidet"
#: themes listed per open question, and quotes per theme
TOP_THEMES = 6
QUOTED_THEMES = 3
QUOTES_PER_THEME = 2
MISSING_LABELS = {"blank": "Ikke besvart", "unparsed": "Ugyldig svar"}
REJECT_REASONS = {"missing_group": "Mangler gruppe", "unknown_group": "Ukjent gruppe",
                  "duplicate_id": "Innsendt flere ganger (samme id)"}
PSEUDONYM_LABELS = {"NAVN": "navn", "TELEFON": "telefonnumre", "EPOST": "e-postadresser",
                    "FNR": "fødselsnumre", "ADRESSE": "adresser"}
KIND_TITLES = {"good": "Hva fungerer bra", "poor": "Hva fungerer dårlig", "proposal": "Forslag",
               "other": "Andre kommentarer"}
#: caveats that belong in the summary, in this order
PROMINENT = ("no_frame", "low_response_rate", "small_group")


@dataclass(frozen=True, slots=True)
class SurveyInfo:
    """What the report says about the survey on its title page."""

    name: str = "Spørreundersøkelse"
    title: str = TITLE
    subtitle: str = SUBTITLE


@dataclass(slots=True)
class SurveyReport:
    info: SurveyInfo
    today: date
    analysis: dict[str, Any]
    document: Document

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the analysis (the one source of the numbers) and the document."""
        return {"survey": {"name": self.info.name}, "today": self.today.isoformat(), "analysis": self.analysis,
                "document": self.document.to_dict()}


def build_survey_report(analysis: dict[str, Any], config: SurveyConfig, *, today: date,
                        info: SurveyInfo | None = None, version: str = "") -> SurveyReport:
    """The report of one analysed survey (see the module docstring)."""
    info = info or SurveyInfo()
    builder = _Builder(analysis, config)
    source = analysis.get("input", {}).get("file", "")
    document = Document(
        title=info.title, subtitle=info.subtitle, round_name=info.name, date_text=long_date(today),
        colophon=[f"Datagrunnlag: {source}" if source else "Datagrunnlag: eksport fra spørreskjema",
                  f"Tall per {long_date(today)}",
                  "Fritekst er pseudonymisert før analysen",
                  "Laget med samrev" + (f" {version}" if version else "")],
        sections=builder.sections(),
    )
    document.number_items()
    return SurveyReport(info=info, today=today, analysis=analysis, document=document)


def _first_labels(mapping: dict[str, Any]) -> dict[Any, str]:
    """value → the first text configured for it."""
    out: dict[Any, str] = {}
    for text, value in mapping.items():
        out.setdefault(value, text)
    return out


def _list(words: list[str]) -> str:
    """``a, b og c``."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " og " + words[-1]


def _same_text(a: str, b: str) -> bool:
    """Near-identical statements (one copied into another answer, or with a lead-in added)."""
    from rapidfuzz import fuzz

    return bool(fuzz.token_set_ratio(a.casefold(), b.casefold()) >= 90)


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rsplit(" ", 1)[0] + " …"


class _Builder:
    def __init__(self, result: dict[str, Any], config: SurveyConfig) -> None:
        from samrev.coding.codebook import load_codebook

        self.r = result
        self.config = config
        self.codebook = load_codebook()
        groups = _first_labels(config.group.values)
        subgroups = _first_labels(config.subgroup.values) if config.subgroup else {}
        self.group_names: dict[str, str] = {g: groups.get(g, g.replace("_", " ").capitalize())
                                            for g in config.group.order}
        self.group_names.update({s: subgroups.get(s, s.replace("_", " ").capitalize())
                                 for s in config.subgroup_ids})
        self.group_names["total"] = "Alle"
        self.scale_names = _first_labels(config.scale)
        self.missing_names = {**{code: text for code, text in _first_labels(config.missing).items()},
                              **MISSING_LABELS}
        self.groups = list(config.group.order)
        self.thresholds = config.thresholds
        self.rates: dict[str, Any] = result["response_rates"]
        self.has_frame = any(rate["invited"] is not None for rate in self.rates.values())
        self.caveats: list[dict[str, Any]] = result.get("caveats", [])

    # --- small helpers ---------------------------------------------------------------------------

    def name(self, group: str) -> str:
        return self.group_names.get(group, group)

    def theme(self, theme_id: str) -> str:
        return self.codebook.theme(theme_id).label("nb") if self.codebook.has_theme(theme_id) else theme_id

    def _readable(self, message: str) -> str:
        """A caveat message with group ids («brukerorganisasjon») shown by their labels."""
        return re.sub(r"«([a-z0-9_]+)»", lambda m: f"«{self.group_names.get(m.group(1), m.group(1))}»", message)

    def _themes(self, theme_ids: list[str]) -> str:
        """``«a», «b» og «c»`` (quoted: theme labels contain «og» themselves)."""
        return _list([f"«{self.theme(t).lower()}»" for t in theme_ids])

    def polarity(self, polarity_id: str) -> str:
        return self.codebook.polarity(polarity_id).label("nb")

    def scale_label(self, value: int) -> str:
        return self.scale_names.get(value, str(value))

    def missing_label(self, code: str) -> str:
        return self.missing_names.get(code, code.replace("_", " ").capitalize())

    def _cell(self, item: dict[str, Any], group: str) -> dict[str, Any]:
        cell: dict[str, Any] = item["by_group"].get(group) or item["by_subgroup"][group]
        return cell

    def _rate_text(self, group: str) -> str:
        rate = self.rates[group]
        if rate["rate"] is None:
            return f"{number(rate['responded'])} svar"
        interval = rate["ci95"]
        ci = f"; 95{NBSP}% KI {percent_range(interval[0], interval[1])}" if interval else ""
        return f"{percent(rate['rate'])} ({number(rate['responded'])} av {number(rate['invited'])}{ci})"

    # --- chapters --------------------------------------------------------------------------------

    def sections(self) -> list[Section]:
        chapters = [self.sammendrag(), self.om_undersokelsen(), self.svarprosent(), self.pastander(),
                    self.sammenligninger(), self.apne_svar(), self.fravaerende(), self.forbehold(), self.vedlegg()]
        for index, chapter in enumerate(chapters[1:], 1):
            chapter.number = str(index)
            for sub_index, sub in enumerate(chapter.subsections, 1):
                sub.number = f"{index}.{sub_index}"
        return chapters

    def _warnings(self) -> list[Block]:
        """The caveats a reader must see first: no frame, low response, small groups."""
        out: list[Block] = []
        for caveat in self.caveats:
            code = caveat["code"]
            if code == "no_frame":
                out.append(Paragraph("Ingen utvalgsramme: uten tall for hvor mange som ble invitert, kan "
                                     "svarprosenten ikke beregnes, og det er ukjent hvor representative svarene er.",
                                     style="warning"))
            elif code == "low_response_rate" and caveat.get("group") in self.rates:
                group = caveat["group"]
                out.append(Paragraph(
                    f"Lav svarprosent: {self.name(group)} svarte {self._rate_text(group)}. Svarene fra denne "
                    "gruppen kan ikke uten videre tas som uttrykk for hele gruppen.", style="warning"))
            elif code == "small_group" and caveat.get("group") in self.rates:
                group = caveat["group"]
                out.append(Paragraph(
                    f"Få svar: bare {number(self.rates[group]['responded'])} svar fra {self.name(group)} (under "
                    f"{number(self.thresholds['min_group_n'])}). Fordelinger og forskjeller for denne gruppen er "
                    "svært usikre.", style="warning"))
        return out

    def _verdicts(self) -> list[str]:
        out = []
        for item_id, item in self.r["likert"].items():
            for comparison in item["comparisons"]:
                if comparison["higher_group"]:
                    out.append(self._comparison_sentence(item_id, item, comparison))
        return out

    def sammendrag(self) -> Section:
        r = self.r
        rejected = len(r["rejected_rows"])
        total = self.rates["total"]
        lead = f"Undersøkelsen ga {number(r['n_responses'])} svar som inngår i analysen"
        lead += f" ({number(rejected)} rader er holdt utenfor, se kapittel 1)." if rejected else "."
        if total["rate"] is not None:
            lead += f" Samlet svarprosent er {self._rate_text('total')}."
        blocks: list[Block] = [Paragraph(lead, style="lead")]
        if self.has_frame:
            parts = [f"{self.name(g)} {self._rate_text(g)}" for g in self.groups]
            blocks.append(Paragraph("Svarprosent per gruppe: " + _list(parts) + "."))
        blocks.extend(self._warnings())
        verdicts = self._verdicts()
        if verdicts:
            blocks.append(Paragraph("Forskjeller mellom gruppene som holder etter korreksjon for mange tester "
                                    "(Holm):"))
            blocks.append(BulletList(verdicts))
        elif r["likert"]:
            blocks.append(Paragraph("Ingen av forskjellene mellom gruppene på påstandene er store nok til at de "
                                    "holder etter korreksjon for mange tester (Holm)."))
        for qid, question in r["open_questions"].items():
            top = self._top_themes(qid)[:3]
            if top and question["answered"]:
                names = [f"«{self.theme(t).lower()}» ({number(c['answers'])})" for t, c in top]
                blocks.append(Paragraph(f"{self._question_title(qid)}: {number(question['answered'])} svar; oftest "
                                        f"nevnt er {_list(names)}."))
        absent = r["absent_themes"]["all"]
        if absent:
            blocks.append(Paragraph("Ingen av de åpne svarene nevner " + self._themes(absent) + "."))
        return Section(id="sammendrag", title="Sammendrag", blocks=blocks)

    def om_undersokelsen(self) -> Section:
        r = self.r
        info = r["input"]
        blocks: list[Block] = [Paragraph(
            f"Analysen bygger på eksporten «{info['file']}» ({info['format'].upper()}, {number(info['rows'])} rader). "
            f"Av radene inngår {number(r['n_responses'])} svar; {number(len(r['rejected_rows']))} er holdt utenfor "
            "fordi gruppen mangler eller ikke kan kobles til en kjent gruppe, eller fordi samme innsending "
            "forekommer flere ganger.")]
        blocks.append(Paragraph(
            "Svarprosenten er antall svar delt på antall inviterte i utvalgsrammen, med 95 % "
            "konfidensintervall etter Wilson. Påstandene er besvart på en ordnet skala; «Vet ikke», «Ikke relevant», "
            "blanke og ugyldige svar holdes utenfor fordelinger, medianer og tester og vises for seg. Gruppene er "
            "sammenlignet parvis med Mann–Whitney U-test, med Holm-korreksjon over alle testene i analysen og "
            "rangbiserial korrelasjon som mål på forskjellens størrelse. En forskjell omtales som reell bare når "
            f"Holm-justert p er under {number(self.thresholds['alpha'], 2)}. Par der en av gruppene har færre enn "
            f"{number(self.thresholds['min_n_test'])} gyldige svar, testes ikke."))
        counts = r.get("pseudonymisation", {})
        replaced = [f"{number(n)} {PSEUDONYM_LABELS.get(kind, kind.lower())}" for kind, n in counts.items() if n]
        blocks.append(Paragraph(
            "De åpne svarene er delt i utsagn og kodet med kodeboken for gjennomgangen (tema og om utsagnet "
            "beskriver noe som fremmer, hemmer eller er et forslag). All fritekst er pseudonymisert før analysen: "
            + (f"{_list(replaced)} er erstattet med plassholdere som [NAVN] og [TELEFON]." if replaced
               else "ingen personopplysninger ble funnet.")))
        organisations = r.get("organisations")
        if organisations:
            blocks.append(Paragraph(
                f"Navnet på virksomheten ble koblet til utvalgsrammen for {number(organisations['matched'])} svar; "
                f"{number(len(organisations['unmatched']))} navn fant ingen treff."))
        if r["rejected_rows"]:
            blocks.append(make_table(
                "rader-utenfor", "Rader holdt utenfor analysen",
                [Column("Rad"), Column("Id"), Column("Årsak")],
                [[str(row["row"]), row["id"], REJECT_REASONS.get(row["reason"], row["reason"])]
                 for row in r["rejected_rows"]],
                note="Rad = datarad i eksporten (overskriftsraden ikke medregnet)."))
        return Section(id="om-undersokelsen", title="Om undersøkelsen og metoden", blocks=blocks)

    def svarprosent(self) -> Section:
        rows = []
        for group in self.groups:
            rate = self.rates[group]
            rows.append([self.name(group), rate["invited"], rate["responded"], rate["rate"], rate["ci95"]])
        total = self.rates["total"]
        columns = [Column("Gruppe"), Column("Inviterte", "int"), Column("Svar", "int"), Column("Svarprosent", "share"),
                   Column("95 % KI", "range")]
        blocks: list[Block] = []
        if not self.has_frame:
            blocks.append(Paragraph("Uten utvalgsramme vises bare antall svar per gruppe.", style="warning"))
        else:
            blocks.append(Paragraph(f"Samlet svarte {self._rate_text('total')}. " + " ".join(
                f"{self.name(g)}: {self._rate_text(g)}." for g in self.groups)))
        blocks.extend(w for w in self._warnings() if isinstance(w, Paragraph) and "svarprosent" in w.text.lower())
        blocks.append(make_table("svarprosent", "Svarprosent per gruppe", columns, rows,
                                 total=["Alle", total["invited"], total["responded"], total["rate"], total["ci95"]],
                                 note="KI = 95 % konfidensintervall (Wilson).", widths=[3, 1.2, 1.2, 1.4, 1.6]))
        if self.has_frame:
            shown = [g for g in self.groups if self.rates[g]["rate"] is not None and self.rates[g]["ci95"]]
            if shown:
                chart = Chart(type="interval", categories=[self.name(g) for g in shown],
                              series=[Series("Svarprosent", [self.rates[g]["rate"] for g in shown],
                                             low=[self.rates[g]["ci95"][0] for g in shown],
                                             high=[self.rates[g]["ci95"][1] for g in shown])],
                              axis_label="Svarprosent med 95 % konfidensintervall", percent=True,
                              reference=total["rate"], reference_label=f"Alle {percent(total['rate'])}",
                              band=list(total["ci95"] or []))
                blocks.append(Figure(id="fig-svarprosent", caption="Svarprosent per gruppe", chart=chart,
                                     alt="Svarprosent per gruppe med konfidensintervall"))
        sub = self.r.get("subgroup_response_rates")
        if sub:
            blocks.append(make_table(
                "svarprosent-undergrupper", "Svarprosent per undergruppe", columns,
                [[self.name(s), rate["invited"], rate["responded"], rate["rate"], rate["ci95"]]
                 for s, rate in sub.items()], widths=[3, 1.2, 1.2, 1.4, 1.6]))
        return Section(id="svarprosent", title="Hvem svarte", blocks=blocks)

    def _item_chart(self, item: dict[str, Any]) -> Chart:
        groups = [g for g in [*self.groups, "total"] if g in item["by_group"]]
        values = list(self.config.scale_values) or sorted(int(k) for k in item["by_group"]["total"]["distribution"])
        series = []
        for value in values:
            shares = []
            for g in groups:
                cell = item["by_group"][g]
                shares.append(cell["distribution"][str(value)] / cell["n"] if cell["n"] else 0.0)
            series.append(Series(self.scale_label(value), shares))
        codes = [c for c in item["by_group"]["total"]["missing"] if c not in ("blank", "unparsed")]
        aside = []
        for code in codes:
            shares = []
            for g in groups:
                cell = item["by_group"][g]
                respondents = cell["n"] + sum(cell["missing"].values())
                shares.append(cell["missing"][code] / respondents if respondents else 0.0)
            aside.append(Series(self.missing_label(code), shares))
        center = len(values) // 2 if len(values) % 2 else None
        categories = [f"{self.name(g)} (n{NBSP}={NBSP}{number(item['by_group'][g]['n'])})" for g in groups]
        return Chart(type="diverging", categories=categories, series=series, center=center, aside=aside,
                     axis_label="Andel av gyldige svar", aside_label="Andel av alle svar", percent=True)

    def _item_table(self, item_id: str, item: dict[str, Any]) -> Table:
        codes = list(item["by_group"]["total"]["missing"])
        columns = [Column("Gruppe"), Column("n", "int"), Column("Median", "float1"), Column("Snitt", "float2"),
                   *[Column(self.missing_label(code), "int") for code in codes]]
        rows = []
        for group, cell in [*[(g, item["by_group"][g]) for g in self.groups if g in item["by_group"]],
                            *item["by_subgroup"].items()]:
            label = self.name(group) if group in item["by_group"] else f"– {self.name(group)}"
            rows.append([label, cell["n"], cell["median"], cell["mean"], *[cell["missing"][c] for c in codes]])
        total = item["by_group"]["total"]
        return make_table(f"pastand-{item_id.lower()}", f"{item_id} {item['label']}: svar per gruppe", columns, rows,
                          total=["Alle", total["n"], total["median"], total["mean"],
                                 *[total["missing"][c] for c in codes]],
                          note="n = gyldige svar på skalaen; de øvrige kolonnene telles utenfor n. "
                               "Undergrupper er markert med tankestrek.")

    def pastander(self) -> Section:
        subsections = []
        scale = ", ".join(f"{self.scale_label(v)}" for v in self.config.scale_values)
        for item_id, item in self.r["likert"].items():
            blocks: list[Block] = [Paragraph(f"Påstand: «{item['question']}»")]
            total = item["by_group"]["total"]
            if total["n"]:
                blocks.append(Figure(id=f"fig-{item_id.lower()}", caption=f"{item_id} {item['label']}",
                                     chart=self._item_chart(item),
                                     note="Venstre: andeler av de gyldige svarene på skalaen, nøytralt svar midt "
                                          "over null. Høyre: andelen som svarte «Vet ikke» eller «Ikke relevant».",
                                     alt=f"Fordeling av svarene på {item['label']} per gruppe"))
            blocks.append(self._item_table(item_id, item))
            if item["unparsed_values"]:
                values = ", ".join(f"«{v}» ({number(n)})" for v, n in item["unparsed_values"].items())
                blocks.append(Paragraph(f"Svar som ikke passer skalaen og er telt som ugyldige: {values}.",
                                        style="note"))
            subsections.append(Section(id=f"pastand-{item_id.lower()}-s", title=f"{item_id} {item['label']}",
                                       level=2, blocks=blocks))
        intro: list[Block] = [Paragraph(
            f"Påstandene er besvart på skalaen {scale}. Figurene viser fordelingen per gruppe: andelene som er "
            "uenige til venstre for den loddrette streken, de som er enige til høyre." if scale else
            "Figurene viser fordelingen per gruppe.")] if self.r["likert"] else [
            Paragraph("Undersøkelsen har ingen påstander med svarskala.")]
        return Section(id="pastander", title="Svar på påstandene", blocks=intro, subsections=subsections)

    def _median(self, item: dict[str, Any], group: str) -> str:
        return format_cell(self._cell(item, group)["median"], "float1")

    def _comparison_sentence(self, item_id: str, item: dict[str, Any], c: dict[str, Any]) -> str:
        a, b = c["groups"]
        what = f"{item_id} «{item['label']}»"
        if not c["tested"]:
            return (f"{what}: {self.name(a)} og {self.name(b)} er ikke sammenlignet, fordi det er for få gyldige svar "
                    f"({number(c['n'][0])} og {number(c['n'][1])}; minst {number(self.thresholds['min_n_test'])} "
                    "trengs).")
        numbers = (f"U{NBSP}={NBSP}{number(c['u'], 1)}, Holm-justert {p_equals(c['p_holm'])}, "
                   f"rangbiserial r{NBSP}={NBSP}{number(abs(c['rank_biserial']), 2)}")
        if c["higher_group"]:
            higher = c["higher_group"]
            lower = b if higher == a else a
            return (f"{what}: {self.name(higher)} svarer gjennomgående høyere enn {self.name(lower)} (median "
                    f"{self._median(item, higher)} mot {self._median(item, lower)}; {numbers}).")
        return (f"{what}: ingen sikker forskjell mellom {self.name(a)} og {self.name(b)} (median "
                f"{self._median(item, a)} og {self._median(item, b)}; {numbers}).")

    def sammenligninger(self) -> Section:
        rows = []
        sentences = []
        for item_id, item in self.r["likert"].items():
            for c in item["comparisons"]:
                a, b = c["groups"]
                sentences.append(self._comparison_sentence(item_id, item, c))
                rows.append([item_id, self.name(a), self.name(b), c["n"][0], c["n"][1], c["u"], c["p"], c["p_holm"],
                             c["rank_biserial"], self.name(c["higher_group"]) if c["higher_group"] else ""])
        blocks: list[Block] = [Paragraph(
            "En forskjell omtales som reell bare der Holm-justert p er under "
            f"{number(self.thresholds['alpha'], 2)}. Rangbiserial r går fra 0 (ingen forskjell) til 1 (alle i den "
            "ene gruppen svarer høyere enn alle i den andre); i tabellen er fortegnet positivt når den første "
            "gruppen svarer høyest.")]
        if sentences:
            blocks.append(BulletList(sentences))
            columns = [Column("Påstand"), Column("Gruppe A"), Column("Gruppe B"), Column("n A", "int"),
                       Column("n B", "int"), Column("U", "float1"), Column("p", "p"), Column("Holm-p", "p"),
                       Column("r", "float2"), Column("Høyest")]
            blocks.append(make_table("sammenligninger", "Parvise sammenligninger (Mann–Whitney U)", columns, rows,
                                     note="Tomt i «Høyest»: ingen forskjell som holder etter Holm-korreksjon.",
                                     widths=[1, 2, 2, 0.8, 0.8, 1, 1, 1, 0.8, 2]))
        return Section(id="sammenligninger", title="Forskjeller mellom gruppene", blocks=blocks)

    def _top_themes(self, qid: str) -> list[tuple[str, dict[str, Any]]]:
        counts = self.r["themes"].get(qid, {})
        order = list(counts)
        ranked = sorted((t for t in counts if counts[t]["answers"]), key=lambda t: (-counts[t]["answers"],
                                                                                     order.index(t)))
        return [(t, counts[t]) for t in ranked[:TOP_THEMES]]

    def _question_title(self, qid: str) -> str:
        kind = self.r["open_questions"][qid]["kind"]
        kinds = [q["kind"] for q in self.r["open_questions"].values()]
        title = KIND_TITLES.get(kind, "Andre kommentarer")
        return title if kinds.count(kind) == 1 else f"{title} ({qid})"

    def _quotes(self, qid: str, theme: str) -> list[Quote]:
        """Up to :data:`QUOTES_PER_THEME` statements coded with ``theme``: the most confident first,
        from different groups where possible, not too short or long."""
        candidates = []
        for answer in self.r["answers"]:
            if answer["question"] != qid:
                continue
            for coded in answer["themes"]:
                if coded["theme"] == theme:
                    text = answer["text"][coded["start"]:coded["end"]].strip()
                    if text:
                        fit = 0 if 30 <= len(text) <= 260 else 1
                        candidates.append((fit, -float(coded["confidence"] or 0), answer["id"], text, answer))
                    break
        candidates.sort(key=lambda c: (c[0], c[1], c[2]))
        quotes: list[Quote] = []
        groups: set[str] = set()
        for prefer_new_group in (True, False):
            for _, _, _, text, answer in candidates:
                if len(quotes) >= QUOTES_PER_THEME:
                    break
                if prefer_new_group and answer["group"] in groups:
                    continue
                if any(_same_text(q.text, text) for q in quotes):
                    continue
                groups.add(answer["group"])
                who = self.name(answer["group"])
                if answer.get("subgroup"):
                    who += f", {self.name(answer['subgroup']).lower()}"
                quotes.append(Quote(text=_shorten(text, 300), source=who))
        return quotes

    def apne_svar(self) -> Section:
        subsections = []
        polarities = ("facilitator", "barrier", "proposal")
        for qid, question in self.r["open_questions"].items():
            blocks: list[Block] = [
                Paragraph(f"Spørsmål: «{question['column']}»"),
                Paragraph(f"{number(question['answered'])} svar med innhold; {number(question['empty'])} lot feltet "
                          "stå tomt eller svarte uten innhold («vet ikke», «ingen merknader» …).")]
            top = self._top_themes(qid)
            if top:
                columns = [Column("Tema"), Column("Svar", "int"), Column("Andel", "share"),
                           *[Column(self.polarity(p), "int") for p in polarities]]
                blocks.append(make_table(f"temaer-{qid}", f"{self._question_title(qid)}: temaene som nevnes oftest",
                                         columns, [[self.theme(t), c["answers"], c["share"],
                                                    *[c[p] for p in polarities]] for t, c in top],
                                         note="Andel = andel av svarene med innhold. Et svar kan nevne flere temaer.",
                                         widths=[3, 1, 1, 1, 1, 1]))
                for theme, counts in top[:QUOTED_THEMES]:
                    quotes = self._quotes(qid, theme)
                    if quotes:
                        blocks.append(Paragraph(f"{self.theme(theme)} ({number(counts['answers'])} svar):"))
                        blocks.extend(quotes)
            elif question["answered"]:
                blocks.append(Paragraph("Ingen av svarene kunne knyttes til et tema i kodeboken."))
            absent = self.r["absent_themes"].get(qid, [])
            if absent and question["answered"]:
                blocks.append(Paragraph("Ingen svar på dette spørsmålet nevner " + self._themes(absent) + "."))
            subsections.append(Section(id=f"apne-{qid}", title=self._question_title(qid), level=2, blocks=blocks))
        intro = [Paragraph("Sitatene er utsagn fra svarene slik de står etter pseudonymisering; personnavn, "
                           "telefonnumre, e-postadresser, fødselsnumre og adresser er byttet ut med plassholdere.")]
        return Section(id="apne-svar", title="Åpne svar", blocks=list(intro), subsections=subsections)

    def fravaerende(self) -> Section:
        absent = self.r["absent_themes"]
        def cell(themes: list[str]) -> str:
            return "; ".join(self.theme(t) for t in themes) or "–"

        rows = [["Alle spørsmål og grupper", cell(absent["all"])]]
        for qid in self.r["open_questions"]:
            rows.append([f"Spørsmål: {self._question_title(qid)}",
                         cell(absent.get(qid, []))])
        for group, themes in absent.get("by_group", {}).items():
            rows.append([f"Gruppe: {self.name(group)}", cell(themes)])
        table = make_table("fravaerende-temaer", "Temaer i kodeboken som ingen svar nevner",
                           [Column("Omfang"), Column("Temaer ingen nevner")], rows, widths=[1.3, 3])
        blocks: list[Block] = [Paragraph(
            "Det som ingen nevner, kan være like viktig som det mange nevner: et tema kan mangle fordi det "
            "fungerer, fordi ingen tenker på det, eller fordi spørsmålene ikke inviterte til det. Tabellen viser "
            "temaene i kodeboken som ikke forekommer i noen av de åpne svarene, per spørsmål og per gruppe."),
            table]
        small = [g for g in self.groups if self.rates[g]["responded"] < self.thresholds["min_group_n"]]
        if small:
            blocks.append(Paragraph("For grupper med få svar (" + _list([self.name(g) for g in small]) + ") sier et "
                                    "fraværende tema lite: det kan skyldes at så få har svart.", style="warning"))
        return Section(id="fravaerende-temaer", title="Temaer ingen nevner", blocks=blocks)

    def forbehold(self) -> Section:
        order = {code: index for index, code in enumerate(PROMINENT)}
        caveats = sorted(self.caveats, key=lambda c: order.get(c["code"], len(order)))
        blocks: list[Block] = [Paragraph(
            "Forbeholdene under er laget av analysen selv og gjelder tallene i denne rapporten. De viktigste står "
            "først.")]
        blocks.extend(self._warnings())
        rest = [self._readable(c["message"]) for c in caveats]
        if rest:
            blocks.append(BulletList(rest))
        else:
            blocks.append(Paragraph("Analysen fant ingen forhold som krever særskilte forbehold."))
        return Section(id="forbehold", title="Forbehold", blocks=blocks)

    def vedlegg(self) -> Section:
        blocks: list[Block] = [Paragraph("Fordelingen av svarene på hver påstand (antall), per gruppe og "
                                         "undergruppe. Alle tabeller i rapporten finnes også i regnearket.")]
        values = list(self.config.scale_values)
        if self.r["likert"] and values:
            rows = []
            for item_id, item in self.r["likert"].items():
                for group, cell in [*item["by_group"].items(), *item["by_subgroup"].items()]:
                    label = self.name(group) if group in item["by_group"] else f"– {self.name(group)}"
                    rows.append([item_id, label, *[cell["distribution"][str(v)] for v in values], cell["n"]])
            blocks.append(make_table("fordeling", "Fordeling av svarene på påstandene (antall)",
                                     [Column("Påstand"), Column("Gruppe"),
                                      *[Column(self.scale_label(v), "int") for v in values], Column("n", "int")],
                                     rows))
        return Section(id="vedlegg", title="Vedlegg: fordelinger", blocks=blocks)


def all_tables(report: SurveyReport) -> list[Table]:
    """Every table of the report, in reading order (for the spreadsheet)."""
    return report.document.tables()
