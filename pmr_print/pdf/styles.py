"""ReportLab paragraph styles, made from the theme in this one module, named by meaning."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from pmr_print.languages import language
from pmr_print.pdf.fonts import han_family, latin_family, registered
from pmr_print.pdf.markup import Faces
from pmr_print.theme import Theme


@dataclass(frozen=True)
class Styles:
    faces: Faces
    base_font: str
    title: ParagraphStyle
    subtitle: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    caution_title: ParagraphStyle
    centred: ParagraphStyle


def faces_for(theme: Theme, han: str = "NotoSansSC") -> Faces:
    """The theme's Latin face beside the Han face `han` (a language's han_family)."""
    latin = latin_family(theme.large_print)
    # large print: a number touching Chinese text takes the Han face's figures (markup.runs)
    return Faces(latin, han_family(han), theme.colours.link, han_figures=theme.large_print)


@functools.cache
def make_styles(theme: Theme, lang: str) -> Styles:
    """The styles of text in the language of the content folder `lang` (en, zh, zh-SG ...)."""
    record = language(lang)
    faces = faces_for(theme, record.han_family)
    face = faces.han if record.text_face == "han" else faces.latin
    base, bold = face.name, face.bold
    for name in (base, bold, faces.han.name, faces.latin.name):  # what the styles name
        registered(name)
    size = theme.type
    ink = HexColor(theme.colours.ink)
    body = ParagraphStyle(
        "body",
        fontName=base,
        fontSize=size.body,
        leading=size.leading,
        textColor=ink,
        spaceAfter=size.body * 0.5,
        wordWrap="CJK",
        alignment=TA_LEFT,
        # No line alone at the head of a page (a widow), as none is at the foot (ReportLab's
        # default, allowOrphans=0): a paragraph split across pages keeps two lines on each side.
        allowWidows=0,
        bulletFontName=faces.han.name,  # has □, which the Latin face lacks (checklists)
        bulletFontSize=size.body,
    )

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)

    heading = {"fontName": bold, "textColor": HexColor(theme.colours.accent), "keepWithNext": 1}
    return Styles(
        faces=faces,
        base_font=base,
        title=derive(
            "title",
            fontName=bold,
            fontSize=size.h1,
            leading=size.h1 * 1.2,
            textColor=HexColor(theme.colours.accent),
        ),
        subtitle=derive(
            "subtitle",
            fontSize=size.h3,
            leading=size.h3 * 1.4,
            textColor=HexColor(theme.colours.muted),
            spaceAfter=size.body,
        ),
        h2=derive(
            "h2",
            fontSize=size.h2,
            leading=size.h2 * 1.3,
            spaceBefore=size.body,
            spaceAfter=size.body * 0.4,
            **heading,
        ),
        h3=derive(
            "h3",
            fontSize=size.h3,
            leading=size.h3 * 1.35,
            spaceBefore=size.body * 0.5,
            spaceAfter=size.body * 0.25,
            **heading,
        ),
        body=body,
        bullet=derive(
            "bullet",
            leftIndent=size.body * 1.3,
            # The Latin face's narrow "•" hangs in the indent (ReportLab keeps 0.6 em after
            # it): runover lines start under the first line's text, where the Chinese face's
            # full-width dot pushed the first line right.
            bulletIndent=size.body * 0.25,
            bulletFontName=faces.latin.name,
            spaceAfter=size.body * 0.3,
        ),
        small=derive(
            "small",
            fontSize=size.small,
            leading=size.small * 1.4,
            textColor=HexColor(theme.colours.muted),
            spaceAfter=0,
        ),
        cell=derive("cell", fontSize=size.cell, leading=size.cell * 1.35, spaceAfter=0),
        cell_head=derive(
            "cell_head",
            fontName=bold,
            fontSize=size.cell,
            leading=size.cell * 1.35,
            spaceAfter=0,
        ),
        caution_title=derive(
            "caution_title",
            fontName=bold,
            fontSize=size.h3,
            leading=size.h3 * 1.35,
            textColor=HexColor(theme.colours.caution),
        ),
        centred=derive("centred", alignment=TA_CENTER),
    )


def tightened(styles: Styles, leading: float, spacing: float) -> Styles:
    """The styles with body text and list items set `leading` times their size apart and
    `spacing` ems between paragraphs, the box title with half as much after it: the same type,
    closer together (a large-print box that must fit a page)."""

    def closer(style: ParagraphStyle, lead: float, after: float) -> ParagraphStyle:
        size = style.fontSize
        return ParagraphStyle(
            style.name, parent=style, leading=size * lead, spaceAfter=size * after
        )

    return replace(
        styles,
        body=closer(styles.body, leading, spacing),
        bullet=closer(styles.bullet, leading, spacing),
        caution_title=closer(styles.caution_title, min(leading, 1.2), spacing / 2),
    )


@dataclass(frozen=True)
class CardStyles:
    """Step-card text at one size: `scale` is the card's size relative to A6, `text` the body size
    after any shrinking (instruction and legend shrink together; name and step line do not)."""

    name: ParagraphStyle
    step: ParagraphStyle
    instruction: ParagraphStyle
    legend: ParagraphStyle
    safety: ParagraphStyle


@functools.cache
def make_card_styles(theme: Theme, lang: str, scale: float, text: float) -> CardStyles:
    styles = make_styles(theme, lang)
    size = theme.type
    small = text if theme.large_print else text * size.small / size.body
    return CardStyles(
        name=ParagraphStyle(
            "card_name",
            parent=styles.h2,
            fontSize=size.h2 * 1.1 * scale,
            leading=size.h2 * 1.3 * scale,
            spaceBefore=0,
            spaceAfter=0,
        ),
        step=ParagraphStyle(
            "card_step",
            parent=styles.small,
            fontSize=size.small * scale,
            leading=size.small * 1.3 * scale,
        ),
        instruction=ParagraphStyle(
            "card_instruction", parent=styles.body, fontSize=text, leading=text * 1.35, spaceAfter=0
        ),
        legend=ParagraphStyle(
            "card_legend", parent=styles.small, fontSize=small, leading=small * 1.3
        ),
        safety=ParagraphStyle(
            "card_safety",
            parent=styles.caution_title,
            fontSize=small,
            leading=small * 1.3,
            spaceBefore=0,
            spaceAfter=0,
        ),
    )


@dataclass(frozen=True)
class SlideStyles:
    """Projector slides (960 x 540 pt), read from the back of a room: nothing below `body`
    points; headings and step names larger. `strip` sets a timing strip's legend at body size."""

    title: ParagraphStyle
    heading: ParagraphStyle
    name: ParagraphStyle
    body: ParagraphStyle
    muted: ParagraphStyle
    strip: CardStyles


@functools.cache
def make_slide_styles(theme: Theme, lang: str, body: float, name: float) -> SlideStyles:
    styles = make_styles(theme, lang)
    accent, muted = HexColor(theme.colours.accent), HexColor(theme.colours.muted)

    def sized(parent: ParagraphStyle, label: str, size: float, **changes: object) -> ParagraphStyle:
        changes = {"spaceBefore": 0, "spaceAfter": 0, "keepWithNext": 0, **changes}
        return ParagraphStyle(label, parent=parent, fontSize=size, leading=size * 1.25, **changes)

    text = sized(styles.body, "slide_body", body)
    return SlideStyles(
        title=sized(styles.title, "slide_title", name * 1.15, textColor=accent),
        heading=sized(styles.h2, "slide_heading", name * 0.85, textColor=accent),
        name=sized(styles.h2, "slide_name", name, textColor=accent),
        body=text,
        muted=sized(styles.body, "slide_muted", body, textColor=muted),
        strip=CardStyles(name=text, step=text, instruction=text, legend=text, safety=text),
    )
