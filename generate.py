"""Build every example in this folder into out/: each leaflet in each of its layouts, for the
office printer and for the print shop, and the example clients' handouts.
Run it with ``python generate.py``."""

from pathlib import Path

from careprint.cli import main

ROOT = str(Path(__file__).resolve().parent)

if __name__ == "__main__":
    code = main(["-C", ROOT, "build", "--print-shop"])
    code = max(code, main(["-C", ROOT, "handout"]))
    raise SystemExit(code)
