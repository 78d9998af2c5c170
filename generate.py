"""Build every example in this folder into out/: each leaflet in each of its layouts, for the
office printer and for the print shop. Run it with ``python generate.py``."""

from pathlib import Path

from careprint.cli import main

if __name__ == "__main__":
    raise SystemExit(main(["-C", str(Path(__file__).resolve().parent), "build", "--print-shop"]))
