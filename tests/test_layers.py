"""The code's layers: imports go one way, from the command line and the web app down to the
content and the errors, and no module reaches into ReportLab's private parts but one."""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "careprint"

# each part of careprint, and the parts below it that it may import (nothing else)
BELOW: dict[str, set[str]] = {
    "errors": set(),
    "content": {"errors"},
    "render": {"errors"},
    "pdf": {"errors"},
    "deliver": {"content", "errors"},
    "layout": {"render", "content", "errors"},
    "defaults": set(),
    "workspace": {"defaults", "render", "content", "errors"},
    "app": {"workspace", "defaults", "layout", "render", "pdf", "deliver", "content", "errors"},
    "web": {"app", "workspace", "content", "errors"},
    "cli": {"app", "web", "workspace", "content", "errors"},
    "__main__": {"cli"},
    "__init__": set(),
}


def part_of(module: Path) -> str:
    relative = module.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def imports(module: Path) -> set[str]:
    """The careprint parts ``module`` imports (at any depth in the file)."""
    found = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            if name.startswith("careprint."):
                found.add(name.split(".")[1])
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda m: str(m.relative_to(PACKAGE)))
def test_imports_go_one_way(module: Path) -> None:
    part = part_of(module)
    wrong = imports(module) - BELOW[part] - {part}
    assert not wrong, f"{part} may not import {sorted(wrong)}"


def test_the_layers_have_no_cycle() -> None:
    def reaches(start: str, seen: set[str]) -> set[str]:
        for lower in BELOW[start] - seen:
            seen.add(lower)
            reaches(lower, seen)
        return seen

    for part in BELOW:
        assert part not in reaches(part, set()), part


def reportlab_private_names() -> set[str]:
    """The private attribute names of the ReportLab classes careprint works with."""
    from reportlab.pdfbase.pdfdoc import PDFDocument
    from reportlab.pdfbase.ttfonts import TTFont, TTFontFace
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import BaseDocTemplate, Flowable, Frame, Paragraph, Table

    names = set()
    for cls in (
        Canvas,
        PDFDocument,
        TTFont,
        TTFontFace,
        Table,
        Paragraph,
        Flowable,
        Frame,
        BaseDocTemplate,
    ):
        names |= {name for name in dir(cls) if name.startswith("_") and not name.startswith("__")}
    canvas = Canvas(io.BytesIO())
    names |= {name for name in vars(canvas) if name.startswith("_")}
    return names | {"_postponed", "_splitLongWordCount", "_argW", "_cellvalues", "_code"}


def test_only_render_compat_touches_reportlab_internals() -> None:
    """ReportLab's private attributes (of a canvas, a document, a font, a flowable) are used
    in render/compat.py only."""
    private = reportlab_private_names()
    attribute = re.compile(r"\.(_[A-Za-z]\w*)|[\"'](_[A-Za-z]\w*)[\"']")
    for module in MODULES:
        if module.name == "compat.py":
            continue
        text = module.read_text(encoding="utf-8")
        used = {a or b for a, b in attribute.findall(text)}
        assert not used & private, f"{module.relative_to(PACKAGE)}: {sorted(used & private)}"
