"""The shared codebook: 16 fixed themes, three polarities, labels and seed terms.

The default codebook is the packaged YAML file ``samrev/coding/data/codebook.yaml``; users may
pass their own file.  Extra themes are allowed, but the 16 fixed theme ids must stay, because
the national report, checks and exports use them.  Seed terms and cue words follow the pattern
syntax of :mod:`samrev.coding.patterns`.

:func:`validate_codebook` returns every problem it finds (nothing is raised for bad data);
:func:`load_codebook` raises :class:`~samrev.core.errors.CodebookError` naming the file, the
theme and the problem when the file is not usable.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

import yaml

from samrev.coding.patterns import pattern_problem
from samrev.core.errors import CodebookError, InputNotFound

FIXED_THEME_IDS: tuple[str, ...] = (
    "mutual_knowledge",
    "meeting_arenas",
    "relations_trust",
    "equal_partnership",
    "agreement_content",
    "offer_information",
    "complementary_offers",
    "discharge_transitions",
    "funding_resources",
    "user_participation",
    "competence_guidance",
    "ict_communication",
    "leadership_anchoring",
    "terminology",
    "sami_minorities",
    "pandemic_capacity",
)
POLARITY_IDS: tuple[str, ...] = ("facilitator", "barrier", "proposal")
LANGUAGES: tuple[str, ...] = ("nb", "nn", "en")
LANGUAGE_NAMES: Mapping[str, str] = MappingProxyType({"nb": "bokmål", "nn": "nynorsk", "en": "engelsk"})
PACKAGED_SOURCE = "samrev/coding/data/codebook.yaml"

Severity = Literal["error", "warning"]
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem in a codebook; ``where`` is a path into the data (``themes[3].labels.nn``)."""

    where: str
    message: str
    theme: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        place = f"tema «{self.theme}» ({self.where})" if self.theme else self.where
        return f"{place}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def to_dict(self) -> dict[str, Any]:
        return {"where": self.where, "theme": self.theme, "severity": self.severity, "message": self.message}


@dataclass(frozen=True)
class Theme:
    """A theme with labels (nb/nn/en), a bokmål description and seed terms per written standard."""

    id: str
    labels: Mapping[str, str] = field(hash=False)
    description: str
    terms: Mapping[str, tuple[str, ...]] = field(hash=False)

    def label(self, lang: str = "nb") -> str:
        return self.labels.get(lang) or self.labels.get("nb") or self.id

    @property
    def all_terms(self) -> tuple[str, ...]:
        """Every seed term of every language, first occurrence first, without repeats."""
        return tuple(dict.fromkeys(term for terms in self.terms.values() for term in terms))

    @property
    def is_fixed(self) -> bool:
        return self.id in FIXED_THEME_IDS

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "labels": dict(self.labels),
            "description": self.description,
            "terms": {lang: list(terms) for lang, terms in self.terms.items()},
        }


@dataclass(frozen=True)
class Polarity:
    """``facilitator``, ``barrier`` or ``proposal``, with labels and cue words per standard."""

    id: str
    labels: Mapping[str, str] = field(hash=False)
    description: str
    cues: Mapping[str, tuple[str, ...]] = field(hash=False)

    def label(self, lang: str = "nb") -> str:
        return self.labels.get(lang) or self.labels.get("nb") or self.id

    @property
    def all_cues(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(cue for cues in self.cues.values() for cue in cues))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "labels": dict(self.labels),
            "description": self.description,
            "cues": {lang: list(cues) for lang, cues in self.cues.items()},
        }


@dataclass(frozen=True)
class Codebook:
    """A validated codebook.  ``source`` names the file it came from."""

    name: str
    version: str
    themes: tuple[Theme, ...]
    polarities: tuple[Polarity, ...]
    source: str = PACKAGED_SOURCE
    shared_terms: frozenset[str] = field(default_factory=frozenset)

    @property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(theme.id for theme in self.themes)

    @property
    def polarity_ids(self) -> tuple[str, ...]:
        return tuple(polarity.id for polarity in self.polarities)

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise CodebookError(path=self.source, detail=f"temaet «{theme_id}» finnes ikke i kodeboken")

    def has_theme(self, theme_id: str) -> bool:
        return theme_id in self.theme_ids

    def polarity(self, polarity_id: str) -> Polarity:
        for polarity in self.polarities:
            if polarity.id == polarity_id:
                return polarity
        raise CodebookError(path=self.source, detail=f"polariteten «{polarity_id}» finnes ikke i kodeboken")

    def missing_fixed_ids(self) -> tuple[str, ...]:
        present = set(self.theme_ids)
        return tuple(theme_id for theme_id in FIXED_THEME_IDS if theme_id not in present)

    def polarity_id(self, value: str) -> str | None:
        """The polarity id for an id or a label in any language (case-insensitive), else None."""
        wanted = value.strip().casefold()
        for polarity in self.polarities:
            names = {polarity.id, *polarity.labels.values()}
            if wanted in {name.casefold() for name in names}:
                return polarity.id
        return None

    def to_dict(self) -> dict[str, Any]:
        """The codebook as YAML/JSON-ready data; it validates again as a codebook file."""
        return {
            "name": self.name,
            "version": self.version,
            "languages": list(LANGUAGES),
            "shared_terms": sorted(self.shared_terms),
            "polarities": [polarity.to_dict() for polarity in self.polarities],
            "themes": [theme.to_dict() for theme in self.themes],
        }


