"""A page checker: what a designer looks for on every page, read back from the PDF by PDFium.

`problems(data, kind)` returns one line per defect, naming the page and what is wrong:

- text outside the page (the trim), beyond a small tolerance;
- text printed over other text (two glyphs of different lines sharing most of their box);
- a booklet's fold through text: in an imposed print file no glyph crosses the sheet's middle,
  and on a reading booklet's page no text runs into the inner margin, where the fold and
  staples are;
- a page holding only a stranded piece: a few short lines (a strip without its step, a box title
  without its box) on a page that is neither a figure page nor blank;
- a Chinese paragraph ending on a line that holds one Han character (孤字);
- in a line that holds Chinese, an English month, weekday or protocol name (one language per
  side of a bilingual page);
- large print below its own minimum size outside the running head and foot;
- a Latin word or a number split across two lines without a hyphen or a break point (a word of
  the shipped text cut in two, digits on both sides of a line break; DOIs break at / or .);
- a bookmark, or a contents entry's page number, pointing at a page that does not show its
  heading;
- the cautions box (found by its fill) split over pages: it stays whole on one page in normal
  print; in large print a box taller than a page starts on a left-hand (even) page and runs
  onto the facing page, no further (a large-print booklet's box taller than a spread that starts
  on an even page and runs on over consecutive pages is its own, lesser kind).

The measures are deliberately simple (glyph boxes, baselines, sizes) so that a failure can be
checked by looking at the page it names.
"""

from __future__ import annotations

import ctypes
import functools
import io
import math
import pathlib
import re
from dataclasses import dataclass

import pypdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from pmr_print.theme import COLOUR, GRAY

EDGE = 0.5  # points a glyph box may poke past the page (a descender's antialiasing)
HEAD = 36.0  # points from the top: running heads live above
FOOT = 42.0  # points from the bottom: running feet and folios live below
INNER = 14.0  # points: a booklet page's text keeps this far from its inner edge (fold, staples)
LINE = 3.0  # glyphs whose baselines differ less are on one line
NOTES_PAGES = (["Notes"], ["笔记"], ["Notes · 笔记"])  # a booklet's ruled page's only heading
FIGURE_INK = 0.04  # a page with this share of ink is a figure page, not a scrap
CAUTION_FILLS = (COLOUR.caution_soft, GRAY.caution_soft)  # the cautions box's tint
STRIP_LEGEND = re.compile(r"\d+ s:|\d+秒：")  # a timing strip's legend: "Tense 5 s:", "收紧5秒："
HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
CLOSING = set("。，、；：！？）」』”’》〉】…—·")
FULL_WIDTH_MARKS = set("。，、；：！？）」』”’》〉】（「『“‘《〈【")
ENGLISH_ON_CHINESE = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Standard|Short|"
    r"Extended|Release-only|min|sec)\b"
)


@dataclass(frozen=True)
class Glyph:
    char: str
    left: float
    bottom: float
    right: float
    top: float
    baseline: float
    size: float
    after_space: bool = False  # the text page has a space (or line break) just before it
    turned: bool = False  # set a quarter turn anticlockwise (a log week turned on its page)
    origin_x: float = 0.0

    def reading(self) -> Glyph:
        """The glyph as the reader sees it once the page is turned upright: a turned glyph's
        line runs up the page, and the next line lies to its right."""
        if not self.turned:
            return self
        return Glyph(self.char, self.bottom, -self.right, self.top, -self.left, -self.origin_x,
                     self.size, self.after_space)  # fmt: skip


@dataclass(frozen=True)
class Line:
    glyphs: tuple[Glyph, ...]

    @property
    def text(self) -> str:
        """The glyphs in order, with the text page's word spaces."""
        return "".join((" " if g.after_space else "") + g.char for g in self.glyphs).strip()

    @property
    def left(self) -> float:
        return self.glyphs[0].left

    @property
    def right(self) -> float:
        return self.glyphs[-1].right

    @property
    def baseline(self) -> float:
        return self.glyphs[0].baseline

    @property
    def size(self) -> float:
        return max(glyph.size for glyph in self.glyphs)


