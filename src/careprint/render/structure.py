"""The structure tree of a tagged PDF, written after the build with pikepdf (see
render/tagging.py for why): StructTreeRoot and ParentTree, /StructParents and /Tabs /S on
every page, MarkInfo, DisplayDocTitle, and XMP metadata with dc:title and pdfuaid:part 1.

The tree is tidied on the way: consecutive list items are gathered in a list (L), siblings
given a reading order are put in it (a right-to-left table is drawn from its last column,
the tri-fold's panels out of order), and elements left without content are dropped (table
cells are kept, so a row keeps its shape). A Link element takes the next link annotation of
its page (ReportLab adds them in the order they are drawn), which gets /Contents.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from careprint.render.tagging import Element

CELLS = {"TD", "TH"}


@dataclass(frozen=True)
class Described:
    title: str
    language: str
    outline: bool = False  # open the bookmarks panel


def tidy(element: Element) -> Element:
    """``element`` with its lists gathered, its kids in reading order, empty ones dropped."""
    kids: list[Element | tuple[int, int]] = []
    for kid in element.kids:
        if isinstance(kid, Element):
            kid = tidy(kid)
            if not kid.kids and kid.role not in CELLS:
                continue
            if kid.role == "LI" and element.role != "L":
                last = kids[-1] if kids else None
                if not (isinstance(last, Element) and last.role == "L" and last.key == "auto"):
                    last = Element("L", key="auto", order=kid.order)
                    kids.append(last)
                last.kids.append(kid)
                continue
        kids.append(kid)
    ordered = [kid for kid in kids if isinstance(kid, Element)]
    if ordered and len(ordered) == len(kids) and all(k.order is not None for k in ordered):
        ordered.sort(key=lambda k: k.order or 0.0)  # stable: drawing order on ties
        kids = list(ordered)
    return Element(element.role, element.attrs, element.key, element.order, kids)


def write(pdf: bytes, root: Element, described: Described) -> bytes:
    """``pdf`` with the structure ``root`` (MCIDs per page as drawn) and what PDF/UA asks of
    the document around it."""
    tree = tidy(root)
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        pages = list(doc.pages)
        parents: dict[int, dict[int, Any]] = {index: {} for index in range(len(pages))}
        links: dict[int, list[Any]] = {
            index: [
                annot for annot in page.obj.get("/Annots", []) if annot.get("/Subtype") == Name.Link
            ]
            for index, page in enumerate(pages)
        }
        struct_root = doc.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        annotation_keys: list[tuple[Any, Any]] = []  # (annotation, its Link element)

        page_objects = [page.obj for page in pages]
        roles: dict[str, Name] = {}

        def made(element: Element, parent: Any) -> Any:
            # each element's keys given at once: pikepdf's calls, not the tree, cost the time
            first_page = next(
                (kid[0] for kid in element.kids if not isinstance(kid, Element)), None
            )
            role = roles.get(element.role) or roles.setdefault(
                element.role, Name("/" + element.role)
            )
            keys: dict[str, Any] = {"/Type": Name.StructElem, "/S": role, "/P": parent}
            for name, value in element.attrs.items():
                if name == "Scope":  # a table attribute: which cells a header cell heads
                    keys["/A"] = Dictionary(O=Name.Table, Scope=Name("/" + value))
                else:
                    keys["/" + name] = String(value)
            if first_page is not None:
                keys["/Pg"] = page_objects[first_page]
            node = doc.make_indirect(Dictionary(keys))
            kids: list[Any] = []
            for kid in element.kids:
                if isinstance(kid, Element):
                    kids.append(made(kid, node))
                    continue
                page, mcid = kid
                parents[page][mcid] = node
                if page == first_page:
                    kids.append(mcid)
                else:
                    kids.append(Dictionary(Type=Name.MCR, Pg=page_objects[page], MCID=mcid))
            if element.role == "Link" and first_page is not None and links[first_page]:
                annotation = links[first_page].pop(0)
                kids.append(Dictionary(Type=Name.OBJR, Obj=annotation, Pg=page_objects[first_page]))
                annotation_keys.append((annotation, node))
            node.K = Array(kids)
            return node

        document = made(tree, struct_root)
        next_key = len(pages)
        numbers: list[Any] = []
        for index, page in enumerate(pages):
            page.obj.StructParents = index
            page.obj.Tabs = Name.S
            found = parents[index]
            numbers += [index, Array([found[m] for m in sorted(found)])]
        for annotation, node in annotation_keys:
            annotation.StructParent = next_key
            if "/Contents" not in annotation:
                uri = annotation.get("/A", {}).get("/URI")
                annotation.Contents = String(str(uri) if uri is not None else described.title)
            numbers += [next_key, node]
            next_key += 1
        struct_root.K = document
        struct_root.ParentTree = doc.make_indirect(Dictionary(Nums=Array(numbers)))
        struct_root.ParentTreeNextKey = next_key
        catalog = doc.Root
        catalog.StructTreeRoot = struct_root
        catalog.MarkInfo = Dictionary(Marked=True)
        catalog.Lang = String(described.language)
        catalog.ViewerPreferences = Dictionary(DisplayDocTitle=True)
        if described.outline and "/Outlines" in catalog:
            catalog.PageMode = Name.UseOutlines
        with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:title"] = described.title
            meta["dc:language"] = [described.language]
            meta["pdfuaid:part"] = "1"
        buffer = io.BytesIO()
        doc.save(
            buffer,
            deterministic_id=True,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
            stream_decode_level=pikepdf.StreamDecodeLevel.none,
        )
    return buffer.getvalue()
