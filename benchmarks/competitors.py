"""The handout's own content as WeasyPrint HTML and as Typst markup, made from the same model.

Both follow the handout's reading order (title, details, the sections, the protocol as a table,
screening, references) and use the same shipped fonts, so that the engines set the same text.
They are benchmark inputs, not products: no page footer, figures or QR code.
"""

from __future__ import annotations

import html
import pathlib

from pmr_print.model import BulletList, Guide, Paragraph, Section
from pmr_print.plans.handout import AFTER_SEQUENCE, BEFORE_SEQUENCE

Blocks = list[tuple[str, object]]  # ("h1" | "h2" | "h3" | "p" | "ul" | "table", payload)


def blocks(guide: Guide) -> Blocks:
    """The handout's content in reading order, as plain blocks both markups are made from."""
    out: Blocks = [("h1", guide.title), ("p", guide.subtitle)]
    out.append(("table", [["Client", "王芳 / Jane Miller"], ["Clinician", "Dr Lee"]]))
    for section_id in BEFORE_SEQUENCE:
        out += section_blocks(guide.section(section_id))
    protocol = guide.protocol("standard")
    out += section_blocks(guide.section("sequence"))
    out.append(("h3", protocol.name))
    out.append(("p", protocol.summary.text))
    rows = [[step.name, step.instruction.text, str(step.tense_seconds), str(step.relax_seconds)]
            for step in protocol.steps]  # fmt: skip
    out.append(("table", rows))
    for section_id in (*AFTER_SEQUENCE, "screening", "references"):
        out += section_blocks(guide.section(section_id))
    return out


def section_blocks(section: Section) -> Blocks:
    out: Blocks = [("h2", section.title)]
    for block in section.blocks:
        if isinstance(block, Paragraph):
            out.append(("p", block.text))
        elif isinstance(block, BulletList):
            out.append(("ul", [item.text for item in block.items]))
    return out


def to_html(guide: Guide, fonts: pathlib.Path) -> str:
    faces = "".join(
        f"@font-face {{ font-family: '{family}'; font-weight: {weight}; "
        f"src: url('{(fonts / file).as_uri()}'); }}\n"
        for family, weight, file in (
            ("Noto Sans", 400, "NotoSans-Regular.ttf"),
            ("Noto Sans", 700, "NotoSans-Bold.ttf"),
            ("Noto Sans SC", 400, "NotoSansSC-Regular.ttf"),
            ("Noto Sans SC", 700, "NotoSansSC-Bold.ttf"),
        )
    )
    css = (
        faces + "@page { size: A4; margin: 18mm }\n"
        "body { font-family: 'Noto Sans', 'Noto Sans SC'; font-size: 10.5pt; line-height: 1.5 }\n"
        "table { border-collapse: collapse; width: 100% } td { border-bottom: 0.5pt solid #999;"
        " vertical-align: top; padding: 2pt 4pt }\n"
    )
    parts = [f"<!doctype html><html lang='{guide.lang}'><meta charset='utf-8'>",
             f"<title>{html.escape(guide.title)}</title><style>{css}</style><body>"]  # fmt: skip
    for kind, payload in blocks(guide):
        if kind == "ul":
            items = "".join(f"<li>{html.escape(item)}</li>" for item in payload)  # type: ignore[attr-defined]
            parts.append(f"<ul>{items}</ul>")
        elif kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
                for row in payload  # type: ignore[attr-defined]
            )
            parts.append(f"<table>{rows}</table>")
        else:
            parts.append(f"<{kind}>{html.escape(str(payload))}</{kind}>")
    return "".join(parts) + "</body></html>"


def typst_text(text: str) -> str:
    """Typst markup that prints `text` literally."""
    special = set("\\#*_`$<>@[]~'\"=-+/:")
    return "".join("\\" + char if char in special else char for char in text)


def to_typst(guide: Guide) -> str:
    lines = [
        '#set page(paper: "a4", margin: 18mm)',
        f'#set text(font: ("Noto Sans", "Noto Sans SC"), size: 10.5pt, lang: "{guide.lang}")',
        "#set par(leading: 0.75em)",
    ]
    for kind, payload in blocks(guide):
        if kind in ("h1", "h2", "h3"):
            lines.append("=" * int(kind[1]) + " " + typst_text(str(payload)))
        elif kind == "p":
            lines.append(typst_text(str(payload)) + "\n")
        elif kind == "ul":
            lines += [f"- {typst_text(item)}" for item in payload]  # type: ignore[attr-defined]
            lines.append("")
        else:
            rows = payload  # type: ignore[assignment]
            cells = ", ".join(f"[{typst_text(cell)}]" for row in rows for cell in row)  # type: ignore[attr-defined]
            lines.append(f"#table(columns: {len(rows[0])}, stroke: 0.5pt, {cells})")  # type: ignore[index]
    return "\n".join(lines) + "\n"
