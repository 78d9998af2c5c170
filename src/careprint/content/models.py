"""The content model: what a practice, a leaflet and a layout file may hold, declared once.

Each field's type, default and description live here; validation, error messages and the
README's field tables all come from these declarations.
"""

from __future__ import annotations

import datetime
from email.utils import parseaddr
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from careprint.content.colour import Colour

Text = Annotated[str, Field(min_length=1)]
BlockKind = Literal[
    "indications", "symptoms", "causes", "treatment", "self-help", "call-to-action", "text"
]


class Model(BaseModel):
    """Base of every file model: unknown fields are errors, values are not silently converted."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

    @field_validator("language", mode="after", check_fields=False)
    @classmethod
    def _language_code(cls, value: str) -> str:
        """A language code in any case means the same language: 'NL' is 'nl', 'pt_br' is
        'pt-BR'."""
        base, _, region = value.replace("_", "-").partition("-")
        return base.lower() + (f"-{region.upper()}" if region else "")


# -- practice.yaml -----------------------------------------------------------------------------


class Colours(Model):
    primary: Colour = Field(
        description="Main brand colour: headings, the cover, the contact panel. "
        "Must be dark enough for text on white and on the tint, and for white text on it "
        "(contrast at least 4.5:1)."
    )
    accent: Colour = Field(
        description="Second colour: bullets, rules, the dot on the cover, and text on a handout "
        "(white numbers in circles, 'Let op' in a darker shade, the pressure scale); checked "
        "for 4.5:1 in each of these."
    )
    tint: Colour = Field(
        description="A very light colour for boxes behind text (self-help, notes, contact); "
        "text and headings on it need 4.5:1."
    )
    text: Colour = Field(
        default=Colour(rgb="#1D2B2D", cmyk=(0, 0, 0, 92)),
        description="Colour of body text; near-black reads best.",
    )


class FontPair(Model):
    regular: str = Field(description="TrueType file for body text, relative to the workspace.")
    bold: str = Field(description="TrueType file for headings and emphasis.")


class Fonts(Model):
    regular: str = Field(
        default="fonts/FiraSans-Regular.ttf",
        description="TrueType file for body text, relative to the workspace.",
    )
    bold: str = Field(
        default="fonts/FiraSans-Bold.ttf",
        description="TrueType file for headings and emphasis, relative to the workspace.",
    )
    arabic: FontPair = Field(
        default=FontPair(
            regular="fonts/IBMPlexSansArabic-Regular.ttf", bold="fonts/IBMPlexSansArabic-Bold.ttf"
        ),
        description="Typeface for Arabic (and the Latin in Arabic texts).",
    )


class Smtp(Model):
    host: Text = Field(description="The mail server, e.g. smtp.example.nl.")
    port: int = Field(default=587, ge=1, le=65535, description="The server's port, usually 587.")
    starttls: bool = Field(default=True, description="Encrypt the connection with STARTTLS.")
    username: str | None = Field(
        default=None,
        description="Login name; the password comes from the environment variable "
        "CAREPRINT_SMTP_PASSWORD, never from a file.",
    )
    timeout: float = Field(default=20, gt=0, le=300, description="Seconds to wait for the server.")


class Mail(Model):
    sender: str | None = Field(
        default=None,
        alias="from",
        description="Sender of handout emails, e.g. 'Praktijk De Linde <info@...>'. "
        "Default: the practice's name and email.",
    )
    smtp: Smtp | None = Field(
        default=None,
        description="Send through this mail server. Without it, emails are written to "
        "out/outbox/ as drafts to open and send in your mail program.",
    )


class ReadabilityLimits(Model):
    sentence_words: int | None = Field(
        default=None, ge=5, le=60, description="Longest sentence, in words (default 15)."
    )
    word_letters: int | None = Field(
        default=None,
        ge=6,
        le=60,
        description="Longest word, in letters (default nl 20, en 15, de 20, tr 18, ar 12).",
    )
    min_score: float | None = Field(
        default=None,
        ge=0,
        le=120,
        description="Lowest reading-ease score of a text of 20 words or more (default nl 60 "
        "Flesch-Douma, en 60 Flesch, de 50 Amstad, tr 50 Atesman; Arabic has none).",
    )


class Readability(Model):
    sentence_words: int | None = Field(
        default=None,
        ge=5,
        le=60,
        description="Longest sentence, in words, in every language (default 15).",
    )
    word_letters: int | None = Field(
        default=None,
        ge=6,
        le=60,
        description="Longest word, in letters, in every language (default per language).",
    )
    languages: dict[str, ReadabilityLimits] = Field(
        default_factory=dict,
        description="Limits for one language, over the ones above, e.g. de: {word_letters: 24}.",
    )
    jargon: dict[str, list[Text]] = Field(
        default_factory=dict,
        description="Words that need an explanation, per language, added to careprint's lists "
        "(a word matches every word it begins), e.g. nl: [fascie, myofasciaal].",
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
    videos: str | None = Field(
        default=None,
        description="Where the practice's self-massage videos are, ending in '/': a point's "
        "video is this address and the point's id (a library entry's own 'video' comes first).",
    )
    fillable: bool = Field(
        default=False,
        description="Make handouts fillable (tick boxes, pain scores and questions filled in on "
        "a phone or computer), unless a client file says otherwise.",
    )
    language: Text = Field(default="nl", description="Language the practice writes in.")
    logo: Text = Field(description="Logo file (SVG), relative to the workspace.")
    print_profile: str | None = Field(
        default=None,
        description="The print shop's ICC output profile (CMYK, e.g. their PSO Coated v3 .icc "
        "file), relative to the workspace. With it the print-shop PDFs are PDF/X-4 with the "
        "profile embedded; without it they are PDF/X-1a:2003 for Coated FOGRA39.",
    )
    colours: Colours = Field(description="Brand colours, each in RGB (screen) and CMYK (print).")
    fonts: Fonts = Field(default=Fonts(), description="Typefaces (shipped in fonts/).")
    mail: Mail = Field(default=Mail(), description="How handouts are emailed to clients.")
    therapists: list[Text] = Field(
        default_factory=list,
        description="The practice's therapists, as printed on a handout: the choices in the "
        "app's handout form (careprint serve).",
    )
    readability: Readability = Field(
        default_factory=Readability,
        description="What `careprint check` reports as hard to read: sentence and word "
        "lengths, a lowest score, extra jargon (see README, Readability).",
    )

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        return check_email(value)

    @field_validator("videos")
    @classmethod
    def _videos(cls, value: str | None) -> str | None:
        return None if value is None else check_https(value, "https://www.example.nl/video/")

    def video(self, entry: SelfMassage) -> str | None:
        """The address of ``entry``'s video: its own, or the practice's videos and its id."""
        if entry.video:
            return entry.video
        if self.videos:
            return self.videos + ("" if self.videos.endswith("/") else "/") + entry.id
        return None


def check_https(value: str, example: str) -> str:
    """A web address in full, starting with https:// (a QR code opens it), or a ValueError."""
    scheme, _, rest = value.partition("://")
    host = rest.split("/", 1)[0]
    if scheme != "https" or "." not in host or any(c.isspace() for c in value):
        raise ValueError(
            f"'{value}' is not a web address starting with https://; write it in full, "
            f"e.g. {example}"
        )
    return value


