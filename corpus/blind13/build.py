"""Render the thirteenth blind set's raw sources (corpus/blind13/raw/<split>/<id>.txt) to sources/<split>/.

Rendering is not copied: corpus/blind2/build.py is loaded with importlib and its parse/to_pdf/
to_docx/to_txt are called on these raw files (same raw format as blind2).

Run: .venv/bin/python corpus/blind13/build.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve().parent
RAW = HERE / "raw"
OUT = HERE / "sources"


def _blind2():
    spec = importlib.util.spec_from_file_location("blind2_build", HERE.parent / "blind2" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


B2 = _blind2()


def main() -> None:
    render = {"txt": B2.to_txt, "docx": B2.to_docx, "html": B2.to_html, "pdf": B2.to_pdf, "odt": B2.to_odt}
    for raw in sorted(RAW.glob("*/*.txt")):
        meta, body = B2.parse(raw)
        fmt = meta.get("format", "txt")
        target = OUT / raw.parent.name / (raw.stem + "." + fmt)
        target.parent.mkdir(parents=True, exist_ok=True)
        render[fmt](meta, body, target)
        print(target.relative_to(HERE))


if __name__ == "__main__":
    main()
