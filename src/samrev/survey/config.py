"""survey.yaml → :class:`SurveyConfig` (keys and defaults as in shared/spec/survey.md).

:func:`parse_config` takes the loaded YAML (a dict) and checks every key: an unknown key, a wrong
type or an invalid id raises :class:`~samrev.core.errors.SurveyBadConfig` naming the key.
Columns are resolved against a table later (:func:`resolve_column`), so that a missing column is
reported with the key that names it and the most similar headers.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from samrev.core.errors import SurveyBadConfig, SurveyUnknownColumn
from samrev.survey.matching import match_key
from samrev.survey.read import Table

ID_RE = re.compile(r"^[a-z0-9_]+$")
KINDS = ("good", "poor", "proposal", "other")
DEFAULT_MISSING = {"Vet ikke": "vet_ikke", "Veit ikkje": "vet_ikke", "Ikke relevant": "ikke_relevant",
                   "Ikkje relevant": "ikke_relevant"}
DEFAULT_THRESHOLDS = {"min_group_n": 10, "min_n_test": 5, "low_response_rate": 0.30, "high_missing": 0.20,
                      "alpha": 0.05}


@dataclass(frozen=True, slots=True)
class Mapping:
    """A column and its value map (matched by :func:`match_key`, or by prefix for keys ending in ``*``)."""

    column: str
    values: dict[str, str]
    order: list[str]
    key: str  # the config key, for messages

    def lookup(self, value: str) -> str | None:
        return lookup_value(self.values, value)


def lookup_value(values: dict[str, str], value: str) -> str | None:
    key = match_key(value)
    if not key:
        return None
    exact = {match_key(k): v for k, v in values.items() if not k.endswith("*")}
    if key in exact:
        return exact[key]
    for pattern, target in values.items():
        if pattern.endswith("*") and key.startswith(match_key(pattern[:-1])):
            return target
    return None


@dataclass(frozen=True, slots=True)
class FrameConfig:
    id_column: str | None
    group_column: str
    group_values: dict[str, str] | None
    subgroup_column: str | None
    subgroup_values: dict[str, str]
    organisation_column: str | None


@dataclass(frozen=True, slots=True)
class LikertItem:
    id: str
    column: str
    label: str


@dataclass(frozen=True, slots=True)
class OpenQuestion:
    id: str
    column: str
    kind: str


@dataclass(frozen=True, slots=True)
class SurveyConfig:
    id_column: str
    group: Mapping
    subgroup: Mapping | None
    organisation_column: str | None
    frame: FrameConfig | None
    scale: dict[str, int]
    missing: dict[str, str]
    items: list[LikertItem]
    open_questions: list[OpenQuestion]
    compare: list[tuple[str, str]]
    thresholds: dict[str, float]
    source: str = "survey.yaml"
    scale_values: list[int] = field(default_factory=list)

    @property
    def missing_codes(self) -> list[str]:
        return list(dict.fromkeys(self.missing.values()))

    @property
    def subgroup_ids(self) -> list[str]:
        return self.subgroup.order if self.subgroup else []


def _bad(source: str, detail: str) -> SurveyBadConfig:
    return SurveyBadConfig(config=source, detail=detail)


def _keys(data: Any, where: str, allowed: set[str], source: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise _bad(source, f"{where} må være en tabell (nøkkel: verdi), ikke {type(data).__name__}")
    unknown = sorted(str(k) for k in data if k not in allowed)
    if unknown:
        raise _bad(source, f"ukjent nøkkel {', '.join(unknown)} i {where} (gyldige: {', '.join(sorted(allowed))})")
    return data


def _text(value: Any, where: str, source: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float) or str(value).strip() == "":
        raise _bad(source, f"{where} må være en tekst")
    return str(value)


def _ident(value: Any, where: str, source: str) -> str:
    text = _text(value, where, source)
    if not ID_RE.match(text):
        raise _bad(source, f"{where}: «{text}» er ingen gyldig id (små bokstaver, sifre og _)")
    if text == "total":
        raise _bad(source, f"{where}: «total» er reservert")
    return text


def _value_map(value: Any, where: str, source: str, *, ids: bool = True) -> dict[str, str]:
    if not isinstance(value, dict) or not value:
        raise _bad(source, f"{where} må være en ikke-tom tabell (svartekst: id)")
    return {_text(k, f"{where}", source): (_ident(v, f"{where}.{k}", source) if ids else _text(v, where, source))
            for k, v in value.items()}


def _mapping(data: Any, key: str, source: str, *, order_key: bool) -> Mapping:
    allowed = {"column", "values", "order"} if order_key else {"column", "values"}
    table = _keys(data, key, allowed, source)
    if "column" not in table:
        raise _bad(source, f"{key}.column mangler")
    values = _value_map(table.get("values"), f"{key}.values", source)
    natural = list(dict.fromkeys(values.values()))
    order = natural
    if order_key and "order" in table:
        raw = table["order"]
        if not isinstance(raw, list) or not raw:
            raise _bad(source, f"{key}.order må være en liste med id-er")
        order = [_ident(v, f"{key}.order", source) for v in raw]
        missing = [v for v in natural if v not in order]
        extra = [v for v in order if v not in natural]
        if extra:
            raise _bad(source, f"{key}.order nevner {', '.join(extra)}, som ikke finnes i {key}.values")
        order += missing
    return Mapping(column=_text(table["column"], f"{key}.column", source), values=values, order=order, key=key)


def _frame(data: Any, source: str) -> FrameConfig:
    table = _keys(data, "frame", {"id_column", "group_column", "group_values", "subgroup_column",
                                  "subgroup_values", "organisation_column"}, source)
    if "group_column" not in table:
        raise _bad(source, "frame.group_column mangler")
    group_values = _value_map(table["group_values"], "frame.group_values", source) if "group_values" in table else None
    sub_values = (_value_map(table["subgroup_values"], "frame.subgroup_values", source)
                  if "subgroup_values" in table else {})

    def opt(key: str) -> str | None:
        return _text(table[key], f"frame.{key}", source) if table.get(key) is not None else None

    return FrameConfig(id_column=opt("id_column"),
                       group_column=_text(table["group_column"], "frame.group_column", source),
                       group_values=group_values, subgroup_column=opt("subgroup_column"), subgroup_values=sub_values,
                       organisation_column=opt("organisation_column"))


def _scale(data: Any, source: str) -> tuple[dict[str, int], dict[str, str], list[LikertItem]]:
    table = _keys(data, "likert", {"scale", "missing", "items"}, source)
    raw_scale = table.get("scale")
    if not isinstance(raw_scale, dict) or not raw_scale:
        raise _bad(source, "likert.scale må være en ikke-tom tabell (svartekst: tall)")
    scale: dict[str, int] = {}
    for k, v in raw_scale.items():
        if isinstance(v, bool) or not isinstance(v, int):
            raise _bad(source, f"likert.scale: verdien for «{k}» må være et heltall")
        scale[_text(k, "likert.scale", source)] = v
    missing = (_value_map(table["missing"], "likert.missing", source) if table.get("missing") is not None
               else dict(DEFAULT_MISSING))
    raw_items = table.get("items")
    if not isinstance(raw_items, dict) or not raw_items:
        raise _bad(source, "likert.items må være en ikke-tom tabell (id: kolonne)")
    items = []
    for item_id, spec in raw_items.items():
        ident = _item_id(item_id, source)
        column, label = _column_entry(spec, f"likert.items.{item_id}", "label", source)
        items.append(LikertItem(ident, column, str(label or column)))
    return scale, missing, items


def _column_entry(spec: Any, where: str, extra: str, source: str) -> tuple[str, Any]:
    """A column given as its name or as a table ``{column, <extra>}``: (column, the extra value or
    None)."""
    if isinstance(spec, dict):
        spec = _keys(spec, where, {"column", extra}, source)
        if "column" not in spec:
            raise _bad(source, f"{where}.column mangler")
        return _text(spec["column"], f"{where}.column", source), spec.get(extra)
    return _text(spec, where, source), None


def _item_id(value: Any, source: str) -> str:
    """Item and question ids may use capitals (``S1``); letters, digits and ``_`` only."""
    text = _text(value, "likert.items", source)
    if not re.match(r"^[A-Za-z0-9_]+$", text):
        raise _bad(source, f"«{text}» er ingen gyldig id (bokstaver, sifre og _)")
    return text


def _open(data: Any, source: str) -> list[OpenQuestion]:
    if not isinstance(data, dict) or not data:
        raise _bad(source, "open_questions må være en ikke-tom tabell (id: kolonne)")
    out = []
    for qid, spec in data.items():
        ident = _item_id(qid, source)
        column, given_kind = _column_entry(spec, f"open_questions.{qid}", "kind", source)
        kind = str(given_kind or (ident if ident in KINDS else "other"))
        if kind not in KINDS:
            raise _bad(source, f"open_questions.{qid}.kind må være en av {', '.join(KINDS)}, ikke «{kind}»")
        out.append(OpenQuestion(ident, column, kind))
    return out


def parse_config(data: Any, *, source: str = "survey.yaml") -> SurveyConfig:
    """Check and convert a loaded survey.yaml."""
    if data is None:
        raise _bad(source, "filen er tom")
    table = _keys(data, "konfigurasjonen", {"id_column", "group", "subgroup", "organisation_column", "frame",
                                            "likert", "open_questions", "compare", "thresholds"}, source)
    if "id_column" not in table:
        raise _bad(source, "id_column mangler")
    if "group" not in table:
        raise _bad(source, "group mangler")
    if "likert" not in table and "open_questions" not in table:
        raise _bad(source, "oppgi minst én av likert og open_questions")
    group = _mapping(table["group"], "group", source, order_key=True)
    subgroup = _mapping(table["subgroup"], "subgroup", source, order_key=True) if table.get("subgroup") else None
    if subgroup:
        clash = set(subgroup.order) & set(group.order)
        if clash:
            raise _bad(source, f"id-ene {', '.join(sorted(clash))} brukes både som gruppe og undergruppe")
    scale: dict[str, int] = {}
    missing: dict[str, str] = dict(DEFAULT_MISSING)
    items: list[LikertItem] = []
    if table.get("likert") is not None:
        scale, missing, items = _scale(table["likert"], source)
    questions = _open(table["open_questions"], source) if table.get("open_questions") is not None else []
    ids = [i.id for i in items] + [q.id for q in questions]
    if len(ids) != len(set(ids)):
        raise _bad(source, "samme id brukes for flere spørsmål")
    known = set(group.order) | set(subgroup.order if subgroup else [])
    compare: list[tuple[str, str]] = []
    for pair in table.get("compare") or []:
        if not isinstance(pair, list) or len(pair) != 2:
            raise _bad(source, "compare må være en liste av par, f.eks. [[klinikkleder, kommune]]")
        a, b = (_ident(x, "compare", source) for x in pair)
        for x in (a, b):
            if x not in known:
                raise _bad(source, f"compare nevner «{x}», som verken er en gruppe eller undergruppe")
        compare.append((a, b))
    thresholds = dict(DEFAULT_THRESHOLDS)
    if table.get("thresholds") is not None:
        given = _keys(table["thresholds"], "thresholds", set(DEFAULT_THRESHOLDS), source)
        for k, v in given.items():
            if isinstance(v, bool) or not isinstance(v, int | float) or v < 0:
                raise _bad(source, f"thresholds.{k} må være et ikke-negativt tall")
            thresholds[k] = float(v)
    frame = _frame(table["frame"], source) if table.get("frame") is not None else None
    org = (_text(table["organisation_column"], "organisation_column", source)
           if table.get("organisation_column") else None)
    values = list(range(min(scale.values()), max(scale.values()) + 1)) if scale else []
    return SurveyConfig(id_column=_text(table["id_column"], "id_column", source), group=group, subgroup=subgroup,
                        organisation_column=org, frame=frame, scale=scale, missing=missing, items=items,
                        open_questions=questions, compare=compare, thresholds=thresholds, source=source,
                        scale_values=values)


def resolve_column(table: Table, column: str, key: str, config_source: str, path: str) -> int:
    """Index of ``column`` in ``table`` (by :func:`match_key`; SPSS labels count too)."""
    wanted = match_key(column)
    for index in range(len(table.headers)):
        if any(match_key(name) == wanted for name in table.names(index)):
            return index
    names = [name for index in range(len(table.headers)) for name in table.names(index)]
    keyed = {match_key(n): n for n in names}
    close = difflib.get_close_matches(wanted, list(keyed), n=3, cutoff=0.0)
    similar = ", ".join(f"«{keyed[c]}»" for c in close) or "(ingen)"
    raise SurveyUnknownColumn(key=key, config=config_source, column=column, path=path, similar=similar)
