"""Build every example in this folder into out/: each leaflet in each of its layouts and every
finished translation, for the office printer and for the print shop, and the example clients'
handouts, each in its client's language. Run it with ``python generate.py``."""

from pathlib import Path

from careprint.cli import main

ROOT = str(Path(__file__).resolve().parent)

if __name__ == "__main__":
    raise SystemExit(main(["-C", ROOT, "all"]))
