#!/usr/bin/env python3
"""Pack the practice log's form-field fonts into fonts/form/, from the faces in fonts/.

    pip install fonttools==4.68.0
    python fonts/build_form_fonts.py

A form field needs a whole font (a client may type any character later), embedded as a Type0 /
CIDFontType2 font with Identity-H. Everything that font needs in a PDF is the same on every run,
so it is made here once, not per log:

  form/<NAME>.ttf.flate        the TrueType file, zlib-compressed: written as the /FontFile2 stream
  form/<NAME>.tounicode.flate  the ToUnicode CMap (glyph id -> text), zlib-compressed
  form/<NAME>.json             names, metrics, the /W widths and the raw file length

NotoSansSC-Form is Noto Sans SC Regular (GB 2312, Latin, punctuation) with its glyphs moved so
that no glyph id lies in 0x0590-0x08FF: pypdf 7.1, filling a field, takes the glyph-id string for
right-to-left text there (Hebrew and Arabic code points) and wraps the line in /ActualText, which
PDFium then extracts out of place. Those ids hold empty glyphs. NotoSans-Form is the Latin face
(Latin-1, Latin Extended-A, punctuation) for logs that need no Chinese form font (about 30 KB).
The output is the same bytes on every run.
"""

import json
import pathlib
import zlib

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE / "form"
RTL_GLYPH_IDS = range(0x0590, 0x0900)
URO = range(0x4E00, 0xA000)
BFCHAR_CHUNK = 100  # a CMap allows at most 100 entries per beginbfchar block
DEFAULT_WIDTH = 1000
LATIN = [*range(0x20, 0x7F), *range(0xA0, 0x180), *range(0x2010, 0x2050), 0x20AC, 0x2122, 0x2212]


def free_rtl_ids(font: TTFont) -> None:
    """Insert empty glyphs at the ids pypdf takes for right-to-left text."""
    order = font.getGlyphOrder()
    if len(order) <= RTL_GLYPH_IDS.start:
        return
    for tag in font.keys():  # a table never read is saved as it was, with the old glyph ids
        font[tag].ensureDecompiled() if hasattr(font[tag], "ensureDecompiled") else None
    pads = [f"pmr.empty{gid:04X}" for gid in RTL_GLYPH_IDS]
    glyf = font["glyf"]
    for name in pads:
        glyf.glyphs[name] = Glyph()
        for tag in ("hmtx", "vmtx"):
            if tag in font:
                font[tag].metrics[name] = (0, 0)
    new_order = order[: RTL_GLYPH_IDS.start] + pads + order[RTL_GLYPH_IDS.start :]
    font.setGlyphOrder(new_order)
    glyf.glyphOrder = new_order
    font["maxp"].numGlyphs = len(new_order)
    if "post" in font:
        font["post"].formatType = 3.0  # no glyph names: they only cost bytes


def glyph_to_unicode(font: TTFont) -> dict[int, int]:
    """One code point per glyph: the CJK Unified Ideographs block first (手 U+624B rather than
    the radical ⼿ U+2F3F, which shares its glyph), then the lowest."""
    chosen: dict[int, int] = {}
    for code, name in font.getBestCmap().items():
        glyph = font.getGlyphID(name)
        old = chosen.get(glyph)
        if old is None or (code not in URO, code) < (old not in URO, old):
            chosen[glyph] = code
    return chosen


def to_unicode_cmap(glyphs: dict[int, int]) -> bytes:
    items = sorted(glyphs.items())
    blocks = []
    for start in range(0, len(items), BFCHAR_CHUNK):
        chunk = items[start : start + BFCHAR_CHUNK]
        pairs = "\n".join(
            f"<{glyph:04X}> <{chr(code).encode('utf-16-be').hex().upper()}>" for glyph, code in chunk
        )
        blocks.append(f"{len(chunk)} beginbfchar\n{pairs}\nendbfchar")
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        + "\n".join(blocks)
        + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def width_runs(advances: list[int]) -> list[int]:
    """/W as runs `first last width` of equal advance, leaving out the default width."""
    runs: list[int] = []
    first = 0
    while first < len(advances):
        last = first
        while last + 1 < len(advances) and advances[last + 1] == advances[first]:
            last += 1
        if advances[first] != DEFAULT_WIDTH:
            runs += [first, last, advances[first]]
        first = last + 1
    return runs


def metrics(font: TTFont) -> dict[str, object]:
    scale = 1000 / font["head"].unitsPerEm
    head, os2, hhea = font["head"], font["OS/2"], font["hhea"]
    advances = [round(font["hmtx"][name][0] * scale) for name in font.getGlyphOrder()]
    return {
        "base_font": font["name"].getDebugName(6),
        "bbox": [round(v * scale) for v in (head.xMin, head.yMin, head.xMax, head.yMax)],
        "ascent": round(hhea.ascent * scale),
        "descent": round(hhea.descent * scale),
        "cap_height": round(getattr(os2, "sCapHeight", hhea.ascent) * scale),
        "stem_v": 80,
        "widths": width_runs(advances),
    }


def pack(font: TTFont, name: str, postscript: str) -> None:
    font["name"].setName(postscript, 6, 3, 1, 0x409)
    font["name"].setName(postscript, 6, 1, 0, 0)
    path = OUT / f"{name}.ttf"
    font.save(path)
    data = path.read_bytes()
    path.unlink()
    saved = TTFont(__import__("io").BytesIO(data))
    info = metrics(saved) | {"file_length": len(data)}
    (OUT / f"{name}.ttf.flate").write_bytes(zlib.compress(data, 9))
    cmap = to_unicode_cmap(glyph_to_unicode(saved))
    (OUT / f"{name}.tounicode.flate").write_bytes(zlib.compress(cmap, 9))
    (OUT / f"{name}.json").write_text(json.dumps(info, separators=(",", ":")) + "\n")


def main() -> None:
    OUT.mkdir(exist_ok=True)
    chinese = TTFont(HERE / "NotoSansSC-Regular.ttf", recalcTimestamp=False)
    free_rtl_ids(chinese)
    pack(chinese, "NotoSansSC-Form", "NotoSansSC-Form")
    latin = TTFont(HERE / "NotoSans-Regular.ttf", recalcTimestamp=False)
    options = subset.Options()
    options.layout_features = ["kern", "liga"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=LATIN)
    subsetter.subset(latin)
    pack(latin, "NotoSans-Form", "NotoSans-Form")


if __name__ == "__main__":
    main()