# --- validation ------------------------------------------------------------------------------


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, where: str, message: str, theme: str | None = None) -> None:
        self.problems.append(Problem(where, message, theme, "error"))

    def warning(self, where: str, message: str, theme: str | None = None) -> None:
        self.problems.append(Problem(where, message, theme, "warning"))


def _type_name(value: object) -> str:
    names = {dict: "tabell", list: "liste", str: "tekst", int: "tall", float: "tall", bool: "sann/usann"}
    return "tom verdi" if value is None else names.get(type(value), type(value).__name__)


def _check_text(out: _Collector, value: object, where: str, what: str, theme: str | None = None) -> bool:
    if not isinstance(value, str):
        if value is None:
            out.error(where, f"mangler {what}", theme)
        else:
            out.error(where, f"{what} må være tekst, ikke {_type_name(value)}", theme)
        return False
    if not value.strip():
        out.error(where, f"{what} er tom", theme)
        return False
    return True


def _check_labels(out: _Collector, value: object, where: str, theme: str | None) -> None:
    if not isinstance(value, dict):
        out.error(where, "mangler etiketter (labels med nb, nn og en)" if value is None
                  else f"labels må være en tabell med nb, nn og en, ikke {_type_name(value)}", theme)
        return
    for lang in LANGUAGES:
        if lang not in value:
            out.error(f"{where}.{lang}", f"mangler etikett på {LANGUAGE_NAMES[lang]} ({lang})", theme)
        else:
            _check_text(out, value[lang], f"{where}.{lang}", f"etiketten på {LANGUAGE_NAMES[lang]}", theme)
    for extra in sorted(set(value) - set(LANGUAGES), key=str):
        out.warning(f"{where}.{extra}", f"ukjent språk «{extra}» (ventet nb, nn, en)", theme)


def _check_pattern_lists(
    out: _Collector, value: object, where: str, theme: str | None, what: str
) -> dict[str, list[str]]:
    """Check a ``{nb: [...], nn: [...], en: [...]}`` table of patterns; return the valid ones."""
    valid: dict[str, list[str]] = {}
    if not isinstance(value, dict):
        out.error(where, f"mangler {what} (en tabell med nb, nn og en)" if value is None
                  else f"{what} må være en tabell med nb, nn og en, ikke {_type_name(value)}", theme)
        return valid
    for lang in LANGUAGES:
        entries = value.get(lang)
        place = f"{where}.{lang}"
        if entries is None or entries == []:
            out.error(place, f"ingen {what} på {LANGUAGE_NAMES[lang]} ({lang})", theme)
            continue
        if not isinstance(entries, list):
            out.error(place, f"{what} på {LANGUAGE_NAMES[lang]} må være en liste, ikke {_type_name(entries)}",
                      theme)
            continue
        seen: set[str] = set()
        good: list[str] = []
        for index, entry in enumerate(entries):
            problem = pattern_problem(entry)
            if problem:
                out.error(f"{place}[{index}]", f"ugyldig mønster: {problem}", theme)
                continue
            assert isinstance(entry, str)  # noqa: S101  (pattern_problem checked the type)
            key = " ".join(entry.split())
            if key in seen:
                out.warning(f"{place}[{index}]", f"«{entry}» står to ganger", theme)
                continue
            seen.add(key)
            good.append(key)
        valid[lang] = good
    for extra in sorted(set(value) - set(LANGUAGES), key=str):
        out.warning(f"{where}.{extra}", f"ukjent språk «{extra}» (ventet nb, nn, en)", theme)
    return valid


_THEME_KEYS = {"id", "labels", "description", "terms"}
_POLARITY_KEYS = {"id", "labels", "description", "cues"}
_TOP_KEYS = {"name", "version", "languages", "shared_terms", "polarities", "themes"}


def _is_valid_id(value: str) -> bool:
    return value.isascii() and value[:1].isalpha() and value.islower() and all(
        ch.isalnum() or ch == "_" for ch in value
    )


