"""Finishing PDFs with pypdf: imposition."""
