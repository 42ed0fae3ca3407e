"""The analysis of one survey export, assembled into the JSON of shared/spec/survey.md.

:func:`analyse` is pure: tables and a config in, a dict out.  Free text is pseudonymised as it is
taken from the table (:class:`~samrev.survey.pseudonymise.Pseudonymiser`); nothing after that sees
an original string.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from typing import Any, Protocol

from samrev.survey.config import SurveyConfig, lookup_value, resolve_column
from samrev.survey.matching import is_empty_answer, match_key
from samrev.survey.pseudonymise import Pseudonymiser
from samrev.survey.read import Table
from samrev.survey.stats import UNPARSED, Cell, LikertParser, holm, mann_whitney, summarise, wilson

POLARITIES = ("facilitator", "barrier", "proposal")


@dataclass(frozen=True, slots=True)
class CodedStatement:
    theme: str
    polarity: str
    start: int
    end: int
    source: str
    confidence: float
    # what the code rests on: matched spans ({start, end, text}, offsets into the answer) for a rule,
    # the top features ({feature, weight, spans}) for a model
    evidence: tuple[dict[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"theme": self.theme, "polarity": self.polarity, "start": self.start, "end": self.end,
                "source": self.source, "confidence": self.confidence, "evidence": list(self.evidence)}


class AnswerCoder(Protocol):
    theme_ids: list[str]

    def code_answer(self, text: str, kind: str) -> list[CodedStatement]: ...


@dataclass(slots=True)
class Response:
    row: int
    id: str
    group: str
    subgroup: str | None
    cells: list[str]


def _caveat(code: str, message: str, **where: Any) -> dict[str, Any]:
    return {"code": code, "message": message, **{k: v for k, v in where.items() if v is not None}}


def _pct(x: float) -> str:
    return f"{x * 100:.0f} %".replace(".", ",")


def _accept_rows(table: Table, config: SurveyConfig,
                 path: str) -> tuple[list[Response], list[dict[str, Any]], Counter[str]]:
    id_col = resolve_column(table, config.id_column, "id_column", config.source, path)
    group_col = resolve_column(table, config.group.column, "group.column", config.source, path)
    sub_col = (resolve_column(table, config.subgroup.column, "subgroup.column", config.source, path)
               if config.subgroup else None)
    accepted: list[Response] = []
    rejected: list[dict[str, Any]] = []
    seen: set[str] = set()
    raw_groups: Counter[str] = Counter()
    for number, row in enumerate(table.rows, start=1):
        ident = row[id_col].strip()
        raw_group = row[group_col]
        raw_groups[match_key(raw_group)] += 1
        reason = None
        group = config.group.lookup(raw_group)
        if ident and ident in seen:
            reason = "duplicate_id"
        elif not match_key(raw_group):
            reason = "missing_group"
        elif group is None:
            reason = "unknown_group"
        seen.add(ident)
        if reason or group is None:
            rejected.append({"row": number, "id": ident, "reason": reason})
            continue
        subgroup = config.subgroup.lookup(row[sub_col]) if config.subgroup and sub_col is not None else None
        accepted.append(Response(number, ident, group, subgroup, row))
    return accepted, rejected, raw_groups


@dataclass(slots=True)
class _Frame:
    invited: Counter[str]
    sub_invited: Counter[str]
    organisations: list[tuple[str, str]]  # (group, name)
    unmapped: int


def _read_frame(frame: Table, config: SurveyConfig, path: str) -> _Frame:
    spec = config.frame
    if spec is None:
        from samrev.core.errors import SurveyBadConfig

        raise SurveyBadConfig(config=config.source,
                              detail="--frame er gitt, men konfigurasjonen mangler nøkkelen frame")
    if spec.id_column:
        resolve_column(frame, spec.id_column, "frame.id_column", config.source, path)
    group_col = resolve_column(frame, spec.group_column, "frame.group_column", config.source, path)
    sub_col = (resolve_column(frame, spec.subgroup_column, "frame.subgroup_column", config.source, path)
               if spec.subgroup_column else None)
    org_col = (resolve_column(frame, spec.organisation_column, "frame.organisation_column", config.source, path)
               if spec.organisation_column else None)
    invited: Counter[str] = Counter()
    sub_invited: Counter[str] = Counter()
    orgs: list[tuple[str, str]] = []
    unmapped = 0
    groups = set(config.group.order)
    for row in frame.rows:
        raw = row[group_col]
        if spec.group_values is not None:
            group = lookup_value(spec.group_values, raw)
        else:
            group = raw.strip() if raw.strip() in groups else None
        if group is None:
            unmapped += 1
            continue
        invited[group] += 1
        if sub_col is not None:
            sub = lookup_value(spec.subgroup_values, row[sub_col]) if spec.subgroup_values else (
                row[sub_col].strip() if row[sub_col].strip() in config.subgroup_ids else None)
            if sub is not None:
                sub_invited[sub] += 1
        if org_col is not None and row[org_col].strip():
            orgs.append((group, row[org_col].strip()))
    return _Frame(invited, sub_invited, orgs, unmapped)


def _rate(responded: int, invited: int | None) -> dict[str, Any]:
    if invited is None:
        return {"invited": None, "responded": responded, "rate": None, "ci95": None}
    ci = wilson(responded, invited)
    return {"invited": invited, "responded": responded, "rate": responded / invited if invited else None,
            "ci95": [round(ci[0], 6), round(ci[1], 6)] if ci else None}


def _trust_id(name: str) -> str | None:
    """The registry's health trust for a name, abbreviation or site («SSHF», «St Olav», «Helse Fonna, LMS»)."""
    from samrev.core.errors import UnknownHealthTrust
    from samrev.registry.lookup import health_trust

    for candidate in dict.fromkeys([name, name.split(",")[0], name.split("(")[0]]):
        if candidate.strip():
            try:
                return health_trust(candidate.strip()).id
            except UnknownHealthTrust:
                continue
    return None


