"""Small dict-backed registries of components (readers, coders, detectors, report formats …).

A component is a class with ``name``, ``version`` and ``label`` attributes.  Registrations are
dotted paths, imported only when a component is asked for, so that start-up stays light.
All registrations live in :mod:`samrev.core.registrations`.
"""

from __future__ import annotations

import importlib
from typing import Any, Protocol, runtime_checkable

from samrev.core.errors import ComponentNotFound


@runtime_checkable
class Component(Protocol):
    name: str
    version: str
    label: str


_REGISTRY: dict[str, dict[str, str]] = {}


def register(kind: str, name: str, dotted_path: str) -> None:
    """Register ``module:Class`` (or ``module.Class``) under ``kind``/``name``."""
    bucket = _REGISTRY.setdefault(kind, {})
    if name in bucket and bucket[name] != dotted_path:
        raise ValueError(f"{kind} {name!r} already registered as {bucket[name]}")
    bucket[name] = dotted_path


def _ensure_loaded() -> None:
    from samrev.core import registrations  # noqa: F401  (fills _REGISTRY on import)


def kinds() -> list[str]:
    _ensure_loaded()
    return sorted(_REGISTRY)


def names(kind: str) -> list[str]:
    _ensure_loaded()
    return sorted(_REGISTRY.get(kind, {}))


def _import(dotted_path: str) -> Any:
    module_name, _, attr = dotted_path.partition(":")
    if not attr:
        module_name, _, attr = dotted_path.rpartition(".")
    return getattr(importlib.import_module(module_name), attr)


def get(kind: str, name: str) -> Any:
    """The registered class; an unknown name raises an error listing the valid ones."""
    _ensure_loaded()
    bucket = _REGISTRY.get(kind, {})
    if name not in bucket:
        raise ComponentNotFound(kind=kind, name=name, valid=", ".join(sorted(bucket)) or "(ingen)")
    return _import(bucket[name])


def create(kind: str, name: str, **params: Any) -> Any:
    """An instance of the registered class, built with ``params``."""
    return get(kind, name)(**params)


def all_registered() -> dict[str, dict[str, str]]:
    """A copy of every registration (kind → name → dotted path)."""
    _ensure_loaded()
    return {kind: dict(bucket) for kind, bucket in _REGISTRY.items()}
