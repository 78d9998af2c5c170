"""The chart of a client's returned handouts: sessions done against the plan, per point and
week, and the pain score over time, with a short table; one A4 page as PDF and as PNG.

Drawn with matplotlib's object API and its Agg backend (no display, no global figure state),
in the practice's colours and typeface. matplotlib's settings are global, so one chart is
drawn at a time in a process.
"""

from __future__ import annotations

import datetime
import io
import threading
from dataclasses import dataclass

LOCK = threading.Lock()
A4_INCHES = (8.27, 11.69)


@dataclass(frozen=True)
class Series:
    """One point: its name and, per week, the sessions done and planned."""

    label: str
    done: tuple[int, ...]
    planned: tuple[int, ...]


@dataclass(frozen=True)
class Chart:
    """Everything the chart shows, as plain data and texts in the practice's language."""

    heading: str  # e.g. the practice's name
    title: str
    subtitle: str
    weeks: tuple[str, ...]  # the label of each week
    points: tuple[Series, ...]
    pain: tuple[tuple[datetime.date, int], ...]
    texts: dict[str, str]  # sessions, planned, done, pain, week, average pain, no pain
    table: tuple[tuple[str, ...], ...]  # the header row, then a row per week
    colours: dict[str, str]  # primary, accent, tint, text: "#RRGGBB"
    fonts: tuple[str, str]  # regular and bold TrueType files


def draw(chart: Chart) -> tuple[bytes, bytes]:
    """The chart as PDF and PNG bytes."""
    from matplotlib import font_manager, rc_context
    from matplotlib.figure import Figure

    with LOCK:
        for path in chart.fonts:
            font_manager.fontManager.addfont(path)
        regular = font_manager.FontProperties(fname=chart.fonts[0]).get_name()
        settings = {
            "font.family": regular,
            "font.size": 10,
            "pdf.fonttype": 42,  # TrueType, embedded
            "svg.hashsalt": "careprint",
            "axes.edgecolor": chart.colours["text"],
            "axes.labelcolor": chart.colours["text"],
            "xtick.color": chart.colours["text"],
            "ytick.color": chart.colours["text"],
            "text.color": chart.colours["text"],
        }
        with rc_context(settings):  # type: ignore[arg-type]
            figure = Figure(figsize=A4_INCHES)
            _draw(figure, chart)
            pdf, png = io.BytesIO(), io.BytesIO()
            figure.savefig(
                pdf, format="pdf", metadata={"Creator": "careprint", "CreationDate": None}
            )
            figure.savefig(png, format="png", dpi=100, metadata={"Software": "careprint"})
    return pdf.getvalue(), png.getvalue()


def _draw(figure: object, chart: Chart) -> None:
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    assert isinstance(figure, Figure)
    c, t = chart.colours, chart.texts
    bold = FontProperties(fname=chart.fonts[1])
    figure.text(0.08, 0.955, chart.heading, fontproperties=bold, fontsize=12, color=c["primary"])
    figure.text(0.08, 0.925, chart.title, fontproperties=bold, fontsize=20, color=c["primary"])
    figure.text(0.08, 0.902, chart.subtitle, fontsize=10.5)

    # sessions per week: the plan as an outline, what was done filled in
    bars = figure.add_axes((0.1, 0.60, 0.84, 0.25))
    count = max(len(chart.points), 1)
    width = 0.8 / count
    shades = _shades(c["primary"], c["accent"], count)
    for index, series in enumerate(chart.points):
        xs = [w + (index - (count - 1) / 2) * width for w in range(len(chart.weeks))]
        bars.bar(xs, series.planned, width * 0.9, color="white", edgecolor=shades[index], lw=1.2)
        bars.bar(xs, series.done, width * 0.9, color=shades[index], label=series.label)
    bars.set_xticks(range(len(chart.weeks)), chart.weeks)
    bars.set_xlim(-0.6, max(len(chart.weeks), 4) - 0.4)  # room for the weeks to come
    bars.set_ylabel(t["sessions"])
    bars.set_title(
        t["sessions_title"], loc="left", fontproperties=bold, fontsize=13, color=c["primary"]
    )
    bars.legend(loc="upper left", bbox_to_anchor=(0, -0.1), frameon=False, fontsize=9.5)
    _plain(bars, c)

    # the pain score over time
    line = figure.add_axes((0.1, 0.27, 0.84, 0.18))
    if chart.pain:
        # days as numbers: day 0 is the first
        first = chart.pain[0][0]
        xs = [float((day - first).days) for day, _ in chart.pain]
        scores = [float(score) for _, score in chart.pain]
        line.plot(xs, scores, color=c["accent"], lw=2, marker="o", ms=5)
        line.set_xlim(xs[0] - 0.5, xs[-1] + 0.5)
        shown = chart.pain[:: len(chart.pain) // 14 + 1]  # at most about 14 dates
        line.set_xticks(
            [float((day - first).days) for day, _ in shown],
            [day.strftime("%d-%m") for day, _ in shown],
        )
    else:
        line.text(0.5, 0.5, t["no_pain"], ha="center", va="center", transform=line.transAxes)
        line.set_xticks([])
    line.set_ylim(0, 10)
    line.set_yticks(range(0, 11, 2))
    line.set_ylabel(t["pain"])
    line.set_title(
        t["pain_title"], loc="left", fontproperties=bold, fontsize=13, color=c["primary"]
    )
    _plain(line, c)

    # the table: a row per week
    table_ax = figure.add_axes((0.08, 0.04, 0.86, 0.17))
    table_ax.axis("off")
    header, *rows = chart.table
    table = table_ax.table(
        cellText=rows or [["-"] * len(header)], colLabels=header, loc="upper left"
    )
    table.auto_set_font_size(False)
    table.set_fontsize(9.5)
    table.scale(1, 1.5)
    for (row, _), cell in table.get_celld().items():
        cell.get_text().set_horizontalalignment("center")
        cell.set_edgecolor(c["tint"])
        if row == 0:
            cell.set_facecolor(c["primary"])
            cell.get_text().set_color("white")
            cell.get_text().set_fontproperties(bold)
        elif row % 2 == 0:
            cell.set_facecolor(c["tint"])


def _plain(ax: object, colours: dict[str, str]) -> None:
    ax.spines[["top", "right"]].set_visible(False)  # type: ignore[attr-defined]
    ax.grid(axis="y", color=colours["tint"], lw=1)  # type: ignore[attr-defined]
    ax.set_axisbelow(True)  # type: ignore[attr-defined]


def _shades(primary: str, accent: str, count: int) -> list[str]:
    """A colour for each point: the brand's, then lighter and darker turns of it."""
    from matplotlib.colors import to_hex, to_rgb

    base = [to_rgb(primary), to_rgb(accent)]
    made = []
    for index in range(count):
        r, g, b = base[index % 2]
        mix = 0.45 * (index // 2)  # towards white on each turn
        made.append(to_hex((r + (1 - r) * mix, g + (1 - g) * mix, b + (1 - b) * mix)))
    return made