@dataclass(frozen=True)
class Page:
    number: int  # from 1
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    ink: float

    def body(self) -> list[Glyph]:
        """Glyphs between the running head and the running foot."""
        return [g for g in self.glyphs if FOOT < g.baseline < self.height - HEAD]


def read(data: bytes, ink: bool = True) -> list[Page]:
    document = pdfium.PdfDocument(data)
    try:
        return [read_page(page, number, ink) for number, page in enumerate(document, start=1)]
    finally:
        document.close()


def read_page(page: pdfium.PdfPage, number: int, ink: bool) -> Page:
    textpage = page.get_textpage()
    glyphs = []
    space = False
    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1)
        if not char or char.isspace() or char in "\ufffe\x02":
            space = True
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_raw.FPDFText_GetCharOrigin(textpage.raw, index, ctypes.byref(x), ctypes.byref(y))
        size = pdfium_raw.FPDFText_GetFontSize(textpage.raw, index)
        # PDFium measures the angle clockwise: a quarter turn anticlockwise reads 3π/2
        angle = pdfium_raw.FPDFText_GetCharAngle(textpage.raw, index)
        turned = abs(angle - 1.5 * math.pi) < 0.1
        glyphs.append(Glyph(char, left, bottom, right, top, y.value, size, space, turned, x.value))
        space = False
    textpage.close()
    share = 0.0
    if ink:
        image = page.render(scale=0.2).to_pil().convert("L")
        data = image.tobytes()
        share = sum(1 for value in data if value < 200) / len(data)
    width, height = page.get_size()
    if page.get_rotation() in (90, 270):  # text boxes are in the page's own, unturned space
        width, height = height, width
    page.close()
    return Page(number, width, height, tuple(glyphs), share)


def lines_of(glyphs: list[Glyph]) -> list[Line]:
    """Glyphs grouped into lines: same baseline, and no wide gap (columns stay apart). Turned
    glyphs are read as the turned page is."""
    rows: list[list[Glyph]] = []
    upright = [glyph.reading() for glyph in glyphs]
    for glyph in sorted(upright, key=lambda g: (-round(g.baseline / LINE), g.left)):
        row = rows[-1] if rows else None
        if (
            row is not None
            and abs(row[-1].baseline - glyph.baseline) < LINE
            and glyph.left - row[-1].right < max(glyph.size, 1) * gap_allowed(row[-1], glyph)
        ):
            row.append(glyph)
        else:
            rows.append([glyph])
    return [Line(tuple(row)) for row in rows]


def gap_allowed(before: Glyph, after: Glyph) -> float:
    """How many ems of gap still join two glyphs into one line. Full-width punctuation inks a
    corner of its em ("。" bottom left, "（" right), so "腿。（也" shows 1.3 em between inks."""
    return 1.6 if before.char in FULL_WIDTH_MARKS or after.char in FULL_WIDTH_MARKS else 1.0


# --- the checks: each takes a page and yields what is wrong on it ---------------------------


def outside_the_page(page: Page) -> list[str]:
    out = [
        g
        for g in page.glyphs
        if g.left < -EDGE or g.right > page.width + EDGE or g.bottom < -EDGE
        or g.top > page.height + EDGE
    ]  # fmt: skip
    return [f"text off the page: {''.join(g.char for g in out[:20])!r}"] if out else []


