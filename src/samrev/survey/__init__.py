"""Survey analysis: exports → tidy table, config, response rates, Likert statistics, group
comparisons, pseudonymised and coded open answers, and the JSON of shared/spec/survey.md.

Modules: :mod:`~samrev.survey.matching` (the spec's comparison key), :mod:`~samrev.survey.read`
(CSV/XLSX/SAV → :class:`~samrev.survey.read.Table`), :mod:`~samrev.survey.config`,
:mod:`~samrev.survey.pseudonymise`, :mod:`~samrev.survey.stats`, :mod:`~samrev.survey.coding`,
:mod:`~samrev.survey.analyse` (the pure assembly) and :mod:`~samrev.survey.service` (files in,
result out).  Importing this package imports nothing heavy.
"""
