"""Component registries: lookup, unknown names, and one conformance test over all registrations."""

from __future__ import annotations

import pytest

from samrev.core import components
from samrev.core.errors import ComponentNotFound

REGISTERED = [(kind, name) for kind, bucket in components.all_registered().items() for name in bucket]


def test_unknown_name_lists_the_valid_ones() -> None:
    components.register("test_kind", "alpha", "samrev.core.model:Span")
    with pytest.raises(ComponentNotFound) as info:
        components.get("test_kind", "beta")
    assert "alpha" in info.value.message and info.value.code == "COMPONENT_UNKNOWN"
    assert components.get("test_kind", "alpha").__name__ == "Span"


def test_conflicting_registration_is_refused() -> None:
    components.register("test_kind2", "x", "samrev.core.model:Span")
    with pytest.raises(ValueError):
        components.register("test_kind2", "x", "samrev.core.model:Passage")


@pytest.mark.parametrize(("kind", "name"), REGISTERED, ids=[f"{k}:{n}" for k, n in REGISTERED])
def test_registered_component_conforms(kind: str, name: str) -> None:
    cls = components.get(kind, name)
    assert cls.name == name
    assert isinstance(cls.version, str) and cls.version
    assert isinstance(cls.label, str) and cls.label
