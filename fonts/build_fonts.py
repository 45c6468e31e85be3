#!/usr/bin/env python3
"""Regenerate the font files in fonts/ from registry packages.

    pip install fonttools==4.68.0 justmytype-intl-cjk==0.1.0 fontpkg-atkinson-hyperlegible==1.6
    (cd /tmp && apt-get download fonts-noto-core && dpkg-deb -x fonts-noto-core_*.deb noto)
    python fonts/build_fonts.py --noto-deb-root /tmp/noto

Noto Sans SC ships as a variable TrueType font; ReportLab needs static glyf outlines, so the
weights are instanced with fontTools. The Chinese faces are split in two so that the common case
loads fast: "NotoSansSC-*" holds GB 2312 plus Latin and punctuation (what content and most names
use), "NotoSansSCExt-Regular" holds every other character of the face and is loaded only when a
text needs one. Timestamps are kept so that a rebuild gives the same bytes.
"""

import argparse
import importlib.util
import pathlib
import shutil

from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.varLib.instancer import instantiateVariableFont

HERE = pathlib.Path(__file__).resolve().parent
NON_HAN_RANGES = [
    (0x0020, 0x024F), (0x02B0, 0x02FF), (0x2000, 0x206F), (0x2070, 0x209F), (0x20A0, 0x20CF),
    (0x2100, 0x218F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F),
    (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x2700, 0x27BF), (0x3000, 0x303F), (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
]


def package_dir(name: str) -> pathlib.Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise SystemExit(f"build_fonts: install the PyPI package providing {name!r} first")
    return pathlib.Path(spec.origin).parent


def gb2312_code_points() -> set[int]:
    points = set()
    for cp in range(0x80, 0x10000):
        try:
            chr(cp).encode("gb2312")
        except UnicodeEncodeError:
            continue
        points.add(cp)
    return points


def subset_font(font: TTFont, unicodes: set[int]) -> None:
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)


def name_instance(font: TTFont, family: str, style: str, weight: int) -> None:
    """Name a static instance after its weight: the instancer keeps the variable font's default
    names ("Noto Sans SC Thin"), which PDF viewers and pdffonts would show for every weight."""
    postscript = f"{family.replace(' ', '')}-{style}"
    names = {1: family, 2: style, 4: f"{family} {style}", 6: postscript, 16: family, 17: style}
    table = font["name"]
    for name_id in (3, 16, 17, 25):
        table.removeNames(nameID=name_id)
    for name_id, value in names.items():
        table.setName(value, name_id, 3, 1, 0x409)
        table.setName(value, name_id, 1, 0, 0)
    table.setName(f"{postscript};pmr-print", 3, 3, 1, 0x409)
    font["OS/2"].usWeightClass = weight
    font["OS/2"].fsSelection = (font["OS/2"].fsSelection & ~0b1100001) | (
        0b100000 if style == "Bold" else 0b1000000
    )
    font["head"].macStyle = 1 if style == "Bold" else 0


def build_chinese() -> None:
    source_dir = package_dir("justmytype_intl_cjk") / "fonts" / "ofl" / "notosanssc"
    variable = source_dir / "NotoSansSC[wght].ttf"
    common = gb2312_code_points() | {c for a, b in NON_HAN_RANGES for c in range(a, b + 1)}
    for weight, style in ((400, "Regular"), (700, "Bold")):
        font = instantiateVariableFont(TTFont(variable, recalcTimestamp=False), {"wght": weight})
        cmap = set(font.getBestCmap())
        if weight == 400:
            rest = TTFont(variable, recalcTimestamp=False)
            rest = instantiateVariableFont(rest, {"wght": weight})
            subset_font(rest, cmap - common)
            name_instance(rest, "Noto Sans SC Ext", "Regular", weight)
            rest.save(HERE / "NotoSansSCExt-Regular.ttf")
        subset_font(font, cmap & common)
        name_instance(font, "Noto Sans SC", style, weight)
        font.save(HERE / f"NotoSansSC-{style}.ttf")
    shutil.copy(source_dir / "OFL.txt", HERE / "OFL-NotoSansSC.txt")


def build_latin(noto_root: pathlib.Path) -> None:
    noto = noto_root / "usr/share/fonts/truetype/noto"
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        shutil.copy(noto / f"NotoSans-{style}.ttf", HERE / f"NotoSans-{style}.ttf")
    shutil.copy(noto_root / "usr/share/doc/fonts-noto-core/copyright", HERE / "LICENSE-NotoSans.txt")
    atkinson = package_dir("fontpkg_atkinson_hyperlegible")
    for style in ("Regular", "Bold", "Italic", "BoldItalic"):
        name = f"AtkinsonHyperlegible-{style}.ttf"
        shutil.copy(atkinson / "files" / name, HERE / name)
    shutil.copy(atkinson / "LICENSE", HERE / "OFL-AtkinsonHyperlegible.txt")


def rename_shipped() -> None:
    """Apply name_instance to the shipped Chinese files in place (no download needed)."""
    for stem, family, style, weight in (
        ("NotoSansSC-Regular", "Noto Sans SC", "Regular", 400),
        ("NotoSansSC-Bold", "Noto Sans SC", "Bold", 700),
        ("NotoSansSCExt-Regular", "Noto Sans SC Ext", "Regular", 400),
    ):
        font = TTFont(HERE / f"{stem}.ttf", recalcTimestamp=False)
        name_instance(font, family, style, weight)
        font.save(HERE / f"{stem}.ttf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--noto-deb-root", type=pathlib.Path, default=pathlib.Path("/"))
    parser.add_argument("--rename-only", action="store_true", help="only fix the Chinese names")
    args = parser.parse_args()
    if args.rename_only:
        rename_shipped()
        return
    build_latin(args.noto_deb_root)
    build_chinese()


if __name__ == "__main__":
    main()
