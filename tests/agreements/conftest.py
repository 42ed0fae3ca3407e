"""Helpers for the agreement tests: assess a text written in the test; a local web site."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from samrev.agreements import AgreementText, assess_text
from samrev.agreements.model import Assessment
from tests.agreements.local_site import Site, serve


@pytest.fixture
def assess() -> Callable[..., Assessment]:
    def run(text: str, **kwargs: Any) -> Assessment:
        return assess_text(AgreementText.from_text(text.strip("\n") + "\n", **kwargs))

    return run


@pytest.fixture
def site() -> Iterator[Site]:
    """A local web site (127.0.0.1, a free port; never the outside network)."""
    with serve() as running:
        yield running