def _check_themes(out: _Collector, themes: object, shared: set[str], strict: bool) -> None:
    if not isinstance(themes, list) or not themes:
        out.error("themes", "mangler temaer (en liste)" if not themes else
                  f"themes må være en liste, ikke {_type_name(themes)}")
        return
    seen_ids: dict[str, int] = {}
    owner: dict[str, str] = {}  # term -> theme id that used it first
    for index, item in enumerate(themes):
        where = f"themes[{index}]"
        if not isinstance(item, dict):
            out.error(where, f"et tema må være en tabell, ikke {_type_name(item)}")
            continue
        raw_id = item.get("id")
        theme_id: str | None = None
        if _check_text(out, raw_id, f"{where}.id", "id"):
            assert isinstance(raw_id, str)  # noqa: S101
            theme_id = raw_id
            if not _is_valid_id(raw_id):
                out.error(f"{where}.id", "id skal bare ha små bokstaver a–z, sifre og _ "
                          "(f.eks. user_participation)", theme_id)
            if raw_id in seen_ids:
                out.error(f"{where}.id", f"id-en er brukt to ganger (også i themes[{seen_ids[raw_id]}])",
                          theme_id)
            else:
                seen_ids[raw_id] = index
        label = theme_id or where
        _check_labels(out, item.get("labels"), f"{where}.labels", theme_id)
        _check_text(out, item.get("description"), f"{where}.description", "beskrivelse", theme_id)
        terms = _check_pattern_lists(out, item.get("terms"), f"{where}.terms", theme_id, "søkeord")
        for extra in sorted(set(item) - _THEME_KEYS, key=str):
            out.warning(f"{where}.{extra}", f"ukjent felt «{extra}» blir ikke brukt", theme_id)
        for lang, patterns in terms.items():
            for term in patterns:
                first = owner.setdefault(term, label)
                if first != label and term not in shared:
                    out.error(f"{where}.terms.{lang}",
                              f"søkeordet «{term}» står også under temaet «{first}» "
                              "(legg det i shared_terms hvis det skal deles)", theme_id)
    missing = [theme_id for theme_id in FIXED_THEME_IDS if theme_id not in seen_ids]
    for theme_id in missing:
        message = f"mangler det faste temaet «{theme_id}», som den nasjonale rapporten bruker"
        if strict:
            out.error("themes", message)
        else:
            out.warning("themes", message)


def _check_polarities(out: _Collector, polarities: object) -> None:
    if not isinstance(polarities, list) or not polarities:
        out.error("polarities", "mangler polariteter (en liste)" if not polarities else
                  f"polarities må være en liste, ikke {_type_name(polarities)}")
        return
    seen: set[str] = set()
    for index, item in enumerate(polarities):
        where = f"polarities[{index}]"
        if not isinstance(item, dict):
            out.error(where, f"en polaritet må være en tabell, ikke {_type_name(item)}")
            continue
        raw_id = item.get("id")
        if _check_text(out, raw_id, f"{where}.id", "id"):
            assert isinstance(raw_id, str)  # noqa: S101
            if raw_id not in POLARITY_IDS:
                out.error(f"{where}.id", f"ukjent polaritet «{raw_id}» (gyldige: {', '.join(POLARITY_IDS)})")
            elif raw_id in seen:
                out.error(f"{where}.id", f"polariteten «{raw_id}» står to ganger")
            seen.add(raw_id)
        _check_labels(out, item.get("labels"), f"{where}.labels", None)
        _check_text(out, item.get("description"), f"{where}.description", "beskrivelse")
        _check_pattern_lists(out, item.get("cues"), f"{where}.cues", None, "markører")
        for extra in sorted(set(item) - _POLARITY_KEYS, key=str):
            out.warning(f"{where}.{extra}", f"ukjent felt «{extra}» blir ikke brukt")
    for polarity_id in POLARITY_IDS:
        if polarity_id not in seen:
            out.error("polarities", f"mangler polariteten «{polarity_id}»")


def validate_codebook(data: object, *, strict: bool = True) -> list[Problem]:
    """Every problem in codebook ``data`` (parsed YAML), errors and warnings, in file order.

    With ``strict`` (the default) a missing fixed theme id is an error; otherwise a warning.
    """
    out = _Collector()
    if not isinstance(data, dict):
        out.error("(toppnivå)", f"kodeboken må være en tabell med name, version, polarities og themes, "
                  f"ikke {_type_name(data)}")
        return out.problems
    _check_text(out, data.get("name"), "name", "navn")
    version = data.get("version")
    if isinstance(version, int | float) and not isinstance(version, bool):
        out.error("version", f"versjonen må være tekst i anførselstegn, f.eks. version: \"{version}\"")
    else:
        _check_text(out, version, "version", "versjon")
    languages = data.get("languages")
    if languages is not None and (
        not isinstance(languages, list) or set(map(str, languages)) != set(LANGUAGES)
    ):
        out.warning("languages", "languages bør være [nb, nn, en]; alle tre målformer kreves uansett")
    shared_raw = data.get("shared_terms") or []
    shared: set[str] = set()
    if not isinstance(shared_raw, list):
        out.error("shared_terms", f"shared_terms må være en liste, ikke {_type_name(shared_raw)}")
    else:
        for index, term in enumerate(shared_raw):
            problem = pattern_problem(term)
            if problem:
                out.error(f"shared_terms[{index}]", f"ugyldig mønster: {problem}")
            else:
                shared.add(" ".join(str(term).split()))
    for extra in sorted(set(data) - _TOP_KEYS, key=str):
        out.warning(str(extra), f"ukjent felt «{extra}» blir ikke brukt")
    _check_polarities(out, data.get("polarities"))
    _check_themes(out, data.get("themes"), shared, strict)
    return out.problems


