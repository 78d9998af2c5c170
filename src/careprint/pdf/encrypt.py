"""Encryption of a finished PDF: AES-256, opened with a password given to the client apart."""

from __future__ import annotations

import io
import secrets


def encrypt(pdf: bytes, secret: str) -> bytes:
    """The PDF protected with AES-256: it opens with ``secret`` only."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(
        user_password=secret, owner_password=secrets.token_urlsafe(24), algorithm="AES-256"
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
