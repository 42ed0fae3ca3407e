"""Research literature: screening datasets, active-learning screening and its simulation.

Pure analysis modules (no Django, no terminal): :mod:`.dataset` reads a labelled screening
dataset, :mod:`.features` builds the text features once, :mod:`.model` holds the screening
models (registered components), :mod:`.simulate` runs a simulated review and
:mod:`.metrics` scores the order it produced.

Included studies: :mod:`.coding` suggests codebook themes and study characteristics (scored by
:mod:`.coding_eval` on a labelled set; stored by :mod:`.coding_store`), :mod:`.gapmap` counts the
evidence gap map, :mod:`.prisma` holds and checks the PRISMA 2020 counts, :mod:`.review_state`
reads the review-state JSON the literature report is built from (:mod:`.state_fixture` builds one).
"""
