"""Shared fixtures for the coding tests: the packaged codebook, a coder, YAML/CSV writers."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from samrev.coding.codebook import Codebook, load_codebook, read_codebook_data
from samrev.coding.lexicon import LexiconCoder


@pytest.fixture(scope="session")
def codebook() -> Codebook:
    return load_codebook()


@pytest.fixture(scope="session")
def coder(codebook: Codebook) -> LexiconCoder:
    return LexiconCoder(codebook)


@pytest.fixture(scope="session")
def _packaged_data() -> dict[str, Any]:
    data, _ = read_codebook_data(None)
    assert isinstance(data, dict)
    return data


@pytest.fixture
def codebook_data(_packaged_data: dict[str, Any]) -> dict[str, Any]:
    """A fresh, editable copy of the packaged codebook's YAML data."""
    return copy.deepcopy(_packaged_data)


@pytest.fixture
def write_yaml(tmp_path: Path) -> Callable[[Any, str], Path]:
    def write(data: Any, name: str = "kodebok.yaml") -> Path:
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    def write(name: str, text: str, *, bom: bool = False, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        data = text.encode(encoding)
        path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
        return path

    return write
