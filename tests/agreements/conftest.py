"""Helpers for the agreement tests: assess a text written in the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from samrev.agreements import AgreementText, assess_text
from samrev.agreements.model import Assessment


@pytest.fixture
def assess() -> Callable[..., Assessment]:
    def run(text: str, **kwargs: Any) -> Assessment:
        return assess_text(AgreementText.from_text(text.strip("\n") + "\n", **kwargs))

    return run
