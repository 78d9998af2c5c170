"""Form fields added to a finished PDF (pikepdf's object model): tick boxes, short and long text
fields, and a hidden field, over boxes the page already shows.

Fields are added after the build rather than drawn with ReportLab's ``acroForm``: that API
has no way to give a field actions (the check that a pain score is a whole number from 0 to
10), and all of a form's objects are best made in one place. The layout says where each box was
drawn (layout/week.py). A field's empty state draws nothing, so that the page prints exactly as
it would without the field; only a tick (a cross in ``Form.colour``) or text typed in shows.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pikepdf
from pikepdf import Array, Dictionary, Name, String

Kind = Literal["tick", "number", "text"]

# the field flags and annotation flags of the PDF reference (ISO 32000-1, 12.7.3, 12.5.3)
READ_ONLY, MULTILINE, DO_NOT_SCROLL = 1, 1 << 12, 1 << 23
HIDDEN, PRINT = 2, 4

# Acrobat's form scripts: a whole number from 0 to 10 (viewers without scripts ignore them)
WHOLE = 'AFNumber_Keystroke(0, 0, 0, 0, "", true);'
SHOWN = 'AFNumber_Format(0, 0, 0, 0, "", true);'


def in_range(low: int, high: int) -> str:
    return f"AFRange_Validate(true, {low}, true, {high});"


@dataclass(frozen=True)
class Field:
    """One field: its name, kind, page (1 is the first), box on the page, and its tooltip
    (what a screen reader says)."""

    name: str
    kind: Kind
    page: int
    rect: tuple[float, float, float, float]
    tooltip: str
    limit: tuple[int, int] | None = None  # a number's lowest and highest value


@dataclass(frozen=True)
class Form:
    fields: Sequence[Field]
    hidden: dict[str, str]  # name -> value, read back but never shown
    colour: tuple[float, float, float]  # RGB 0-1 of the ticks and the typed text


def add_fields(pdf: bytes, form: Form) -> bytes:
    """``pdf`` with the form's fields; nothing else in it changes."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        helv = doc.make_indirect(
            Dictionary(
                Type=Name.Font,
                Subtype=Name.Type1,
                BaseFont=Name.Helvetica,
                Encoding=Name.WinAnsiEncoding,
            )
        )
        colour = " ".join(f"{part:.3f}" for part in form.colour)
        fields = Array()
        blanks: dict[tuple[float, float], pikepdf.Object] = {}

        def blank(width: float, height: float) -> pikepdf.Object:
            """An appearance that draws nothing (one per size)."""
            size = (round(width, 2), round(height, 2))
            if size not in blanks:
                blanks[size] = _appearance(doc, b"", width, height)
            return blanks[size]

        ticks: dict[tuple[float, float], pikepdf.Object] = {}

        def tick(width: float, height: float) -> pikepdf.Object:
            """A cross in the box (one per size)."""
            size = (round(width, 2), round(height, 2))
            if size not in ticks:
                ticks[size] = _appearance(doc, _cross(width, height, colour), width, height)
            return ticks[size]

        for field in form.fields:
            page = doc.pages[field.page - 1]
            x0, y0, x1, y1 = field.rect
            width, height = x1 - x0, y1 - y0
            widget = Dictionary(
                Type=Name.Annot,
                Subtype=Name.Widget,
                T=String(field.name),
                TU=String(field.tooltip),
                Rect=Array([x0, y0, x1, y1]),
                F=PRINT,
                P=page.obj,
            )
            if field.kind == "tick":
                widget.FT = Name.Btn
                widget.V = widget.AS = Name.Off
                widget.MK = Dictionary(CA=String("8"))  # a cross, where a viewer redraws it
                widget.DA = String(f"/ZaDb 0 Tf {colour} rg")
                widget.AP = Dictionary(
                    N=Dictionary(Yes=tick(width, height), Off=blank(width, height))
                )
            else:
                widget.FT = Name.Tx
                widget.V = String("")
                # a stream of its own: a form filler writes the typed text into it
                widget.AP = Dictionary(N=_appearance(doc, b"", width, height))
                if field.kind == "number":
                    low, high = field.limit or (0, 10)
                    widget.DA = String(f"/Helv 12 Tf {colour} rg")
                    widget.Q = 1  # centred
                    widget.MaxLen = len(str(high))
                    widget.Ff = DO_NOT_SCROLL
                    widget.AA = Dictionary(
                        K=_script(WHOLE), F=_script(SHOWN), V=_script(in_range(low, high))
                    )
                else:
                    widget.DA = String(f"/Helv 11 Tf {colour} rg")
                    widget.Ff = MULTILINE
            made = doc.make_indirect(widget)
            page.obj.Annots = Array([*page.obj.get(Name.Annots, Array()), made])
            fields.append(made)
        first = doc.pages[0]
        for name, value in form.hidden.items():
            hidden = doc.make_indirect(
                Dictionary(
                    Type=Name.Annot,
                    Subtype=Name.Widget,
                    FT=Name.Tx,
                    T=String(name),
                    V=String(value),
                    Ff=READ_ONLY,
                    F=HIDDEN,
                    Rect=Array([0, 0, 0, 0]),
                    P=first.obj,
                    AP=Dictionary(N=blank(0, 0)),
                )
            )
            first.obj.Annots = Array([*first.obj.get(Name.Annots, Array()), hidden])
            fields.append(hidden)
        _tag_widgets(doc, [w for w in fields if not int(w.get("/F", 0)) & HIDDEN])
        doc.Root.AcroForm = Dictionary(
            Fields=fields,
            DA=String("/Helv 0 Tf 0 g"),
            DR=Dictionary(Font=Dictionary(Helv=helv)),
        )
        out = io.BytesIO()
        doc.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def _tag_widgets(doc: pikepdf.Pdf, widgets: list[pikepdf.Object]) -> None:
    """In a tagged PDF, each visible field as a Form element of the document, holding its
    widget (an object reference), which points back through the parent tree (PDF/UA-1)."""
    root = doc.Root.get("/StructTreeRoot")
    if root is None or not widgets:
        return
    kids = root.K if isinstance(root.K, Array) else Array([root.K])
    document = kids[0]  # the Document element
    if not isinstance(document.get("/K"), Array):
        document.K = Array([document.K] if "/K" in document else [])
    numbers = root.ParentTree.Nums
    key = int(root.ParentTreeNextKey)
    for widget in widgets:
        element = doc.make_indirect(
            Dictionary(
                Type=Name.StructElem,
                S=Name.Form,
                P=document,
                Pg=widget.P,
                K=Dictionary(Type=Name.OBJR, Obj=widget, Pg=widget.P),
            )
        )
        document.K.append(element)
        widget.StructParent = key
        numbers.extend(Array([key, element]))
        key += 1
    root.ParentTreeNextKey = key


def _appearance(doc: pikepdf.Pdf, operators: bytes, width: float, height: float) -> pikepdf.Object:
    return doc.make_stream(
        operators,
        Type=Name.XObject,
        Subtype=Name.Form,
        BBox=Array([0, 0, width, height]),
        Resources=Dictionary(),
    )


def _cross(width: float, height: float, colour: str) -> bytes:
    """A cross in the box, as a pen would put one."""
    inset = min(width, height) * 0.22
    x0, y0, x1, y1 = inset, inset, width - inset, height - inset
    return (
        f"q {colour} RG 1.6 w 1 J {x0:.2f} {y0:.2f} m {x1:.2f} {y1:.2f} l S "
        f"{x0:.2f} {y1:.2f} m {x1:.2f} {y0:.2f} l S Q"
    ).encode()


def _script(js: str) -> Dictionary:
    return Dictionary(S=Name.JavaScript, JS=String(js))