def _organisations(responses: list[Response], column: int, frame: _Frame,
                   pseudo: Pseudonymiser) -> dict[str, Any]:
    """Typed organisation names against the frame: exact, then the same health trust in the registry
    (abbreviations, sites, «…, LMS»), then a fuzzy match within the respondent's group."""
    from rapidfuzz import fuzz, process

    names = [name for _, name in frame.organisations]
    by_key = {match_key(n): n for n in names}
    by_trust: dict[str, str] = {}
    for name in names:
        trust = _trust_id(name)
        if trust and trust not in by_trust:
            by_trust[trust] = name
    matched = 0
    unmatched: list[dict[str, str]] = []
    variants: dict[str, str] = {}
    for response in responses:
        typed = response.cells[column].strip()
        if not typed:
            continue
        key = match_key(typed)
        if key in by_key:
            matched += 1
            continue
        trust = _trust_id(typed)
        found = by_trust.get(trust) if trust else None
        if found is None:
            candidates = [n for g, n in frame.organisations if g == response.group] or names
            best = process.extractOne(key, {n: match_key(n) for n in candidates}, scorer=fuzz.token_set_ratio)
            found = best[2] if best is not None and best[1] >= 85 else None
        if found is not None:
            matched += 1
            variants[pseudo(typed)] = Pseudonymiser()(found)  # frame names too, but not counted
        else:
            unmatched.append({"id": response.id, "value": pseudo(typed)})
    return {"matched": matched, "unmatched": unmatched, "variants": variants}


