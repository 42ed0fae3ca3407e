"""Reports: a report model built from the analysis functions, and renderers (HTML, PDF, DOCX).

- :mod:`samrev.report.agreements`: the agreement report (:func:`build_agreement_report`), made of
  the blocks in :mod:`samrev.report.blocks`; numbers formatted by :mod:`samrev.report.format`.
- Renderers, registered as ``report_format`` components: :mod:`samrev.report.html`,
  :mod:`samrev.report.pdf` (WeasyPrint, from the same HTML), :mod:`samrev.report.docx`
  (python-docx); figures by :mod:`samrev.report.figures` (matplotlib).
- :mod:`samrev.report.service`: the report of a round in the store.
"""
