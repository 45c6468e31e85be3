"""Where everything on a practice-log week page goes: decided here, drawn in render.py.

A week page is landscape (eight columns do not fit a portrait page at a readable size): header,
the scale of the ratings, a table with a row per day, and the weekly reflection. The rows share
what the header, table head and reflection leave, so large print keeps everything on one page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from pmr_print.pdf.markup import is_han_script
from pmr_print.pdf.styles import Styles
from pmr_print.pdf.text import plain_paragraph, text_width
from pmr_print.plans.log import LogColumn
from pmr_print.theme import MM, Theme

# (column, label, share of the table's width); notes take what is left.
COLUMNS: tuple[tuple[str, str, float], ...] = (
    ("day", "Day", 0.11),
    ("practised", "Practised", 0.065),
    ("time", "Time of day", 0.085),
    ("minutes", "Minutes", 0.085),
    ("protocol", "Protocol", 0.115),
    ("before", "Tension before", 0.095),
    ("after", "Tension after", 0.095),
    ("notes", "What I noticed", 0.0),
)
MAX_ROW = 40.0
MIN_SCALE = 0.6  # a value in a cell shrinks to 60 % of the cell size before it is cut ...
NOTES_LEAST = 35 * MM  # "What I noticed" is written in by hand: room for a few words a line
DAY_MOST = 0.2  # of the table's width, for the day column
PAD = 4.0


@dataclass(frozen=True)
class Box:
    x: float
    y: float  # bottom
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    def inset(self, dx: float, dy: float) -> Box:
        return Box(self.x + dx, self.y + dy, self.width - 2 * dx, self.height - 2 * dy)


@dataclass(frozen=True)
class Geometry:
    width: float
    height: float
    margin: float
    title_baseline: float
    week_baseline: float
    scale_baseline: float
    columns: tuple[tuple[str, float, float], ...]  # key, x, width
    head: Box
    row_height: float
    reflection: Box
    footer_baseline: float
    stacked: bool  # weekday above date in the day cell; else on one line (large print)

    def column(self, key: str) -> tuple[float, float]:
        for name, x, width in self.columns:
            if name == key:
                return x, width
        raise KeyError(key)

    def cell(self, key: str, row: int) -> Box:
        """The box of a column in day row `row` (0-based, top to bottom)."""
        x, width = self.column(key)
        return Box(x, self.head.y - (row + 1) * self.row_height, width, self.row_height)


def least_cell(theme: Theme, styles: Styles) -> float:
    """The smallest size a value in a cell may shrink to: MIN_SCALE of the cell size, and in
    large print never below its small size (its minimum for text)."""
    least = float(styles.cell.fontSize) * MIN_SCALE
    return max(least, float(styles.small.fontSize)) if theme.large_print else least


def landscape(theme: Theme) -> tuple[float, float]:
    short, long = sorted(theme.page_size)
    return long, short


def narrowest(label: str, styles: Styles) -> float:
    """A column is as wide as the longest word of its label (a Latin word is never split); a
    Chinese label of more than four characters may wrap once."""
    size = styles.cell_head.fontSize

    def width(word: str) -> float:
        found = text_width(word, size, styles.faces, "label", bold=True)
        long_chinese = len(word) > 4 and any(is_han_script(char) for char in word)
        return found * 0.7 if long_chinese else found

    return max(width(word) for word in label.split() or [""]) + 2 * PAD + 1


def column_boxes(
    left: float,
    width: float,
    styles: Styles,
    heads: Sequence[LogColumn],
    day_texts: Sequence[str],
    protocol_least: float = 0.0,
) -> tuple[tuple[str, float, float], ...]:
    """Each column's share of the width, or what its label needs; the day column also fits the
    longest day text on one line, the protocol column `protocol_least`; notes take the rest.
    Fewer heads than COLUMNS (a week split over two pages): each what it needs, and the width
    left shared by their shares."""
    size = styles.cell_head.fontSize
    widest_day = max(text_width(day, size, styles.faces, "label", True) for day in day_texts)
    if len(heads) < len(COLUMNS):
        return placed_columns(left, split_widths(width, styles, heads, widest_day), heads)
    widths = [
        max(width * share, narrowest(head.head, styles))
        for (_, _, share), head in zip(COLUMNS[:-1], heads, strict=False)
    ]
    # ... but never more than DAY_MOST of the width: a day in two languages shrinks to fit
    widths[0] = max(widths[0], min(widest_day + 2 * PAD + 1, width * DAY_MOST))
    protocol = [key for key, _, _ in COLUMNS].index("protocol")
    widths[protocol] = max(widths[protocol], protocol_least)
    widths.append(width - sum(widths))
    placed, x = [], left
    for (key, _, _), column_width in zip(COLUMNS, widths, strict=True):
        placed.append((key, x, column_width))
        x += column_width
    return tuple(placed)


def split_widths(
    width: float, styles: Styles, heads: Sequence[LogColumn], widest_day: float
) -> list[float]:
    shares = {key: share or 0.2 for key, _, share in COLUMNS}  # notes count as 0.2
    least = [narrowest(head.head, styles) for head in heads]
    least = [max(need, NOTES_LEAST) if head.key == "notes" else need
             for need, head in zip(least, heads, strict=True)]  # fmt: skip
    if heads[0].key == "day":
        # as wide as its longest day, or what the others leave it, but never so narrow that a
        # day (shrunk to fit) is set below the small size: then the others give way
        shrunk = widest_day * styles.small.fontSize / styles.cell_head.fontSize + 2 * PAD + 1
        least[0] = max(least[0], min(widest_day + 2 * PAD + 1, width - sum(least[1:])), shrunk)
        if sum(least) > width:  # the columns between the day and the notes give way
            kept = [i == 0 or head.key == "notes" for i, head in enumerate(heads)]
            fixed = sum(need for need, keep in zip(least, kept, strict=True) if keep)
            others = (width - fixed) / (sum(least) - fixed)
            least = [
                need if keep else need * others for need, keep in zip(least, kept, strict=True)
            ]
    chosen = [shares[head.key] for head in heads]
    if any(head.key == "notes" for head in heads):  # the spare is room to write in
        chosen = [1.0 if head.key == "notes" else 0.0 for head in heads]
    spare = max(0.0, width - sum(least))
    return [need + spare * share / sum(chosen) for need, share in zip(least, chosen, strict=True)]


def placed_columns(
    left: float, widths: Sequence[float], heads: Sequence[LogColumn]
) -> tuple[tuple[str, float, float], ...]:
    placed, x = [], left
    for head, column_width in zip(heads, widths, strict=True):
        placed.append((head.key, x, column_width))
        x += column_width
    return tuple(placed)


def head_texts(
    styles: Styles, heads: Sequence[LogColumn], columns: tuple[tuple[str, float, float], ...]
) -> list[tuple[Paragraph, Paragraph | None]]:
    """Each column's label and hint as paragraphs, in column order; a label whose longest Latin
    word is wider than its column is set smaller (down to the small size), so that no word is
    cut in two ("Practise|d")."""
    texts = []
    for column, (_, _, width) in zip(heads, columns, strict=True):
        style = head_style(column.head, width - 2 * PAD, styles)
        head = plain_paragraph(column.head, "label", styles.faces, style)
        hint = column.hint
        below = plain_paragraph(hint, "label", styles.faces, styles.small) if hint else None
        texts.append((head, below))
    return texts


def head_style(label: str, room: float, styles: Styles) -> ParagraphStyle:
    size = float(styles.cell_head.fontSize)
    latin = [word for word in label.split() if not any(is_han_script(char) for char in word)]
    widest = max((text_width(w, size, styles.faces, "label", bold=True) for w in latin), default=0)
    if widest <= room:
        return styles.cell_head
    smaller = max(float(styles.small.fontSize), size * room / widest * 0.98)
    return ParagraphStyle("cell_head_fit", parent=styles.cell_head, fontSize=smaller,
                          leading=smaller * styles.cell_head.leading / size)  # fmt: skip


def head_height(
    columns: tuple[tuple[str, float, float], ...], styles: Styles, heads: Sequence[LogColumn]
) -> float:
    tallest = 0.0
    for (_, _, width), (head, hint) in zip(
        columns, head_texts(styles, heads, columns), strict=True
    ):
        height = head.wrap(width - 2 * PAD, 1000)[1]
        if hint is not None:
            height += hint.wrap(width - 2 * PAD, 1000)[1]
        tallest = max(tallest, height)
    return tallest + 2 * PAD


def reflection_height(styles: Styles) -> float:
    """At least: heading, question, and two lines to write on."""
    return float(styles.h3.leading + styles.cell_head.leading + 2 * writing_gap(styles) + 3 * PAD)


def writing_gap(styles: Styles) -> float:
    return float(styles.body.fontSize * 2.1)


def geometry(
    theme: Theme,
    styles: Styles,
    heads: Sequence[LogColumn],
    day_texts: Sequence[str],
    head_room: float = 0.0,
    protocols: Sequence[str] = (),
) -> Geometry:
    """The page's layout: `heads` are the plan's column heads, `day_texts` the longest texts a
    day cell may hold, `protocols` the protocol names a completed day may print (its column
    holds the longest on one line at the least cell size: large print's rows hold one line).
    Fewer heads than COLUMNS: a page of a week split over two, upright as the theme's page, its
    table head `head_room` lower (for a week title that wraps)."""
    split = len(heads) < len(COLUMNS)
    width, height = theme.page_size if split else landscape(theme)
    margin = theme.margin * 0.75
    title_baseline = height - margin - styles.title.fontSize * 0.8
    week_baseline = title_baseline - styles.h3.leading * 1.5
    scale_baseline = week_baseline - styles.small.leading * 1.5
    least = least_cell(theme, styles)
    protocol_least = max(
        (text_width(name, least, styles.faces, "label") + 2 * PAD + 1 for name in protocols),
        default=0.0,
    )
    columns = column_boxes(margin, width - 2 * margin, styles, heads, day_texts, protocol_least)
    head_top = scale_baseline - styles.small.leading * 0.8 - head_room
    head = Box(margin, head_top - head_height(columns, styles, heads), width - 2 * margin, 0)
    head = Box(head.x, head.y, head.width, head_top - head.y)
    footer_baseline = margin * 0.6
    bottom = margin + styles.small.leading
    gap = styles.body.fontSize
    row_height = min(MAX_ROW, (head.y - gap - reflection_height(styles) - bottom) / 7)
    table_bottom = head.y - 7 * row_height
    reflection = Box(margin, bottom, width - 2 * margin, table_bottom - gap - bottom)
    return Geometry(
        width,
        height,
        margin,
        title_baseline,
        week_baseline,
        scale_baseline,
        columns,
        head,
        row_height,
        reflection,
        footer_baseline,
        row_height >= styles.cell_head.leading + styles.small.leading + 2 * PAD,
    )


def checkbox_box(layout: Geometry, row: int) -> Box:
    """The practised square of a day row, centred in its cell."""
    cell = layout.cell("practised", row)
    side = min(13.0, cell.height * 0.5)
    return Box(cell.x + (cell.width - side) / 2, cell.y + (cell.height - side) / 2, side, side)