# --- loading ---------------------------------------------------------------------------------


def _freeze_lists(table: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(" ".join(str(t).split()) for t in table.get(lang) or ()) for lang in LANGUAGES}


def _freeze_labels(table: dict[str, Any]) -> dict[str, str]:
    return {lang: str(table[lang]).strip() for lang in LANGUAGES}


def _build(data: dict[str, Any], source: str) -> Codebook:
    themes = tuple(
        Theme(
            id=item["id"],
            labels=_freeze_labels(item["labels"]),
            description=" ".join(str(item["description"]).split()),
            terms=_freeze_lists(item["terms"]),
        )
        for item in data["themes"]
    )
    by_id = {item["id"]: item for item in data["polarities"]}
    polarities = tuple(
        Polarity(
            id=polarity_id,
            labels=_freeze_labels(by_id[polarity_id]["labels"]),
            description=" ".join(str(by_id[polarity_id]["description"]).split()),
            cues=_freeze_lists(by_id[polarity_id]["cues"]),
        )
        for polarity_id in POLARITY_IDS
    )
    shared = frozenset(" ".join(str(t).split()) for t in data.get("shared_terms") or ())
    return Codebook(name=str(data["name"]).strip(), version=str(data["version"]).strip(), themes=themes,
                    polarities=polarities, source=source, shared_terms=shared)


def read_codebook_data(path: str | Path | None = None) -> tuple[object, str]:
    """The parsed YAML of a codebook file (default: the packaged one) and its display name.

    Raises :class:`InputNotFound` for a missing file and :class:`CodebookError` for a file that
    is not readable YAML (with the line of the syntax error).
    """
    if path is None:
        text = resources.files("samrev.coding").joinpath("data/codebook.yaml").read_text(encoding="utf-8")
        source = PACKAGED_SOURCE
    else:
        file = Path(path)
        source = str(path)
        if not file.is_file():
            raise InputNotFound(path=source)
        try:
            text = file.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CodebookError(path=source, detail=f"filen er ikke UTF-8 (byte {exc.start})") from exc
    try:
        return yaml.load(text, Loader=_YAML_LOADER), source  # noqa: S506  (a safe loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f" på linje {mark.line + 1}" if mark else ""
        raise CodebookError(path=source, detail=f"YAML-feil{line}: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise CodebookError(path=source, detail=f"YAML-feil: {exc}") from exc


def check_codebook(path: str | Path | None = None, *, strict: bool = True) -> tuple[str, list[Problem]]:
    """Display name and every problem of a codebook file; YAML syntax errors become problems."""
    try:
        data, source = read_codebook_data(path)
    except CodebookError as error:
        return str(path), [Problem("(fil)", str(error.data_fields.get("detail", error.message)))]
    return source, validate_codebook(data, strict=strict)


def codebook_from_data(data: object, *, source: str = "(data)", strict: bool = True) -> Codebook:
    """A :class:`Codebook` from parsed YAML; raises :class:`CodebookError` on the first errors."""
    errors = [problem for problem in validate_codebook(data, strict=strict) if problem.is_error]
    if errors:
        shown = "; ".join(str(problem) for problem in errors[:5])
        more = f" (og {len(errors) - 5} feil til)" if len(errors) > 5 else ""
        raise CodebookError(path=source, detail=shown + more, theme=errors[0].theme, problems=len(errors))
    assert isinstance(data, dict)  # noqa: S101  (validated above)
    return _build(data, source)


@functools.lru_cache(maxsize=1)
def _packaged() -> Codebook:
    data, source = read_codebook_data(None)
    return codebook_from_data(data, source=source)


def load_codebook(path: str | Path | None = None, *, strict: bool = True) -> Codebook:
    """The codebook in ``path``, or the packaged default (cached) when ``path`` is None."""
    if path is None:
        return _packaged()
    data, source = read_codebook_data(path)
    return codebook_from_data(data, source=source, strict=strict)
