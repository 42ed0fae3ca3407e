"""Render the sixth blind set's raw sources (corpus/blind6/raw/<split>/<id>.txt) to sources/<split>/.

Rendering is not copied: corpus/blind2/build.py is run on this folder; its render_set parses
the raw files and calls its renderers (same raw format as blind2).

Run: .venv/bin/python corpus/blind6/build.py
"""

import runpy
import sys
from pathlib import Path

if __name__ == "__main__":  # corpus/blind2/build.py, run on this folder
    here = Path(__file__).resolve().parent
    sys.argv[1:] = [str(here)]
    runpy.run_path(str(here.parent / "blind2" / "build.py"), run_name="__main__")
