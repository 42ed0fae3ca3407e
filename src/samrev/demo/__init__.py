"""Bundled demo data and the demo run (see run.py)."""