def check_email(value: str) -> str:
    """A plausible email address (one @, a dot in the domain, no spaces), or a ValueError.
    Written as mail programs show it ('Sam de Vries <sam@example.org>'), the address is kept."""
    _, address = parseaddr(value)
    if "<" in value and address:
        value = address
    local, at, domain = value.partition("@")
    if not (local and at and "." in domain.strip(".")) or " " in value or "@" in domain:
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
    reason: str | None = Field(
        default=None,
        description="Why the block's readability is ignored (required with readability: ignore).",
    )
    readability: Literal["ignore"] | None = Field(
        default=None,
        description="'ignore': `careprint check` does not report this block as hard to read "
        "(in any language), e.g. where a term must stay; needs a reason.",
    )

    @field_validator("readability")
    @classmethod
    def _ignore_has_reason(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value == "ignore" and not (info.data.get("reason") or "").strip():
            raise ValueError(
                "'ignore' needs a reason; add a line reason: saying why this block "
                "must stay as it is"
            )
        return value

    @model_validator(mode="after")
    def _reason_needs_ignore(self) -> Block:
        if self.reason and self.readability != "ignore":
            raise ValueError(
                "a reason is only for readability: ignore; delete the line, or add "
                "readability: ignore"
            )
        return self

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


# -- self-massage/<id>.yaml --------------------------------------------------------------------

Region = Literal["head", "neck", "shoulder", "arm", "back", "hip", "leg", "foot"]
Tool = Literal["fingers", "thumb", "knuckles", "ball", "hand", "pinch"]
View = Literal["front", "back", "side", "head"]
Side = Literal["left", "right", "both"]

# Dosage: declared once, used by library entries and by a client's overrides.
Hold = Annotated[int, Field(ge=5, le=120, description="Seconds to hold each press.")]
Repeats = Annotated[int, Field(ge=1, le=10, description="Presses per session.")]
PerDay = Annotated[int, Field(ge=1, le=5, description="Sessions a day.")]
RestDays = Annotated[int, Field(ge=0, le=6, description="Days a week without self-massage.")]
Level = Annotated[int, Field(ge=0, le=10)]


class Pressure(Model):
    target: Level = Field(
        description="How strong the pressure may feel on the 0-10 scale, where 0 is no pain "
        "and 10 the worst imaginable."
    )
    stop: Level = Field(description="Never press harder than this; higher than the target.")

    @model_validator(mode="after")
    def _stop_above_target(self) -> Pressure:
        if self.stop <= self.target:
            raise ValueError(
                f"the stop level ({self.stop}) must be higher than the target ({self.target}); "
                "make 'stop' at least one more than 'target'"
            )
        return self


class Zone(Model):
    x: float = Field(description="Centre, across, in the view's units.")
    y: float = Field(description="Centre, down, in the view's units.")
    rx: float = Field(gt=0, description="Half the width.")
    ry: float = Field(gt=0, description="Half the height.")
    angle: float = Field(default=0, description="Turn, degrees clockwise.")


class Diagram(Model):
    view: View = Field(description="Which body outline shows the point (templates/body/).")
    points: list[tuple[float, float]] = Field(
        min_length=1,
        max_length=3,
        description="Where to press, as x, y in the view's units, for the right side of the body.",
    )
    referred: list[Zone] = Field(
        default_factory=list,
        description="Where the pain is often felt (ellipses), for the right side of the body.",
    )


class Maximum(Model):
    """The most a client file may ask of a point: a therapist may lower the dosage, and raise
    it only up to here."""

    hold: Hold
    repeats: Repeats
    per_day: PerDay


class SelfMassage(Model):
    id: str = Field(
        pattern=r"^[a-z0-9][a-z0-9-]*$",
        description="The point's name in client files; the file is self-massage/ID.yaml.",
    )
    muscle: Text = Field(description="Plain name of the muscle, as a patient would say it.")
    latin: Text = Field(description="Latin name of the muscle.")
    region: Region = Field(description="Part of the body.")
    complaints: list[Text] = Field(
        min_length=1, description="Complaints this point often plays a part in."
    )
    where: Text = Field(description="How to find the spot.")
    how: Text = Field(description="Position, what to press with, what to do.")
    tool: Tool = Field(
        description="What to press with (ball: against a wall; pinch: between thumb and fingers)."
    )
    pressure: Pressure = Field(description="Target and stop level on the 0-10 scale.")
    hold: Hold
    repeats: Repeats
    per_day: PerDay
    rest_days: RestDays
    maximum: Maximum = Field(
        description="The most a client file may set for hold, repeats and per_day."
    )
    instruction_first: bool = Field(
        default=False,
        description="Only for clients who practised it in the practice first; the handout says so.",
    )
    avoid: list[Text] = Field(min_length=1, description="What not to do; when not to massage.")
    stop_if: list[Text] = Field(
        min_length=1, description="When to stop and call the practice (in its opening hours)."
    )
    urgent_if: list[Text] = Field(
        min_length=1,
        description="When to stop and call the GP or the huisartsenpost at once, or 112.",
    )
    diagram: Diagram = Field(description="The press points and pain zones on a body outline.")
    video: str | None = Field(
        default=None,
        description="Web address (https://) of a video of this self-massage: the handout prints "
        "a QR code to it beside the diagram.",
    )

    @field_validator("video")
    @classmethod
    def _video(cls, value: str | None) -> str | None:
        return None if value is None else check_https(value, "https://www.example.nl/video/neck")


# -- clients/<file>.yaml -----------------------------------------------------------------------


class Choice(Model):
    """One chosen point: its id, which side, and the dosage where it differs from the library."""

    id: Text = Field(description="Id of the point in self-massage/.")
    side: Side = Field(default="both", description="Which side of the body: left, right or both.")
    hold: Hold | None = Field(default=None, description="Seconds to hold, if not the library's.")
    repeats: Repeats | None = Field(default=None, description="Presses, if not the library's.")
    per_day: PerDay | None = Field(
        default=None, description="Sessions a day, if not the library's."
    )
    rest_days: RestDays | None = Field(
        default=None, description="Rest days a week, if not the library's."
    )
    note: str | None = Field(default=None, description="Extra advice for this point only.")

    @model_validator(mode="before")
    @classmethod
    def _plain_id(cls, value: Any) -> Any:
        return {"id": value} if isinstance(value, str) else value


class Client(Model):
    name: Text = Field(
        description="The client's name as printed on the handout; never used in a file name."
    )
    email: str | None = Field(default=None, description="Where the handout is emailed.")
    language: Text = Field(
        default="nl", description="Language of the handout (nl, en, de, tr, ar)."
    )
    date: datetime.date = Field(description="Date of the consult, written as 2026-11-24.")
    therapist: Text = Field(description="Who chose the points, as printed on the handout.")
    points: list[Choice] = Field(
        min_length=1,
        description="Chosen points in the order to print them: an id, or id with side and dosage.",
    )
    notes: str | None = Field(default=None, description="The therapist's notes for the client.")
    fillable: bool | None = Field(
        default=None,
        description="A fillable handout (true) or not (false); without it, the practice's "
        "'fillable' says.",
    )

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        return None if value is None else check_email(value)


# -- sets/<name>.yaml --------------------------------------------------------------------------


class PointSet(Model):
    """A saved choice of points to start a handout from, e.g. for office neck pain."""

    name: Text = Field(description="The set's name as the app shows it, e.g. 'Nek en schouders'.")
    points: list[Choice] = Field(
        min_length=1,
        description="The points in order, as in a client file: an id, or id with side and dosage.",
    )


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
    kind: Literal["trifold"] = Field(
        default="trifold", description="A sheet folded in panels (this table's fields)."
    )
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


class PagesSpec(Model):
    """A layout of whole pages in reading order: a booklet, large print, a screen edition."""

    layout: Text = Field(description="Name of the layout, used in file names and --layout.")
    description: Text = Field(description="One line saying what the layout is for.")
    kind: Literal["booklet", "pages"] = Field(
        description="booklet: folded A5 pages, printed two to a sheet; pages: single pages."
    )
    width: float = Field(gt=0, description="Trimmed page width in mm.")
    height: float = Field(gt=0, description="Trimmed page height in mm.")
    margin: float = Field(default=15, ge=4, description="Room around the text on a page, mm.")
    body_size: float = Field(default=12, ge=11, description="Body text size in points.")
    line_spacing: float = Field(default=1.4, ge=1.3, description="Line spacing, times the size.")
    high_contrast: bool = Field(
        default=False,
        description="Dark text on white only: boxes get a border instead of a coloured ground.",
    )
    hyphenate: bool = Field(
        default=True,
        description="Break long words at a syllable with a hyphen (false: whole words only, "
        "as large-print guidance asks).",
    )
    links: bool = Field(default=False, description="Website, email and phone as working links.")
    outline: bool = Field(default=False, description="A bookmark in the PDF for every block.")
    print_shop: bool = Field(
        default=False, description="Has a print-shop edition (bleed, crop marks, CMYK)."
    )
    bleed: float = Field(default=3, description="Bleed around the trim in the print-shop edition.")
    slug: float = Field(
        default=12, description="Room outside the trim for crop marks (print-shop), mm."
    )


# -- templates/labels.yaml ---------------------------------------------------------------------


class Plural(Model):
    """A text that changes with a number, e.g. '1 seconde' / '30 seconden'."""

    one: Text = Field(description="For the number 1; {n} is the number.")
    other: Text = Field(description="For every other number; {n} is the number.")

    def format(self, n: int) -> str:
        return (self.one if n == 1 else self.other).format(n=n)


class SideNames(Model):
    left: Text = Field(description="The left side of the body.")
    right: Text = Field(description="The right side of the body.")
    both: Text = Field(description="Both sides of the body.")


class ViewNames(Model):
    """How each body outline is named in a diagram's description for screen readers."""

    front: Text = Field(description="The body outline seen from the front.")
    back: Text = Field(description="The body outline seen from the back.")
    side: Text = Field(description="The body outline seen from the side.")
    head: Text = Field(description="The outline of the head and neck.")


class ToolNames(Model):
    fingers: Text = Field(description="Pressing with the fingertips.")
    thumb: Text = Field(description="Pressing with the thumb.")
    knuckles: Text = Field(description="Pressing with the knuckles.")
    ball: Text = Field(description="A tennis ball or massage ball.")
    hand: Text = Field(description="The whole hand.")
    pinch: Text = Field(description="A pinch grip between the thumb and the fingers.")


class ScaleWords(Model):
    """Words under the 0-10 pressure scale, so each number means the same to every reader."""

    none: Text = Field(description="At 0: no pain at all.")
    light: Text = Field(description="At 2: light, hardly painful.")
    clear: Text = Field(description="At 4: clearly felt, still fine.")
    painful: Text = Field(description="At 6: painful: too much, stop here at the latest.")
    severe: Text = Field(description="At 8: very painful.")
    worst: Text = Field(description="At 10: the worst pain you can imagine.")


class HandoutLabels(Model):
    """Texts of the personal handout; words in {braces} are filled in by careprint."""

    title: Text = Field(description="Title on page 1; {name} is the client's name.")
    consult: Text = Field(description="Line under the title; {date} and {therapist}.")
    intro: Text = Field(description="Short introduction on page 1.")
    scale: Text = Field(description="How the 0-10 pressure scale works.")
    scale_words: ScaleWords = Field(description="Words for the levels of the pressure scale.")
    next_day: Text = Field(
        description="The rule for the day after: no bruises, no more pain than before."
    )
    legend_point: Text = Field(description="Beside the press marker under each diagram.")
    legend_zone: Text = Field(description="Beside the shaded zone under each diagram.")
    figure_views: ViewNames = Field(
        description="What each body diagram shows, for its description read by screen readers."
    )
    figure_alt: Text = Field(
        description="A body diagram described for screen readers (it is not printed); {view} "
        "is what the drawing shows, {muscle} the point's muscle, {side} the side(s) of the body."
    )
    side: Text = Field(description="Label before the side of the body.")
    sides: SideNames = Field(description="Names of the sides of the body.")
    helps: Text = Field(
        description="Label before the complaints a point often plays a part in (not a promise)."
    )
    where: Text = Field(description="Heading above where to find the point.")
    how: Text = Field(description="Heading above how to massage it.")
    tool: Text = Field(description="Label before what to press with.")
    tools: ToolNames = Field(description="What to press with, one text per tool.")
    pressure: Text = Field(description="Label before the pressure.")
    pressure_value: Text = Field(description="The pressure; {target} and {stop} are 0-10.")
    hold: Text = Field(description="Label before the hold time.")
    seconds: Plural = Field(description="Hold time in seconds.")
    repeats: Text = Field(description="Label before the number of presses.")
    times: Plural = Field(description="Number of presses.")
    per_day: Text = Field(description="Label before the sessions a day.")
    per_day_value: Plural = Field(description="Sessions a day.")
    rest: Text = Field(description="Label before the rest days.")
    rest_value: Plural = Field(description="Rest days a week.")
    rest_none: Text = Field(description="When there are no rest days.")
    avoid: Text = Field(description="Heading above what to avoid.")
    stop_if: Text = Field(description="Heading above when to stop and call the practice.")
    urgent_if: Text = Field(
        description="Heading above when to stop and call the GP, the huisartsenpost or 112."
    )
    instruction_first: Text = Field(
        description="On a point given only after practising it in the practice."
    )
    before: Text = Field(
        description="Heading above asking first and the pressure scale, before the points."
    )
    ask_first_heading: Text = Field(description="Heading of the 'ask us first if' box on page 1.")
    ask_first: list[Text] = Field(
        min_length=1, description="When to ask the practice before starting: one line each."
    )
    continued: Text = Field(
        description="After a point's name on the second page of its instructions, in brackets."
    )
    note: Text = Field(description="Heading above the therapist's tip for one point.")
    notes: Text = Field(description="Heading above the therapist's notes.")
    calendar: Text = Field(description="Heading of the week calendar.")
    calendar_hint: Text = Field(description="How to use the week calendar.")
    calendar_point: Text = Field(description="Heading of the calendar's first column.")
    rest_day: Text = Field(description="In the calendar, on a day without self-massage.")
    cautions_heading: Text = Field(description="Heading of the closing cautions.")
    cautions: list[Text] = Field(min_length=1, description="When to stop and call the practice.")
    urgent_heading: Text = Field(
        description="Heading of the closing signs that need the GP or huisartsenpost at once."
    )
    urgent: list[Text] = Field(
        min_length=1, description="When to call the GP or the huisartsenpost at once."
    )
    emergency: Text = Field(description="When to call the emergency number 112.")
    contact: Text = Field(description="Line above the practice's contact details.")
    questions: Text = Field(description="Heading above lines for the client's own questions.")
    video: Text = Field(
        description="Beside the QR code that opens a point's video (a phone's camera reads it)."
    )
    pain: Text = Field(description="In the week calendar: the row for the day's pain, 0 to 10.")
    week: Text = Field(
        description="Under the week calendar: its dates, {first} and {last} (e.g. 23 november)."
    )
    code: Text = Field(
        description="Under the week calendar: {code} matches a returned handout to its client."
    )
    page: Text = Field(description="Page numbers; {page} and {pages}.")
    document: Text = Field(description="Title in the PDF's properties (never the client's name).")
    attachment: Text = Field(description="File name of the emailed PDF; {date} is the date.")


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
    handout: HandoutLabels = Field(description="Texts of the personal handout.")
