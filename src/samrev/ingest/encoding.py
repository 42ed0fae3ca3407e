"""Decoding text files whose encoding nobody declared.

Order of decisions (each one final):
1. a byte-order mark: UTF-32, UTF-8 (BOM dropped), UTF-16;
2. strict UTF-8 (ASCII is UTF-8);
3. UTF-16 without a BOM, when every other byte is NUL;
4. otherwise an 8-bit code page.  Candidates are the Western ones Norwegian files come in
   (Windows-1252, ISO-8859-1, ISO-8859-15, DOS 850, Mac Roman) plus charset-normalizer's best
   guesses; each strict decoding is scored for plausibility (Norwegian letters and common
   punctuation up, C1 control characters, box drawing and rare symbols down) and the best wins,
   Windows-1252 first on a tie.  Bytes 0x80–0x9F decide between Windows-1252 and ISO-8859-1:
   in ISO-8859-1 they are C1 controls, which never occur in real text, so Windows-1252 wins.
   (charset-normalizer alone gets short Norwegian texts wrong: it calls them cp1250 or Big5.)

Afterwards UTF-8 mojibake (``Ã¦`` for ``æ``, ``â€“`` for ``–``) in an otherwise decoded text
is repaired sequence by sequence.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WESTERN = ("cp1252", "iso-8859-1", "iso-8859-15", "cp850", "mac_roman")
_GOOD = frozenset(
    "æøåÆØÅéèêëóòôöüäáàíúñçÉÈÖÜÄÓÁ«»–—‘’‚“”„…•€§°½¼¾²³·×\u00a0´"
)
_C1 = re.compile("[\x80-\x9f]")
# A UTF-8 lead byte read as Windows-1252/ISO-8859-1, then 1–3 continuation bytes read the same way.
_CONT = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
)
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONT}]{{1,3}}")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    repaired_mojibake: int = 0


def _plausibility(text: str) -> float:
    score = 0.0
    for char in text:
        if char.isascii():
            if char < " " and char not in "\t\n\r\f":
                score -= 5
            continue
        if char in _GOOD:
            score += 1
        elif "\x80" <= char <= "\x9f" or "\ue000" <= char <= "\uf8ff":
            score -= 10
        elif "\u2500" <= char <= "\u25ff":  # box drawing, blocks, shapes (DOS code pages)
            score -= 4
        elif char.isalpha() and "\u00c0" <= char <= "\u024f":  # other Latin letters
            score -= 0.5
        else:
            score -= 2
    return score


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4000]
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _eight_bit(data: bytes) -> tuple[str, str]:
    candidates = list(_WESTERN)
    try:
        import charset_normalizer

        for match in list(charset_normalizer.from_bytes(data[:200_000]))[:3]:
            if match.encoding not in candidates:
                candidates.append(match.encoding)
    except Exception:  # noqa: S110  (a detector failure leaves the Western candidates)
        pass
    has_c1_bytes = any(0x80 <= b <= 0x9F for b in data)
    best: tuple[float, int, str, str] | None = None
    for rank, encoding in enumerate(candidates):
        if has_c1_bytes and encoding in ("iso-8859-1", "iso-8859-15") and _strict(data, "cp1252") is not None:
            continue
        text = _strict(data, encoding)
        if text is None:
            continue
        key = (_plausibility(text), -rank, encoding, text)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:  # ISO-8859-1 decodes every byte; only reached if the candidates were emptied
        return data.decode("iso-8859-1"), "iso-8859-1"
    return best[3], best[2]


def _unmojibake_one(match: re.Match[str]) -> str:
    sequence = match.group()
    try:
        raw = bytes(ord(c) if ord(c) < 256 else c.encode("cp1252")[0] for c in sequence)
        return raw.decode("utf-8")
    except (UnicodeError, ValueError):
        return sequence


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8-read-as-Windows-1252 sequences (``Ã¸`` → ``ø``); returns the text and a count."""
    count = 0

    def fix(match: re.Match[str]) -> str:
        nonlocal count
        fixed = _unmojibake_one(match)
        count += fixed != match.group()
        return fixed

    if "Ã" not in text and "Â" not in text and "â" not in text:
        return text, 0
    return _MOJIBAKE.sub(fix, text), count


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` (an HTML meta charset, an RTF code page) is tried after a BOM."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            if encoding == "utf-16" or encoding == "utf-32":
                text = text.lstrip("\ufeff")
            return _finish(text, encoding)
    if declared:
        name = declared.strip().lower()
        if name in ("iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"):
            name = "cp1252"  # what browsers do (WHATWG encoding standard)
        text_or_none = _strict(data, name)
        if text_or_none is not None:
            return _finish(text_or_none, name)
    text_or_none = _strict(data, "utf-8")
    if text_or_none is not None:
        return _finish(text_or_none, "utf-8")
    utf16 = _utf16_without_bom(data)
    if utf16 and (text_or_none := _strict(data, utf16)) is not None:
        return _finish(text_or_none, utf16)
    text, encoding = _eight_bit(data)
    return _finish(text, encoding)


def _finish(text: str, encoding: str) -> Decoded:
    repaired, count = repair_mojibake(text)
    return Decoded(repaired, encoding, count)


def c1_controls(text: str) -> int:
    """How many C1 control characters a text holds (a sign of a wrong 8-bit decoding)."""
    return len(_C1.findall(text))
