"""The errors a user can act on: each names the file, the line, what is wrong and how to fix it."""

from __future__ import annotations


class CareprintError(Exception):
    """A mistake in the user's files or command, reported without a traceback (exit code 2).

    ``file`` is shown as given (a path relative to the workspace), ``line`` and ``column`` are
    1-based, ``source`` is the offending line of the file as written, and ``fix`` tells the user
    what to do about it.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        column: int | None = None,
        source: str | None = None,
        fix: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.source = source
        self.fix = fix

    def __str__(self) -> str:
        where = self.file or ""
        if self.file and self.line:
            where += f", line {self.line}"
        head = f"{where}: {self.message}" if where else self.message
        parts = [head]
        if self.source is not None and self.source.strip():
            parts.append("    " + self.source.rstrip().expandtabs(4))
        if self.fix:
            parts.append("  " + self.fix)
        return "\n".join(parts)


class InputError(CareprintError):
    """A file that cannot be read, or whose content is not what careprint expects."""


class FitError(CareprintError):
    """Content that does not fit the room a layout gives it."""


class GlyphError(CareprintError):
    """A character that the configured font cannot print."""


class ArtworkError(CareprintError):
    """A logo or other artwork that cannot be read."""


class UsageError(CareprintError):
    """A command used in a way that cannot work (unknown leaflet, no workspace here, ...)."""


class TranslationError(CareprintError):
    """A translation is missing, stale or breaks a placeholder, and --strict was asked for."""


class OutputError(CareprintError):
    """A file that cannot be written (the folder is a file, not writable, or the disk full)."""
