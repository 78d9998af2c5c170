"""Whole PDFs: booklet imposition (with pypdf), and seeded handouts written directly."""