def analyse(responses_table: Table, config: SurveyConfig, coder: AnswerCoder, frame_table: Table | None = None,
            *, responses_path: str = "RESPONSES", frame_path: str = "FRAME") -> dict[str, Any]:
    """The spec's JSON object for one export (and optionally its sampling frame)."""
    pseudo = Pseudonymiser()
    caveats: list[dict[str, Any]] = []
    responses, rejected, raw_groups = _accept_rows(responses_table, config, responses_path)
    item_cols = {item.id: resolve_column(responses_table, item.column, f"likert.items.{item.id}", config.source,
                                         responses_path) for item in config.items}
    open_cols = {q.id: resolve_column(responses_table, q.column, f"open_questions.{q.id}", config.source,
                                      responses_path) for q in config.open_questions}
    org_col = (resolve_column(responses_table, config.organisation_column, "organisation_column", config.source,
                              responses_path) if config.organisation_column else None)
    frame = _read_frame(frame_table, config, frame_path) if frame_table is not None else None
    groups = config.group.order
    subgroups = config.subgroup_ids

    # --- configured values that never occur
    for mapping in [m for m in (config.group, config.subgroup) if m is not None]:
        if mapping is config.group:
            occurring = set(raw_groups)  # every row, rejected ones too
        else:
            sub_col = resolve_column(responses_table, mapping.column, mapping.key, config.source, responses_path)
            occurring = {match_key(r.cells[sub_col]) for r in responses}
        for value in mapping.values:
            if not any(lookup_value({value: "x"}, seen) for seen in occurring):
                caveats.append(_caveat("unused_group_value",
                                       f"Svaralternativet «{value}» ({mapping.key}) forekommer ikke i svarene.",
                                       value=value))

    if rejected:
        counts = Counter(r["reason"] for r in rejected)
        detail = ", ".join(f"{n} {reason}" for reason, n in counts.items())
        caveats.append(_caveat("rejected_rows", f"{len(rejected)} rader er holdt utenfor analysen ({detail})."))

    # --- response rates
    by_group = Counter(r.group for r in responses)
    by_sub = Counter(r.subgroup for r in responses if r.subgroup)
    rates: dict[str, Any] = {}
    for g in groups:
        rates[g] = _rate(by_group[g], frame.invited[g] if frame else None)
    rates["total"] = _rate(len(responses), sum(frame.invited.values()) if frame else None)
    out: dict[str, Any] = {
        "input": responses_table.info.to_dict(),
        "n_responses": len(responses),
        "rejected_rows": rejected,
        "response_rates": rates,
    }
    if frame is None:
        caveats.append(_caveat("no_frame", "Ingen utvalgsramme er gitt, så svarprosent kan ikke beregnes."))
    else:
        if config.subgroup and config.frame and config.frame.subgroup_column:
            out["subgroup_response_rates"] = {s: _rate(by_sub[s], frame.sub_invited[s]) for s in subgroups}
        if frame.unmapped:
            caveats.append(_caveat("frame_unmapped",
                                   f"{frame.unmapped} rader i utvalgsrammen har en kategori som ikke er koblet til "
                                   "noen gruppe, og er ikke med i nevnerne."))
        for key, rate in [*rates.items(), *out.get("subgroup_response_rates", {}).items()]:
            group_key = key if key != "total" else None
            if rate["invited"] == 0 and rate["responded"]:
                caveats.append(_caveat("not_in_frame", f"Gruppen «{key}» har svar, men ingen i utvalgsrammen.",
                                       group=group_key))
            elif rate["invited"] and rate["responded"] > rate["invited"]:
                caveats.append(_caveat("responded_exceeds_invited",
                                       f"«{key}» har flere svar ({rate['responded']}) enn inviterte "
                                       f"({rate['invited']}); sjekk utvalgsrammen.", group=group_key))
            elif key != "total" and rate["rate"] is not None and rate["rate"] < config.thresholds["low_response_rate"]:
                caveats.append(_caveat("low_response_rate",
                                       f"Lav svarprosent for «{key}»: {rate['responded']} av {rate['invited']} "
                                       f"({_pct(rate['rate'])}). Svarene er neppe representative for gruppen.",
                                       group=key))
    small = {g for g in groups if by_group[g] < config.thresholds["min_group_n"]}
    for g in groups:
        if g in small:
            caveats.append(_caveat("small_group", f"Bare {by_group[g]} svar fra «{g}» (under "
                                   f"{config.thresholds['min_group_n']:.0f}); tolk tallene med varsomhet.", group=g))

    # --- Likert items
    parser = LikertParser(config.scale, config.missing, config.scale_values)
    codes = config.missing_codes
    likert: dict[str, Any] = {}
    tested: list[dict[str, Any]] = []
    for item in config.items:
        col = item_cols[item.id]
        cells = {r.row: parser.parse(r.cells[col]) for r in responses}

        def pick(members: list[Response], _cells: dict[int, Cell] = cells) -> list[Cell]:
            return [_cells[r.row] for r in members]

        per_group = {g: summarise(pick([r for r in responses if r.group == g]), config.scale_values, codes)
                     for g in groups}
        per_group["total"] = summarise(pick(responses), config.scale_values, codes)
        per_sub = {s: summarise(pick([r for r in responses if r.subgroup == s]), config.scale_values, codes)
                   for s in subgroups}
        unparsed = Counter(pseudo(c.raw.strip()) for c in cells.values() if c.code == UNPARSED)
        if unparsed:
            caveats.append(_caveat("unparsed_values",
                                   f"{sum(unparsed.values())} svar på {item.id} passer ikke skalaen og er telt som "
                                   f"manglende: {', '.join(f'«{v}»' for v in unparsed)}.", item=item.id))
        for g in groups:
            summary = per_group[g]
            answered = len([r for r in responses if r.group == g])
            if g not in small and 0 < summary["n"] < config.thresholds["min_group_n"]:
                caveats.append(_caveat("small_cell", f"Bare {summary['n']} gyldige svar på {item.id} fra «{g}».",
                                       group=g, item=item.id))
            missing_n = sum(summary["missing"].values())
            if answered and missing_n / answered >= config.thresholds["high_missing"]:
                caveats.append(_caveat("high_missing", f"{_pct(missing_n / answered)} av «{g}» mangler gyldig svar "
                                       f"på {item.id}.", group=g, item=item.id))
        values = {g: [c.value for c in pick([r for r in responses if r.group == g]) if c.value is not None]
                  for g in groups}
        values.update({s: [c.value for c in pick([r for r in responses if r.subgroup == s]) if c.value is not None]
                       for s in subgroups})
        comparisons = []
        for a, b in [*combinations(groups, 2), *config.compare]:
            xa, xb = values[a], values[b]
            comparison: dict[str, Any] = {"groups": [a, b], "n": [len(xa), len(xb)], "tested": False, "u": None,
                                          "p": None, "p_holm": None, "rank_biserial": None, "higher_group": None}
            if min(len(xa), len(xb)) >= config.thresholds["min_n_test"]:
                u, p = mann_whitney(xa, xb)
                comparison.update(tested=True, u=u, p=p, rank_biserial=round(2 * u / (len(xa) * len(xb)) - 1, 6))
                tested.append(comparison)
            else:
                caveats.append(_caveat("not_tested", f"{item.id}: «{a}» mot «{b}» er ikke testet (for få svar: "
                                       f"{len(xa)} og {len(xb)}).", item=item.id, group=a if len(xa) < len(xb) else b))
            comparisons.append(comparison)
        likert[item.id] = {"question": item.column, "label": item.label, "by_group": per_group,
                           "by_subgroup": per_sub, "unparsed_values": dict(unparsed), "comparisons": comparisons}
    alpha = config.thresholds["alpha"]
    for comparison, adjusted in zip(tested, holm([c["p"] for c in tested]), strict=True):
        comparison["p_holm"] = adjusted
        na, nb = comparison["n"]
        if adjusted < alpha and comparison["u"] != na * nb / 2:
            comparison["higher_group"] = comparison["groups"][0] if comparison["u"] > na * nb / 2 else comparison[
                "groups"][1]
    for item_id, item_data in likert.items():
        item_data["verdicts"] = [_verdict(item_id, c) for c in item_data["comparisons"] if c["higher_group"]]
    out["likert"] = likert

    # --- open answers
    out.update(_open_answers(responses, config, open_cols, coder, pseudo))
    if org_col is not None and frame is not None and frame.organisations:
        out["organisations"] = _organisations(responses, org_col, frame, pseudo)
        for row in out["organisations"]["unmatched"]:
            caveats.append(_caveat("organisation_not_in_frame",
                                   f"Organisasjonen «{row['value']}» (svar {row['id']}) finnes ikke i utvalgsrammen.",
                                   value=row["value"]))
    out["pseudonymisation"] = pseudo.totals()
    out["caveats"] = caveats
    return out


