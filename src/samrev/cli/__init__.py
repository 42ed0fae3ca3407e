"""The ``samrev`` command line: one Typer sub-app per domain package, thin over the services."""
