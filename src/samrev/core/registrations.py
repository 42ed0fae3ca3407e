"""Every component registration in one place (kind, name, dotted path).

Adding a reader, coder or detector is one line here plus its module.  Kinds:
``language_detector``, ``coder``, ``reader``, … (see docs/architecture.md).
"""

from __future__ import annotations

from samrev.core.components import register

# language detectors (samrev.text)
register("language_detector", "lingua_markers", "samrev.text.language:LinguaMarkerDetector")

# coders (samrev.coding)
register("coder", "lexicon", "samrev.coding.lexicon:LexiconCoder")
register("coder", "survey_rules", "samrev.survey.coding:SurveyAnswerCoder")
register("coder", "survey_hybrid", "samrev.survey.coding:HybridAnswerCoder")
register("coder", "literature_rules", "samrev.literature.coding:LiteratureCoder")

# readers (samrev.ingest): one per format
register("reader", "pdf", "samrev.ingest.readers.pdf:PdfReader")
register("reader", "docx", "samrev.ingest.readers.docx:DocxReader")
register("reader", "odt", "samrev.ingest.readers.odt:OdtReader")
register("reader", "rtf", "samrev.ingest.readers.rtf:RtfReader")
register("reader", "doc", "samrev.ingest.readers.doc:DocReader")
register("reader", "html", "samrev.ingest.readers.html:HtmlReader")
register("reader", "text", "samrev.ingest.readers.text:TextReader")

# report formats (samrev.report)
register("report_format", "html", "samrev.report.formats:HtmlFormat")
register("report_format", "pdf", "samrev.report.formats:PdfFormat")
register("report_format", "docx", "samrev.report.formats:DocxFormat")
register("report_format", "json", "samrev.report.formats:JsonFormat")
register("report_format", "xlsx", "samrev.report.formats:XlsxFormat")

# screening models (samrev.literature): retrained after every decision
register("screening_model", "nb", "samrev.literature.model:NaiveBayes")
register("screening_model", "ridge", "samrev.literature.model:Ridge")
register("screening_model", "nb_ridge", "samrev.literature.model:NaiveBayesRidge")
register("screening_model", "svm", "samrev.literature.model:SquaredHingeSVM")
register("screening_model", "nb_svm", "samrev.literature.model:NaiveBayesSVM")