def _verdict(item_id: str, c: dict[str, Any]) -> str:
    a, b = c["groups"]
    higher = c["higher_group"]
    lower = b if higher == a else a
    return (f"{item_id}: «{higher}» svarer gjennomgående høyere enn «{lower}» (Mann–Whitney, Holm-justert "
            f"p = {c['p_holm']:.3g}, rangbiserial r = {abs(c['rank_biserial']):.2f}).")


def _open_answers(responses: list[Response], config: SurveyConfig, open_cols: dict[str, int], coder: AnswerCoder,
                  pseudo: Pseudonymiser) -> dict[str, Any]:
    theme_ids = coder.theme_ids
    questions: dict[str, Any] = {}
    themes: dict[str, Any] = {}
    answers: list[dict[str, Any]] = []
    mentioned: dict[str, set[str]] = {q.id: set() for q in config.open_questions}
    by_group: dict[str, set[str]] = {g: set() for g in config.group.order}
    for question in config.open_questions:
        col = open_cols[question.id]
        answered = 0
        empty = 0
        counts = {t: {"answers": 0, "share": 0.0, **dict.fromkeys(POLARITIES, 0)} for t in theme_ids}
        for response in responses:
            raw = response.cells[col]
            if is_empty_answer(raw):
                empty += 1
                continue
            answered += 1
            text = pseudo(raw.strip())
            coded = coder.code_answer(text, question.kind)
            present: dict[str, set[str]] = {}
            for statement in coded:
                present.setdefault(statement.theme, set()).add(statement.polarity)
            for theme, polarities in present.items():
                counts[theme]["answers"] += 1
                for polarity in polarities:
                    counts[theme][polarity] += 1
                mentioned[question.id].add(theme)
                by_group[response.group].add(theme)
            answers.append({"id": response.id, "question": question.id, "group": response.group,
                            "subgroup": response.subgroup, "text": text,
                            "themes": [s.to_dict() for s in coded]})
        for entry in counts.values():
            entry["share"] = round(entry["answers"] / answered, 6) if answered else 0.0
        questions[question.id] = {"column": question.column, "kind": question.kind, "answered": answered,
                                  "empty": empty}
        themes[question.id] = counts
    everywhere = set().union(*mentioned.values()) if mentioned else set()
    absent: dict[str, Any] = {"all": [t for t in theme_ids if t not in everywhere]}
    for qid, found in mentioned.items():
        absent[qid] = [t for t in theme_ids if t not in found]
    absent["by_group"] = {g: [t for t in theme_ids if t not in found] for g, found in by_group.items()}
    return {"open_questions": questions, "themes": themes, "absent_themes": absent, "answers": answers}
