"""Research literature: screening datasets, active-learning screening and its simulation.

Pure analysis modules (no Django, no terminal): :mod:`.dataset` reads a labelled screening
dataset, :mod:`.features` builds the text features once, :mod:`.model` holds the screening
models (registered components), :mod:`.simulate` runs a simulated review and
:mod:`.metrics` scores the order it produced.
"""
