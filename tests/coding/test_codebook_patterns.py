"""The pattern syntax: wildcards, multiword, gaps, boundaries, case and invalid patterns."""

from __future__ import annotations

import pytest

from samrev.coding.patterns import compile_patterns, matched_pattern, pattern_problem


def _find(pattern: str, text: str) -> list[str]:
    regex, _ = compile_patterns([pattern])
    return [m.group() for m in regex.finditer(text)]


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("lms", "LMS-tilbudet og lms", ["LMS", "lms"]),
        ("lms", "almss", []),
        ("brukermedvirk*", "Brukermedvirkningen er god", ["Brukermedvirkningen"]),
        ("*medverknad", "reell brukarmedverknad", ["brukarmedverknad"]),
        (
            "*samarbeidsavtale*",
            "Overordnet samarbeidsavtale og delsamarbeidsavtalene",
            ["samarbeidsavtale", "delsamarbeidsavtalene"],
        ),
        ("ikt*", "IKT-løsningene virker", ["IKT-løsningene"]),
        ("management", "self-management and management", ["management"]),
        (
            "lærings* og mestrings*",
            "frisklivs-, lærings- og mestringstilbud",
            ["lærings- og mestringstilbud"],
        ),
        ("møte* ~ jevnlig*", "vi møtes ganske så jevnlig", ["møtes ganske så jevnlig"]),
        ("møte* ~ jevnlig*", "møtes. Jevnlig", []),
        ("møte* ~ jevnlig*", "møtes en to tre fire jevnlig", []),
        ("each other's", "each other’s services", ["each other’s"]),
        ("tillit", "tillitsvalgt og tillit", ["tillit"]),
    ],
)
def test_matches(pattern: str, text: str, expected: list[str]) -> None:
    assert _find(pattern, text) == expected


def test_longer_pattern_wins_and_is_named() -> None:
    regex, patterns = compile_patterns(["møte*", "faste møte*"])
    match = regex.search("Vi har faste møter")
    assert match and match.group() == "faste møter"
    assert matched_pattern(match, patterns) == "faste møte*"


@pytest.mark.parametrize(
    "pattern",
    ["ok", "stamme*", "*hale", "*del*", "a b", "møte* ~ jevnlig*", "e-melding*", "ø.hj", "6-2", "nr. 2"],
)
def test_valid(pattern: str) -> None:
    assert pattern_problem(pattern) is None


@pytest.mark.parametrize(
    "pattern",
    [
        "",
        "  ",
        "Stor",
        "§6-2",
        "-ab",
        "a(b",
        "a|b",
        "st*m",
        "*",
        "**",
        "ab*",
        "~ a",
        "a ~",
        "a ~ ~ b",
        "a_b",
        42,
    ],
)
def test_invalid(pattern: object) -> None:
    assert pattern_problem(pattern) is not None
