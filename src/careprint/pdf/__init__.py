"""Whole PDFs: seeded handouts written directly, and booklets imposed for the printer."""
