"""careprint: print-ready patient leaflets and personal home-care handouts from plain YAML."""

__version__ = "0.1.0"
