"""ReportLab paragraph styles, made from the theme in this one module, named by meaning."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from pmr_print.fonts import han_family, latin_family
from pmr_print.markup import Faces
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


def faces_for(theme: Theme) -> Faces:
    return Faces(latin=latin_family(theme.large_print), han=han_family())


@functools.cache
def make_styles(theme: Theme, lang: str) -> Styles:
    faces = faces_for(theme)
    base = faces.han.name if lang == "zh" else faces.latin.name
    bold = faces.han.bold if lang == "zh" else faces.latin.bold
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
        bulletFontName=faces.han.name,  # has both • and □; the Latin face lacks □
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
            bulletIndent=size.body * 0.3,
            spaceAfter=size.body * 0.3,
        ),
        small=derive(
            "small",
            fontSize=size.small,
            leading=size.small * 1.4,
            textColor=HexColor(theme.colours.muted),
            spaceAfter=0,
        ),
        cell=derive(
            "cell", fontSize=size.small + 0.5, leading=(size.small + 0.5) * 1.35, spaceAfter=0
        ),
        cell_head=derive(
            "cell_head",
            fontName=bold,
            fontSize=size.small + 0.5,
            leading=(size.small + 0.5) * 1.35,
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
