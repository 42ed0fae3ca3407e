"""A broken codebook gives precise problems; load_codebook names the file and the theme."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from samrev.coding.codebook import Problem, check_codebook, load_codebook, validate_codebook
from samrev.core.errors import CodebookError, InputNotFound

WriteYaml = Callable[[Any, str], Path]


def _theme(data: dict[str, Any], theme_id: str) -> dict[str, Any]:
    return next(t for t in data["themes"] if t["id"] == theme_id)


def _errors(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems if p.is_error]


def test_missing_fixed_id_is_named(codebook_data: dict[str, Any]) -> None:
    codebook_data["themes"] = [t for t in codebook_data["themes"] if t["id"] != "terminology"]
    errors = _errors(validate_codebook(codebook_data))
    assert errors == ["themes: mangler det faste temaet «terminology», som den nasjonale rapporten bruker"]


def test_missing_fixed_id_is_a_warning_when_not_strict(codebook_data: dict[str, Any]) -> None:
    codebook_data["themes"] = [t for t in codebook_data["themes"] if t["id"] != "terminology"]
    problems = validate_codebook(codebook_data, strict=False)
    assert [p.severity for p in problems] == ["warning"]


def test_duplicate_id(codebook_data: dict[str, Any]) -> None:
    extra = dict(_theme(codebook_data, "terminology"))
    extra["terms"] = {"nb": ["begrepsavklaring"], "nn": ["omgrepsavklaring"], "en": ["clarification"]}
    codebook_data["themes"].append(extra)
    errors = _errors(validate_codebook(codebook_data))
    assert errors == ["tema «terminology» (themes[16].id): id-en er brukt to ganger (også i themes[13])"]


def test_bad_pattern_names_theme_language_and_index(codebook_data: dict[str, Any]) -> None:
    _theme(codebook_data, "user_participation")["terms"]["nn"][2] = "brukar(utval"
    errors = _errors(validate_codebook(codebook_data))
    assert len(errors) == 1
    assert errors[0].startswith("tema «user_participation» (themes[9].terms.nn[2]): ugyldig mønster:")
    assert "'('" in errors[0]


@pytest.mark.parametrize(
    ("pattern", "fragment"),
    [
        ("Brukar*", "små bokstaver"),
        ("bru*ker", "først eller sist"),
        ("ab*", "for kort"),
        ("~ møte", "mellom to ord"),
        ("", "tomt"),
    ],
)
def test_pattern_problems(codebook_data: dict[str, Any], pattern: str, fragment: str) -> None:
    _theme(codebook_data, "meeting_arenas")["terms"]["nb"].append(pattern)
    errors = _errors(validate_codebook(codebook_data))
    assert len(errors) == 1 and fragment in errors[0] and "meeting_arenas" in errors[0]


def test_missing_nynorsk_label(codebook_data: dict[str, Any]) -> None:
    del _theme(codebook_data, "funding_resources")["labels"]["nn"]
    assert _errors(validate_codebook(codebook_data)) == [
        "tema «funding_resources» (themes[8].labels.nn): mangler etikett på nynorsk (nn)"
    ]


def test_empty_seed_terms_for_one_standard(codebook_data: dict[str, Any]) -> None:
    _theme(codebook_data, "sami_minorities")["terms"]["en"] = []
    assert _errors(validate_codebook(codebook_data)) == [
        "tema «sami_minorities» (themes[14].terms.en): ingen søkeord på engelsk (en)"
    ]


def test_term_shared_between_themes_unless_allowed(codebook_data: dict[str, Any]) -> None:
    _theme(codebook_data, "pandemic_capacity")["terms"]["nb"].append("*medvirk*")
    errors = _errors(validate_codebook(codebook_data))
    assert len(errors) == 1
    assert "«*medvirk*» står også under temaet «user_participation»" in errors[0]
    assert errors[0].startswith("tema «pandemic_capacity»")
    codebook_data["shared_terms"] = ["*medvirk*"]
    assert _errors(validate_codebook(codebook_data)) == []


def test_wrong_types(codebook_data: dict[str, Any]) -> None:
    codebook_data["version"] = 1.0
    _theme(codebook_data, "terminology")["description"] = ["not", "text"]
    errors = _errors(validate_codebook(codebook_data))
    assert errors[0] == 'version: versjonen må være tekst i anførselstegn, f.eks. version: "1.0"'
    assert errors[1] == "tema «terminology» (themes[13].description): beskrivelse må være tekst, ikke liste"
    assert validate_codebook([1, 2])[0].message.startswith("kodeboken må være en tabell")


def test_polarities_must_be_the_three(codebook_data: dict[str, Any]) -> None:
    codebook_data["polarities"] = codebook_data["polarities"][:2]
    assert _errors(validate_codebook(codebook_data)) == ["polarities: mangler polariteten «proposal»"]


def test_extra_theme_is_allowed(codebook_data: dict[str, Any], write_yaml: WriteYaml) -> None:
    codebook_data["themes"].append(
        {
            "id": "children_youth",
            "labels": {"nb": "Barn og unge", "nn": "Born og unge", "en": "Children and young people"},
            "description": "Tilbud til barn og unge.",
            "terms": {"nb": ["barn og unge"], "nn": ["born og unge"], "en": ["young people"]},
        }
    )
    book = load_codebook(write_yaml(codebook_data, "egen.yaml"))
    assert book.theme_ids[-1] == "children_youth"
    assert not book.theme("children_youth").is_fixed


def test_load_raises_naming_file_and_theme(codebook_data: dict[str, Any], write_yaml: WriteYaml) -> None:
    del _theme(codebook_data, "funding_resources")["labels"]["nn"]
    path = write_yaml(codebook_data, "min-kodebok.yaml")
    with pytest.raises(CodebookError) as info:
        load_codebook(path)
    message = info.value.message
    assert message.startswith(f"Kodeboken «{path}» er ugyldig: ")
    assert "tema «funding_resources»" in message and "nynorsk" in message
    assert info.value.exit_code == 2


def test_yaml_syntax_error_gives_the_line(tmp_path: Path) -> None:
    path = tmp_path / "ødelagt.yaml"
    path.write_text("name: x\nversion: '1'\nthemes: [a, b\npolarities: []\n", encoding="utf-8")
    with pytest.raises(CodebookError, match=r"YAML-feil på linje \d"):
        load_codebook(path)
    source, problems = check_codebook(path)
    assert source == str(path) and "YAML-feil" in problems[0].message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound):
        load_codebook(tmp_path / "finnes-ikke.yaml")
