"""The content model: what a practice, a leaflet and a layout file may hold, declared once.

Each field's type, default and description live here; validation, error messages and the
README's field tables all come from these declarations.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from careprint.content.colour import Colour

Text = Annotated[str, Field(min_length=1)]
BlockKind = Literal[
    "indications", "symptoms", "causes", "treatment", "self-help", "call-to-action", "text"
]


class Model(BaseModel):
    """Base of every file model: unknown fields are errors, values are not silently converted."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# -- practice.yaml -----------------------------------------------------------------------------


class Colours(Model):
    primary: Colour = Field(
        description="Main brand colour: headings, the cover, the contact panel. "
        "Must be dark enough for text on white (contrast at least 4.5:1)."
    )
    accent: Colour = Field(
        description="Second colour for small marks: bullets, rules, the dot on the cover."
    )
    tint: Colour = Field(
        description="A very light colour for boxes behind text (self-help, call to action)."
    )
    text: Colour = Field(
        default=Colour(rgb="#1D2B2D", cmyk=(0, 0, 0, 92)),
        description="Colour of body text; near-black reads best.",
    )


class Fonts(Model):
    regular: str = Field(
        default="fonts/FiraSans-Regular.ttf",
        description="TrueType file for body text, relative to the workspace.",
    )
    bold: str = Field(
        default="fonts/FiraSans-Bold.ttf",
        description="TrueType file for headings and emphasis, relative to the workspace.",
    )


class Practice(Model):
    name: Text = Field(description="The practice's name as printed on every leaflet.")
    tagline: str | None = Field(
        default=None, description="A short line under the name, e.g. what the practice does."
    )
    address: list[Text] = Field(
        min_length=1, description="Postal address, one printed line per item."
    )
    phone: Text = Field(description="Phone number as it should be printed.")
    email: Text = Field(description="Email address for patients.")
    website: str | None = Field(default=None, description="Website, printed without 'https://'.")
    hours: str | None = Field(
        default=None, description="When the practice can be reached, e.g. 'ma t/m vr 8.30-17.30'."
    )
    language: Text = Field(default="nl", description="Language the practice writes in.")
    logo: Text = Field(description="Logo file (SVG), relative to the workspace.")
    colours: Colours = Field(description="Brand colours, each in RGB (screen) and CMYK (print).")
    fonts: Fonts = Field(default=Fonts(), description="Typefaces (shipped in fonts/).")

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        local, at, domain = value.partition("@")
        if not (local and at and "." in domain) or " " in value:
            raise ValueError("this is not an email address; write it as name@domain.nl")
        return value


# -- leaflets/<name>.yaml ----------------------------------------------------------------------


class Block(Model):
    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="Stable name of the block (lower case, digits and '-'); used by translations "
        "and never printed.",
    )
    kind: BlockKind = Field(
        description="What the block is about; it sets the style, not the place."
    )
    heading: str | None = Field(
        default=None, description="Heading above the block; say what follows, e.g. as a question."
    )
    text: str | None = Field(
        default=None, description="Body text; an empty line starts a new paragraph."
    )
    bullets: list[Text] = Field(default_factory=list, description="Optional list, one item a line.")
    panel: int | None = Field(
        default=None,
        description="Start the block at the top of this panel instead of after the block before.",
    )

    def paragraphs(self) -> list[str]:
        """The text split into paragraphs at empty lines, line breaks within one joined."""
        if not self.text:
            return []
        chunks = self.text.split("\n\n")
        return [" ".join(chunk.split()) for chunk in chunks if chunk.strip()]


class Leaflet(Model):
    leaflet: Text = Field(description="Name of the leaflet; the output files are named after it.")
    language: Text = Field(default="nl", description="Language of the texts in this file.")
    title: Text = Field(description="Title on the cover.")
    subtitle: str | None = Field(default=None, description="A line under the title on the cover.")
    layouts: list[Text] = Field(
        default_factory=lambda: ["trifold"],
        description="Layouts this leaflet is built in (files in templates/layouts/).",
    )
    blocks: list[Block] = Field(min_length=1, description="The content blocks, in reading order.")


# -- templates/layouts/<name>.yaml -------------------------------------------------------------


class PanelSpec(Model):
    number: int = Field(ge=1, description="Panel number as the reader counts them (1 = cover).")
    width: float = Field(gt=0, description="Width of the panel in mm, fold to fold.")


class SheetSpec(Model):
    side: Text = Field(description="Name of this side of the sheet, e.g. 'outside'.")
    panels: list[PanelSpec] = Field(min_length=1, description="Panels from left to right.")


class LayoutSpec(Model):
    layout: Text = Field(description="Name of the layout, used in file names and --layout.")
    description: Text = Field(description="One line saying what the layout is for.")
    width: float = Field(gt=0, description="Trimmed sheet width in mm.")
    height: float = Field(gt=0, description="Trimmed sheet height in mm.")
    sides: list[SheetSpec] = Field(min_length=1, description="The sides of the sheet, in order.")
    flow: list[int] = Field(
        min_length=1, description="Panels the blocks flow through, in reading order."
    )
    cover: int = Field(description="Panel with the title and the logo.")
    back: int = Field(description="Panel with the practice's contact details.")
    motif: list[int] = Field(
        default_factory=list,
        description="Panels with the brand's ring motif, pale, in their lower outer corner.",
    )
    margin: float = Field(default=10, description="Room between text and a fold or the trim, mm.")
    safe: float = Field(
        default=4, description="Nothing may be printed closer than this to a fold or the trim, mm."
    )
    bleed: float = Field(default=3, description="Bleed around the trim in the print-shop edition.")
    slug: float = Field(
        default=12, description="Room outside the trim for crop and fold marks (print-shop), mm."
    )
    body_size: float = Field(default=12, ge=11, description="Body text size in points.")
    line_spacing: float = Field(default=1.4, ge=1.3, description="Line spacing, times the size.")

    def panel_x(self) -> dict[int, tuple[int, float, float]]:
        """For each panel: the side index, its left edge and its width (mm)."""
        result = {}
        for index, side in enumerate(self.sides):
            x = 0.0
            for panel in side.panels:
                result[panel.number] = (index, x, panel.width)
                x += panel.width
        return result


# -- templates/labels.yaml ---------------------------------------------------------------------


class Labels(Model):
    """Fixed texts that layouts print, in the practice's language (translatable like the rest)."""

    language: Text = Field(default="nl", description="Language of these labels.")
    phone: Text = Field(default="Telefoon", description="Label before the phone number.")
    email: Text = Field(default="E-mail", description="Label before the email address.")
    website: Text = Field(default="Website", description="Label before the website.")
    hours: Text = Field(default="Bereikbaar", description="Label before the opening hours.")
    scan: Text = Field(
        default="Scan de code voor onze website.",
        description="Caption beside the QR code that opens the practice's website.",
    )
