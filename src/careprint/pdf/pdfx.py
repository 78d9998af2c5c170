"""The print shop's PDFs identified as PDF/X: PDF/X-1a:2003 for a registered printing
condition (FOGRA39), or PDF/X-4 with the shop's own ICC profile embedded.

ReportLab draws the pages (CMYK only, every font embedded, 100 % K text overprinting, trim
and bleed boxes); what ReportLab cannot write (its catalog drops ``/OutputIntents``, its
document information has fixed keys) is added here afterwards with pikepdf, through its object
model. The dates stay ReportLab's fixed ones (``invariant``), so the same input still gives the
same bytes; the file identifier is made from the content (pikepdf ``deterministic_id``).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pikepdf
from pikepdf import Array, Dictionary, Name, String

# The registered characterization careprint's CMYK numbers are meant for when the practice
# names no profile of its own: offset on coated paper (ISO 12647-2), ICC registry name.
FOGRA39 = "FOGRA39"
FOGRA39_CONDITION = "Coated FOGRA39 (ISO 12647-2:2004)"
REGISTRY = "http://www.color.org"


@dataclass(frozen=True)
class Profile:
    """A print shop's output profile (ICC, CMYK) and its description."""

    data: bytes
    description: str


def icc_problem(data: bytes) -> str | None:
    """Why ``data`` is not a CMYK output ICC profile, or None when it is one."""
    if len(data) < 132 or data[36:40] != b"acsp":
        return "it is not an ICC colour profile"
    if data[16:20] != b"CMYK":
        space = data[16:20].decode("ascii", "replace").strip()
        return f"it is a profile for {space} colours, not for CMYK printing"
    if data[12:16] != b"prtr":
        return "it is not an output (printer) profile"
    return None


def icc_description(data: bytes) -> str:
    """The profile's own description ('desc' tag), e.g. 'Coated FOGRA39 (ISO 12647-2:2004)'."""
    count = int.from_bytes(data[128:132], "big")
    for index in range(min(count, 200)):
        entry = 132 + 12 * index
        signature = data[entry : entry + 4]
        offset = int.from_bytes(data[entry + 4 : entry + 8], "big")
        if signature != b"desc":
            continue
        kind = data[offset : offset + 4]
        if kind == b"desc":  # ICC v2: an ASCII count, then the text
            length = int.from_bytes(data[offset + 8 : offset + 12], "big")
            text = data[offset + 12 : offset + 12 + length]
            return text.rstrip(b"\0").decode("latin-1").strip()
        if kind == b"mluc":  # ICC v4: the first record (UTF-16)
            size = int.from_bytes(data[offset + 20 : offset + 24], "big")
            start = offset + int.from_bytes(data[offset + 24 : offset + 28], "big")
            return data[start : start + size].decode("utf-16-be", "replace").strip("\0 ")
    return "CMYK output profile"


def finish(pdf: bytes, profile: Profile | None = None) -> bytes:
    """``pdf`` (ReportLab's print-shop edition) identified as PDF/X-1a:2003 for FOGRA39, or
    as PDF/X-4 with ``profile`` embedded as its output intent."""
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        intent = Dictionary(
            Type=Name.OutputIntent,
            S=Name.GTS_PDFX,
            RegistryName=String(REGISTRY),
        )
        info = doc.docinfo
        if profile is None:
            version = "PDF/X-1a:2003"
            intent.OutputConditionIdentifier = String(FOGRA39)
            intent.OutputCondition = String(FOGRA39_CONDITION)
            intent.Info = String(FOGRA39_CONDITION)
            info[Name.GTS_PDFXConformance] = String(version)
        else:
            version = "PDF/X-4"
            stream = doc.make_stream(profile.data)
            stream.N = 4
            intent.DestOutputProfile = stream
            intent.OutputConditionIdentifier = String(profile.description)
            intent.Info = String(profile.description)
        doc.Root.OutputIntents = Array([doc.make_indirect(intent)])
        info[Name.GTS_PDFXVersion] = String(version)
        info[Name.Trapped] = Name("/False")
        title = str(info.get(Name.Title, ""))
        if profile is not None:  # PDF/X-4 identifies itself in XMP too, its dates the Info's
            _xmp(doc, version, title, str(info[Name.CreationDate]), str(info[Name.ModDate]))
        buffer = io.BytesIO()
        doc.save(
            buffer,
            deterministic_id=True,
            compress_streams=True,
            object_stream_mode=pikepdf.ObjectStreamMode.disable,  # PDF 1.4 has none
            force_version="1.4" if profile is None else "1.6",
        )
    return buffer.getvalue()


def _xmp(doc: pikepdf.Pdf, version: str, title: str, created: str, modified: str) -> None:
    import hashlib

    def iso(date: str) -> str:  # D:20000101000000+00'00' -> 2000-01-01T00:00:00+00:00
        d = date.removeprefix("D:")
        zone = d[14:].replace("'", "")
        zone = "Z" if zone in ("", "Z", "+0000", "+00", "-0000") else f"{zone[:3]}:{zone[3:5]}"
        return f"{d[0:4]}-{d[4:6]}-{d[6:8]}T{d[8:10]}:{d[10:12]}:{d[12:14]}{zone}"

    # the same document gives the same identifier: from its title and first page's operators
    digest = hashlib.sha256(title.encode() + doc.pages[0].Contents.read_bytes()).hexdigest()
    with doc.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        meta["pdfxid:GTS_PDFXVersion"] = version
        meta["dc:title"] = title
        meta["xmp:CreateDate"] = iso(created)
        meta["xmp:ModifyDate"] = iso(modified)
        meta["xmp:MetadataDate"] = iso(modified)
        meta["xmpMM:DocumentID"] = f"uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-" + (
            f"{digest[16:20]}-{digest[20:32]}"
        )
        meta["xmpMM:VersionID"] = "1"
        meta["xmpMM:RenditionClass"] = "default"
        meta["pdf:Trapped"] = "False"
        for key, value in (  # what the document information says, said alike in XMP
            ("dc:creator", [str(doc.docinfo.get(Name.Author, ""))]),
            ("dc:description", str(doc.docinfo.get(Name.Subject, ""))),
            ("xmp:CreatorTool", str(doc.docinfo.get(Name.Creator, ""))),
            ("pdf:Producer", str(doc.docinfo.get(Name.Producer, ""))),
        ):
            if value and value != [""]:
                meta[key] = value