def text_over_text(page: Page) -> list[str]:
    """Two glyphs of different lines whose boxes share most of the smaller one's area."""
    cells: dict[tuple[int, int], list[Glyph]] = {}
    found = []
    for glyph in page.glyphs:
        if glyph.right - glyph.left <= 0 or glyph.top - glyph.bottom <= 0:
            continue
        key = (int(glyph.left // 20), int(glyph.bottom // 20))
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in cells.get((key[0] + dx, key[1] + dy), ()):
                    if abs(other.baseline - glyph.baseline) >= LINE and overlap(glyph, other):
                        found.append(f"{other.char}/{glyph.char}")
        cells.setdefault(key, []).append(glyph)
    return [f"text over text: {len(found)} places, {' '.join(found[:6])}"] if found else []


def overlap(a: Glyph, b: Glyph) -> bool:
    width = min(a.right, b.right) - max(a.left, b.left)
    height = min(a.top, b.top) - max(a.bottom, b.bottom)
    if width <= 0 or height <= 0:
        return False
    smaller = min((a.right - a.left) * (a.top - a.bottom), (b.right - b.left) * (b.top - b.bottom))
    return width * height > 0.4 * smaller


def through_the_fold(page: Page) -> list[str]:
    """An imposed sheet: no glyph crosses the middle, where it is folded."""
    middle = page.width / 2
    crossing = [g for g in page.glyphs if g.left < middle - EDGE < middle + EDGE < g.right]
    return [f"text across the fold: {''.join(g.char for g in crossing)!r}"] if crossing else []


def into_the_gutter(page: Page) -> list[str]:
    """A reading booklet's page (1 is a right-hand page): text keeps out of the inner margin."""
    right_hand = page.number % 2 == 1
    if right_hand:
        near = [g for g in page.body() if g.left < INNER]
    else:
        near = [g for g in page.body() if g.right > page.width - INNER]
    return [f"text in the fold margin: {''.join(g.char for g in near[:20])!r}"] if near else []


def stranded(page: Page) -> list[str]:
    """A page whose text between head and foot is a scrap (two short lines or fewer)."""
    lines = lines_of(page.body())
    text = " / ".join(line.text for line in lines)
    one_size = bool(lines) and max(ln.size for ln in lines) < 1.4 * min(ln.size for ln in lines)
    if one_size and len(lines) <= 6 and len(text) < 240 and STRIP_LEGEND.search(text):
        return [f"a timing strip without its step: {text!r}"]  # its bar inks the page
    if not lines or page.ink >= FIGURE_INK:
        return []
    if [line.text for line in lines] in NOTES_PAGES:
        return []  # a page left over, ruled for notes: meant to hold nothing else
    if len(lines) <= 2 and sum(len(line.text) for line in lines) < 80:
        return [f"a stranded scrap on its own: {' / '.join(line.text for line in lines)!r}"]
    return []


def one_character_last_lines(page: Page) -> list[str]:
    """A line holding a single Han character (and closing punctuation) that ends a paragraph
    whose previous line, just above at the same left edge, is a full Chinese line."""
    lines = lines_of(page.glyphs)
    found = []
    for line in lines:
        text = line.text
        han = HAN.findall(text)
        if len(han) != 1 or any(c not in CLOSING and not HAN.match(c) for c in text):
            continue
        above = [
            other
            for other in lines
            if 0 < other.baseline - line.baseline < 1.9 * line.size
            and abs(other.left - line.left) < 3
            and len(HAN.findall(other.text)) >= 8
        ]
        if above:
            found.append(text)
    return [f"Chinese paragraph ends on one character: {found}"] if found else []


def english_on_the_chinese_side(page: Page) -> list[str]:
    found = []
    for line in lines_of(page.glyphs):
        # a bilingual line pairs its languages with " · ": each side is judged alone
        for side in line.text.split("·"):
            if HAN.search(side):
                found += [match.group(0) for match in ENGLISH_ON_CHINESE.finditer(side)]
    return [f"English words in Chinese lines: {sorted(set(found))}"] if found else []


def below_size(least: float):
    def check(page: Page) -> list[str]:
        small = [g for g in page.body() if g.size < least - 0.05 and g.char.isalnum()]
        if not small:
            return []
        sizes = sorted({round(g.size, 1) for g in small})
        sample = "".join(g.char for g in small[:24])
        return [f"large print set small: below {least} pt ({sizes}), {sample!r}"]

    return check


def bookmarks_astray(data: bytes, pages: list[Page]) -> list[str]:
    """Each bookmark's page shows the bookmark's title (spaces aside)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            number = reader.get_destination_page_number(item)
            title = squeeze(str(item.title))
            shown = squeeze("".join(g.char for g in pages[number].glyphs))
            # a bilingual bookmark "Cautions · 注意事项" may be set as two headings, on one page
            # or, from a left-hand page, over the spread (the first on the page it points at)
            parts = [part for part in re.split(r"[·/]", title) if part]
            if (number + 1) % 2 == 0 and number + 1 < len(pages) and parts and parts[0] in shown:
                shown += squeeze("".join(g.char for g in pages[number + 1].glyphs))
            if not all(part in shown for part in parts):
                found.append(f"bookmark astray: {item.title!r} points at page {number + 1}")

    walk(reader.outline)
    return found


def contents_astray(data: bytes, pages: list[Page]) -> list[str]:
    """Each contents entry (a link whose text ends in a page number) names a page that shows
    the entry's title."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found = []
    for page, number in zip(reader.pages, range(len(pages)), strict=True):
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            action = link.get("/A")
            if link.get("/Subtype") != "/Link" or (action and action.get("/S") != "/GoTo"):
                continue  # a web address, not a page of this document
            left, bottom, right, top = (float(v) for v in link["/Rect"])
            inside = [g for g in pages[number].glyphs
                      if left <= (g.left + g.right) / 2 <= right
                      and bottom <= (g.bottom + g.top) / 2 <= top]  # fmt: skip
            entry = re.fullmatch(r"(.*?)(\d+)", squeeze("".join(g.char for g in inside)))
            if entry is None or not entry.group(1):
                continue
            title, target = entry.group(1), int(entry.group(2))
            shown = squeeze("".join(g.char for g in pages[target - 1].glyphs)) if (
                0 < target <= len(pages)) else ""  # fmt: skip
            parts = [part for part in re.split(r"[·/]", title) if part]
            # as a bookmark: a bilingual title may span a spread from a left-hand page
            if target % 2 == 0 and target < len(pages) and parts and parts[0] in shown:
                shown += squeeze("".join(g.char for g in pages[target].glyphs))
            if not all(part in shown for part in parts):
                found.append(f"p. {number + 1}: contents astray: {title!r} gives page {target}")
    return found


def latin_split(page: Page, words: frozenset[str]) -> list[str]:
    """A Latin word or number cut at a line end without a hyphen: digits on both sides of the
    break, or two pieces that are not both words but join into a word of the shipped text."""
    lines = lines_of(page.glyphs)
    found = []
    for above in lines:
        below = next((line for line in lines
                      if 0 < above.baseline - line.baseline < 1.8 * above.size
                      and above.left - 2 <= line.left <= above.right), None)  # fmt: skip
        if below is None or not above.text or not below.text:
            continue
        tail, head = above.text.split()[-1], below.text.split()[0]
        a = re.search(r"[A-Za-z0-9]+$", tail)
        b = re.match(r"[a-z0-9]+", head)
        if a is None or b is None:
            continue
        piece, rest = a.group(0), b.group(0)
        # (a Chinese date under an English one, "2026年3月9日", is a line of its own)
        digits = piece[-1].isdigit() and rest[0].isdigit() and not HAN.match(head[len(rest) :])
        # a number is cut only when it is wider than its line: a column of figures ("5" above
        # "5", "10" above "10") is no cut number
        cut_width = below.glyphs[len(rest) - 1].right - below.left
        digits = digits and above.right - above.left > 3 * cut_width
        cut = (piece + rest).lower() in words and not (piece.lower() in words and rest in words)
        if digits or (piece.isalpha() and rest.isalpha() and cut):
            found.append(f"{piece}|{rest}")
    return [f"Latin word split over lines: {found}"] if found else []


@functools.cache
def shipped_words() -> frozenset[str]:
    """Every Latin word of the shipped text (guides, labels, messages), lower case."""
    root = pathlib.Path(__file__).resolve().parent.parent
    files = [*root.glob("content/*/*.md"), *root.glob("content/*/*.po"),
             *root.glob("pmr_print/messages/*.po")]  # fmt: skip
    words = {w.lower() for f in files for w in re.findall(r"[A-Za-z]+", f.read_text("utf-8"))}
    return frozenset(w for w in words if len(w) > 1 or w in ("a", "i"))


def caution_pages(data: bytes) -> list[int]:
    """The pages (from 1) holding a piece of the cautions box: a wide shape in its fill."""
    fills = {tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in CAUTION_FILLS}
    document = pdfium.PdfDocument(data)
    found = []
    try:
        for number, page in enumerate(document, start=1):
            for item in page.get_objects(max_depth=3):
                if item.type != pdfium_raw.FPDF_PAGEOBJ_PATH:
                    continue
                rgba = [ctypes.c_uint() for _ in range(4)]
                if not pdfium_raw.FPDFPageObj_GetFillColor(
                    item.raw, *(ctypes.byref(c) for c in rgba)
                ):
                    continue
                left, _, right, _ = item.get_bounds()
                if tuple(c.value for c in rgba[:3]) in fills and right - left > 100:
                    found.append(number)
                    break
    finally:
        document.close()
    return found


def cautions_split(
    pages: list[int], large: bool, booklet: bool = False, languages: bool = False
) -> list[str]:
    """Normal print: the box on one page. Large print: on one page, or starting on an even page
    and running onto the facing one. A large-print booklet's box taller than a spread (A5) that
    starts on an even page and runs over pages one after another is a lesser defect of its own
    kind: the reader opens the booklet on its first spread. `languages`: the two pages hold a
    language each (`a_language_a_page`), each box whole: in normal print too, over a spread."""
    consecutive = pages == list(range(pages[0], pages[0] + len(pages))) if pages else True
    spread = len(pages) == 2 and pages[0] % 2 == 0 and consecutive
    if len(pages) <= 1 or (spread and (large or languages)):
        return []
    span = f"pp. {pages[0]}–{pages[-1]}"
    if large and booklet and pages[0] % 2 == 0 and consecutive:
        return [f"p. {pages[0]}: cautions box over more than a spread: {len(pages)} pages ({span})"]
    return [f"p. {pages[0]}: cautions box split: over {len(pages)} pages ({span})"]


def squeeze(text: str) -> str:
    return "".join(text.split()).replace("\u00ad", "")


def problems(
    data: bytes,
    *,
    booklet: bool = False,
    imposed: bool = False,
    large_least: float | None = None,
    chinese: bool = False,
    cautions: bool = False,
) -> list[str]:
    """Every defect found, one line each: 'p. N: what: detail' (`kind` reads the what).
    `cautions`: the document holds the cautions box (handout, booklet), held to its rule."""
    pages = read(data)
    words = shipped_words()
    checks = [outside_the_page, text_over_text, lambda page: latin_split(page, words)]
    if not imposed:
        checks += [stranded]
    if chinese:
        checks += [one_character_last_lines, english_on_the_chinese_side]
    if imposed:
        checks += [through_the_fold]
    elif booklet:
        checks += [into_the_gutter]
    if large_least:
        checks += [below_size(large_least)]
    found = [f"p. {page.number}: {line}" for page in pages for check in checks
             for line in check(page)]  # fmt: skip
    found += bookmarks_astray(data, pages)
    if not imposed:  # an imposed sheet holds two pages: its contents name reading pages
        found += contents_astray(data, pages)
    if cautions:
        large = large_least is not None
        boxed = caution_pages(data)
        languages = a_language_a_page(pages, boxed)
        found += cautions_split(boxed, large, booklet and not imposed, languages)
    return found


def a_language_a_page(pages: list[Page], boxed: list[int]) -> bool:
    """Two pages of the cautions, no Chinese on the first (below its running head), Chinese on
    the second: a bilingual box set as a spread, the English whole on the left-hand page and
    its Chinese facing it (one box split over two pages has both languages on each)."""
    if len(boxed) != 2:
        return False
    left, right = ("".join(g.char for g in pages[n - 1].body()) for n in boxed)
    return not HAN.search(left) and bool(HAN.search(right))


def kind(problem: str) -> str:
    """What is wrong, without page or detail: 'p. 3: text off the page: x' → 'text off the page'."""
    return problem.removeprefix("p. ").split(": ")[1 if problem.startswith("p. ") else 0]
