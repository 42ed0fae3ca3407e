"""Storage: Django models, migrations and the repositories that map them to core dataclasses.

Entry points for library code:

- :func:`samrev.store.bootstrap.ensure_ready` — configure Django and migrate; call it first.
- :mod:`samrev.store.actions` — one function per write use case (each atomic and audited).
- :mod:`samrev.store.repository` — reads, returning ``samrev.core.model`` dataclasses.

Pure analysis code never imports this package.
"""
