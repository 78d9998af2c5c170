"""`careprint init`: a practice folder that works at once, to make one's own.

It holds practice.yaml (every line explained, to fill in), one example leaflet with its
translations, one example client (a fictional person), and empty places for more; careprint's
own layouts, labels, body outlines, fonts, library and translations are used until the
practice adds its own. A file that is already there is never overwritten.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path

from careprint import defaults
from careprint.deliver.files import write_atomic
from careprint.errors import UsageError

PRACTICE = """\
# Your practice, as it is printed on every leaflet and handout. Change each line to yours;
# 'careprint check' tells you if something is not right. Texts with a colon or a # in them go
# between double quotes.
name: Praktijk Voorbeeld                 # the name as it is printed
tagline: Triggerpointtherapie en zelfmassage   # a short line under the name (or delete it)
address:                                 # the postal address, one printed line each
  - Voorbeeldstraat 1
  - 1234 AB Voorbeeldstad
phone: 012 345 67 89                     # as it should be printed
email: info@praktijk-voorbeeld.example   # the address patients write to
website: www.praktijk-voorbeeld.example  # printed without https:// (or delete the line)
hours: ma t/m vr 8.30-17.30 uur          # when patients can reach you (or delete the line)
language: nl                             # the language you write in
therapists:                              # who gives consults: the choices in careprint serve
  - Uw naam
# Your logo as an SVG file in this folder, e.g. templates/brand/logo.svg. Until you put yours
# there, careprint's example logo is printed.
logo: templates/brand/logo.svg
# Brand colours: RGB (#RRGGBB) for screens and the office printer, CMYK (four percentages) for
# the print shop; ask your designer or print shop. The main colour must be dark enough to read
# as text on white.
colours:
  primary: {rgb: "#1F6F78", cmyk: [84, 35, 40, 15]}   # headings, the cover, the contact panel
  accent:  {rgb: "#B4502F", cmyk: [10, 75, 85, 10]}   # bullets, rules, the dot on the cover
  tint:    {rgb: "#E8F2F1", cmyk: [8, 0, 4, 0]}       # light boxes behind text
  text:    {rgb: "#1D2B2D", cmyk: [0, 0, 0, 92]}      # body text
"""

CLIENT = """\
# An example client: a fictional person. Name client files by dossier number, never by the
# client's name (the file name is used for the PDF). 'careprint points' lists the point ids.
name: Sam de Vries                # printed on the handout only
email: sam.devries@example.org    # where the handout is emailed (careprint handout --email)
language: nl
date: {date}
therapist: Uw naam
points:
  - upper-trapezius               # just the id: both sides, the library's dosage
  - id: levator-scapulae
    side: right
notes: |
  Neem elk uur een korte pauze en laat je schouders zakken.
"""

GITIGNORE = """\
# made by careprint from the files here: build it again any time
out/
.careprint/
"""


@dataclass(frozen=True)
class Made:
    """One file of the new practice folder: made now, or kept as it was."""

    path: Path
    made: bool


def init(folder: Path) -> list[Made]:
    """Make a practice folder at ``folder`` (new or not): practice.yaml, an example leaflet,
    an example client, and the folders for more. Files already there are kept as they are."""
    if folder.exists() and not folder.is_dir():
        raise UsageError(
            f"{folder} is a file, not a folder.",
            fix="Name a new folder, e.g. careprint init mijn-praktijk.",
        )
    example = defaults.folder("leaflets")
    leaflet = (example / "spanningshoofdpijn.yaml").read_bytes() if example else None
    files: dict[str, bytes] = {
        "practice.yaml": PRACTICE.encode(),
        "clients/voorbeeld.yaml": CLIENT.format(date=datetime.date.today()).encode(),
        ".gitignore": GITIGNORE.encode(),
    }
    if leaflet is not None:
        files["leaflets/spanningshoofdpijn.yaml"] = leaflet
        translations = defaults.folder("translations")  # the example's, in every language
        for po in sorted(translations.glob("*/spanningshoofdpijn.po")) if translations else []:
            files[f"translations/{po.parent.name}/{po.name}"] = po.read_bytes()
    done = []
    for name, data in files.items():
        path = folder / name
        if path.exists():
            done.append(Made(path, made=False))
            continue
        write_atomic(path, data)
        done.append(Made(path, made=True))
    for name in ("clients", "leaflets", "self-massage", "templates/brand"):
        (folder / name).mkdir(parents=True, exist_ok=True)
    return done
