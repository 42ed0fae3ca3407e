"""One agreement as the field rules see it: the ingested text with pages, lines, sentences and
passages, plus what ingestion kept beside the text (running headers, digital signatures).

Offsets are Python ``str`` indices into :attr:`AgreementText.text`, which is exactly the text
ingestion stored, so every evidence span the assessment reports indexes into it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from samrev.core.model import Passage, Span

if TYPE_CHECKING:
    from samrev.ingest.model import IngestedDocument
    from samrev.text.prefilter import Gate

_HEADING_NUMBER = re.compile(r"^\s*(?:§\s*)?\d{1,2}(?:\.\d{1,2})*\.?\s+\S")


@dataclass(frozen=True, slots=True)
class Segment:
    """A line or sentence: ``text == document_text[start:end]``."""

    start: int
    end: int
    text: str


_new_object = object.__new__
# (the slot descriptors' setters: what a frozen dataclass forbids is ``segment.start = …``, not these)
_set_start, _set_end, _set_text = (vars(Segment)[name].__set__ for name in ("start", "end", "text"))


def _segment(start: int, end: int, text: str) -> Segment:
    """``Segment(start, end, text)`` for the few hundred lines and sentences of every document:
    a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``, which takes
    about twice as long as setting the slots directly (the object is the same)."""
    segment = _new_object(Segment)
    _set_start(segment, start)
    _set_end(segment, end)
    _set_text(segment, text)
    return segment


@dataclass
class AgreementText:
    path: str
    text: str
    page_ranges: list[tuple[int, int]] = field(default_factory=list)  # (start, end), page i+1
    headers: list[str] = field(default_factory=list)
    footers: list[str] = field(default_factory=list)
    draft_markers: list[str] = field(default_factory=list)
    digital_signatures: list[dict[str, Any]] = field(default_factory=list)
    needs_ocr: bool = False
    format: str | None = None
    content_hash: str | None = None

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def from_ingested(cls, doc: IngestedDocument) -> AgreementText:
        meta = doc.metadata
        return cls(
            path=doc.path,
            text=doc.text,
            page_ranges=[(p.start, p.end) for p in doc.pages],
            headers=[str(h) for h in meta.get("headers", []) if str(h).strip()],
            footers=[str(f) for f in meta.get("footers", []) if str(f).strip()],
            draft_markers=[str(m) for m in meta.get("draft_markers", [])],
            digital_signatures=[s.to_dict() for s in doc.signatures],
            needs_ocr=doc.needs_ocr,
            format=doc.format,
            content_hash=doc.content_hash,
        )

    @classmethod
    def from_text(cls, text: str, path: str = "<tekst>", **kwargs: Any) -> AgreementText:
        return cls(path=path, text=text, **kwargs)

    # -- locations --------------------------------------------------------------------------

    def page_at(self, offset: int) -> int | None:
        if not self.page_ranges:
            return None
        return max(bisect.bisect_right(self._page_starts, offset) - 1, 0) + 1

    @cached_property
    def _page_starts(self) -> list[int]:
        return [start for start, _ in self.page_ranges]

    def span(self, start: int, end: int) -> Span:
        """Evidence for ``text[start:end]``, trimmed of surrounding white space."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Span(start=start, end=end, text=self.text[start:end], page=self.page_at(start))

    def seg_span(self, segment: Segment | Passage) -> Span:
        return self.span(segment.start, segment.end)

    # -- views ------------------------------------------------------------------------------

    @cached_property
    def folded(self) -> str | None:
        """The lower-cased text for literal prefilters (:func:`samrev.text.prefilter.folded`):
        same offsets as :attr:`text`; None for the rare text that cannot be folded so."""
        from samrev.text.prefilter import folded

        return folded(self.text)

    def folded_slice(self, start: int, end: int) -> str | None:
        """``folded(self.text[start:end])`` (a slice of :attr:`folded`)."""
        folded = self.folded
        return None if folded is None else folded[start:end]

    @cached_property
    def memo(self) -> dict[str, Any]:
        """Results that several fields derive from this text, computed once (filled by them)."""
        return {}

    @cached_property
    def _gates(self) -> dict[int, tuple[re.Pattern[str], Gate]]:
        return {}

    def gate(self, pattern: re.Pattern[str]) -> Gate:
        """Which stretches of this text ``pattern`` may match in (:class:`samrev.text.prefilter.Gate`,
        built once per text and pattern; looked up by the pattern's identity, as hashing a compiled
        pattern hashes all its code)."""
        found = self._gates.get(id(pattern))
        if found is None or found[0] is not pattern:
            from samrev.text.prefilter import Gate

            found = self._gates[id(pattern)] = (pattern, Gate(pattern, self.text, self.folded))
        return found[1]

    def may_match(self, pattern: re.Pattern[str], segment: Segment | Passage) -> bool:
        """False only when ``pattern.search(segment.text)`` is certainly None."""
        return self.gate(pattern).may_match(segment.start, segment.end)

    @cached_property
    def _match_starts(self) -> dict[int, tuple[re.Pattern[str], list[int] | None, bool]]:
        return {}

    def match_starts(self, pattern: re.Pattern[str]) -> tuple[list[int] | None, bool]:
        """(positions, segment_start): every position of this text where a match of ``pattern`` in a
        stretch of it (searched on its own) can start is among the sorted ``positions``, or — when
        ``segment_start`` — is the start of the stretch (:meth:`samrev.text.prefilter.Prefilter.starts`
        over the whole text, found once per text and pattern).  ``positions`` is None when the
        pattern has no literals to find it by."""
        found = self._match_starts.get(id(pattern))
        if found is None or found[0] is not pattern:
            from samrev.text.prefilter import prefilter

            pf = prefilter(pattern)
            haystack = pf.haystack(self.text, self.folded)
            starts = (None if haystack is None or pf.prefixes is None
                      else pf.starts(self.text, haystack, 0, len(self.text)))
            # a word head's word may begin before the stretch does: the stretch's start is then its start
            heads = bool(pf.word_heads) or any(route.word_heads for route in pf.gated)
            found = self._match_starts[id(pattern)] = (pattern, starts, heads)
        return found[1], found[2]

    def search(self, pattern: re.Pattern[str], segment: Segment | Passage) -> re.Match[str] | None:
        """``pattern.search(segment.text)`` for a stretch of this text (``segment.text ==
        text[segment.start:segment.end]``; the match's offsets are the segment's), trying only the
        positions of :meth:`match_starts` that lie in it.  (Asked for hundreds of stretches per
        text, most of which hold no position: that answer takes one bisection.)"""
        known = self._match_starts.get(id(pattern))
        if known is not None and known[0] is pattern:
            starts, segment_start = known[1], known[2]
        else:
            starts, segment_start = self.match_starts(pattern)
        text = segment.text
        if starts is None:
            # No start literals: the pattern runs in full where its required literals allow.  The
            # text's gate answers that by bisection, where asking the segment for each of a few
            # dozen required literals (``Prefilter.may_match``) took longer than many a search.
            if not self.gate(pattern).may_match(segment.start, segment.end):
                return None
            return pattern.search(text)
        match = pattern.match
        if segment_start:
            found = match(text)
            if found is not None:
                return found
        offset = segment.start
        end = segment.end
        index = bisect.bisect_left(starts, offset)
        count = len(starts)
        while index < count:
            start = starts[index]
            if start >= end:
                break
            found = match(text, start - offset)
            if found is not None:
                return found
            index += 1
        return None

    @cached_property
    def lines(self) -> list[Segment]:
        """The lines that hold more than white space (read by ``str.split``: no match objects)."""
        lines: list[Segment] = []
        position = 0
        for raw in self.text.split("\n"):
            if raw.strip():
                lines.append(_segment(position, position + len(raw), raw))
            position += len(raw) + 1
        return lines

    @cached_property
    def sentences(self) -> list[Segment]:
        from samrev.text.segment import sentence_bounds

        text = self.text
        return [_segment(start, end, text[start:end]) for start, end in sentence_bounds(text)]

    @cached_property
    def passages(self) -> list[Passage]:
        from samrev.text import passages

        return passages(self.text, page_ranges=self.page_ranges or None, language=False)

    @cached_property
    def sections(self) -> list[Segment]:
        """Numbered sections: from one heading line to the next (a short line such as "4. Brukermedvirkning"
        or "7.2 Kurs"); the text before the first heading is not a section."""
        starts = [line.start for line in self.lines
                  if len(line.text.strip()) <= 90 and _HEADING_NUMBER.match(line.text)
                  and not line.text.rstrip().endswith((".", ",", ";"))]
        bounds = [*starts, len(self.text)]
        return [_segment(a, b, self.text[a:b]) for a, b in itertools.pairwise(bounds) if b > a]

    @cached_property
    def organisations(self) -> list[Any]:
        """Organisations named in the text (:func:`samrev.registry.match`), in text order."""
        from samrev.registry import match

        return match(self.text)

    @cached_property
    def title_end(self) -> int:
        """End of the title region: the opening lines before the first numbered section
        (at most 12 lines or 700 characters)."""
        end = 0
        for index, line in enumerate(self.lines):
            if index >= 12 or line.start > 700:
                break
            if index > 0 and _HEADING_NUMBER.match(line.text) and end > 0:
                break
            end = line.end
        return end

    @property
    def title_text(self) -> str:
        return self.text[: self.title_end]

    @property
    def header_text(self) -> str:
        """Running headers and footers (DOCX/ODT), which are not agreement content."""
        return "\n".join(self.headers + self.footers)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_at(self, offset: int) -> Segment | None:
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if 0 <= index < len(self.sentences) and self.sentences[index].end >= offset:
            return self.sentences[index]
        return None
